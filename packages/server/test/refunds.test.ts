import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RefundResult } from '@loyalty-elements/contract';
import { clockedServerPerFile } from './support/loyalty.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { admin, anOrder, daysBefore, onceThenReplays, ownProgram, statusesOf } from './support/orders.ts';
import type { TestServer } from './support/server.ts';

// POST /v1/admin/orders/{orderId}/refunds: a refund takes back its share of the order's points, never more.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

const TIERS = [
  { id: 'member', name: { en: 'Member' }, threshold: 0, benefits: [], earnMultiplier: 1 },
  { id: 'silver', name: { en: 'Silver' }, threshold: 1_000, benefits: [], earnMultiplier: 1 },
];
const MONTH_AGO = () => daysBefore(clock.now(), 30);

async function shop(settings: Parameters<typeof ownProgram>[1] = {}) {
  return admin(api, await ownProgram(api, { earnRate: 1, tiers: TIERS, returnWindowDays: 14, ...settings }));
}

describe('what a refund takes back', () => {
  test('two half refunds take back exactly all the points, each its proportional share', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    // ¥100.01 at a point per yuan: 100 points, refunded in two parts that do not split evenly.
    const { order } = await merchant.order(anOrder(shopper, 10_001, { placedAt: MONTH_AGO() }));
    assert.equal(order.points, 100);
    const first = await merchant.refund(order.orderId, 'r1', 5_000);
    assert.deepEqual([first.refund.points, first.refund.shortfall], [49, 0], 'floor(100 × 5,000 / 10,001)');
    const second = await merchant.refund(order.orderId, 'r2', 5_001);
    assert.deepEqual([second.refund.points, second.refund.shortfall], [51, 0]);
    assert.deepEqual([second.order.refundedAmount, second.order.pointsTakenBack, second.balance], [10_001, 100, 0]);
    assert.deepEqual(
      second.order.refunds.map((r) => [r.refundId, r.amount, r.points]),
      [
        ['r1', 5_000, 49],
        ['r2', 5_001, 51],
      ],
    );
    assert.equal(second.transaction?.kind, 'refund');
    assert.equal(second.transaction?.points, -51);
    assert.deepEqual(second.transaction?.references, { orderId: order.orderId, refundId: 'r2' });
    assert.deepEqual(second.transaction?.spend, { amount: -5_001, currency: 'CNY' });
    await expectProblem(
      await merchant.postRefund(order.orderId, { refundId: 'r3', amount: 1 }),
      409,
      'refund_exceeds_order',
    );
  });

  test('refunds totalling more than the order are 409 refund_exceeds_order and take nothing', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 1_000, { placedAt: MONTH_AGO() }));
    await expectProblem(
      await merchant.postRefund(order.orderId, { refundId: 'all', amount: 1_001 }),
      409,
      'refund_exceeds_order',
    );
    await merchant.refund(order.orderId, 'some', 600);
    const problem = await expectProblem(
      await merchant.postRefund(order.orderId, { refundId: 'more', amount: 401 }),
      409,
      'refund_exceeds_order',
    );
    assert.match(problem.detail ?? '', /at most 400 more/);
    assert.equal((await merchant.readOrder(order.orderId)).pointsTakenBack, 6);
  });

  test('points come from the order’s own batch first, keeping its expiry; other points stay', async () => {
    clock.set('2027-05-01T00:00:00Z');
    const merchant = await shop({ pointsExpiryMonths: 12 });
    const shopper = await merchant.customer();
    // Sooner-expiring points a redemption would spend first.
    await merchant.transact(shopper, { type: 'earn', points: 500, expiresAt: '2027-06-01T00:00:00Z' });
    const { order } = await merchant.order(anOrder(shopper, 30_000, { placedAt: '2027-04-01T00:00:00Z' }));
    const result = await merchant.refund(order.orderId, 'half', 15_000);
    assert.deepEqual([result.refund.points, result.refund.shortfall, result.balance], [150, 0, 650]);
    const { expiring } = (await merchant.summary(shopper)).points;
    assert.deepEqual(expiring, [
      { points: 500, expiresAt: '2027-06-01T00:00:00.000Z' },
      { points: 150, expiresAt: '2028-05-01T00:00:00.000Z' },
    ]);
  });

  test('a refund of points still pending takes them from the pending batch', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'earn', points: 40 });
    const { order } = await merchant.order(anOrder(shopper, 10_000));
    assert.equal(order.pendingUntil !== null, true);
    const result = await merchant.refund(order.orderId, 'r', 2_500);
    assert.deepEqual([result.refund.points, result.refund.shortfall, result.balance], [25, 0, 40]);
    assert.deepEqual((await merchant.summary(shopper)).points.pending, 75);
  });

  test('after the shopper spent the points, the balance stops at zero and the history shows the shortfall', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: MONTH_AGO() }));
    await merchant.transact(shopper, { type: 'redeem', points: 70 });
    const result = await merchant.refund(order.orderId, 'full', 10_000);
    assert.deepEqual([result.refund.points, result.refund.shortfall, result.balance], [30, 70, 0]);
    assert.deepEqual([result.order.pointsTakenBack, result.order.pointsShortfall], [30, 70]);
    const [refundEntry] = await merchant.history(shopper);
    assert.deepEqual(
      [refundEntry?.kind, refundEntry?.points, refundEntry?.shortfall, refundEntry?.balanceAfter],
      ['refund', -30, 70, 0],
    );

    // Nothing left at all: the entry still says what was owed.
    const { order: second } = await merchant.order(anOrder(shopper, 5_000, { placedAt: MONTH_AGO() }));
    await merchant.transact(shopper, { type: 'redeem', points: 50 });
    const nothing = await merchant.refund(second.orderId, 'full', 5_000);
    assert.deepEqual([nothing.refund.points, nothing.refund.shortfall, nothing.balance], [0, 50, 0]);
    assert.deepEqual([nothing.transaction?.points, nothing.transaction?.shortfall], [0, 50]);
  });
});

