import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER, RedeemResult, rewardPaths } from '@loyalty-elements/contract';
import { formatDate, localDate } from '../src/domain/time.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { parseExactly, signCustomerToken } from './support/http.ts';
import { admin, anOrder, ownProgram, type OwnProgram } from './support/orders.ts';
import { rewardDraft } from './support/rewards.ts';
import type { TestServer } from './support/server.ts';

// Periods a shopper is told in days — how long a reward code is valid (`validityDays`), how long an order's points
// stay pending (`returnWindowDays`) — end that many calendar days later at the same time of day on the shopper's
// clock (their time zone, else the program's), also when summer time begins or ends in between.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

async function shop(timezone: string) {
  const program = await ownProgram(api, { timezone, returnWindowDays: 30, earnRate: 1, pointsExpiryMonths: 12 });
  return { program, merchant: admin(api, program) };
}

async function redeemAt(program: OwnProgram, customerId: string, instant: string, validityDays: number) {
  const merchant = admin(api, program);
  const rewardId = `code-${randomUUID()}`;
  const put = await merchant.call('PUT', rewardPaths.reward(rewardId), rewardDraft({ validityDays }));
  assert.equal(put.status, 201, await put.text());
  await merchant.transact(customerId, { type: 'earn', points: 100 });
  clock.set(instant);
  const token = await signCustomerToken({
    secret: program.secretKey,
    audience: program.publishableKey,
    sub: customerId,
  });
  const res = await fetch(api.baseUrl + rewardPaths.redeem(rewardId), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      [PUBLISHABLE_KEY_HEADER]: program.publishableKey,
      [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
    },
  });
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(RedeemResult, await res.json()).redemption;
}

describe('a reward code is valid for validityDays of the shopper’s calendar', () => {
  test('redeemed at 00:30 on 16 October in New York, 30 days: valid until 00:30 on 15 November', async () => {
    const { program, merchant } = await shop('America/New_York');
    const shopper = await merchant.customer();
    // 00:30 EDT (UTC−4) on 16 October; 00:30 EST (UTC−5) on 15 November. Thirty days of 24 hours end at 23:30 on
    // the 14th, a day short on the shopper's calendar.
    const redemption = await redeemAt(program, shopper, '2027-10-16T04:30:00.000Z', 30);
    assert.equal(redemption.expiresAt, '2027-11-15T05:30:00.000Z');
    assert.equal(formatDate(localDate(new Date(redemption.expiresAt ?? ''), 'America/New_York')), '2027-11-15');
  });

  test('redeemed at noon on 1 March in New York, 30 days: until noon on 31 March, summer time or not', async () => {
    const { program, merchant } = await shop('America/New_York');
    const shopper = await merchant.customer();
    const redemption = await redeemAt(program, shopper, '2027-03-01T17:00:00.000Z', 30);
    assert.equal(redemption.expiresAt, '2027-03-31T16:00:00.000Z');
  });

  test('the shopper’s own time zone wins over the program’s', async () => {
    const { program, merchant } = await shop('Asia/Shanghai');
    const shopper = await merchant.customer('shopper', { timezone: 'Europe/London' });
    // 00:30 BST on 20 October; 00:30 GMT on 3 November.
    const redemption = await redeemAt(program, shopper, '2027-10-19T23:30:00.000Z', 14);
    assert.equal(redemption.expiresAt, '2027-11-03T00:30:00.000Z');
  });

  test('a program in a zone without summer time keeps whole 24-hour days', async () => {
    const { program, merchant } = await shop('Asia/Shanghai');
    const shopper = await merchant.customer();
    const redemption = await redeemAt(program, shopper, '2027-10-16T04:30:00.000Z', 30);
    assert.equal(redemption.expiresAt, '2027-11-15T04:30:00.000Z');
  });
});

describe('an order’s points are pending for returnWindowDays of the shopper’s calendar', () => {
  test('placed at 00:30 on 20 October in New York, 30 days: pending until 00:30 on 19 November', async () => {
    const { merchant } = await shop('America/New_York');
    const shopper = await merchant.customer();
    clock.set('2027-10-25T12:00:00.000Z');
    const placedAt = '2027-10-20T04:30:00.000Z';
    const { order, transaction } = await merchant.order(anOrder(shopper, 10_000, { placedAt }));
    assert.equal(order.pendingUntil, '2027-11-19T05:30:00.000Z');
    assert.equal(transaction?.pendingUntil, '2027-11-19T05:30:00.000Z');
    assert.equal(transaction?.expiresAt, '2028-11-19T05:30:00.000Z', 'twelve months on, in the same calendar');

    // 23:45 EST on 18 November: still pending; at 00:30 on the 19th, spendable.
    clock.set('2027-11-19T04:45:00.000Z');
    assert.deepEqual((await merchant.summary(shopper)).points.pending, 100);
    clock.set('2027-11-19T05:30:00.000Z');
    assert.deepEqual((await merchant.summary(shopper)).points.balance, 100);
  });

  test('placed longer ago than the window on the shopper’s calendar: spendable at once', async () => {
    const { merchant } = await shop('America/New_York');
    const shopper = await merchant.customer();
    // 30 calendar days after 00:30 EDT on 20 October is 00:30 EST on 19 November: past by 05:40 UTC that day.
    clock.set('2027-11-19T05:40:00.000Z');
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: '2027-10-20T04:30:00.000Z' }));
    assert.equal(order.pendingUntil, null);
  });
});
