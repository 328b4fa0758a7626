import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { PROBLEM_CONTENT_TYPE, paths, type Program, type Summary } from '@loyalty-elements/contract';
import { createLoyaltyClient, type LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-tier-progress.ts';
import '../define/loyalty-points-balance.ts';
import { LoyaltyTierProgress } from './tier-progress.ts';
import { formatDate, formatMoney } from './tier-view.ts';
import { tierProgressStrings } from './tier-progress.strings.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { pickLocalized } from '../locales/locales.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  customerClient,
  demoToken,
  flakyTokenClient,
  forgedToken,
  gatedClient,
  summaryOf,
} from '../test-support/api.ts';
import { box, expectSameBox } from '../test-support/layout.ts';
import { onScreen } from '../test-support/colors.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';

const s = tierProgressStrings;

type Part =
  | 'base'
  | 'label'
  | 'tier'
  | 'next-tier'
  | 'track'
  | 'indicator'
  | 'value'
  | 'message'
  | 'risk'
  | 'benefits-toggle'
  | 'benefits'
  | 'benefits-heading'
  | 'benefit'
  | 'button'
  | 'link'
  | 'skeleton';

function part<T extends HTMLElement = HTMLElement>(el: LoyaltyTierProgress, name: Part): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function parts(el: LoyaltyTierProgress, name: Part): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(el: LoyaltyTierProgress, name: Part): string {
  return part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function settled(el: LoyaltyTierProgress): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-tier-progress> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function shown(el: LoyaltyTierProgress, state: 'ready' | 'empty' = 'ready'): Promise<Summary> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal(state);
  return el.summary!;
}

/** The progress bar's ARIA numbers and text. */
function bar(el: LoyaltyTierProgress) {
  const track = part(el, 'track')!;
  expect(track.getAttribute('role')).to.equal('progressbar');
  return {
    min: Number(track.getAttribute('aria-valuemin')),
    max: Number(track.getAttribute('aria-valuemax')),
    now: Number(track.getAttribute('aria-valuenow')),
    text: track.getAttribute('aria-valuetext'),
    label: track.getAttribute('aria-label'),
  };
}

/** How much of the track the indicator fills, 0–1. */
function filled(el: LoyaltyTierProgress): number {
  return part(el, 'indicator')!.getBoundingClientRect().width / part(el, 'track')!.getBoundingClientRect().width;
}

const format = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);
const date = (locale: string, iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));

// A fake API for what the reference API cannot show on demand: the top tier, tiers by spend,
// precise dates. The client is a real SDK client (validation and all); only `fetch` is replaced.

const FIXED_TIERS = {
  bronze: { id: 'bronze', name: { en: 'Bronze', 'zh-CN': '铜卡' } },
  silver: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } },
  gold: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
  diamond: { id: 'diamond', name: { en: 'Diamond', 'zh-CN': '钻石卡' } },
};

function programOf(metric: 'points' | 'spend', currency: string, thresholds: [number, number, number]): Program {
  const window = { type: 'rolling', months: 12 } as const;
  const [silver, gold, diamond] = thresholds;
  return {
    name: metric === 'spend' ? 'Silk Road Boutique' : 'Demo Tea House',
    pointsName: { en: 'points', 'zh-CN': '积分' },
    timezone: 'Asia/Shanghai',
    currency,
    pointsExpiryMonths: 12,
    birthday: null,
    tiers: [
      { ...FIXED_TIERS.bronze, threshold: 0, metric, window, benefits: [{ en: 'Birthday gift', 'zh-CN': '生日礼' }] },
      {
        ...FIXED_TIERS.silver,
        threshold: silver,
        metric,
        window,
        benefits: [
          { en: 'Birthday gift', 'zh-CN': '生日礼' },
          { en: 'Free shipping', 'zh-CN': '包邮' },
        ],
      },
      {
        ...FIXED_TIERS.gold,
        threshold: gold,
        metric,
        window,
        benefits: [
          { en: 'Birthday gift', 'zh-CN': '生日礼' },
          { en: 'Free shipping', 'zh-CN': '包邮' },
          { en: 'Early access to sales', 'zh-CN': '优先购' },
        ],
      },
      {
        ...FIXED_TIERS.diamond,
        threshold: diamond,
        metric,
        window,
        benefits: [
          { en: 'Free shipping', 'zh-CN': '包邮' },
          { en: 'Personal stylist', 'zh-CN': '专属顾问' },
        ],
      },
    ],
  };
}

const pointsProgram = programOf('points', 'CNY', [1_000, 5_000, 20_000]);
/** Tiers by spend in fen: Silver ¥2,000, Gold ¥8,000, Diamond ¥30,000. */
const spendProgram = programOf('spend', 'CNY', [200_000, 800_000, 3_000_000]);

function summaryWith(tier: Summary['tier'], timezone = 'Asia/Shanghai'): Summary {
  return {
    customer: { id: 'fake-shopper', name: 'Wang Fang', locale: 'zh-CN', timezone },
    program: { name: 'Fake program', pointsName: { en: 'points', 'zh-CN': '积分' } },
    points: { balance: 1_200, pending: 0, lifetimeEarned: 4_000, expiring: [] },
    tier,
    birthday: null,
    surveysDue: [],
  };
}

