import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { paths } from '@loyalty-elements/contract';
import { MemoryOutboxStorage, type LoyaltyClient, type LoyaltyClientOptions } from '@loyalty-elements/sdk';
import '../define/loyalty-points-history.ts';
import { LoyaltyPointsHistory } from './points-history.ts';
import { pointsHistoryStrings } from './points-history.strings.ts';
import { ledgerTextStrings } from '../base/ledger-text.strings.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { en } from '../locales/en.ts';
import { zhCN } from '../locales/zh-CN.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  birthdayToday,
  customerClient,
  forgedToken,
  gatedClient,
  newShopper,
  type NewShopperOptions,
} from '../test-support/api.ts';

const s = pointsHistoryStrings.en;
const z = pointsHistoryStrings['zh-CN'];
const ledgerEn = ledgerTextStrings.en;
const ledgerZh = ledgerTextStrings['zh-CN'];
/** The demo program's time zone: every date a shopper reads is theirs. */
const TIME_ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const RUN = Date.now().toString(36);

type Part =
  | 'base'
  | 'title'
  | 'list'
  | 'entry'
  | 'description'
  | 'date'
  | 'points'
  | 'pending'
  | 'expiring'
  | 'shortfall'
  | 'more-button'
  | 'page-error'
  | 'message'
  | 'button'
  | 'link'
  | 'skeleton';

type Root = LoyaltyPointsHistory | HTMLElement;

function part<T extends HTMLElement = HTMLElement>(root: Root, name: Part): T | null {
  return (root.shadowRoot ?? root).querySelector<T>(`[part~="${name}"]`);
}

function parts<T extends HTMLElement = HTMLElement>(root: Root, name: Part): T[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<T>(`[part~="${name}"]`)];
}

const clean = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const text = (root: Root, name: Part) => clean(part(root, name));
/** What a screen reader hears for a row. */
const spoken = (row: Element) => clean(row.querySelector('.visually-hidden'));
const announced = (el: LoyaltyPointsHistory) => clean(el.shadowRoot!.querySelector('[role="status"]'));

async function settled(el: LoyaltyPointsHistory): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-points-history> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

async function ready(el: LoyaltyPointsHistory): Promise<void> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal('ready');
}

const clients: LoyaltyClient[] = [];

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

async function shopper(
  options: NewShopperOptions = {},
  clientOptions: Partial<LoyaltyClientOptions> = {},
): Promise<{ customerId: string; client: LoyaltyClient }> {
  const { customerId, token } = await newShopper({ name: 'Lin Mei', ...options });
  return { customerId, client: await clientFor(token, clientOptions) };
}

interface OrderAnswer {
  order: { orderId: string; points: number; pendingUntil: string };
}

let orders = 0;
/** Records an order of ¥`yuan` for the customer; `daysAgo` > the return window makes its points spendable. */
async function placeOrder(customerId: string, yuan: number, daysAgo = 0): Promise<OrderAnswer['order']> {
  orders += 1;
  const orderId = `H${RUN}-${orders}`;
  const placedAt = new Date(Date.now() - daysAgo * DAY - 60_000).toISOString();
  const answer = await executeServerCommand<OrderAnswer, object>('loyalty-place-order', {
    customerId,
    orderId,
    amount: yuan * 100,
    placedAt,
  });
  return answer!.order;
}

async function earn(customerId: string, points: number): Promise<void> {
  await executeServerCommand('loyalty-earn-points', { customerId, points });
}

const longDate = (instant: string | number, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(instant));
const mediumDate = (instant: string | number, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(instant));
const format = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);

async function mount(client: LoyaltyClient | undefined, lang = 'en', pageSize?: number): Promise<LoyaltyPointsHistory> {
  return fixture<LoyaltyPointsHistory>(
    html`<loyalty-points-history lang=${lang} page-size=${pageSize ?? 10} .client=${client}></loyalty-points-history>`,
  );
}

/** A `fetch` whose network can be switched off, like a shopper on a train. */
class Network {
  online = true;
  readonly fetch: typeof fetch = (input, init) =>
    this.online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
}

