import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { paths, type ProgramSettings } from '@loyalty-elements/contract';
import type { LoyaltyClient, LoyaltyClientOptions, Program } from '@loyalty-elements/sdk';
import '../define/loyalty-ways-to-earn.ts';
import '../define/loyalty-tier-progress.ts';
import { LoyaltyWaysToEarn } from './ways-to-earn.ts';
import { waysToEarnStrings } from './ways-to-earn.strings.ts';
import { en, zhCN } from '../locales/index.ts';
import { setSharedClient } from '../client/shared-client.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  birthdayToday,
  closeClients,
  demoToken,
  newShopper,
  quietClient,
  type NewShopperOptions,
} from '../test-support/api.ts';
import { Network, clean, part, parts, text, usePageLanguage } from '../test-support/widget.ts';

const s = waysToEarnStrings.en;
const z = waysToEarnStrings['zh-CN'];
const WELCOME_BONUS = 100;
const GOLD_MULTIPLIER = 1.5;

/**
 * Every request of these tests skips the browser's HTTP cache: the program is publicly cacheable for five minutes,
 * and this suite changes it. `rewrite` may change what the API answered for a path.
 */
function freshFetch(rewrite?: (path: string, body: unknown) => unknown, seen: string[] = []): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    seen.push(path);
    const response = await fetch(request, { cache: 'no-store' });
    const replaced = rewrite?.(path, await response.clone().json());
    return replaced === undefined ? response : Response.json(replaced, { headers: { ETag: '"rewritten"' } });
  };
}

async function shopperClient(
  options: NewShopperOptions = {},
  clientOptions: Partial<LoyaltyClientOptions> = {},
): Promise<LoyaltyClient> {
  return quietClient((await newShopper({ name: 'Lin Mei', ...options })).token, {
    fetch: freshFetch(),
    ...clientOptions,
  });
}

const guestClient = (clientOptions: Partial<LoyaltyClientOptions> = {}) =>
  apiClient({ fetch: freshFetch(), retry: { limit: 0 }, ...clientOptions });

async function settled(el: LoyaltyWaysToEarn): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-ways-to-earn> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function mount(client: LoyaltyClient | undefined, attributes = { lang: 'en', birthdayUrl: '' }) {
  const el = await fixture<LoyaltyWaysToEarn>(
    html`<loyalty-ways-to-earn
      lang=${attributes.lang}
      birthday-url=${ifDefined(attributes.birthdayUrl || undefined)}
      .client=${client}
    ></loyalty-ways-to-earn>`,
  );
  await settled(el);
  return el;
}

const wayText = (el: LoyaltyWaysToEarn, kind: string) => clean(part(el, `way-${kind}`)?.querySelector('.way-text'));