const topTier = summaryWith({
  current: FIXED_TIERS.diamond,
  next: null,
  progress: { metric: 'points', qualified: 24_000, nextThreshold: null, remaining: 0 },
  windowEndsAt: '2027-07-03T04:00:00.000Z',
  atRisk: null,
});

const topTierAtRisk = summaryWith({
  current: FIXED_TIERS.diamond,
  next: null,
  progress: { metric: 'points', qualified: 21_000, nextThreshold: null, remaining: 0 },
  windowEndsAt: '2027-07-03T04:00:00.000Z',
  atRisk: { retainThreshold: 20_000, remaining: 1 },
});

/** ¥3,380 of ¥8,000 toward Gold; ¥380.50 more keeps Silver. The window ends at 04:00 on 1 Jan in Shanghai. */
const spendAtRisk = summaryWith({
  current: FIXED_TIERS.silver,
  next: FIXED_TIERS.gold,
  progress: { metric: 'spend', qualified: 338_000, nextThreshold: 800_000, remaining: 462_000 },
  windowEndsAt: '2026-12-31T20:00:00.000Z',
  atRisk: { retainThreshold: 200_000, remaining: 38_050 },
});

const spendNew = summaryWith({
  current: FIXED_TIERS.bronze,
  next: FIXED_TIERS.silver,
  progress: { metric: 'spend', qualified: 0, nextThreshold: 200_000, remaining: 200_000 },
  windowEndsAt: null,
  atRisk: null,
});

interface FakeApi {
  client: LoyaltyClient;
  /** What `GET /v1/me/summary` answers next. */
  summary: Summary;
  program: Program;
  requests: { summary: number; program: number };
}

function fakeApi(summary: Summary, program: Program = pointsProgram): FakeApi {
  const api: FakeApi = { client: undefined!, summary, program, requests: { summary: 0, program: 0 } };
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    const json = (body: unknown, status = 200, type = 'application/json') =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
    if (path.endsWith(paths.summary)) {
      api.requests.summary += 1;
      return json(api.summary);
    }
    if (path.endsWith(paths.program)) {
      api.requests.program += 1;
      return json(api.program);
    }
    return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' }, 404, PROBLEM_CONTENT_TYPE);
  };
  api.client = createLoyaltyClient({
    apiBase: 'https://fake-loyalty.test/',
    publishableKey: 'pk_test_fake',
    customerToken: 'fake-customer-token',
    fetch: fakeFetch,
  });
  return api;
}