describe('a refund after the order’s points expired', () => {
  test('takes back none of them from the shopper’s other points, whole or in parts', async () => {
    clock.set('2027-01-01T00:00:00Z');
    const merchant = await shop({ pointsExpiryMonths: 12 });
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: '2026-12-01T00:00:00Z' }));
    const { order: partly } = await merchant.order(anOrder(shopper, 10_000, { placedAt: '2026-12-01T00:00:00Z' }));
    await merchant.refund(partly.orderId, 'half', 5_000);
    clock.set('2028-02-01T00:00:00Z');
    await merchant.transact(shopper, { type: 'earn', points: 300, reason: 'points of another kind' });

    const full = await merchant.refund(order.orderId, 'all', 10_000);
    assert.deepEqual([full.refund.points, full.refund.shortfall, full.balance], [0, 0, 300]);
    const rest = await merchant.refund(partly.orderId, 'rest', 5_000);
    assert.deepEqual([rest.refund.points, rest.refund.shortfall, rest.balance], [0, 0, 300]);
    assert.deepEqual([rest.order.pointsTakenBack, rest.order.pointsShortfall], [50, 0], 'the half taken before expiry');
  });
});

describe('refunds and tiers', () => {
  test('the taken-back points no longer qualify, shortfall included', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 120_000, { placedAt: MONTH_AGO() }));
    assert.equal((await merchant.summary(shopper)).tier.current.id, 'silver');
    await merchant.transact(shopper, { type: 'redeem', points: 1_000 });
    const result = await merchant.refund(order.orderId, 'most', 30_000);
    assert.deepEqual([result.refund.points, result.refund.shortfall], [200, 100]);
    const { tier } = await merchant.summary(shopper);
    assert.equal(tier.progress.qualified, 900);
    assert.equal(tier.current.id, 'member');
  });

  test('a refund inside the return window of a pending order changes qualifying nothing, then or later', async () => {
    clock.set('2027-05-01T00:00:00Z');
    const merchant = await shop();
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'adjust', points: 1_000 });
    const { order } = await merchant.order(anOrder(shopper, 50_000));
    await merchant.refund(order.orderId, 'r', 20_000);
    let tier = (await merchant.summary(shopper)).tier;
    assert.deepEqual([tier.current.id, tier.progress.qualified], ['silver', 1_000]);
    clock.set('2027-05-15T00:00:00Z');
    tier = (await merchant.summary(shopper)).tier;
    assert.deepEqual([tier.current.id, tier.progress.qualified], ['silver', 1_300], 'the 300 points kept count');
    // The refund leaves the window with its order: it never takes from other activity.
    clock.set('2028-05-16T00:00:00Z');
    tier = (await merchant.summary(shopper)).tier;
    assert.equal(tier.progress.qualified, 0);
  });

  test('on a spend-metric program the refunded amount no longer counts', async () => {
    const merchant = await shop({
      tierMetric: 'spend',
      tiers: [TIERS[0]!, { ...TIERS[1]!, threshold: 100_000 }],
    });
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 150_000, { placedAt: MONTH_AGO() }));
    let tier = (await merchant.summary(shopper)).tier;
    assert.deepEqual([tier.current.id, tier.progress.qualified], ['silver', 150_000]);
    await merchant.refund(order.orderId, 'r', 60_000);
    tier = (await merchant.summary(shopper)).tier;
    assert.deepEqual([tier.current.id, tier.progress.qualified], ['member', 90_000]);
  });
});

