import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { paths } from '@loyalty-elements/contract';
import type { LoyaltyClientOptions, Program } from '@loyalty-elements/sdk';
import '../define/loyalty-join-pitch.ts';
import '../define/loyalty-points-balance.ts';
import '../define/loyalty-tier-progress.ts';
import '../define/loyalty-birthday-greeting.ts';
import '../define/loyalty-ways-to-earn.ts';
import type { LoyaltyJoinPitch } from './join-pitch.ts';
import type { LoyaltyPointsBalance } from '../points-balance/points-balance.ts';
import { joinPitchStrings } from '../base/join-pitch.strings.ts';
import { compareInPage } from '../base/guest-pitch-registry.ts';
import { en, zhCN } from '../locales/index.ts';
import { tierProgressStrings } from '../tier-progress/tier-progress.strings.ts';
import { birthdayGreetingStrings } from '../birthday-greeting/birthday-greeting.strings.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  closeClients,
  quietClient,
  demoToken,
  nonMemberToken,
} from '../test-support/api.ts';
import { clean, part, parts, text, usePageLanguage } from '../test-support/widget.ts';

const s = joinPitchStrings.en;
const z = joinPitchStrings['zh-CN'];
const GUEST_WIDGETS = ['loyalty-tier-progress', 'loyalty-points-balance', 'loyalty-birthday-greeting'] as const;

/** A guest's client whose requests skip the HTTP cache and are listed in `seen`; `failProgram` answers it 503. */
async function guestClient(seen: string[] = [], failProgram = false, options: Partial<LoyaltyClientOptions> = {}) {
  return apiClient({
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      seen.push(path);
      if (failProgram && path === paths.program) return new Response('down', { status: 503 });
      return fetch(request, { cache: 'no-store' });
    },
    ...options,
  });
}

async function settled(el: LoyaltyJoinPitch): Promise<void> {
  await waitUntil(
    () => el.state !== 'loading' && (el.state !== 'guest' || !part(el, 'pitch')?.hasAttribute('aria-busy')),
    `<loyalty-join-pitch> stayed ${el.state}`,
    { timeout: 10_000 },
  );
  await el.updateComplete;
}

/** Every join pitch shown on the page, in widgets and elements alike. */
function pitchesIn(root: Element): Element[] {
  return [...root.querySelectorAll('*')].filter((el) => el.shadowRoot?.querySelector('[part~="pitch"]'));
}