describe('<loyalty-points-history>', () => {
  let documentLang: string;
  beforeEach(() => {
    documentLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = documentLang;
    setSharedClient(undefined);
    for (const client of clients.splice(0)) client.close();
  });

  describe('loading', () => {
    it('shows a busy skeleton of page-size rows (ten at most) until the history arrives', async () => {
      const { client, open } = await gatedClient();
      const el = await mount(client, 'en', 4);
      expect(el.state).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('.entry--placeholder').length).to.equal(4);
      expect(clean(el.shadowRoot!.querySelector('[part~="base"] > .visually-hidden'))).to.equal(s.loading);
      await expect(el).to.be.accessible();
      el.pageSize = 50;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.entry--placeholder').length).to.equal(10);

      open();
      await ready(el);
      expect(part(el, 'skeleton')).to.equal(null);
    });
  });

  describe('ready', () => {
    it('lists the ledger newest first: date, sentence, signed points, pending and expiring markers', async () => {
      const { customerId, client } = await shopper();
      const spendable = await placeOrder(customerId, 120, 20);
      const pending = await placeOrder(customerId, 58);
      const el = await mount(client);
      await ready(el);

      const rows = parts(el, 'entry');
      expect(rows.length).to.equal(2);
      const [newest, older] = rows as [HTMLElement, HTMLElement];
      expect(text(newest, 'description')).to.equal(ledgerEn.order(pending.orderId));
      expect(text(newest, 'points')).to.equal(`+${format('en', pending.points)}`);
      expect(part(newest, 'points')!.getAttribute('part')).to.equal('points points-credit');
      expect(text(newest, 'pending')).to.equal(s.pendingUntil(mediumDate(pending.pendingUntil, 'en')));
      expect(part(older, 'pending'), 'spendable points are not pending').to.equal(null);
      expect(text(older, 'date'), 'the day the entry was written').to.equal(mediumDate(Date.now(), 'en'));
      expect(text(older, 'expiring')).to.match(/^Expires /);

      const entry = el.entries[1]!;
      expect(spoken(older)).to.equal(
        `${longDate(entry.createdAt, 'en')}, ${ledgerEn.order(spendable.orderId)}, plus ${format('en', spendable.points)} points, expires ${longDate(entry.expiresAt!, 'en')}.`,
      );
      expect(spoken(newest)).to.contain(`pending until ${longDate(pending.pendingUntil, 'en')}`);
      expect(part(el, 'list')!.tagName).to.equal('OL');
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(text(el, 'title')).to.equal(s.title);
      expect(part(el, 'more-button'), 'one page holds everything').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('speaks Simplified Chinese: sentences, dates and numbers from Intl', async () => {
      const { customerId, client } = await shopper();
      const pending = await placeOrder(customerId, 1_288);
      const el = await mount(client, 'zh-CN');
      await ready(el);
      const row = part(el, 'entry')!;
      expect(text(el, 'title')).to.equal(z.title);
      expect(text(row, 'description')).to.equal(ledgerZh.order(pending.orderId));
      expect(text(row, 'pending')).to.equal(z.pendingUntil(mediumDate(pending.pendingUntil, 'zh-CN')));
      const entry = el.entries[0]!;
      expect(spoken(row)).to.equal(
        `${longDate(entry.createdAt, 'zh-CN')}，${ledgerZh.order(pending.orderId)}，增加${format('zh-CN', pending.points)}积分，` +
          `待生效，${longDate(pending.pendingUntil, 'zh-CN')}起可用，${longDate(entry.expiresAt!, 'zh-CN')}到期。`,
      );
      await expect(el).to.be.accessible();
    });

    it('shows a refund as a minus, and what it could not take back once the points were spent', async () => {
      const { customerId, client } = await shopper();
      const order = await placeOrder(customerId, 100, 20);
      await executeServerCommand('loyalty-redeem-points', { customerId, points: order.points });
      await executeServerCommand('loyalty-refund-order', { orderId: order.orderId, refundId: 'r1', amount: 10_000 });
      const el = await mount(client);
      await ready(el);
      const [refund, spend] = parts(el, 'entry') as [HTMLElement, HTMLElement];
      expect(text(refund, 'description')).to.equal(ledgerEn.refund(order.orderId));
      expect(text(refund, 'points')).to.equal('0');
      const owed = format('en', order.points);
      expect(text(refund, 'shortfall')).to.equal(ledgerEn.shortfall(owed, 'points'));
      expect(spoken(refund)).to.contain(`no change in points, ${owed} points could not be taken back.`);
      expect(text(spend, 'points')).to.equal(`\u2212${owed}`);
      expect(spoken(spend)).to.contain(`minus ${owed} points`);

      el.lang = 'zh-CN';
      await waitUntil(() => text(refund, 'description') === ledgerZh.refund(order.orderId), 'the Chinese refund');
      expect(text(refund, 'shortfall')).to.equal(ledgerZh.shortfall(format('zh-CN', order.points), '积分'));
      expect(spoken(refund)).to.contain(`积分无变动，${format('zh-CN', order.points)}积分未能扣回。`);
    });

    it('says how points are earned when there is no activity yet, without asking anything more', async () => {
      const requests: string[] = [];
      const { client } = await shopper(
        {},
        {
          fetch: (input, init) => {
            requests.push(new Request(input, init).url);
            return fetch(input, init);
          },
        },
      );
      const el = await mount(client);
      await settled(el);
      expect(el.state).to.equal('empty');
      expect(text(el, 'message')).to.equal(s.empty('points'));
      expect(part(el, 'list')).to.equal(null);
      expect(requests.map((url) => new URL(url).pathname).sort()).to.deep.equal(
        [paths.pointsHistory, paths.summary].map((path) => new URL(path, 'http://x/').pathname).sort(),
      );
      await expect(el).to.be.accessible();
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === z.empty('积分'), 'the Chinese empty state');
    });

    it('reads the history again when another widget changes the points (a birthday gift claimed)', async () => {
      const { customerId, client } = await shopper({ birthday: birthdayToday() });
      await earn(customerId, 50);
      setSharedClient(client);
      const el = await fixture<LoyaltyPointsHistory>(html`<loyalty-points-history></loyalty-points-history>`);
      await ready(el);
      expect(parts(el, 'entry').length).to.equal(1);
      await client.claimBirthdayReward();
      await waitUntil(() => parts(el, 'entry').length === 2, 'the gift in the list', { timeout: 10_000 });
      expect(text(parts(el, 'entry')[0]!, 'description')).to.equal(ledgerEn.birthday);
      expect(el.state).to.equal('ready');
    });

    it('takes heading-level, and bounds page-size to 1–100', async () => {
      const limits: string[] = [];
      const { customerId, client } = await shopper(
        {},
        {
          fetch: (input, init) => {
            const url = new URL(new Request(input, init).url);
            if (url.pathname.endsWith(paths.pointsHistory)) limits.push(url.searchParams.get('limit') ?? '');
            return fetch(input, init);
          },
        },
      );
      await earn(customerId, 10);
      const el = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history page-size="1000" heading-level="4" .client=${client}></loyalty-points-history>`,
      );
      await ready(el);
      expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('4');
      expect(limits).to.deep.equal(['100']);
      const small = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history
          page-size="-3"
          .client=${await clientFor((await newShopper()).token, {
            fetch: (input, init) => {
              const url = new URL(new Request(input, init).url);
              if (url.pathname.endsWith(paths.pointsHistory)) limits.push(url.searchParams.get('limit') ?? '');
              return fetch(input, init);
            },
          })}
        ></loyalty-points-history>`,
      );
      await settled(small);
      expect(limits).to.deep.equal(['100', '1']);
    });
  });

  describe('paging', () => {
    it('shows more by keyboard with the API cursor, focus on the first new row, until the last page', async () => {
      const { customerId, client } = await shopper();
      for (const points of [10, 20, 30, 40, 50]) await earn(customerId, points);
      const el = await mount(client, 'en', 2);
      await ready(el);
      expect(parts(el, 'points').map(clean)).to.deep.equal(['+50', '+40']);

      part<HTMLButtonElement>(el, 'more-button')!.focus();
      expect(text(el, 'more-button')).to.equal(s.showMore);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(el, 'entry').length === 4, 'the second page');
      expect(parts(el, 'points').map(clean)).to.deep.equal(['+50', '+40', '+30', '+20']);
      await waitUntil(() => el.shadowRoot!.activeElement === parts(el, 'entry')[2], 'focus on the first new row');
      expect(announced(el)).to.equal(s.shown('4'));

      // Rows take focus only from the widget: the next Tab stop is the button again.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'more-button'));
      await sendKeys({ press: 'Space' });
      await waitUntil(() => parts(el, 'entry').length === 5, 'the last page');
      expect(part(el, 'more-button'), 'nothing older').to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'entry')[4]);
      await expect(el).to.be.accessible();
    });

    it('keeps what is shown when a page fails, and its retry adds the page', async () => {
      const network = new Network();
      const { customerId, client } = await shopper({}, { fetch: network.fetch });
      for (const points of [1, 2, 3]) await earn(customerId, points);
      const el = await mount(client, 'zh-CN', 2);
      await ready(el);
      network.online = false;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => part(el, 'page-error') !== null, 'the page error');
      expect(text(el, 'page-error')).to.equal(zhCN.errorNetwork);
      expect(part(el, 'page-error')!.getAttribute('role')).to.equal('alert');
      expect(parts(el, 'entry').length, 'the first page stays').to.equal(2);
      expect(text(el, 'more-button')).to.equal(zhCN.retry);
      expect(el.state).to.equal('ready');

      network.online = true;
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'entry').length === 3, 'the retried page');
      expect(part(el, 'page-error')).to.equal(null);
    });
  });

  describe('guest and errors', () => {
    it('asks a guest to sign in, compactly: a link with sign-in-url, else a button firing loyalty-sign-in-requested', async () => {
      const el = await fixture<LoyaltyPointsHistory>(
        html`<loyalty-points-history
          sign-in-url="/account/sign-in"
          .client=${await apiClient()}
        ></loyalty-points-history>`,
      );
      await settled(el);
      expect(el.state).to.equal('guest');
      expect(text(el, 'message')).to.equal(s.guestMessage);
      expect(part<HTMLAnchorElement>(el, 'link')!.getAttribute('href')).to.equal('/account/sign-in');
      expect(part(el, 'base')!.getBoundingClientRect().height).to.be.below(120);
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
      const { customerId, client } = await shopper({}, { fetch: network.fetch });
      await earn(customerId, 70);
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
      expect(parts(el, 'entry').length).to.equal(1);
      expect(el.shadowRoot!.activeElement, 'focus is not lost').to.not.equal(null);
    });

    it('says the session expired when the token is refused', async () => {
      const el = await mount(await clientFor(await forgedToken()));
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(['unauthorized', 'token_expired']).to.include(event.detail.code);
      expect(el.state).to.equal('error');
      expect(text(el, 'message')).to.equal(en.errorSession);
      expect(text(el, 'button')).to.equal(en.retry);
    });

    it('refuses a malformed answer clearly, in both languages', async () => {
      const client = await clientFor((await newShopper()).token, {
        fetch: async (input, init) => {
          const request = new Request(input, init);
          if (!new URL(request.url).pathname.endsWith(paths.pointsHistory)) return fetch(request);
          return new Response(JSON.stringify({ entries: 'none', nextCursor: 7 }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        },
      });
      const el = await mount(client);
      const [event] = await Promise.all([oneEvent(el, 'loyalty-error'), settled(el)]);
      expect(event.detail.code).to.equal('invalid_response');
      expect(text(el, 'message')).to.equal(s.errorOther);
      el.lang = 'zh-CN';
      await waitUntil(() => text(el, 'message') === z.errorOther, 'the Chinese message');
    });

    it('fails clearly when the API is unreachable or no client is configured', async () => {
      const unreachable = await mount(
        await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await newShopper()).token, retry: { limit: 0 } }),
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

  describe('layout', () => {
    it('fits a 320 px wide phone: nothing overflows, right to left too', async () => {
      for (const dir of ['ltr', 'rtl']) {
        const wrapper = await fixture<HTMLDivElement>(html`
          <div style="inline-size: 320px" lang="zh-CN" dir=${dir}>
            <loyalty-points-history .client=${await customerClient('demo-shopper')}></loyalty-points-history>
          </div>
        `);
        const el = wrapper.querySelector('loyalty-points-history')!;
        await ready(el);
        const base = part(el, 'base')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        for (const row of parts(el, 'entry')) expect(row.scrollWidth).to.be.at.most(row.clientWidth);
      }
    });
  });

  describe('registration', () => {
    it('is defined once, harmlessly twice, and exported', async () => {
      expect(customElements.get('loyalty-points-history')).to.equal(LoyaltyPointsHistory);
      expect(() => LoyaltyPointsHistory.define()).to.not.throw();
      const exported = await import('../index.ts');
      expect(exported.LoyaltyPointsHistory).to.equal(LoyaltyPointsHistory);
    });
  });
});