describe('a refund is recorded once', () => {
  test('a replay answers 200 with the first answer; another amount under the same id is 409', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: MONTH_AGO() }));
    const first = await merchant.refund(order.orderId, 'r', 1_000);
    const replay = await merchant.postRefund(order.orderId, { refundId: 'r', amount: 1_000 });
    assert.equal(replay.status, 200);
    assert.deepEqual(parseExactly(RefundResult, await replay.json()), first);
    await expectProblem(
      await merchant.postRefund(order.orderId, { refundId: 'r', amount: 999 }),
      409,
      'refund_conflict',
    );
    await expectProblem(
      await merchant.postRefund('no-such-order', { refundId: 'r', amount: 1 }),
      404,
      'order_not_found',
    );
    assert.equal((await merchant.history(shopper)).length, 2);
  });

  test('20 refunds of one order at once never take back more than its points', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'earn', points: 1_000 });
    const { order } = await merchant.order(anOrder(shopper, 9_900, { placedAt: MONTH_AGO() }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => merchant.postRefund(order.orderId, { refundId: `r${i}`, amount: 990 })),
    );
    const statuses = responses.map((res) => res.status);
    assert.equal(statuses.filter((s) => s === 201).length, 10);
    assert.equal(statuses.filter((s) => s === 409).length, 10);
    const after = await merchant.readOrder(order.orderId);
    assert.deepEqual([after.refundedAmount, after.pointsTakenBack, after.pointsShortfall], [9_900, 99, 0]);
    assert.equal((await merchant.summary(shopper)).points.balance, 1_000, 'the other points are untouched');
  });

  test('20 identical refunds at once record it once', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: MONTH_AGO() }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => merchant.postRefund(order.orderId, { refundId: 'same', amount: 5_000 })),
    );
    assert.deepEqual(statusesOf(responses), onceThenReplays(20));
    assert.equal((await merchant.readOrder(order.orderId)).pointsTakenBack, 50);
    assert.equal((await merchant.summary(shopper)).points.balance, 50);
  });

  test('hostile bodies are 400 naming the field', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const { order } = await merchant.order(anOrder(shopper, 10_000, { placedAt: MONTH_AGO() }));
    const cases: Array<[unknown, string]> = [
      [{ refundId: 'r', amount: 0 }, 'body.amount'],
      [{ refundId: 'r', amount: 1e13 }, 'body.amount'],
      [{ refundId: 'r', amount: 2.5 }, 'body.amount'],
      [{ refundId: 'r', amount: '5' }, 'body.amount'],
      [{ refundId: '', amount: 5 }, 'body.refundId'],
      [{ refundId: 'a\u0000', amount: 5 }, 'body.refundId'],
      [{ amount: 5 }, 'body.refundId'],
      [{ refundId: 'r', amount: 5, points: 5 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await merchant.postRefund(order.orderId, body), 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((e) => e.path === path),
        JSON.stringify(problem.errors),
      );
    }
    assert.equal((await merchant.readOrder(order.orderId)).refunds.length, 0);
    assert.equal(api.loggedErrors.length, 0);
  });
});
