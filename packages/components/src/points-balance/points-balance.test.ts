import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import type { LoyaltyError, Summary } from '@loyalty-elements/sdk';
import '../define/loyalty-points-balance.ts';
import { LoyaltyPointsBalance } from './points-balance.ts';
import { loyaltyClientContext } from '../client/context.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { pickLocalized } from '../locales/locales.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  birthdayToday,
  customerClient,
  demoToken,
  flakyTokenClient,
  forgedToken,
  gatedClient,
  newCustomerClient,
  summaryOf,
} from '../test-support/api.ts';
import { box, expectSameBox } from '../test-support/layout.ts';
import { onScreen } from '../test-support/colors.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';

type Part =
  | 'base'
  | 'label'
  | 'value'
  | 'points-name'
  | 'tier'
  | 'message'
  | 'button'
  | 'link'
  | 'skeleton'
  | 'pending'
  | 'expiry'
  | 'schedule-toggle'
  | 'schedule'
  | 'rewards-link';

function part<T extends HTMLElement = HTMLElement>(el: LoyaltyPointsBalance, name: Part): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function text(el: LoyaltyPointsBalance, name: Part): string {
  return part(el, name)?.textContent?.trim() ?? '';
}

function spokenSentence(el: LoyaltyPointsBalance): string {
  return (
    el.shadowRoot!.querySelector('[part~="base"] > .visually-hidden')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

async function settled(el: LoyaltyPointsBalance): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-points-balance> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function ready(el: LoyaltyPointsBalance): Promise<Summary> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal('ready');
  return el.summary!;
}

const format = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);

