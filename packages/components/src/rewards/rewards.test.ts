import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { rewardPaths, type RewardDraft } from '@loyalty-elements/contract';
import {
  MemoryOutboxStorage,
  type CustomerRewards,
  type LoyaltyClient,
  type LoyaltyClientOptions,
  type RedeemResult,
} from '@loyalty-elements/sdk';
import '../define/loyalty-rewards.ts';
import '../define/loyalty-points-balance.ts';
import { LoyaltyRewards } from './rewards.ts';
import { rewardsStrings } from './rewards.strings.ts';
import type { LoyaltyPointsBalance } from '../points-balance/points-balance.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import { CLOSED_API_BASE, apiClient, customerClient, demoToken, gatedClient, newShopper } from '../test-support/api.ts';
import { box, expectSameBox } from '../test-support/layout.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';
import { HeldRequests, signOutWhileHeld } from '../test-support/held-requests.ts';

const s = rewardsStrings.en;
const z = rewardsStrings['zh-CN'];

/** The demo catalogue (packages/server/src/demo-seed.ts) this suite relies on. */
const JASMINE = { id: 'free-jasmine-tea', en: 'A free pot of jasmine tea', zh: '免费茉莉花茶一壶', cost: 300 };
const DISCOUNT = { id: 'ten-percent-off', en: '10% off your next order', cost: 1_000 };
const EXPRESS = { id: 'free-express-shipping', en: 'Free express shipping', zh: '免费顺丰速运' };
const GIFT_TIN = { id: 'da-hong-pao-gift-tin', en: 'Limited Da Hong Pao gift tin', zh: '限量大红袍礼罐', cost: 3_500 };

/** Rewards this suite adds to the demo catalogue get ids of their own, and cost more than any seeded one. */
const RUN = Date.now().toString(36);

type Part =
  | 'base'
  | 'title'
  | 'balance'
  | 'list'
  | 'card'
  | 'card-locked'
  | 'name'
  | 'description'
  | 'more-button'
  | 'cost'
  | 'meta'
  | 'lock'
  | 'icon'
  | 'redeem-button'
  | 'confirm'
  | 'confirm-question'
  | 'confirm-button'
  | 'cancel-button'
  | 'error'
  | 'issued'
  | 'issued-title'
  | 'code-label'
  | 'code'
  | 'copy-button'
  | 'copy-status'
  | 'expiry'
  | 'done-button'
  | 'history-toggle'
  | 'history'
  | 'redemption'
  | 'message'
  | 'button'
  | 'secondary-button'
  | 'link'
  | 'skeleton';

type Root = LoyaltyRewards | HTMLElement;

function part<T extends HTMLElement = HTMLElement>(root: Root, name: Part): T | null {
  return (root.shadowRoot ?? root).querySelector<T>(`[part~="${name}"]`);
}

function parts<T extends HTMLElement = HTMLElement>(root: Root, name: Part): T[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<T>(`[part~="${name}"]`)];
}

const clean = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function text(root: Root, name: Part): string {
  return clean(part(root, name));
}

/** The card of the reward named `name`. */
function card(el: LoyaltyRewards, name: string): HTMLElement {
  const found = parts(el, 'card').find((item) => text(item, 'name') === name);
  if (!found) throw new Error(`no card named "${name}"; cards: ${parts(el, 'name').map(clean).join(' | ')}`);
  return found;
}

/** What the polite live region says. */
function announced(el: LoyaltyRewards): string {
  return el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

const active = (el: LoyaltyRewards) => el.shadowRoot!.activeElement;

/** The value a `<loyalty-points-balance>` shows. */
const balanceValue = (widget: LoyaltyPointsBalance) => clean(widget.shadowRoot!.querySelector('[part~="value"]'));

async function settled(el: LoyaltyRewards): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-rewards> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function ready(el: LoyaltyRewards): Promise<CustomerRewards> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal('ready');
  return el.rewards!;
}

const format = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);

const clients: LoyaltyClient[] = [];

/** A client for a token, with its outbox in memory and no retries. */
async function clientFor(token: string, options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  const client = await apiClient({
    customerToken: token,
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
    ...options,
  });
  clients.push(client);
  return client;
}

/** A customer of the demo program that no other test uses, credited with `points`, and a real token for them. */
function pointsShopper(points: number, name = 'Lin Mei'): Promise<{ customerId: string; token: string }> {
  return newShopper({ points, name });
}

async function shopperClient(points: number, options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  return clientFor((await pointsShopper(points)).token, options);
}

type Draft = Partial<RewardDraft> & { name: RewardDraft['name'] };