describe('<loyalty-join-pitch>', () => {
  usePageLanguage('en');
  let program: Program;

  before(async () => {
    program = await (await guestClient()).getProgram();
  });
  afterEach(() => closeClients());

  it('invites a guest with the program’s name, what members get, Join now and Sign in, asking only for the program', async () => {
    const seen: string[] = [];
    const el = await fixture<LoyaltyJoinPitch>(
      html`<loyalty-join-pitch
        join-url="/account/join"
        sign-in-url="/account/sign-in"
        .client=${await guestClient(seen)}
      ></loyalty-join-pitch>`,
    );
    await settled(el);
    expect(el.state).to.equal('guest');
    const region = part(el, 'pitch')!;
    expect(region.tagName).to.equal('SECTION');
    expect(part(el, 'pitch-title')!.getAttribute('role')).to.equal('heading');
    expect(region.getAttribute('aria-labelledby')).to.equal(part(el, 'pitch-title')!.id);
    expect(text(el, 'pitch-title')).to.equal(`Join ${program.name}`);
    expect(text(el, 'pitch-intro')).to.equal(s.intro('points'));
    expect(parts(el, 'pitch-benefit').map(clean)).to.deep.equal([
      'Shop with us: 1 point per ¥1.',
      `A birthday gift of ${program.birthday!.points} points.`,
      `Answer a short survey: up to ${program.earning!.surveyPoints} points.`,
      'Refer a friend: after their first order you get 500 points and they get 300 points.',
      `Climb the tiers, ${new Intl.ListFormat('en').format(program.tiers.map((tier) => tier.name.en!))}, for more with each one.`,
    ]);
    expect(part<HTMLAnchorElement>(el, 'join-link')!.getAttribute('href')).to.equal('/account/join');
    expect(text(el, 'join-link')).to.equal(s.join);
    expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
    expect(seen).to.deep.equal([paths.program]);
    await expect(el).to.be.accessible();
  });

  it('reaches Join now and Sign in by keyboard, and fires loyalty-sign-in-requested without sign-in-url', async () => {
    const el = await fixture<LoyaltyJoinPitch>(
      html`<loyalty-join-pitch join-url="javascript:alert(1)" .client=${await guestClient()}></loyalty-join-pitch>`,
    );
    await settled(el);
    expect(part(el, 'join-link'), 'an unsafe join-url is dropped').to.equal(null);
    el.joinUrl = '/join';
    await el.updateComplete;
    const join = part<HTMLAnchorElement>(el, 'join-link')!;
    const signIn = part<HTMLButtonElement>(el, 'button')!;
    join.focus();
    expect(el.shadowRoot!.activeElement).to.equal(join);
    signIn.focus();
    expect(el.shadowRoot!.activeElement).to.equal(signIn);
    setTimeout(() => signIn.click());
    const event = await oneEvent(el, 'loyalty-sign-in-requested');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('takes its heading and intro from attributes, and speaks Simplified Chinese', async () => {
    const el = await fixture<LoyaltyJoinPitch>(
      html`<loyalty-join-pitch
        heading="Tea lovers’ club"
        intro="Free tea on your birthday."
        .client=${await guestClient()}
      ></loyalty-join-pitch>`,
    );
    await settled(el);
    expect(text(el, 'pitch-title')).to.equal('Tea lovers’ club');
    expect(text(el, 'pitch-intro')).to.equal('Free tea on your birthday.');

    el.heading = undefined;
    el.intro = undefined;
    el.lang = 'zh-CN';
    await waitUntil(() => text(el, 'pitch-title') === z.heading(program.name), 'the Chinese heading');
    expect(text(el, 'pitch-intro')).to.equal(z.intro('积分'));
    expect(clean(parts(el, 'pitch-benefit')[0])).to.equal('购物消费：每¥1可得1积分。');
    expect(text(el, 'button')).to.equal(zhCN.signIn);
    expect(part(el, 'pitch-benefits')!.getAttribute('aria-label')).to.equal(z.benefitsLabel);
    await expect(el).to.be.accessible();
  });

  it('shows a signed-in shopper nothing and takes no space', async () => {
    const client = await quietClient((await demoToken('demo-shopper')).token);
    const el = await fixture<LoyaltyJoinPitch>(html`<loyalty-join-pitch .client=${client}></loyalty-join-pitch>`);
    await waitUntil(() => el.state === 'hidden', 'hidden for a member', { timeout: 10_000 });
    await el.updateComplete;
    expect(el.hidden).to.equal(true);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(part(el, 'pitch')).to.equal(null);
  });

  it('invites a shopper signed in to the site whom the program does not have, with no session error', async () => {
    const client = await quietClient(await nonMemberToken());
    const errors: Event[] = [];
    const page = await fixture<HTMLElement>(
      html`<div @loyalty-error=${(event: Event) => errors.push(event)}>
        <loyalty-points-balance .client=${client}></loyalty-points-balance>
        <loyalty-join-pitch join-url="/account/join" .client=${client}></loyalty-join-pitch>
      </div>`,
    );
    const pitch = page.querySelector<LoyaltyJoinPitch>('loyalty-join-pitch')!;
    const balance = page.querySelector<LoyaltyPointsBalance>('loyalty-points-balance')!;
    await settled(pitch);
    expect(pitch.state).to.equal('guest');
    expect(text(pitch, 'pitch-title')).to.equal(`Join ${program.name}`);
    expect(part<HTMLAnchorElement>(pitch, 'join-link')!.getAttribute('href')).to.equal('/account/join');
    await waitUntil(() => balance.state === 'guest', `the balance stayed ${balance.state}`, { timeout: 10_000 });
    await balance.updateComplete;
    expect(text(balance, 'message')).not.to.equal(en.errorSession);
    expect(errors).to.deep.equal([]);
  });

  it('shows a failed read as a card whose words and Try again sit inside its border', async () => {
    const client = await quietClient((await demoToken()).token, { apiBase: CLOSED_API_BASE });
    const el = await fixture<LoyaltyJoinPitch>(html`<loyalty-join-pitch .client=${client}></loyalty-join-pitch>`);
    await waitUntil(() => el.state === 'error', `<loyalty-join-pitch> stayed ${el.state}`, { timeout: 10_000 });
    await el.updateComplete;
    const card = part(el, 'base')!.getBoundingClientRect();
    const inner = [part(el, 'message')!, part(el, 'button')!].map((node) => node.getBoundingClientRect());
    const inset = Math.min(
      ...inner.flatMap((box) => [box.left - card.left, card.right - box.right, card.bottom - box.bottom]),
    );
    expect(inset, 'the closest any content comes to the border, in px').to.be.at.least(8);
    await expect(el).to.be.accessible();
  });

  it('falls back to a compact sign-in line when the program cannot be read', async () => {
    const el = await fixture<LoyaltyJoinPitch>(
      html`<loyalty-join-pitch
        sign-in-url="/account/sign-in"
        .client=${await guestClient([], true)}
      ></loyalty-join-pitch>`,
    );
    await waitUntil(() => part(el, 'message') !== null, 'the compact line', { timeout: 10_000 });
    expect(text(el, 'message')).to.equal(s.guestMessage);
    expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
    expect(part(el, 'pitch')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('one pitch a page', () => {
    async function guestPage(withPitch: boolean, lang = 'en') {
      const client = await guestClient();
      // The ways to earn come first: a guest's list is its own content, so it never holds the pitch.
      const page = await fixture<HTMLDivElement>(
        html`<div lang=${lang}>
          <loyalty-ways-to-earn .client=${client}></loyalty-ways-to-earn>
          <div><loyalty-tier-progress sign-in-url="/in" .client=${client}></loyalty-tier-progress></div>
          <div><loyalty-points-balance sign-in-url="/in" .client=${client}></loyalty-points-balance></div>
          <div><loyalty-birthday-greeting sign-in-url="/in" .client=${client}></loyalty-birthday-greeting></div>
          ${withPitch ? html`<loyalty-join-pitch join-url="/join" .client=${client}></loyalty-join-pitch>` : nothing}
        </div>`,
      );
      const widgets = GUEST_WIDGETS.map((tag) => page.querySelector(tag)!);
      await waitUntil(
        () => widgets.every((el) => part(el, 'message') || part(el, 'pitch-benefit')),
        'every widget settled as a guest',
        { timeout: 10_000 },
      );
      return { page, widgets, client };
    }

    it('without a <loyalty-join-pitch>, the first guest widget in the page shows the pitch, the rest one line each', async () => {
      const { page, widgets } = await guestPage(false);
      const [tier, balance, birthday] = widgets;
      expect(pitchesIn(page)).to.deep.equal([tier]);
      expect(text(tier!, 'pitch-title')).to.equal(`Join ${program.name}`);
      expect(text(balance!, 'message')).to.equal(en.guestMessage);
      expect(text(birthday!, 'message')).to.equal(birthdayGreetingStrings.en.guestMessage);
      for (const el of [balance!, birthday!]) {
        const line = part(el, 'base')!;
        expect(line.classList.contains('base--guest')).to.equal(true);
        expect(line.getBoundingClientRect().height, 'one compact line').to.be.below(56);
      }
      await expect(page).to.be.accessible();

      // The pitch moves with the page, not with who answered first: remove the first widget, the next one takes it.
      tier!.parentElement!.remove();
      await waitUntil(() => pitchesIn(page)[0] === balance, 'the balance holds the pitch');
      expect(pitchesIn(page)).to.deep.equal([balance]);
      expect(text(birthday!, 'message')).to.equal(birthdayGreetingStrings.en.guestMessage);
    });

    it('with a <loyalty-join-pitch> anywhere on the page, every widget stays compact, in Chinese too', async () => {
      const { page, widgets } = await guestPage(true, 'zh-CN');
      const pitch = page.querySelector('loyalty-join-pitch')!;
      await settled(pitch);
      expect(pitchesIn(page)).to.deep.equal([pitch]);
      const [tier, balance, birthday] = widgets;
      expect(text(tier!, 'message')).to.equal(tierProgressStrings['zh-CN'].guestMessage);
      expect(text(balance!, 'message')).to.equal(zhCN.guestMessage);
      expect(text(birthday!, 'message')).to.equal(birthdayGreetingStrings['zh-CN'].guestMessage);
      expect(text(pitch, 'pitch-title')).to.equal(z.heading(program.name));

      pitch.remove();
      await waitUntil(() => pitchesIn(page)[0] === tier, 'the first widget takes the pitch back');
      expect(pitchesIn(page)).to.deep.equal([tier]);
    });
  });

  it('orders elements as the page shows them, into shadow roots', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <span id="a"></span>
        <div id="host"></div>
        <span id="b"></span>
      </div>`,
    );
    const root = page.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<i></i>';
    const inside = root.querySelector('i')!;
    const [a, b] = [page.querySelector('#a')!, page.querySelector('#b')!];
    expect(compareInPage(a, inside)).to.be.below(0);
    expect(compareInPage(inside, b)).to.be.below(0);
    expect(compareInPage(b, inside)).to.be.above(0);
  });
});