describe('<loyalty-points-balance>', () => {
  let documentLang: string;
  beforeEach(() => {
    documentLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = documentLang;
    setSharedClient(undefined);
  });

  describe('loading', () => {
    it('shows a busy skeleton right after it is attached, before data arrives', async () => {
      const { client, open } = await gatedClient();
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${client}></loyalty-points-balance>`,
      );

      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('[part~="skeleton"]').length).to.equal(4);
      expect(spokenSentence(el)).to.equal(en.loading);
      expect(part(el, 'value')).to.equal(null);
      await expect(el).to.be.accessible();

      open();
      await ready(el);
      expect(part(el, 'base')!.hasAttribute('aria-busy')).to.equal(false);
      expect(part(el, 'skeleton')).to.equal(null);
    });

    it('is in the loading state right after the fixture with an ungated real client too', async () => {
      const client = await customerClient();
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${client}></loyalty-points-balance>`,
      );
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'skeleton')).to.not.equal(null);
      await ready(el);
    });

    for (const [lang, rewardsUrl] of [
      ['en', undefined],
      ['zh-CN', undefined],
      ['en', '/rewards'],
    ] as const) {
      it(`keeps the same box from skeleton to data (${lang}${rewardsUrl ? ', with a rewards link' : ''}), so nothing shifts`, async () => {
        const { client, open } = await gatedClient();
        const wrapper = await fixture<HTMLDivElement>(html`
          <div style="inline-size: 360px" lang=${lang}>
            <loyalty-points-balance .client=${client} rewards-url=${rewardsUrl ?? nothing}></loyalty-points-balance>
          </div>
        `);
        const el = wrapper.querySelector('loyalty-points-balance')!;
        await el.updateComplete;
        expect(el.state).to.equal('loading');
        const loadingHost = box(el);
        const loadingBase = box(part(el, 'base'));

        open();
        await ready(el);
        expectSameBox(box(el), loadingHost);
        expectSameBox(box(part(el, 'base')), loadingBase);
        expect(loadingHost.height).to.be.greaterThan(40);
      });
    }
  });

  describe('ready', () => {
    it('shows the balance, points name, tier and greeting in English', async () => {
      const expected = await summaryOf('demo-shopper');
      const client = await customerClient('demo-shopper');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance lang="en" .client=${client}></loyalty-points-balance>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-ready'), ready(el)]);

      const points = format('en', expected.points.balance);
      const pointsName = pickLocalized(expected.program.pointsName, 'en');
      expect(text(el, 'value')).to.equal(points);
      expect(text(el, 'points-name')).to.equal(pointsName);
      expect(pointsName).to.equal(expected.program.pointsName['en']);
      expect(text(el, 'label')).to.equal(en.balanceLead(expected.customer.name));
      expect(text(el, 'label')).to.contain(expected.customer.name);
      expect(text(el, 'tier')).to.contain(pickLocalized(expected.tier.current.name, 'en'));
      expect(spokenSentence(el)).to.contain(`${expected.customer.name}, you have ${points} ${pointsName}.`);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
      expect(event.detail).to.deep.equal(expected);
      expect(event.bubbles && event.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('formats thousands with Intl (the demo shopper Lin Mei)', async () => {
      const expected = await summaryOf('demo-shopper');
      expect(expected.customer.name).to.equal('Lin Mei');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance>`,
      );
      await ready(el);
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
      if (expected.points.balance >= 1000) expect(text(el, 'value')).to.contain(',');
    });

    it('shows a zero balance for a new shopper', async () => {
      const expected = await summaryOf('demo-new');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient('demo-new')}></loyalty-points-balance>`,
      );
      await ready(el);
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
      expect(text(el, 'label')).to.contain(expected.customer.name);
      await expect(el).to.be.accessible();
    });

    it('says one point, not one points', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${await newCustomerClient({ name: 'Sam Lee', points: 1 })}
        ></loyalty-points-balance>`,
      );
      await ready(el);
      expect([text(el, 'value'), text(el, 'points-name')]).to.deep.equal(['1', 'point']);
      expect(spokenSentence(el)).to.contain('Sam Lee, you have 1 point.');
    });

    it('speaks Simplified Chinese from an ancestor lang', async () => {
      const expected = await summaryOf('demo-shopper');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="zh-CN"><loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance></div>
      `);
      const el = wrapper.querySelector('loyalty-points-balance')!;
      await ready(el);

      const points = format('zh-CN', expected.points.balance);
      const pointsName = pickLocalized(expected.program.pointsName, 'zh-CN');
      expect(pointsName).to.equal(expected.program.pointsName['zh-CN']);
      expect(pointsName).to.equal('积分');
      expect(text(el, 'value')).to.equal(points);
      expect(text(el, 'points-name')).to.equal(pointsName);
      expect(text(el, 'label')).to.equal(zhCN.balanceLead(expected.customer.name));
      expect(text(el, 'tier')).to.contain(pickLocalized(expected.tier.current.name, 'zh-CN'));
      expect(spokenSentence(el)).to.contain(
        zhCN.balanceSentence(expected.customer.name, points, expected.points.balance, pointsName),
      );
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(el).to.be.accessible();
    });

    it("speaks Simplified Chinese from its own lang and from the document's", async () => {
      const expected = await summaryOf('demo-shopper');
      const own = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance lang="zh-Hans" .client=${await customerClient()}></loyalty-points-balance>`,
      );
      await ready(own);
      expect(text(own, 'points-name')).to.equal(pickLocalized(expected.program.pointsName, 'zh-CN'));

      document.documentElement.lang = 'zh';
      const fromDocument = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance>`,
      );
      await ready(fromDocument);
      expect(text(fromDocument, 'points-name')).to.equal(pickLocalized(expected.program.pointsName, 'zh-CN'));
      expect(text(fromDocument, 'label')).to.equal(zhCN.balanceLead(expected.customer.name));
    });

    it('re-renders when lang changes at runtime: on the element, an ancestor, the document', async () => {
      const expected = await summaryOf('demo-shopper');
      const zhName = pickLocalized(expected.program.pointsName, 'zh-CN');
      const enName = pickLocalized(expected.program.pointsName, 'en');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div><loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance></div>
      `);
      const el = wrapper.querySelector('loyalty-points-balance')!;
      await ready(el);
      expect(text(el, 'points-name')).to.equal(enName);

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'points-name') === zhName, 'element lang');
      expect(text(el, 'label')).to.equal(zhCN.balanceLead(expected.customer.name));

      el.removeAttribute('lang');
      await waitUntil(() => text(el, 'points-name') === enName, 'element lang removed');

      wrapper.lang = 'zh-SG';
      await waitUntil(() => text(el, 'points-name') === zhName, 'ancestor lang');
      wrapper.removeAttribute('lang');
      await waitUntil(() => text(el, 'points-name') === enName, 'ancestor lang removed');

      document.documentElement.lang = 'zh-CN';
      await waitUntil(() => text(el, 'points-name') === zhName, 'document lang');
      expect(text(el, 'value')).to.equal(format('zh-CN', expected.points.balance));
    });

    it('renders API strings as text, never as HTML', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient('demo-gold')}></loyalty-points-balance>`,
      );
      const summary = await ready(el);
      expect(text(el, 'label')).to.contain(summary.customer.name);
      for (const name of ['label', 'points-name', 'tier'] as const) {
        expect(part(el, name)!.children.length, name).to.equal(0);
      }
    });

    it('fetches again when its client changes', async () => {
      const shopper = await summaryOf('demo-shopper');
      const gold = await summaryOf('demo-gold');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient('demo-shopper')}></loyalty-points-balance>`,
      );
      await ready(el);
      expect(text(el, 'label')).to.contain(shopper.customer.name);

      const next = oneEvent(el, 'loyalty-ready');
      el.client = await customerClient('demo-gold');
      const event = await next;
      await el.updateComplete;
      expect(event.detail.customer.name).to.equal(gold.customer.name);
      expect(text(el, 'label')).to.contain(gold.customer.name);
      expect(text(el, 'value')).to.equal(format('en', gold.points.balance));
    });
  });

  describe('pending points, expiry and rewards', () => {
    const date = (instant: string, locale: string, timeZone: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(instant));

    it('shows pending points and the next expiry, and opens the schedule from the keyboard', async () => {
      const expected = await summaryOf('demo-shopper');
      const { pending, expiring } = expected.points;
      expect(pending, 'the demo shopper has pending points').to.be.above(0);
      expect(expiring.length, 'the demo shopper has points that expire').to.be.above(0);
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient('demo-shopper')}></loyalty-points-balance>`,
      );
      await ready(el);
      const timeZone = expected.customer.timezone;
      expect(text(el, 'pending')).to.equal(en.pendingLabel(format('en', pending)));
      expect(text(el, 'expiry')).to.equal(
        en.expiringLabel(date(expiring[0]!.expiresAt, 'en', timeZone), format('en', expiring[0]!.points)),
      );

      const toggle = part<HTMLButtonElement>(el, 'schedule-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(part(el, 'schedule')!.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const items = [...part(el, 'schedule')!.querySelectorAll('li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(items).to.deep.equal(
        expiring.slice(0, 3).map((batch) => `${date(batch.expiresAt, 'en', timeZone)} ${format('en', batch.points)}`),
      );
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    });

    for (const [shopper, lang, width] of [
      ['demo-shopper', 'en', 375],
      ['demo-shopper', 'zh-CN', 375],
      ['demo-gold', 'en', 320],
    ] as const) {
      it(`on a ${width} px phone, shows pending points and the expiry in full, with no shift (${shopper}, ${lang})`, async () => {
        await setViewport({ width, height: 800 });
        try {
          const { client, open } = await gatedClient(shopper);
          const wrapper = await fixture<HTMLDivElement>(html`
            <div style="inline-size: ${width - 32}px" lang=${lang}>
              <loyalty-points-balance .client=${client} rewards-url="/rewards"></loyalty-points-balance>
            </div>
          `);
          const el = wrapper.querySelector('loyalty-points-balance')!;
          await el.updateComplete;
          const loading = box(el);
          open();
          await ready(el);
          expectSameBox(box(el), loading);
          const [pending, expiry] = [part(el, 'pending'), part(el, 'expiry')!];
          const meta = expiry.parentElement!;
          for (const line of [pending, expiry, meta]) {
            if (!line) continue;
            expect(line.scrollWidth, `"${line.textContent}" is cut short`).to.be.at.most(line.clientWidth);
            expect(line.scrollHeight, `"${line.textContent}" is cut off below`).to.be.at.most(line.clientHeight + 1);
          }
          if (pending) {
            expect(expiry.getBoundingClientRect().top).to.be.greaterThan(pending.getBoundingClientRect().bottom - 1);
          }
          await expect(el).to.be.accessible();
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    it('says so in Chinese, with Chinese dates', async () => {
      const expected = await summaryOf('demo-shopper');
      const wrapper = await fixture<HTMLElement>(html`
        <div lang="zh-CN">
          <loyalty-points-balance .client=${await customerClient('demo-shopper')}></loyalty-points-balance>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-points-balance')!;
      await ready(el);
      const next = expected.points.expiring[0]!;
      expect(text(el, 'pending')).to.equal(zhCN.pendingLabel(format('zh-CN', expected.points.pending)));
      expect(text(el, 'expiry')).to.equal(
        zhCN.expiringLabel(date(next.expiresAt, 'zh-CN', expected.customer.timezone), format('zh-CN', next.points)),
      );
      expect(text(el, 'schedule-toggle')).to.equal(zhCN.scheduleToggle);
    });

    it('tells a new member nothing expires, with no pending line and no schedule', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient('demo-new')}></loyalty-points-balance>`,
      );
      await ready(el);
      expect(part(el, 'pending')).to.equal(null);
      expect(text(el, 'expiry')).to.equal(en.noneExpiring);
      expect(part(el, 'schedule-toggle')).to.equal(null);
    });

    it('links to rewards-url, and drops a URL that is not http(s)', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${await customerClient('demo-shopper')}
          rewards-url="/account/rewards"
        ></loyalty-points-balance>`,
      );
      await ready(el);
      const link = part<HTMLAnchorElement>(el, 'rewards-link')!;
      expect(link.getAttribute('href')).to.equal('/account/rewards');
      expect(link.textContent!.trim()).to.equal(en.rewardsLink);
      el.rewardsUrl = 'javascript:alert(1)';
      await el.updateComplete;
      expect(part(el, 'rewards-link')).to.equal(null);
    });
  });

  describe('live updates', () => {
    it('shows a write made elsewhere on the page, in every balance, without a reload or a skeleton', async () => {
      // A new shopper whose birthday (on the merchant's record) is today: the seeded demo-birthday keeps its claim.
      const client = await newCustomerClient({ name: 'Zhou Xin', birthday: birthdayToday() });
      const before = await client.getSummary();
      expect(before.birthday?.claimable, 'a shopper whose birthday is today can claim').to.equal(true);
      const container = await fixture<HTMLElement>(html`
        <div>
          <loyalty-points-balance .client=${client}></loyalty-points-balance>
          <loyalty-points-balance .client=${client}></loyalty-points-balance>
        </div>
      `);
      const balances = [...container.querySelectorAll<LoyaltyPointsBalance>('loyalty-points-balance')];
      for (const el of balances) await ready(el);
      let skeletonShown = false;
      const watch = new MutationObserver(() => {
        if (balances.some((el) => part(el, 'skeleton'))) skeletonShown = true;
      });
      for (const el of balances) watch.observe(el.shadowRoot!, { subtree: true, childList: true });

      const updated = balances.map((el) => oneEvent(el, 'loyalty-ready'));
      // Two presses, as an impatient shopper would: one claim.
      const [claim, again] = await Promise.all([client.claimBirthdayReward(), client.claimBirthdayReward()]);
      expect(again.entry.id).to.equal(claim.entry.id);
      await Promise.all(updated);
      watch.disconnect();
      for (const el of balances) {
        await el.updateComplete;
        expect(text(el, 'value')).to.equal(format('en', claim.balance));
      }
      expect(claim.balance).to.be.above(before.points.balance);
      expect(skeletonShown, 'the old balance stays on screen until the new one is there').to.equal(false);
    });

    it('follows identify() to another customer and logout() to the guest state', async () => {
      const gold = await summaryOf('demo-gold');
      const client = await customerClient('demo-shopper');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${client}></loyalty-points-balance>`,
      );
      await ready(el);

      const switched = oneEvent(el, 'loyalty-ready');
      await client.identify((await demoToken('demo-gold')).token);
      expect((await switched).detail.customer.name).to.equal(gold.customer.name);
      await el.updateComplete;
      expect(text(el, 'value')).to.equal(format('en', gold.points.balance));

      await client.logout();
      await waitUntil(() => el.state === 'guest', `stayed ${el.state}`, { timeout: 10_000 });
      expect(text(el, 'value')).to.equal('');
    });
  });

  describe('guest', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('asks a guest to sign in with a button when there is no sign-in-url', async () => {
      const errors: Event[] = [];
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${await apiClient()}
          @loyalty-error=${(event: Event) => errors.push(event)}
        ></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(en.guestMessage);
      expect(part(el, 'link')).to.equal(null);
      const button = part<HTMLButtonElement>(el, 'button')!;
      expect(button.textContent!.trim()).to.equal(en.signIn);
      await expect(el).to.be.accessible();

      setTimeout(() => button.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(errors).to.have.length(0);
    });

    it('links to sign-in-url, localized', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="zh-CN">
          <loyalty-points-balance
            sign-in-url="/account/login?next=rewards"
            .client=${await apiClient()}
          ></loyalty-points-balance>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-points-balance')!;
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(el.signInUrl).to.equal('/account/login?next=rewards');
      const link = part<HTMLAnchorElement>(el, 'link')!;
      expect(link.getAttribute('href')).to.equal('/account/login?next=rewards');
      expect(link.textContent!.trim()).to.equal(zhCN.signIn);
      expect(text(el, 'message')).to.equal(zhCN.guestMessage);
      expect(part(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('ignores a sign-in-url that is not http(s)', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          sign-in-url="javascript:alert(1)"
          .client=${await apiClient()}
        ></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(part(el, 'link')).to.equal(null);
      expect(part(el, 'button')).to.not.equal(null);
    });
  });

  describe('error', () => {
    it('says the network failed when the API cannot be reached, once per failure', async () => {
      const errors: CustomEvent<LoyaltyError>[] = [];
      const client = await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token });
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${client}
          @loyalty-error=${(event: CustomEvent<LoyaltyError>) => errors.push(event)}
        ></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'button')).to.equal(en.retry);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.code).to.equal('network');
      expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === zhCN.errorNetwork, 'localized network message');
      expect(errors).to.have.length(1);

      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => errors.length === 2, 'a second failure fires a second loyalty-error', { timeout: 10_000 });
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(errors[1]!.detail).to.not.equal(errors[0]!.detail);
    });

    it('says the session is no longer valid for a forged token', async () => {
      const client = await apiClient({ customerToken: await forgedToken() });
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${client}></loyalty-points-balance>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(el.state).to.equal('error');
      expect(['unauthorized', 'token_expired']).to.include(event.detail.code);
      expect(event.detail.status).to.equal(401);
      expect(text(el, 'message')).to.equal(en.errorSession);
      await expect(el).to.be.accessible();
    });

    it('recovers when the client is replaced after a session error', async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${await apiClient({ customerToken: await forgedToken() })}
        ></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      el.client = await customerClient('demo-shopper');
      await waitUntil(() => el.state === 'ready', 'ready after a new client', { timeout: 10_000 });
      await el.updateComplete;
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
    });

    it('retries: the button reruns the request and the balance appears', async () => {
      const expected = await summaryOf('demo-shopper');
      const errors: CustomEvent<LoyaltyError>[] = [];
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance
          .client=${await flakyTokenClient()}
          @loyalty-error=${(event: CustomEvent<LoyaltyError>) => errors.push(event)}
        ></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      expect(errors).to.have.length(1);
      await expect(el).to.be.accessible();

      const readyEvent = oneEvent(el, 'loyalty-ready');
      part<HTMLButtonElement>(el, 'button')!.click();
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      await readyEvent;
      await ready(el);
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
      expect(errors).to.have.length(1);
    });

    it('shows a clear error, not a blank box, when no client is configured', async () => {
      const errors: Event[] = [];
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance @loyalty-error=${(event: Event) => errors.push(event)}></loyalty-points-balance>`,
      );
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNoClient);
      expect(part(el, 'button')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(40);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('reaches the retry button with Tab and retries with Enter', async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await flakyTokenClient()}></loyalty-points-balance>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      (document.activeElement as HTMLElement | null)?.blur();

      await sendKeys({ press: 'Tab' });
      const button = part<HTMLButtonElement>(el, 'button')!;
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(getComputedStyle(button, null).outlineStyle).to.not.equal('none');

      await sendKeys({ press: 'Enter' });
      await ready(el);
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
      // Focus does not fall back to <body> when the button goes away.
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'base'));
    });
  });

  describe('finding a client', () => {
    it('loads once the page sets the shared client after the element is attached', async () => {
      setSharedClient(undefined);
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyPointsBalance>(html`<loyalty-points-balance></loyalty-points-balance>`);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNoClient);

      const readyEvent = oneEvent(el, 'loyalty-ready');
      setSharedClient(await customerClient('demo-shopper'));
      await readyEvent;
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(text(el, 'value')).to.equal(format('en', expected.points.balance));
      await expect(el).to.be.accessible();
    });

    it('prefers its own client, then a provided one, then the shared one', async () => {
      const shopper = await summaryOf('demo-shopper');
      const gold = await summaryOf('demo-gold');
      const fresh = await summaryOf('demo-new');
      setSharedClient(await customerClient('demo-shopper'));

      const provider = await fixture<HTMLDivElement>(html`<div></div>`);
      new ContextProvider(provider, { context: loyaltyClientContext, initialValue: await customerClient('demo-gold') });
      const provided = document.createElement('loyalty-points-balance');
      const own = document.createElement('loyalty-points-balance');
      own.client = await customerClient('demo-new');
      const shared = document.createElement('loyalty-points-balance');
      provider.append(provided, own);
      provider.after(shared);

      await Promise.all([ready(provided), ready(own), ready(shared)]);
      expect(text(provided, 'label')).to.contain(gold.customer.name);
      expect(text(own, 'label')).to.contain(fresh.customer.name);
      expect(text(shared, 'label')).to.contain(shopper.customer.name);
      shared.remove();
    });
  });

  describe('theming', () => {
    afterEach(async () => {
      document.documentElement.style.removeProperty('--loyalty-color-primary');
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    });

    it('takes --loyalty-color-primary from the page for the value part', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance>`,
      );
      await ready(el);
      const value = part(el, 'value')!;
      const before = getComputedStyle(value).color;

      document.documentElement.style.setProperty('--loyalty-color-primary', 'rgb(200, 0, 90)');
      expect(onScreen(getComputedStyle(value).color)).to.equal('rgb(200, 0, 90)');
      expect(before).to.not.equal('rgb(200, 0, 90)');

      el.style.setProperty('--loyalty-points-balance-value-color', 'rgb(0, 100, 0)');
      expect(getComputedStyle(value).color).to.equal('rgb(0, 100, 0)');
      await expect(el).to.be.accessible();
    });

    it('has dark defaults, from the media query or the color-scheme attribute', async () => {
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${await customerClient()}></loyalty-points-balance>`,
      );
      await ready(el);
      const base = part(el, 'base')!;
      const light = getComputedStyle(base).backgroundColor;

      el.colorScheme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('color-scheme')).to.equal('dark');
      const dark = getComputedStyle(base).backgroundColor;
      expect(dark).to.not.equal(light);
      await expect(el).to.be.accessible();

      el.colorScheme = undefined;
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(base).backgroundColor).to.equal(dark);
      el.colorScheme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal(light);
    });

    it('stops the skeleton shimmer when motion is reduced', async () => {
      const { client, open } = await gatedClient();
      const el = await fixture<LoyaltyPointsBalance>(
        html`<loyalty-points-balance .client=${client}></loyalty-points-balance>`,
      );
      const bone = part(el, 'skeleton')!;
      expect(getComputedStyle(bone).animationName).to.not.equal('none');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(bone).animationName).to.equal('none');
      open();
      await ready(el);
    });
  });

  describe('registration', () => {
    it('can be defined twice without throwing', async () => {
      expect(customElements.get('loyalty-points-balance')).to.equal(LoyaltyPointsBalance);
      expect(() => LoyaltyPointsBalance.define()).to.not.throw();
      expect(() => LoyaltyPointsBalance.define('loyalty-points-balance')).to.not.throw();
      await import('../define/loyalty-points-balance.ts');
      expect(customElements.get('loyalty-points-balance')).to.equal(LoyaltyPointsBalance);

      expect(() => LoyaltyPointsBalance.define('loyalty-points-balance-alias')).to.not.throw();
      const alias = customElements.get('loyalty-points-balance-alias');
      expect(alias && alias.prototype instanceof LoyaltyPointsBalance).to.equal(true);
    });
  });
});