describe('<loyalty-tier-progress>', () => {
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
    it('shows a busy skeleton until data arrives', async () => {
      const { client, open } = await gatedClient();
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${client}></loyalty-tier-progress>`,
      );

      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(parts(el, 'skeleton').length).to.equal(5);
      expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal(s.en.loading);
      expect(part(el, 'track')).to.equal(null);
      await expect(el).to.be.accessible();

      open();
      await shown(el);
      expect(part(el, 'base')!.hasAttribute('aria-busy')).to.equal(false);
      expect(part(el, 'skeleton')).to.equal(null);
    });

    for (const [lang, variant] of [
      ['en', 'full'],
      ['zh-CN', 'full'],
      ['en', 'compact'],
      ['zh-CN', 'compact'],
    ] as const) {
      it(`keeps the same box from skeleton to data (${lang}, ${variant}), so nothing shifts`, async () => {
        const { client, open } = await gatedClient('demo-gold');
        const wrapper = await fixture<HTMLDivElement>(html`
          <div style="inline-size: 360px" lang=${lang}>
            <loyalty-tier-progress variant=${variant} .client=${client}></loyalty-tier-progress>
          </div>
        `);
        const el = wrapper.querySelector('loyalty-tier-progress')!;
        await el.updateComplete;
        expect(el.state).to.equal('loading');
        const loadingHost = box(el);
        const loadingBase = box(part(el, 'base'));

        open();
        await shown(el);
        expectSameBox(box(el), loadingHost);
        expectSameBox(box(part(el, 'base')), loadingBase);
        expect(loadingHost.height).to.be.greaterThan(variant === 'full' ? 120 : 30);
      });
    }

    it('keeps the same box for a new member (empty) too', async () => {
      const { client, open } = await gatedClient('demo-new');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress style="inline-size: 320px" .client=${client}></loyalty-tier-progress>`,
      );
      const loading = box(el);
      open();
      await shown(el, 'empty');
      expectSameBox(box(el), loading);
    });
  });

  describe('ready (tiers by points, the real API)', () => {
    it("shows the tier, the next one and a progress bar with the API's numbers", async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress lang="en" .client=${await customerClient('demo-shopper')}></loyalty-tier-progress>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-ready'), shown(el)]);
      const { tier } = expected;
      expect(tier.next, 'the demo shopper has a tier above').to.not.equal(null);
      const current = pickLocalized(tier.current.name, 'en');
      const next = pickLocalized(tier.next!.name, 'en');
      const pointsName = pickLocalized(expected.program.pointsName, 'en');
      const qualified = format('en', tier.progress.qualified);
      const threshold = format('en', tier.progress.nextThreshold!);

      expect(text(el, 'label')).to.equal(s.en.label);
      expect(text(el, 'tier')).to.equal(current);
      expect(text(el, 'next-tier')).to.equal(`Next: ${next}`);
      expect(bar(el)).to.deep.equal({
        min: 0,
        max: tier.progress.nextThreshold,
        now: tier.progress.qualified,
        text: `${qualified} of ${threshold} ${pointsName} toward ${next}`,
        label: `Progress to ${next}`,
      });
      expect(text(el, 'value')).to.equal(`${qualified} / ${threshold} ${pointsName}`);
      const by = tier.windowEndsAt ? date('en', tier.windowEndsAt, expected.customer.timezone) : undefined;
      expect(text(el, 'message')).to.equal(
        s.en.reachPoints(format('en', tier.progress.remaining), tier.progress.remaining, pointsName, next, by),
      );
      if (by) expect(text(el, 'message')).to.contain(`by ${by} to reach ${next}`);
      expect(part(el, 'risk')).to.equal(null);
      expect(filled(el)).to.be.closeTo(tier.progress.qualified / tier.progress.nextThreshold!, 0.02);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
      expect(el.program?.tiers.length).to.be.above(1);
      expect(event.detail).to.deep.equal(expected);
      expect(event.bubbles && event.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('speaks Simplified Chinese from an ancestor lang, numbers and dates included', async () => {
      const expected = await summaryOf('demo-shopper');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="zh-CN"><loyalty-tier-progress .client=${await customerClient()}></loyalty-tier-progress></div>
      `);
      const el = wrapper.querySelector('loyalty-tier-progress')!;
      await shown(el);
      const { tier } = expected;
      const current = pickLocalized(tier.current.name, 'zh-CN');
      const next = pickLocalized(tier.next!.name, 'zh-CN');
      const qualified = format('zh-CN', tier.progress.qualified);
      const threshold = format('zh-CN', tier.progress.nextThreshold!);
      const by = tier.windowEndsAt ? date('zh-CN', tier.windowEndsAt, expected.customer.timezone) : undefined;

      expect(text(el, 'label')).to.equal('当前等级');
      expect(text(el, 'tier')).to.equal(current);
      expect(text(el, 'next-tier')).to.equal(`下一等级：${next}`);
      expect(text(el, 'value')).to.equal(`${qualified}/${threshold}积分`);
      expect(bar(el).text).to.equal(`升级${next}：已获得${qualified}/${threshold}积分`);
      expect(text(el, 'message')).to.equal(
        s['zh-CN'].reachPoints(format('zh-CN', tier.progress.remaining), tier.progress.remaining, '积分', next, by),
      );
      if (by) expect(by).to.match(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text(el, 'benefits-toggle')).to.equal('等级权益');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(el).to.be.accessible();
    });

    it('re-renders when lang changes at runtime', async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${await customerClient()}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'tier')).to.equal(pickLocalized(expected.tier.current.name, 'en'));
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'tier') === pickLocalized(expected.tier.current.name, 'zh-CN'), 'element lang');
      document.documentElement.lang = 'zh';
      el.removeAttribute('lang');
      await el.updateComplete;
      expect(text(el, 'label')).to.equal('当前等级');
      document.documentElement.lang = 'en';
      await waitUntil(() => text(el, 'label') === s.en.label, 'document lang');
    });

    it('warns when the current tier is at risk, with the date in the customer’s time zone', async () => {
      const expected = await summaryOf('demo-gold');
      const { tier } = expected;
      expect(tier.atRisk, 'demo-gold is at risk').to.not.equal(null);
      expect(tier.windowEndsAt).to.not.equal(null);
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${await customerClient('demo-gold')}></loyalty-tier-progress>`,
      );
      await shown(el);
      const current = pickLocalized(tier.current.name, 'en');
      const by = date('en', tier.windowEndsAt!, expected.customer.timezone);
      const keep = format('en', tier.atRisk!.remaining);

      expect(part(el, 'risk')).to.equal(part(el, 'message'));
      expect(text(el, 'risk')).to.equal(`Earn ${keep} more points by ${by} to keep ${current}.`);
      // The bar still shows the way to the next tier, with the API's numbers.
      expect(bar(el).now).to.equal(tier.progress.qualified);
      expect(bar(el).max).to.equal(tier.progress.nextThreshold);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => part(el, 'base')!.getAttribute('lang') === 'zh-CN', 'zh-CN');
      const zhBy = date('zh-CN', tier.windowEndsAt!, expected.customer.timezone);
      expect(text(el, 'risk')).to.equal(
        `${zhBy}前再获得${format('zh-CN', tier.atRisk!.remaining)}积分，即可保留${pickLocalized(tier.current.name, 'zh-CN')}等级。`,
      );
      await expect(el).to.be.accessible();
    });

    it('formats the deadline in the customer’s time zone, not the browser’s', async () => {
      // 20:00 UTC on 31 Dec is already 1 Jan in Shanghai, still 31 Dec in Los Angeles.
      const shanghai = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(spendAtRisk, spendProgram).client}></loyalty-tier-progress>`,
      );
      const losAngeles = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          .client=${fakeApi({ ...spendAtRisk, customer: { ...spendAtRisk.customer, timezone: 'America/Los_Angeles' } }, spendProgram).client}
        ></loyalty-tier-progress>`,
      );
      await Promise.all([shown(shanghai), shown(losAngeles)]);
      expect(text(shanghai, 'risk')).to.contain('by Jan 1, 2027');
      expect(text(losAngeles, 'risk')).to.contain('by Dec 31, 2026');
      expect(formatDate('2026-12-31T20:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).to.equal('2027年1月1日');
    });

    it('renders API strings as text, never as HTML', async () => {
      const api = fakeApi(
        summaryWith({
          current: { id: 'x', name: { en: '<img src=x onerror=alert(1)>' } },
          next: { id: 'y', name: { en: '<b>Gold</b>' } },
          progress: { metric: 'points', qualified: 10, nextThreshold: 100, remaining: 90 },
          windowEndsAt: null,
          atRisk: null,
        }),
      );
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${api.client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'tier')).to.equal('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    });
  });

  describe('empty: a new member', () => {
    it('encourages a first goal: "Earn 1,000 points to reach Silver"', async () => {
      const expected = await summaryOf('demo-new');
      const { tier } = expected;
      expect(tier.progress.qualified).to.equal(0);
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${await customerClient('demo-new')}></loyalty-tier-progress>`,
      );
      await shown(el, 'empty');
      const next = pickLocalized(tier.next!.name, 'en');
      const remaining = format('en', tier.progress.remaining);
      expect(text(el, 'message')).to.equal(`Earn ${remaining} points to reach ${next}. Every order brings you closer!`);
      expect(bar(el)).to.include({ min: 0, now: 0, max: tier.progress.nextThreshold });
      expect(filled(el)).to.equal(0);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message').startsWith('获得'), 'zh-CN');
      expect(text(el, 'message')).to.equal(
        `获得${format('zh-CN', tier.progress.remaining)}积分，即可升级${pickLocalized(tier.next!.name, 'zh-CN')}。每笔订单都让您更近一步！`,
      );
      await expect(el).to.be.accessible();
    });

    it('says "point" for one', () => {
      expect(s.en.reachPoints('1', 1, 'points', 'Gold')).to.equal('Earn 1 more point to reach Gold.');
      expect(s.en.pointsOf('0', '1', 1, 'Stars')).to.equal('0 / 1 Star');
      expect(s.en.reachPoints('2', 2, 'points', 'Gold')).to.equal('Earn 2 more points to reach Gold.');
      expect(s['zh-CN'].reachPoints('1', 1, '积分', '金卡')).to.equal('再获得1积分，即可升级金卡。');
      expect(s['zh-CN'].reachPoints('1', 1, 'Stars', '金卡')).to.equal('再获得1 Stars，即可升级金卡。');
    });
  });

  describe('top tier', () => {
    it('fills the bar and says so', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(topTier).client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'tier')).to.equal('Diamond');
      expect(text(el, 'next-tier')).to.equal('Top tier');
      expect(text(el, 'message')).to.equal('You’ve reached our top tier. Enjoy every benefit!');
      expect(text(el, 'value')).to.equal('24,000 points this qualifying period');
      expect(bar(el)).to.deep.equal({
        min: 0,
        max: 100,
        now: 100,
        text: 'Diamond: you’ve reached our top tier',
        label: 'Tier progress',
      });
      expect(filled(el)).to.be.closeTo(1, 0.01);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'next-tier') === '最高等级', 'zh-CN');
      expect(text(el, 'message')).to.equal('您已达到最高等级，尽享全部会员权益！');
      expect(text(el, 'value')).to.equal('本考核期有效积分：24,000');
    });

    it('still warns when the top tier is at risk', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(topTierAtRisk).client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'risk')).to.equal('Earn 1 more point by Jul 3, 2027 to keep Diamond.');
      await expect(el).to.be.accessible();
    });

    it('dates the warning by when the tier would be lost, which may come after the window’s first end', async () => {
      const later = summaryWith({
        ...topTierAtRisk.tier,
        atRisk: {
          retainThreshold: 20_000,
          remaining: 1,
          at: '2027-09-20T04:00:00.000Z',
          dropsTo: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
        },
      });
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(later).client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'risk')).to.equal('Earn 1 more point by Sep 20, 2027 to keep Diamond.');
    });
  });

  describe('tiers by spend (money in minor units)', () => {
    it('formats money with the currency’s own decimals', () => {
      const cny = (value: number, digits: number) =>
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: 'CNY',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(value);
      expect(formatMoney(38_000, 'CNY', 'en')).to.equal(cny(380, 0));
      expect(formatMoney(38_050, 'CNY', 'en')).to.equal(cny(380.5, 2));
      expect(formatMoney(38_050, 'CNY', 'en')).to.contain('380.50');
      expect(formatMoney(38_000, 'CNY', 'zh-CN')).to.equal('¥380');
      // Yen have no minor unit: 380 is ¥380.
      expect(formatMoney(380, 'JPY', 'en')).to.equal(
        new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(380),
      );
      expect(formatMoney(123_456_789, 'USD', 'en')).to.equal('$1,234,567.89');
    });

    it('shows spend amounts, the bar and the at-risk message in money', async () => {
      const api = fakeApi(spendAtRisk, spendProgram);
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${api.client}></loyalty-tier-progress>`,
      );
      await shown(el);
      const money = (minor: number) => formatMoney(minor, 'CNY', 'en');
      expect(text(el, 'value')).to.equal(`${money(338_000)} / ${money(800_000)} spent`);
      expect(bar(el)).to.deep.equal({
        min: 0,
        max: 800_000,
        now: 338_000,
        text: `${money(338_000)} of ${money(800_000)} spent toward Gold`,
        label: 'Progress to Gold',
      });
      expect(money(38_050)).to.contain('380.50');
      expect(text(el, 'risk')).to.equal(`Spend ${money(38_050)} more by Jan 1, 2027 to keep Silver.`);
      expect(filled(el)).to.be.closeTo(338_000 / 800_000, 0.02);
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'value').startsWith('已消费'), 'zh-CN');
      expect(text(el, 'value')).to.equal('已消费¥3,380/¥8,000');
      expect(text(el, 'risk')).to.equal('2027年1月1日前再消费¥380.50，即可保留银卡等级。');
      expect(api.requests).to.deep.equal({ summary: 1, program: 1 });
    });

    it('encourages a new member to spend toward the first tier', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(spendNew, spendProgram).client}></loyalty-tier-progress>`,
      );
      await shown(el, 'empty');
      const money = formatMoney(200_000, 'CNY', 'en');
      expect(text(el, 'message')).to.equal(`Spend ${money} to reach Silver. Every order brings you closer!`);
      await expect(el).to.be.accessible();
    });
  });

  describe('compact variant', () => {
    it('shows only the bar and one line', async () => {
      const expected = await summaryOf('demo-shopper');
      const { tier } = expected;
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress variant="compact" .client=${await customerClient()}></loyalty-tier-progress>`,
      );
      await shown(el);
      const current = pickLocalized(tier.current.name, 'en');
      const next = pickLocalized(tier.next!.name, 'en');
      expect(text(el, 'message')).to.equal(`${current} · ${format('en', tier.progress.remaining)} points to ${next}`);
      expect(bar(el).now).to.equal(tier.progress.qualified);
      for (const name of ['tier', 'value', 'benefits-toggle', 'benefits'] as const) {
        expect(part(el, name), name).to.equal(null);
      }
      await expect(el).to.be.accessible();
    });

    it('switches variant when the attribute changes, keeping the data', async () => {
      const api = fakeApi(spendAtRisk, spendProgram);
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${api.client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(part(el, 'benefits-toggle')).to.not.equal(null);
      el.setAttribute('variant', 'compact');
      await el.updateComplete;
      expect(el.variant).to.equal('compact');
      expect(part(el, 'benefits-toggle')).to.equal(null);
      expect(text(el, 'risk')).to.equal(`Spend ${formatMoney(38_050, 'CNY', 'en')} by Jan 1, 2027 to keep Silver`);

      el.variant = 'full';
      await el.updateComplete;
      expect(el.getAttribute('variant')).to.equal('full');
      expect(part(el, 'benefits-toggle')).to.not.equal(null);
      expect(api.requests).to.deep.equal({ summary: 1, program: 1 });
    });

    it('says top tier in one line', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          variant="compact"
          lang="zh-CN"
          .client=${fakeApi(topTier).client}
        ></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(text(el, 'message')).to.equal('钻石卡 · 最高等级');
      await expect(el).to.be.accessible();
    });
  });

  describe('benefits and the keyboard', () => {
    it('opens and closes the benefits with Tab, Enter and Space', async () => {
      const expected = await summaryOf('demo-shopper');
      const program = await (await apiClient()).getProgram();
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${await customerClient()}></loyalty-tier-progress>`,
      );
      await shown(el);
      (document.activeElement as HTMLElement | null)?.blur();
      const toggle = part<HTMLButtonElement>(el, 'benefits-toggle')!;
      const panel = part(el, 'benefits')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(panel.id);
      expect(panel.hidden).to.equal(true);
      expect(panel.getBoundingClientRect().height).to.equal(0);

      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(toggle);
      expect(getComputedStyle(toggle).outlineStyle).to.not.equal('none');

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(el.benefitsOpen).to.equal(true);
      expect(el.hasAttribute('benefits-open')).to.equal(true);
      expect(panel.hidden).to.equal(false);
      expect(panel.getBoundingClientRect().height).to.be.above(20);

      const tierOf = (id: string) => program.tiers.find((tier) => tier.id === id)!;
      const current = tierOf(expected.tier.current.id).benefits.map((b) => pickLocalized(b, 'en'));
      const next = tierOf(expected.tier.next!.id).benefits.map((b) => pickLocalized(b, 'en'));
      const headings = parts(el, 'benefits-heading').map((node) => node.textContent!.trim());
      expect(headings).to.deep.equal([
        `Your ${pickLocalized(expected.tier.current.name, 'en')} benefits`,
        `Unlock with ${pickLocalized(expected.tier.next!.name, 'en')}`,
      ]);
      const shownBenefits = parts(el, 'benefit').map((node) => node.textContent!.trim());
      // The current tier's benefits, then only what the next tier adds.
      expect(shownBenefits).to.deep.equal([...current, ...next.filter((benefit) => !current.includes(benefit))]);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(panel.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(toggle);

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    });

    it('starts open with benefits-open, and stays open through a live update', async () => {
      const api = fakeApi(topTier);
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress benefits-open .client=${api.client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(part<HTMLButtonElement>(el, 'benefits-toggle')!.getAttribute('aria-expanded')).to.equal('true');
      // The top tier lists its own benefits only.
      expect(parts(el, 'benefits-heading').map((node) => node.textContent!.trim())).to.deep.equal([
        'Your Diamond benefits',
      ]);
      expect(parts(el, 'benefit').map((node) => node.textContent!.trim())).to.deep.equal([
        'Free shipping',
        'Personal stylist',
      ]);

      api.summary = topTierAtRisk;
      await api.client.getSummary({ revalidate: true });
      await waitUntil(() => part(el, 'risk') !== null, 'the at-risk update');
      expect(part(el, 'benefits')!.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('right to left', () => {
    it('fills the bar from the inline start', async () => {
      const expected = await summaryOf('demo-shopper');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div dir="rtl" style="inline-size: 360px">
          <loyalty-tier-progress .client=${await customerClient()}></loyalty-tier-progress>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-tier-progress')!;
      await shown(el);
      const track = part(el, 'track')!.getBoundingClientRect();
      const indicator = part(el, 'indicator')!.getBoundingClientRect();
      const ratio = expected.tier.progress.qualified / expected.tier.progress.nextThreshold!;
      expect(ratio).to.be.above(0).and.below(1);
      expect(Math.abs(indicator.right - track.right), 'starts at the right edge').to.be.at.most(1);
      expect(indicator.left - track.left, 'leaves the left part empty').to.be.above(track.width * (1 - ratio) - 2);
      // The next tier sits at the inline end: the left.
      expect(part(el, 'next-tier')!.getBoundingClientRect().left).to.be.below(
        part(el, 'tier')!.getBoundingClientRect().left,
      );
      // English keeps its word order on a right-to-left page: the full stop ends the sentence at the
      // right edge, instead of jumping to the left of the last line.
      const message = part(el, 'message')!;
      const words = [...message.childNodes].find(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
      )!;
      const stop = document.createRange();
      const end = words.textContent!.trimEnd().length;
      stop.setStart(words, end - 1);
      stop.setEnd(words, end);
      expect(stop.toString()).to.equal('.');
      expect(Math.abs(stop.getBoundingClientRect().right - message.getBoundingClientRect().right)).to.be.at.most(2);
      await expect(el).to.be.accessible();

      wrapper.dir = 'ltr';
      await el.updateComplete;
      const ltrTrack = part(el, 'track')!.getBoundingClientRect();
      expect(Math.abs(part(el, 'indicator')!.getBoundingClientRect().left - ltrTrack.left)).to.be.at.most(1);
    });
  });

  describe('headings', () => {
    const headings = (el: LoyaltyTierProgress) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="heading"]')].map((heading) => ({
        level: heading.getAttribute('aria-level'),
        text: heading.textContent!.replace(/\s+/g, ' ').trim(),
      }));

    it('titles the card with a heading at heading-level (2 by default), the benefit lists one below', async () => {
      const expected = await summaryOf('demo-shopper');
      const current = pickLocalized(expected.tier.current.name, 'en');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress benefits-open .client=${await customerClient()}></loyalty-tier-progress>`,
      );
      await shown(el);
      const [title, ...lists] = headings(el);
      expect(title!.level).to.equal('2');
      expect(title!.text).to.contain(`${s.en.label} ${current}`);
      expect(lists.length).to.be.above(0);
      for (const list of lists) expect(list.level).to.equal('3');
      expect(lists[0]!.text).to.equal(s.en.currentBenefits(current));

      el.headingLevel = 3;
      await el.updateComplete;
      expect(headings(el).map((heading) => heading.level)).to.deep.equal(['3', ...lists.map(() => '4')]);
      await expect(el).to.be.accessible();
    });

    it('gives the compact variant a heading for screen readers at heading-level="3", in both languages', async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          variant="compact"
          heading-level="3"
          .client=${await customerClient()}
        ></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(headings(el)).to.deep.equal([
        { level: '3', text: s.en.title(pickLocalized(expected.tier.current.name, 'en')) },
      ]);
      expect(el.shadowRoot!.querySelector('[role="heading"]')!.classList.contains('visually-hidden')).to.equal(true);

      el.lang = 'zh-CN';
      const zhTitle = `当前等级：${pickLocalized(expected.tier.current.name, 'zh-CN')}`;
      await waitUntil(() => headings(el)[0]?.text === zhTitle, 'the heading in Chinese');
      expect(headings(el)).to.deep.equal([{ level: '3', text: zhTitle }]);
      await expect(el).to.be.accessible();
    });
  });

  describe('guest', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('asks a guest to sign in with a button when there is no sign-in-url', async () => {
      const errors: Event[] = [];
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          .client=${await apiClient()}
          @loyalty-error=${(event: Event) => errors.push(event)}
        ></loyalty-tier-progress>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.en.guestMessage);
      expect(part(el, 'link')).to.equal(null);
      const button = part<HTMLButtonElement>(el, 'button')!;
      expect(button.textContent!.trim()).to.equal(en.signIn);
      await expect(el).to.be.accessible();

      setTimeout(() => button.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(errors).to.have.length(0);
    });

    it('links to sign-in-url, localized, and follows attribute changes', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="zh-CN">
          <loyalty-tier-progress sign-in-url="/account/login" .client=${await apiClient()}></loyalty-tier-progress>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-tier-progress')!;
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/login');
      expect(text(el, 'link')).to.equal(zhCN.signIn);
      expect(text(el, 'message')).to.equal(s['zh-CN'].guestMessage);
      await expect(el).to.be.accessible();

      el.setAttribute('sign-in-url', '/join?next=rewards');
      await el.updateComplete;
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/join?next=rewards');
      el.setAttribute('sign-in-url', 'javascript:alert(1)');
      await el.updateComplete;
      expect(part(el, 'link')).to.equal(null);
      expect(part(el, 'button')).to.not.equal(null);
    });

    it('fits a compact guest invitation in the compact box', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          variant="compact"
          sign-in-url="/account/login"
          .client=${await apiClient()}
        ></loyalty-tier-progress>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      await expect(el).to.be.accessible();
    });
  });

  describe('error', () => {
    it('says the network failed, once per failure, and retries', async () => {
      const errors: CustomEvent[] = [];
      const client = await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token });
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          .client=${client}
          @loyalty-error=${(event: CustomEvent) => errors.push(event)}
        ></loyalty-tier-progress>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'button')).to.equal(en.retry);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.code).to.equal('network');
      await expect(el).to.be.accessible();

      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === zhCN.errorNetwork, 'localized network message');
      expect(text(el, 'button')).to.equal(zhCN.retry);

      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => errors.length === 2, 'a second failure fires a second loyalty-error', { timeout: 10_000 });
    });

    it('says the session is no longer valid for a forged token', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress
          .client=${await apiClient({ customerToken: await forgedToken() })}
        ></loyalty-tier-progress>`,
      );
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(el.state).to.equal('error');
      expect(event.detail.status).to.equal(401);
      expect(text(el, 'message')).to.equal(en.errorSession);
      await expect(el).to.be.accessible();
    });

    it('says something went wrong about the tier for other failures', async () => {
      const api = fakeApi(topTier);
      api.program = { broken: true } as unknown as Program;
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${api.client}></loyalty-tier-progress>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(s.en.errorOther);
      await expect(el).to.be.accessible();
    });

    it('shows a clear error, not a blank box, when no client is configured', async () => {
      const el = await fixture<LoyaltyTierProgress>(html`<loyalty-tier-progress></loyalty-tier-progress>`);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(s.en.errorNoClient);
      expect(part(el, 'button')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
    });

    it('reaches retry with Tab, retries with Enter, and keeps focus inside', async () => {
      const expected = await summaryOf('demo-shopper');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${await flakyTokenClient()}></loyalty-tier-progress>`,
      );
      await settled(el);
      expect(el.state).to.equal('error');
      (document.activeElement as HTMLElement | null)?.blur();

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button'));
      await sendKeys({ press: 'Enter' });
      await shown(el);
      expect(bar(el).now).to.equal(expected.tier.progress.qualified);
      // Focus does not fall back to <body> when the retry button goes away.
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'benefits-toggle'));
    });
  });

  describe('live updates', () => {
    it('follows identify() to another customer and logout() to the guest state', async () => {
      const shopper = await summaryOf('demo-shopper');
      const gold = await summaryOf('demo-gold');
      const client = await customerClient('demo-shopper');
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${client}></loyalty-tier-progress>`,
      );
      await shown(el);
      expect(bar(el).now).to.equal(shopper.tier.progress.qualified);

      const switched = oneEvent(el, 'loyalty-ready');
      await client.identify((await demoToken('demo-gold')).token);
      expect((await switched).detail.customer.id).to.equal('demo-gold');
      await el.updateComplete;
      expect(text(el, 'tier')).to.equal(pickLocalized(gold.tier.current.name, 'en'));
      expect(bar(el).now).to.equal(gold.tier.progress.qualified);
      expect(bar(el).max).to.equal(gold.tier.progress.nextThreshold);
      expect(part(el, 'risk')).to.not.equal(null);

      await client.logout();
      await waitUntil(() => el.state === 'guest', `stayed ${el.state}`, { timeout: 10_000 });
      expect(part(el, 'track')).to.equal(null);
    });

    it('follows a new summary another widget reads, without flashing the skeleton', async () => {
      const before = summaryWith({
        current: FIXED_TIERS.silver,
        next: FIXED_TIERS.gold,
        progress: { metric: 'points', qualified: 3_380, nextThreshold: 5_000, remaining: 1_620 },
        windowEndsAt: '2027-06-03T04:00:00.000Z',
        atRisk: null,
      });
      const api = fakeApi(before);
      const widgets = await fixture<HTMLDivElement>(html`
        <div>
          <loyalty-tier-progress .client=${api.client}></loyalty-tier-progress>
          <loyalty-tier-progress variant="compact" .client=${api.client}></loyalty-tier-progress>
          <loyalty-points-balance .client=${api.client}></loyalty-points-balance>
        </div>
      `);
      const [full, compact] = [...widgets.querySelectorAll('loyalty-tier-progress')] as [
        LoyaltyTierProgress,
        LoyaltyTierProgress,
      ];
      await Promise.all([shown(full), shown(compact)]);
      // One page of widgets: one summary request and one program request.
      expect(api.requests).to.deep.equal({ summary: 1, program: 1 });
      expect(bar(full).now).to.equal(3_380);

      let skeletonShown = false;
      const watch = new MutationObserver(() => {
        if (part(full, 'skeleton') || part(compact, 'skeleton')) skeletonShown = true;
      });
      for (const el of [full, compact]) watch.observe(el.shadowRoot!, { subtree: true, childList: true });

      // The shopper bought something; an order page's widget reads the summary again.
      api.summary = summaryWith({
        ...before.tier,
        current: FIXED_TIERS.gold,
        next: FIXED_TIERS.diamond,
        progress: { metric: 'points', qualified: 5_600, nextThreshold: 20_000, remaining: 14_400 },
      });
      const updated = [oneEvent(full, 'loyalty-ready'), oneEvent(compact, 'loyalty-ready')];
      await api.client.getSummary({ revalidate: true });
      await Promise.all(updated);
      await Promise.all([full.updateComplete, compact.updateComplete]);
      watch.disconnect();

      expect(text(full, 'tier')).to.equal('Gold');
      expect(bar(full)).to.include({ now: 5_600, max: 20_000 });
      expect(text(compact, 'message')).to.equal('Gold · 14,400 points to Diamond');
      expect(skeletonShown, 'the old progress stays on screen until the new one is there').to.equal(false);
      // The program is cached: only the summary was read again.
      expect(api.requests.program).to.equal(1);
      await waitUntil(() => Math.abs(filled(full) - 5_600 / 20_000) < 0.02, 'the bar grows to the new value');
    });

    it('uses the page’s shared client when it has none of its own', async () => {
      const el = await fixture<LoyaltyTierProgress>(html`<loyalty-tier-progress></loyalty-tier-progress>`);
      expect(el.state).to.equal('error');
      const api = fakeApi(topTier);
      const ready = oneEvent(el, 'loyalty-ready');
      setSharedClient(api.client);
      await ready;
      await el.updateComplete;
      expect(text(el, 'tier')).to.equal('Diamond');
    });
  });

  describe('theming', () => {
    afterEach(async () => {
      document.documentElement.style.removeProperty('--loyalty-color-primary');
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    });

    it('takes the brand colour for the bar, and its own hooks over it', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(spendAtRisk, spendProgram).client}></loyalty-tier-progress>`,
      );
      await shown(el);
      const indicator = part(el, 'indicator')!;
      document.documentElement.style.setProperty('--loyalty-color-primary', 'rgb(200, 0, 90)');
      expect(onScreen(getComputedStyle(indicator).backgroundColor)).to.equal('rgb(200, 0, 90)');
      el.style.setProperty('--loyalty-tier-progress-indicator-color', 'rgb(0, 100, 0)');
      expect(getComputedStyle(indicator).backgroundColor).to.equal('rgb(0, 100, 0)');
      el.style.setProperty('--loyalty-tier-progress-risk-color', 'rgb(150, 60, 0)');
      expect(getComputedStyle(part(el, 'risk')!).color).to.equal('rgb(150, 60, 0)');
      el.style.setProperty('--loyalty-tier-progress-track-height', '20px');
      expect(part(el, 'track')!.getBoundingClientRect().height).to.equal(20);
    });

    it('has dark defaults, from the media query or the color-scheme attribute', async () => {
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${fakeApi(topTier).client}></loyalty-tier-progress>`,
      );
      await shown(el);
      const base = part(el, 'base')!;
      const light = getComputedStyle(base).backgroundColor;

      el.colorScheme = 'dark';
      await el.updateComplete;
      const dark = getComputedStyle(base).backgroundColor;
      expect(dark).to.not.equal(light);
      await expect(el).to.be.accessible();

      el.colorScheme = undefined;
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(base).backgroundColor).to.equal(dark);
      await expect(el).to.be.accessible();
      el.colorScheme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal(light);
    });

    it('does not animate the bar or the skeleton when motion is reduced', async () => {
      const { client, open } = await gatedClient();
      const el = await fixture<LoyaltyTierProgress>(
        html`<loyalty-tier-progress .client=${client}></loyalty-tier-progress>`,
      );
      expect(getComputedStyle(part(el, 'skeleton')!).animationName).to.not.equal('none');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(part(el, 'skeleton')!).animationName).to.equal('none');
      open();
      await shown(el);
      expect(getComputedStyle(part(el, 'indicator')!).transitionDuration).to.equal('0s');
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(part(el, 'indicator')!).transitionDuration).to.not.equal('0s');
    });
  });

  describe('registration', () => {
    it('can be defined twice without throwing', async () => {
      expect(customElements.get('loyalty-tier-progress')).to.equal(LoyaltyTierProgress);
      expect(() => LoyaltyTierProgress.define()).to.not.throw();
      await import('../define/loyalty-tier-progress.ts');
      expect(customElements.get('loyalty-tier-progress')).to.equal(LoyaltyTierProgress);
    });
  });
});