/** Creates or replaces a reward of the demo catalogue; it costs more than any seeded reward, so it is listed last. */
async function putReward(rewardId: string, draft: Draft): Promise<void> {
  const reward: RewardDraft = {
    description: { en: 'A reward made by the component tests.' },
    pointsCost: 9_000,
    requiredTierId: null,
    stock: null,
    validityDays: 30,
    availableFrom: null,
    availableUntil: null,
    active: true,
    ...draft,
  };
  await executeServerCommand('loyalty-put-reward', { rewardId, reward });
}

/** Adds a reward of this run to the demo catalogue. */
async function addReward(id: string, draft: Draft): Promise<string> {
  const rewardId = `test-${id}-${RUN}`;
  await putReward(rewardId, draft);
  return rewardId;
}

/** A `fetch` whose network can be switched off, like a shopper on a train. */
class Network {
  online = true;
  readonly fetch: typeof fetch = (input, init) =>
    this.online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
}

/** A `fetch` that edits what the real API answers for the rewards. */
function rewritingRewards(edit: (rewards: CustomerRewards) => CustomerRewards): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    if (!new URL(request.url).pathname.endsWith(rewardPaths.rewards) || response.status !== 200) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(edit((await response.json()) as CustomerRewards)), { status: 200, headers });
  };
}

async function mount(client: LoyaltyClient | undefined, lang = 'en'): Promise<LoyaltyRewards> {
  return fixture<LoyaltyRewards>(html`<loyalty-rewards lang=${lang} .client=${client}></loyalty-rewards>`);
}

async function waitForPart(el: LoyaltyRewards, name: Part, what: string = name): Promise<HTMLElement> {
  await waitUntil(() => part(el, name) !== null, `no ${what}`, { timeout: 10_000 });
  await el.updateComplete;
  return part(el, name)!;
}

/** Opens the confirmation of a reward with the mouse and confirms it. */
async function redeemByClicking(el: LoyaltyRewards, name: string): Promise<void> {
  part<HTMLButtonElement>(card(el, name), 'redeem-button')!.click();
  await el.updateComplete;
  part<HTMLButtonElement>(card(el, name), 'confirm-button')!.click();
}