describe('<loyalty-ways-to-earn>', () => {
  usePageLanguage('en');
  let original: ProgramSettings;
  let program: Program;

  // The demo program rewards joining and Gold members earn faster while this suite runs; the files run one at a time.
  before(async () => {
    original = (await executeServerCommand<ProgramSettings, object>('loyalty-program-settings', {}))!;
    const tiers = original.tiers.map((tier) =>
      tier.id === 'gold' ? { ...tier, earnMultiplier: GOLD_MULTIPLIER } : tier,
    );
    await executeServerCommand('loyalty-program-settings', { patch: { welcomeBonus: WELCOME_BONUS, tiers } });
    program = await (await guestClient()).getProgram();
  });
  afterEach(() => {
    setSharedClient(undefined);
    closeClients();
  });
  after(async () => {
    const { welcomeBonus, tiers } = original;
    await executeServerCommand('loyalty-program-settings', { patch: { welcomeBonus, tiers } });
  });

  it('shows a busy skeleton of four rows until the ways arrive', async () => {
    const { token } = await newShopper();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const client = await apiClient({ fetch: freshFetch(), getCustomerToken: () => gate.then(() => token) });
    const el = await fixture<LoyaltyWaysToEarn>(html`<loyalty-ways-to-earn .client=${client}></loyalty-ways-to-earn>`);
    expect(el.state).to.equal('loading');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(parts(el, 'skeleton').length).to.equal(5, 'the title and four ways');
    const loadingHeight = part(el, 'base')!.getBoundingClientRect().height;
    await expect(el).to.be.accessible();
    open();
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(part(el, 'base')!.getBoundingClientRect().height, 'the same box').to.be.closeTo(loadingHeight, 2);
  });

  it('lists a member’s ways with the figures of GET /v1/program: shopping, birthday, survey, referral; no welcome bonus', async () => {
    const el = await mount(await shopperClient());
    expect(el.state).to.equal('ready');
    expect(program.earning).to.deep.equal({
      earnRate: 1,
      welcomeBonus: WELCOME_BONUS,
      surveyPoints: 50,
      referral: { referrerPoints: 500, friendPoints: 300 },
    });
    expect(part(el, 'list')!.tagName).to.equal('UL');
    expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
    expect(text(el, 'title')).to.equal(s.title('points'));
    expect(parts(el, 'way').map((way) => way.getAttribute('part'))).to.deep.equal([
      'way way-shop',
      'way way-birthday',
      'way way-survey',
      'way way-referral',
    ]);
    expect(wayText(el, 'shop')).to.equal('Shop with us: 1 point per ¥1.');
    expect(wayText(el, 'birthday')).to.equal(s.birthdayMissing(String(program.birthday!.points), 200, 'points'));
    expect(wayText(el, 'survey')).to.equal('Answer a short survey: up to 50 points.');
    expect(wayText(el, 'referral')).to.equal(
      'Refer a friend: after their first order you get 500 points and they get 300 points.',
    );
    expect(part(el, 'birthday-link'), 'no birthday-url, no link').to.equal(null);
    for (const way of parts(el, 'way')) expect(clean(way)).to.match(/^[^.]+\.$/, 'one sentence');
    await expect(el).to.be.accessible();
  });

  it('links a member without a birthday to birthday-url, and tells one with a birthday it is saved', async () => {
    const without = await mount(await shopperClient(), { lang: 'en', birthdayUrl: '/account/birthday' });
    const link = part<HTMLAnchorElement>(without, 'birthday-link')!;
    expect(link.getAttribute('href')).to.equal('/account/birthday');
    expect(clean(link)).to.equal(s.addBirthday);
    link.focus();
    expect(without.shadowRoot!.activeElement, 'reachable by keyboard').to.equal(link);
    await expect(without).to.be.accessible();

    const saved = await mount(await shopperClient({ birthday: birthdayToday() }), {
      lang: 'en',
      birthdayUrl: '/account/birthday',
    });
    expect(wayText(saved, 'birthday')).to.equal('A birthday gift of 200 points: your birthday is saved.');
    expect(part(saved, 'birthday-link')).to.equal(null);
  });

  it('shows a Gold member the multiplier of their tier, from the program and the summary', async () => {
    const client = await quietClient((await demoToken('demo-gold')).token, { fetch: freshFetch() });
    const summary = await client.getSummary();
    expect(summary.tier.current.id).to.equal('gold');
    expect(program.tiers.find((tier) => tier.id === 'gold')!.earnMultiplier).to.equal(GOLD_MULTIPLIER);
    const el = await mount(client);
    expect(wayText(el, 'shop')).to.equal('Gold members earn 1.5×: 1.5 points per ¥1.');
    el.lang = 'zh-CN';
    await waitUntil(() => wayText(el, 'shop') === '金卡会员享1.5倍：每¥1可得1.5积分。', 'the Chinese multiplier');
  });

  it('speaks Simplified Chinese, numbers and currency through Intl', async () => {
    const el = await mount(await shopperClient(), { lang: 'zh-CN', birthdayUrl: '/account/birthday' });
    expect(text(el, 'title')).to.equal('如何赚取积分');
    expect(wayText(el, 'shop')).to.equal('购物消费：每¥1可得1积分。');
    expect(wayText(el, 'birthday')).to.equal(z.birthdayMissing('200', 200, '积分'));
    expect(wayText(el, 'survey')).to.equal('回答一份简短问卷：最多可得50积分。');
    expect(wayText(el, 'referral')).to.equal('推荐好友：好友首次下单后，您得500积分，好友得300积分。');
    expect(text(el, 'birthday-link')).to.equal(z.addBirthday);
    await expect(el).to.be.accessible();
  });

  it('shows a guest the ways to earn with the welcome bonus, compact, asking only for the program', async () => {
    const seen: string[] = [];
    const client = await guestClient({ fetch: freshFetch(undefined, seen) });
    const el = await fixture<LoyaltyWaysToEarn>(
      html`<loyalty-ways-to-earn sign-in-url="/account/sign-in" .client=${client}></loyalty-ways-to-earn>`,
    );
    await settled(el);
    expect(el.state).to.equal('guest');
    expect(part(el, 'base')!.classList.contains('base--compact')).to.equal(true);
    expect(parts(el, 'way').map((way) => clean(way))).to.deep.equal([
      'Shop with us: 1 point per ¥1.',
      `Join and get ${WELCOME_BONUS} points.`,
      'A birthday gift of 200 points.',
      'Answer a short survey: up to 50 points.',
      'Refer a friend: after their first order you get 500 points and they get 300 points.',
    ]);
    expect(text(el, 'message')).to.equal(s.guestMessage);
    expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
    expect(seen).to.deep.equal([new URL(paths.program, 'http://x/').pathname]);
    await expect(el).to.be.accessible();

    el.signInUrl = undefined;
    el.lang = 'zh-CN';
    await waitUntil(() => text(el, 'button') === zhCN.signIn, 'a Chinese sign-in button');
    expect(wayText(el, 'welcome')).to.equal(`加入即得${WELCOME_BONUS}积分。`);
    setTimeout(() => part<HTMLButtonElement>(el, 'button')!.click());
    const event = await oneEvent(el, 'loyalty-sign-in-requested');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('says so in a sentence when the program rewards none of its ways', async () => {
    const nothingToEarn = (path: string, body: unknown) =>
      path.endsWith(paths.program)
        ? { ...(body as Program), birthday: null, earning: { earnRate: 0, welcomeBonus: 0, surveyPoints: 0 } }
        : undefined;
    const el = await mount(await shopperClient({}, { fetch: freshFetch(nothingToEarn) }));
    expect(el.state).to.equal('empty');
    expect(text(el, 'message')).to.equal(s.empty('points'));
    expect(part(el, 'list')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks nothing more when another widget on the page already read the program and the summary', async () => {
    const seen: string[] = [];
    setSharedClient(await shopperClient({}, { fetch: freshFetch(undefined, seen) }));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><loyalty-tier-progress></loyalty-tier-progress><loyalty-ways-to-earn></loyalty-ways-to-earn></div>`,
    );
    await settled(wrapper.querySelector('loyalty-ways-to-earn')!);
    expect(seen.map((path) => path.replace(/^.*\/v1\//, '')).sort()).to.deep.equal(['me/summary', 'program']);
  });

  describe('errors', () => {
    it('says the network failed, with a retry that recovers and keeps focus', async () => {
      const network = new Network();
      network.online = false;
      const el = await mount(await shopperClient({}, { fetch: (input, init) => network.fetch(input, init) }));
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      network.online = true;
      part<HTMLButtonElement>(el, 'button')!.focus();
      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => el.state === 'ready', 'ready after the retry', { timeout: 10_000 });
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.not.equal(null);
    });

    it('says something went wrong for a malformed program', async () => {
      const broken = (path: string) => (path.endsWith(paths.program) ? { broken: true } : undefined);
      const client = await shopperClient({}, { fetch: freshFetch(broken) });
      const el = await fixture<LoyaltyWaysToEarn>(
        html`<loyalty-ways-to-earn .client=${client}></loyalty-ways-to-earn>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(el.state).to.equal('error');
      expect(event.detail.code).to.not.equal('signed_out');
      expect(text(el, 'message')).to.equal(s.errorOther);
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === z.errorOther, 'the Chinese message');
    });

    it('says the session has ended for an expired token', async () => {
      const { customerId } = await newShopper();
      const expired = await executeServerCommand<string, object>('loyalty-customer-token', {
        customerId,
        ttlSeconds: -600,
      });
      const client = await quietClient(expired!, { fetch: freshFetch() });
      const el = await fixture<LoyaltyWaysToEarn>(
        html`<loyalty-ways-to-earn .client=${client}></loyalty-ways-to-earn>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('token_expired');
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorSession);
      await expect(el).to.be.accessible();
    });

    it('fails clearly when the API is unreachable or no client is configured', async () => {
      const unreachable = await mount(await guestClient({ apiBase: CLOSED_API_BASE }));
      expect(unreachable.state).to.equal('error');
      expect(text(unreachable, 'message')).to.equal(en.errorNetwork);
      const none = await fixture<LoyaltyWaysToEarn>(html`<loyalty-ways-to-earn></loyalty-ways-to-earn>`);
      expect(none.state).to.equal('error');
      expect(text(none, 'message')).to.equal(s.errorNoClient);
      expect(part(none, 'button')).to.equal(null);
    });
  });

  it('is defined once, harmlessly twice, and exported', async () => {
    expect(customElements.get('loyalty-ways-to-earn')).to.equal(LoyaltyWaysToEarn);
    expect(() => LoyaltyWaysToEarn.define()).to.not.throw();
    expect((await import('../index.ts')).LoyaltyWaysToEarn).to.equal(LoyaltyWaysToEarn);
  });
});
