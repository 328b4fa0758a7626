// What the <loyalty-points-history> suites share: shoppers of their own on the real API, orders and credits, mounting.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LoyaltyClient, LoyaltyClientOptions } from '@loyalty-elements/sdk';
import '../define/loyalty-points-history.ts';
import type { LoyaltyPointsHistory } from '../points-history/points-history.ts';
import { pointsHistoryStrings } from '../points-history/points-history.strings.ts';
import { ledgerTextStrings } from '../base/ledger-text.strings.ts';
import { newShopper, quietClient, type NewShopperOptions } from './api.ts';
import { clean, text } from './widget.ts';

export const s = pointsHistoryStrings.en;
export const z = pointsHistoryStrings['zh-CN'];
export const ledgerEn = ledgerTextStrings.en;
export const ledgerZh = ledgerTextStrings['zh-CN'];
/** The demo program's time zone: every date a shopper reads is theirs. */
const TIME_ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const RUN = Date.now().toString(36);

/** What a screen reader hears for a row. */
export const spoken = (row: Element) => clean(row.querySelector('.visually-hidden'));
export const announced = (el: LoyaltyPointsHistory) => clean(el.shadowRoot!.querySelector('[role="status"]'));

export async function settled(el: LoyaltyPointsHistory): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<loyalty-points-history> stayed ${el.state}`, { timeout: 10_000 });
  await el.updateComplete;
}

export async function ready(el: LoyaltyPointsHistory): Promise<void> {
  await settled(el);
  expect(el.state, `state (message: ${text(el, 'message')})`).to.equal('ready');
}

/** A customer of the demo program that no other test uses, and a client signed in as them. */
export async function shopper(
  options: NewShopperOptions = {},
  clientOptions: Partial<LoyaltyClientOptions> = {},
): Promise<{ customerId: string; client: LoyaltyClient }> {
  const { customerId, token } = await newShopper({ name: 'Lin Mei', ...options });
  return { customerId, client: await quietClient(token, clientOptions) };
}

interface OrderAnswer {
  order: { orderId: string; points: number; pendingUntil: string };
}

let orders = 0;
/** Records an order of ¥`yuan` for the customer; `daysAgo` > the return window makes its points spendable. */
export async function placeOrder(customerId: string, yuan: number, daysAgo = 0): Promise<OrderAnswer['order']> {
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

export async function earn(customerId: string, points: number): Promise<void> {
  await executeServerCommand('loyalty-earn-points', { customerId, points });
}

export const longDate = (instant: string | number, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(instant));
export const mediumDate = (instant: string | number, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(instant));
export const format = (locale: string, value: number) => new Intl.NumberFormat(locale).format(value);

export async function mount(
  client: LoyaltyClient | undefined,
  lang = 'en',
  pageSize?: number,
): Promise<LoyaltyPointsHistory> {
  return fixture<LoyaltyPointsHistory>(
    html`<loyalty-points-history lang=${lang} page-size=${pageSize ?? 10} .client=${client}></loyalty-points-history>`,
  );
}