describe('<loyalty-rewards>', () => {
  let documentLang: string;
  beforeEach(() => {
    documentLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(async () => {
    document.documentElement.lang = documentLang;
    setSharedClient(undefined);
    for (const client of clients.splice(0)) client.close();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('loading', () => {
    it('shows a busy skeleton with loading-cards placeholders, of the final size, so nothing shifts', async () => {
      const count = (await (await customerClient('demo-shopper')).getRewards()).rewards.length;
      const { client, open } = await gatedClient('demo-shopper');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 360px">
          <loyalty-rewards loading-cards=${count} .client=${client}></loyalty-rewards>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-rewards')!;
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('.card--placeholder')).to.have.length(count);
      expect(clean(el.shadowRoot!.querySelector('[part~="base"] > .visually-hidden'))).to.equal(s.loading);
      await expect(el).to.be.accessible();
      const loading = box(el);

      open();
      await ready(el);
      expect(part(el, 'skeleton')).to.equal(null);
      expect(parts(el, 'card')).to.have.length(count);
      expectSameBox(box(el), loading);
      expect(loading.height).to.be.greaterThan(200 * count);
    });
  });

  describe('ready', () => {
    it('shows every reward as a card: affordable ones with Redeem, locked ones with what stands in the way', async () => {
      const soldOut = await addReward('sold-out', { name: { en: 'Sold-out teapot', 'zh-CN': '已售罄茶壶' }, stock: 0 });
      const client = await customerClient('demo-shopper');
      const expected = await client.getRewards({ revalidate: true });
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-ready'), ready(el)]);
      expect(event.detail.customer.name).to.equal('Lin Mei');

      expect(text(el, 'title')).to.equal(s.title);
      expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(text(el, 'balance')).to.equal(`You have ${format('en', expected.balance)} points`);
      expect(part(el, 'list')!.localName).to.equal('ul');
      expect(parts(el, 'card').map((item) => item.localName)).to.deep.equal(expected.rewards.map(() => 'li'));
      expect(parts(el, 'name').map(clean)).to.deep.equal(expected.rewards.map((reward) => reward.name.en));

      const jasmine = card(el, JASMINE.en);
      expect(text(jasmine, 'cost')).to.equal(`${JASMINE.cost} points`);
      expect(text(jasmine, 'redeem-button')).to.equal(`Redeem ${JASMINE.en}`);
      expect(part(jasmine, 'redeem-button')!.localName).to.equal('button');
      expect(part(jasmine, 'lock')).to.equal(null);
      expect(jasmine.getAttribute('part')).to.equal('card');

      const express = card(el, EXPRESS.en);
      expect(text(express, 'lock')).to.equal(s.lockedByTier('Gold'));
      expect(part(express, 'redeem-button')).to.equal(null);
      expect(express.getAttribute('part')).to.equal('card card-locked');
      expect(part(express, 'icon')!.getAttribute('aria-hidden')).to.equal('true');

      const tin = card(el, GIFT_TIN.en);
      const tinNeeds = expected.rewards.find((reward) => reward.id === GIFT_TIN.id)!.pointsNeeded;
      expect(tinNeeds).to.equal(GIFT_TIN.cost - expected.balance);
      expect(text(tin, 'lock')).to.equal(`You need ${format('en', tinNeeds)} more points`);
      expect(text(tin, 'cost')).to.equal('3,500 points');
      expect(text(tin, 'meta')).to.match(/^Only \d+ left$/);
      expect(part(tin, 'redeem-button')).to.equal(null);

      const sold = card(el, 'Sold-out teapot');
      expect(text(sold, 'lock')).to.equal(s.outOfStock);
      expect(part(sold, 'redeem-button')).to.equal(null);
      expect(expected.rewards.find((reward) => reward.id === soldOut)!.lockedBy).to.equal('out_of_stock');

      expect(el.shadowRoot!.querySelectorAll('[style]'), 'no inline styles (strict CSP)').to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('speaks Simplified Chinese: tier names, points name and numbers from the program and Intl', async () => {
      const client = await customerClient('demo-shopper');
      const { balance, rewards } = await client.getRewards();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="zh-CN"><loyalty-rewards .client=${client}></loyalty-rewards></div>
      `);
      const el = wrapper.querySelector('loyalty-rewards')!;
      await ready(el);
      expect(text(el, 'title')).to.equal('积分兑换');
      expect(text(el, 'balance')).to.equal(`您有${format('zh-CN', balance)}积分`);
      expect(text(card(el, JASMINE.zh), 'redeem-button')).to.equal(`兑换 ${JASMINE.zh}`);
      expect(text(card(el, JASMINE.zh), 'cost')).to.equal('300积分');
      expect(text(card(el, EXPRESS.zh), 'lock')).to.equal('金卡及以上会员专享');
      const needs = rewards.find((reward) => reward.id === GIFT_TIN.id)!.pointsNeeded;
      expect(text(card(el, GIFT_TIN.zh), 'lock')).to.equal(`还差${format('zh-CN', needs)}积分`);
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(card(el, JASMINE.zh), 'redeem-button')!.click();
      await el.updateComplete;
      expect(text(card(el, JASMINE.zh), 'confirm-question')).to.equal(
        `确定用300积分兑换“${JASMINE.zh}”吗？ 兑换码30天内有效。`,
      );
      expect(text(card(el, JASMINE.zh), 'confirm-button')).to.equal('确认兑换');
      expect(text(card(el, JASMINE.zh), 'cancel-button')).to.equal('取消');
    });

    it('follows points earned elsewhere: a new summary unlocks what the points now cover, without a skeleton', async () => {
      const { customerId, token } = await pointsShopper(200);
      const client = await clientFor(token);
      const el = await mount(client);
      await ready(el);
      expect(text(card(el, JASMINE.en), 'lock')).to.equal('You need 100 more points');
      let skeleton = false;
      const watch = new MutationObserver(() => (skeleton ||= part(el, 'skeleton') !== null));
      watch.observe(el.shadowRoot!, { subtree: true, childList: true });

      await executeServerCommand('loyalty-earn-points', { customerId, points: 200 });
      await client.getSummary({ revalidate: true });
      await waitUntil(() => part(card(el, JASMINE.en), 'redeem-button') !== null, 'the tea to be redeemable');
      watch.disconnect();
      expect(text(el, 'balance')).to.equal('You have 400 points');
      expect(part(card(el, JASMINE.en), 'lock')).to.equal(null);
      expect(skeleton).to.equal(false);
    });

    it('takes heading-level: the title at that level and each reward one below; anything else is level 2', async () => {
      const el = await fixture<LoyaltyRewards>(
        html`<loyalty-rewards heading-level="3" .client=${await customerClient('demo-shopper')}></loyalty-rewards>`,
      );
      await ready(el);
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('3');
      expect([...new Set(parts(el, 'name').map((name) => name.getAttribute('aria-level')))]).to.deep.equal(['4']);
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(part(card(el, JASMINE.en), 'name')!.getAttribute('aria-level')).to.equal('3');
      await expect(el).to.be.accessible();
    });

    it('says when no reward is on offer, and still lists what was redeemed', async () => {
      const client = await shopperClient(0, {
        fetch: rewritingRewards((rewards) => ({ ...rewards, rewards: [] })),
      });
      const el = await mount(client);
      await settled(el);
      expect(el.state).to.equal('empty');
      expect(text(el, 'message')).to.contain(s.empty);
      expect(part(el, 'list')).to.equal(null);
      expect(clean(el.shadowRoot!.querySelector('.history-empty'))).to.equal(s.historyEmpty);
      await expect(el).to.be.accessible();
    });
  });

  describe('redeeming', () => {
    it('by keyboard: Redeem, a confirmation on the question, Confirm; the code, and a balance on the page drops', async () => {
      const client = await shopperClient(1_000);
      const container = await fixture<HTMLElement>(html`
        <div>
          <loyalty-points-balance .client=${client}></loyalty-points-balance>
          <loyalty-rewards .client=${client}></loyalty-rewards>
        </div>
      `);
      const balance = container.querySelector<LoyaltyPointsBalance>('loyalty-points-balance')!;
      const el = container.querySelector('loyalty-rewards')!;
      await ready(el);
      await waitUntil(() => balance.state === 'ready', 'the balance widget');
      expect(balanceValue(balance)).to.equal('1,000');
      const redeemed: CustomEvent<RedeemResult>[] = [];
      el.addEventListener('loyalty-reward-redeemed', (event) => redeemed.push(event));

      (document.activeElement as HTMLElement | null)?.blur();
      const jasmine = card(el, JASMINE.en);
      // Past the balance widget's expiry button to the first card's Redeem.
      for (let presses = 0; active(el) !== part(jasmine, 'redeem-button'); presses += 1) {
        if (presses === 4) throw new Error('Tab does not reach the first Redeem button');
        await sendKeys({ press: 'Tab' });
      }
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const question = part(jasmine, 'confirm-question')!;
      expect(active(el), 'focus moves to the question').to.equal(question);
      expect(text(jasmine, 'confirm-question')).to.equal(
        `Redeem ${JASMINE.en} for 300 points? Your code will be valid for 30 days.`,
      );
      expect(part(jasmine, 'confirm')!.getAttribute('role')).to.equal('group');
      expect(part(jasmine, 'confirm')!.getAttribute('aria-labelledby')).to.equal(question.id);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(part(jasmine, 'confirm-button'));
      expect(text(jasmine, 'confirm-button')).to.equal(s.confirm);
      await sendKeys({ press: 'Enter' });
      const issued = await waitForPart(el, 'issued', 'issued code');

      expect(active(el), 'focus moves to the code').to.equal(issued);
      expect(redeemed).to.have.length(1);
      const { redemption, balance: after } = redeemed[0]!.detail;
      expect(redeemed[0]!.bubbles && redeemed[0]!.composed).to.equal(true);
      expect(redemption.rewardId).to.equal(JASMINE.id);
      expect(after).to.equal(700);
      expect(text(el, 'issued-title')).to.equal(s.issuedTitle(JASMINE.en));
      expect(text(issued, 'code')).to.equal(redemption.code);
      const summary = el.summary!;
      const expiry = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: summary.customer.timezone }).format(
        new Date(redemption.expiresAt!),
      );
      expect(text(el, 'expiry')).to.equal(`Valid until ${expiry}`);
      expect(announced(el)).to.equal(s.issuedAnnouncement(JASMINE.en, redemption.code));
      await expect(el).to.be.accessible();

      // No reload: the balance widget hears the new summary through the client.
      await waitUntil(() => balanceValue(balance) === '700', 'the balance to drop to 700');
      await waitUntil(() => text(el, 'balance') === 'You have 700 points', 'the rewards balance');
      expect(text(card(el, DISCOUNT.en), 'lock')).to.equal('You need 300 more points');

      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(part(el, 'copy-button'));
    });

    it('cancels with Escape or Cancel, focus back on Redeem, and spends nothing', async () => {
      const client = await shopperClient(1_000);
      const el = await mount(client);
      await ready(el);
      const jasmine = card(el, JASMINE.en);
      part<HTMLButtonElement>(jasmine, 'redeem-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)).to.equal(part(jasmine, 'confirm-question'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(jasmine, 'confirm')).to.equal(null);
      expect(active(el)).to.equal(part(jasmine, 'redeem-button'));

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      part<HTMLButtonElement>(jasmine, 'cancel-button')!.click();
      await el.updateComplete;
      expect(part(jasmine, 'confirm')).to.equal(null);
      expect(active(el)).to.equal(part(jasmine, 'redeem-button'));

      const rewards = await client.getRewards({ revalidate: true });
      expect(rewards.balance).to.equal(1_000);
      expect(rewards.redemptions).to.deep.equal([]);
    });

    it('redeems once on a double click, and a double click on Redeem confirms nothing', async () => {
      const client = await shopperClient(1_000);
      const el = await mount(client);
      await ready(el);
      const redeemed: CustomEvent<RedeemResult>[] = [];
      el.addEventListener('loyalty-reward-redeemed', (event) => redeemed.push(event));
      const jasmine = card(el, JASMINE.en);

      // A double click on Redeem: its second click lands on the confirmation that just opened.
      part(jasmine, 'redeem-button')!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      await el.updateComplete;
      part(jasmine, 'confirm-button')!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
      await el.updateComplete;
      expect(part(jasmine, 'confirm'), 'still asking').to.not.equal(null);
      expect(text(jasmine, 'confirm-button')).to.equal(s.confirm);

      // A double click on Confirm: one redemption.
      const confirm = part<HTMLButtonElement>(jasmine, 'confirm-button')!;
      confirm.click();
      await el.updateComplete;
      expect(confirm.getAttribute('aria-disabled')).to.equal('true');
      expect(clean(confirm)).to.equal(s.redeeming);
      expect(jasmine.getAttribute('aria-busy')).to.equal('true');
      confirm.click();
      await waitForPart(el, 'issued');

      expect(redeemed).to.have.length(1);
      const rewards = await client.getRewards({ revalidate: true });
      expect(rewards.balance).to.equal(1_000 - JASMINE.cost);
      expect(rewards.redemptions).to.have.length(1);
    });

    it('copies the code to the clipboard and says so; without clipboard access it selects the code', async () => {
      const client = await shopperClient(1_000);
      const el = await mount(client);
      await ready(el);
      await redeemByClicking(el, JASMINE.en);
      await waitForPart(el, 'issued');
      const code = text(el, 'code');
      expect(code.length).to.be.at.least(4);

      const clipboard = navigator.clipboard;
      const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
      const written: string[] = [];
      try {
        Object.defineProperty(clipboard, 'writeText', {
          configurable: true,
          value: async (value: string) => void written.push(value),
        });
        part<HTMLButtonElement>(el, 'copy-button')!.click();
        await waitUntil(() => text(el, 'copy-status') === s.copied, 'the copied status');
        expect(written).to.deep.equal([code]);
        expect(announced(el)).to.equal(s.copied);

        Object.defineProperty(clipboard, 'writeText', {
          configurable: true,
          value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
        });
        part<HTMLButtonElement>(el, 'copy-button')!.click();
        await waitUntil(() => announced(el) === s.copySelected, 'the selection hint');
        expect(document.getSelection()!.toString()).to.equal(code);
        expect(clean(el.shadowRoot!.querySelector('.copy-hint'))).to.equal(s.copySelected);
      } finally {
        if (original) Object.defineProperty(clipboard, 'writeText', original);
        else delete (clipboard as { writeText?: unknown }).writeText;
        document.getSelection()!.removeAllRanges();
      }
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(el, 'done-button')!.click();
      await el.updateComplete;
      expect(part(el, 'issued')).to.equal(null);
      expect(active(el)).to.equal(part(card(el, JASMINE.en), 'redeem-button'));
    });

    it('forgets the code and the open confirmation when another shopper signs in on the same page', async () => {
      const el = await mount(await shopperClient(1_000));
      await ready(el);
      await redeemByClicking(el, JASMINE.en);
      const code = text(await waitForPart(el, 'issued'), 'code');
      part<HTMLButtonElement>(card(el, JASMINE.en), 'redeem-button')!.click();
      await el.updateComplete;
      expect(part(card(el, JASMINE.en), 'confirm')).to.not.equal(null);
      const first = el.summary!.customer.id;

      el.client = await shopperClient(1_000);
      await waitUntil(() => el.state === 'ready' && el.summary!.customer.id !== first, 'the other shopper');
      await el.updateComplete;
      expect(part(el, 'issued')).to.equal(null);
      expect(part(el, 'confirm')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.contain(code);
      expect(text(el, 'balance')).to.equal('You have 1,000 points');
      expect(part(card(el, JASMINE.en), 'redeem-button')).to.not.equal(null);
    });

    it('lets no other reward be asked for while one is being redeemed: its Redeem says so and does nothing', async () => {
      const held = new HeldRequests(
        (request) => request.method === 'POST' && new URL(request.url).pathname.endsWith('/redeem'),
      );
      const el = await mount(await shopperClient(2_000, { fetch: held.fetch }));
      await ready(el);
      await redeemByClicking(el, JASMINE.en);
      await waitUntil(() => held.held === 1, 'the redemption to be sent');
      await el.updateComplete;
      expect(text(card(el, JASMINE.en), 'confirm-button')).to.equal(s.redeeming);

      const discount = part<HTMLButtonElement>(card(el, DISCOUNT.en), 'redeem-button')!;
      expect(discount.getAttribute('aria-disabled')).to.equal('true');
      discount.click();
      await el.updateComplete;
      expect(part(card(el, DISCOUNT.en), 'confirm'), 'no second confirmation').to.equal(null);
      expect(text(card(el, JASMINE.en), 'confirm-button'), 'still redeeming').to.equal(s.redeeming);
      expect(card(el, JASMINE.en).getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();

      held.release();
      await waitForPart(el, 'issued');
      expect(part(el, 'issued-title')!.textContent).to.contain(JASMINE.en);
      expect(part(card(el, DISCOUNT.en), 'redeem-button')!.getAttribute('aria-disabled')).to.equal('false');
    });

    it('drops a redemption that completes after the shopper signed out: nothing announced, no event', async () => {
      const held = new HeldRequests(
        (request) => request.method === 'POST' && new URL(request.url).pathname.endsWith('/redeem'),
      );
      const client = await shopperClient(1_000, { fetch: held.fetch });
      const el = await mount(client);
      await ready(el);
      const redeemed: Event[] = [];
      el.addEventListener('loyalty-reward-redeemed', (event) => redeemed.push(event));
      await redeemByClicking(el, JASMINE.en);
      await waitUntil(() => held.held === 1, 'the redemption to be sent');

      await signOutWhileHeld(held, client, el);
      expect(redeemed).to.have.length(0);
      expect(announced(el)).to.equal('');
      expect(el.state).to.equal('guest');
      expect(part(el, 'issued')).to.equal(null);
    });

    it('lists the redemption in the history: name, code, date and expiry', async () => {
      const client = await shopperClient(1_000);
      await client.redeemReward(JASMINE.id);
      const el = await mount(client);
      await ready(el);
      const { redemptions } = el.rewards!;
      expect(redemptions).to.have.length(1);
      const toggle = part<HTMLButtonElement>(el, 'history-toggle')!;
      expect(clean(toggle)).to.equal(s.historyToggle('1'));
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(part(el, 'history')!.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(el.historyOpen).to.equal(true);
      const item = parts(el, 'redemption');
      expect(item).to.have.length(1);
      const timeZone = el.summary!.customer.timezone;
      const date = (instant: string) =>
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone }).format(new Date(instant));
      expect(clean(item[0])).to.equal(
        `${JASMINE.en} ${redemptions[0]!.code} Redeemed ${date(redemptions[0]!.redeemedAt)} ` +
          `Valid until ${date(redemptions[0]!.expiresAt!)}`,
      );
      await expect(el).to.be.accessible();
    });

    it('explains a refusal on the card, and reads the list again (out of stock)', async () => {
      const lastOne = await addReward('last-one', { name: { en: 'The last teapot' }, stock: 1 });
      const client = await shopperClient(9_000);
      const el = await mount(client);
      await ready(el);
      const teapot = () => card(el, 'The last teapot');
      expect(text(teapot(), 'meta')).to.equal('Only 1 left');

      // Someone else takes it meanwhile.
      await (await shopperClient(9_000)).redeemReward(lastOne);
      const errors: Event[] = [];
      el.addEventListener('loyalty-error', (event) => errors.push(event));
      part<HTMLButtonElement>(teapot(), 'redeem-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => text(teapot(), 'error') !== '', 'the refusal');
      expect(text(teapot(), 'error')).to.equal(s.refusedStock);
      expect(part(teapot(), 'error')!.getAttribute('role')).to.equal('alert');
      expect(part(teapot(), 'confirm')).to.equal(null);
      expect(active(el), 'focus on the explanation').to.equal(part(teapot(), 'error'));
      await waitUntil(() => text(teapot(), 'lock') === s.outOfStock, 'the card to show it is out of stock');
      expect(part(teapot(), 'redeem-button')).to.equal(null);
      expect(errors, 'a refusal is not a loading failure').to.have.length(0);
      expect((await client.getRewards({ revalidate: true })).balance).to.equal(9_000);
      await expect(el).to.be.accessible();
    });

    it('names a reward withdrawn meanwhile above the list, since its card goes with it', async () => {
      const draft = { name: { en: 'A seasonal mooncake' } };
      const seasonal = await addReward('seasonal', draft);
      const client = await shopperClient(9_000);
      const el = await mount(client);
      await ready(el);
      await putReward(seasonal, { ...draft, active: false });
      part<HTMLButtonElement>(card(el, 'A seasonal mooncake'), 'redeem-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => el.shadowRoot!.querySelector(`#name-${seasonal}`) === null, 'the card to go');
      const notice = el.shadowRoot!.querySelector<HTMLElement>('#gone')!;
      expect(clean(notice)).to.equal(s.aboutReward('A seasonal mooncake', s.refusedUnavailable));
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(active(el), 'focus follows the explanation').to.equal(notice);
      await expect(el).to.be.accessible();
    });

    it('keeps the confirmation with a retry when the network fails, and the retry redeems once', async () => {
      const network = new Network();
      const client = await shopperClient(1_000, { fetch: network.fetch });
      const el = await mount(client);
      await ready(el);
      network.online = false;
      await redeemByClicking(el, JASMINE.en);
      const jasmine = card(el, JASMINE.en);
      await waitUntil(() => text(jasmine, 'error') !== '', 'the failure');
      expect(text(jasmine, 'error')).to.equal(en.errorNetwork);
      expect(part(jasmine, 'confirm')).to.not.equal(null);
      expect(text(jasmine, 'confirm-button')).to.equal(s.tryAgain);
      expect(await client.pendingWrites()).to.equal(0);
      await expect(el).to.be.accessible();

      network.online = true;
      part<HTMLButtonElement>(jasmine, 'confirm-button')!.click();
      await waitForPart(el, 'issued');
      const rewards = await client.getRewards({ revalidate: true });
      expect(rewards.redemptions).to.have.length(1);
      expect(rewards.balance).to.equal(700);
    });
  });

  describe('guest and errors', () => {
    // With a join pitch on the page, a guest sees this widget's compact line.
    usePagePitch();

    it('asks a guest to sign in: a link with sign-in-url, else a button firing loyalty-sign-in-requested', async () => {
      const el = await fixture<LoyaltyRewards>(
        html`<loyalty-rewards sign-in-url="/account/sign-in" .client=${await apiClient()}></loyalty-rewards>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.guestMessage);
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
      await expect(el).to.be.accessible();

      el.signInUrl = undefined;
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'button') === zhCN.signIn, 'a localized sign-in button');
      expect(text(el, 'message')).to.equal(z.guestMessage);
      setTimeout(() => part<HTMLButtonElement>(el, 'button')!.click());
      const event = await oneEvent(el, 'loyalty-sign-in-requested');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('says the network failed, with a retry that recovers, in both languages', async () => {
      const network = new Network();
      network.online = false;
      const client = await shopperClient(0, { fetch: network.fetch });
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('network');
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorNetwork);
      expect(part(el, 'message')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === zhCN.errorNetwork, 'the Chinese message');
      expect(text(el, 'button')).to.equal(zhCN.retry);

      network.online = true;
      part<HTMLButtonElement>(el, 'button')!.focus();
      part<HTMLButtonElement>(el, 'button')!.click();
      await ready(el);
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.not.equal(null);
    });

    it('fails clearly when the API is unreachable or no client is configured', async () => {
      const unreachable = await mount(
        await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token, retry: { limit: 0 } }),
      );
      await settled(unreachable);
      expect(unreachable.state).to.equal('error');
      const none = await mount(undefined);
      expect(none.state).to.equal('error');
      expect(text(none, 'message')).to.equal(s.errorNoClient);
      expect(part(none, 'button')).to.equal(null);
      await expect(none).to.be.accessible();
    });
  });

  describe('layout, theming and motion', () => {
    it('fits a 320 px wide phone: one column, nothing overflows', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 320px" lang="zh-CN">
          <loyalty-rewards .client=${await customerClient('demo-shopper')}></loyalty-rewards>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-rewards')!;
      await ready(el);
      expect(box(el).width).to.equal(320);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      const lefts = new Set(parts(el, 'card').map((item) => Math.round(item.getBoundingClientRect().left)));
      expect(lefts.size, 'one column').to.equal(1);
      for (const item of parts(el, 'card')) expect(item.scrollWidth).to.be.at.most(item.clientWidth);
    });

    it('cuts a long description at two lines on a phone, and More opens it all without moving the page first', async () => {
      const long = {
        en: 'Two tins of our spring Longjing, picked before Qingming and pan-fired by hand in Hangzhou, with a tasting card and a bamboo scoop.',
        'zh-CN':
          '两罐明前春茶龙井，清明前采摘，杭州手工炒制，附品鉴卡与竹制茶匙。两罐明前春茶龙井，清明前采摘，杭州手工炒制，附品鉴卡与竹制茶匙。',
      };
      await addReward('long-description', {
        name: { en: 'Spring Longjing pair', 'zh-CN': '明前龙井双罐' },
        description: long,
      });
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 1200px">
          <loyalty-rewards .client=${await customerClient('demo-shopper')}></loyalty-rewards>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-rewards')!;
      await ready(el);
      const shown = (item: HTMLElement) => {
        const button = part<HTMLButtonElement>(item, 'more-button');
        return button !== null && !button.hidden && button.getBoundingClientRect().height > 0;
      };
      const cut = (item: HTMLElement) => {
        const description = part(item, 'description')!;
        return description.scrollHeight > description.clientHeight + 1;
      };
      const longCard = () => card(el, 'Spring Longjing pair');
      // Wide: cut or not, the button follows the text.
      expect(shown(longCard())).to.equal(cut(longCard()));

      // A phone: the element narrows, the description is cut, and More appears in the price's row.
      wrapper.style.inlineSize = '320px';
      await waitUntil(() => shown(longCard()), 'no More button at 320 px', { timeout: 2_000 });
      expect(cut(longCard())).to.equal(true);
      for (const item of parts(el, 'card').filter((other) => other !== longCard())) {
        expect(shown(item), text(item, 'name')).to.equal(cut(item));
      }
      const more = part<HTMLButtonElement>(longCard(), 'more-button')!;
      expect(clean(more)).to.equal(s.more);
      const described = el.shadowRoot!.getElementById(more.getAttribute('aria-describedby')!);
      expect(clean(described)).to.equal('Spring Longjing pair');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      const withButton = box(longCard());
      more.hidden = true;
      expectSameBox(box(longCard()), withButton);
      more.hidden = false;
      await expect(el).to.be.accessible();

      // By keyboard: the whole text, and Less closes it again.
      more.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cut(longCard())).to.equal(false);
      expect(clean(part(longCard(), 'description'))).to.equal(long.en);
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(clean(more)).to.equal(s.less);
      expect(active(el)).to.equal(more);
      expect(shown(longCard())).to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cut(longCard())).to.equal(true);
      expect(more.getAttribute('aria-expanded')).to.equal('false');

      // In Chinese.
      const zhWrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 320px" lang="zh-CN">
          <loyalty-rewards .client=${await customerClient('demo-shopper')}></loyalty-rewards>
        </div>
      `);
      const zhEl = zhWrapper.querySelector('loyalty-rewards')!;
      await ready(zhEl);
      const zhMore = part<HTMLButtonElement>(card(zhEl, '明前龙井双罐'), 'more-button')!;
      expect(zhMore.hidden).to.equal(false);
      expect(clean(zhMore)).to.equal(z.more);
    });

    it('lays out right to left', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div dir="rtl" style="inline-size: 360px">
          <loyalty-rewards .client=${await customerClient('demo-shopper')}></loyalty-rewards>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-rewards')!;
      await ready(el);
      const jasmine = card(el, JASMINE.en).getBoundingClientRect();
      const button = part(card(el, JASMINE.en), 'redeem-button')!.getBoundingClientRect();
      expect(getComputedStyle(part(el, 'title')!).direction).to.equal('rtl');
      expect(jasmine.right - button.right, 'the button starts at the right').to.be.below(30);
      expect(button.left - jasmine.left).to.be.above(60);
      await expect(el).to.be.accessible();
    });

    it('has dark defaults, takes --loyalty-rewards-* hooks, and shows the code without motion under reduced motion', async () => {
      const el = await mount(await shopperClient(1_000));
      await ready(el);
      const base = part(el, 'base')!;
      const light = getComputedStyle(base).backgroundColor;
      el.colorScheme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.not.equal(light);
      await expect(el).to.be.accessible();
      el.style.setProperty('--loyalty-rewards-card-background', 'rgb(10, 20, 30)');
      el.style.setProperty('--loyalty-rewards-cost-color', 'rgb(200, 0, 90)');
      expect(getComputedStyle(part(el, 'card')!).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(part(el, 'cost')!).color).to.equal('rgb(200, 0, 90)');

      await redeemByClicking(el, JASMINE.en);
      const issued = await waitForPart(el, 'issued');
      expect(getComputedStyle(issued).animationName).to.equal('loyalty-rewards-issued');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(issued).animationName).to.equal('none');
    });
  });

  describe('registration', () => {
    it('is defined once, harmlessly twice, and exported', async () => {
      expect(customElements.get('loyalty-rewards')).to.equal(LoyaltyRewards);
      expect(() => LoyaltyRewards.define()).to.not.throw();
      const exported = await import('../index.ts');
      expect(exported.LoyaltyRewards).to.equal(LoyaltyRewards);
    });
  });
});
