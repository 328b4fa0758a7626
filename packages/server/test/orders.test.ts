import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { OrderResult, orderPaths } from '@loyalty-elements/contract';
import { clockedServerPerFile, DAY_MS } from './support/loyalty.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { admin, anOrder, onceThenReplays, ownProgram, statusesOf } from './support/orders.ts';
import type { TestServer } from './support/server.ts';

// POST /v1/admin/orders: an order earns points by the earn rate and the shopper's tier, pending for the return window.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

const TIERS = [
  { id: 'member', name: { en: 'Member' }, threshold: 0, benefits: [], earnMultiplier: 1 },
  { id: 'silver', name: { en: 'Silver' }, threshold: 1_000, benefits: [], earnMultiplier: 1.5 },
  { id: 'gold', name: { en: 'Gold' }, threshold: 5_000, benefits: [], earnMultiplier: 2 },
];

async function shop(settings: Parameters<typeof ownProgram>[1] = {}, currency = 'CNY') {
  const program = await ownProgram(api, { earnRate: 1.1, tiers: TIERS, returnWindowDays: 14, ...settings }, currency);
  return admin(api, program);
}

describe('points from an order', () => {
  test('earn rate × the multiplier of the tier the shopper holds when the order is recorded, computed exactly', async () => {
    const merchant = await shop();
    const member = await merchant.customer();
    // 1.1 × ¥100 is 110 points, not 110.00000000000001 floored to 110 by luck: exact decimals throughout.
    assert.equal((await merchant.order(anOrder(member, 10_000))).order.points, 110);
    assert.equal((await merchant.order(anOrder(member, 999))).order.points, 10, '¥9.99 × 1.1 = 10.989 → 10');

    const silver = await merchant.customer();
    await merchant.transact(silver, { type: 'adjust', points: 1_000 });
    assert.equal((await merchant.order(anOrder(silver, 10_000))).order.points, 165, '¥100 × 1.1 × 1.5');

    const gold = await merchant.customer();
    await merchant.transact(gold, { type: 'adjust', points: 5_000 });
    assert.equal((await merchant.order(anOrder(gold, 10_000))).order.points, 220, '¥100 × 1.1 × 2');
  });

  test('a currency without minor units (JPY) and one with two (CNY)', async () => {
    const yen = await shop({ earnRate: 1 }, 'JPY');
    const shopper = await yen.customer();
    const result = await yen.order(anOrder(shopper, 1_234, { currency: 'JPY' }));
    assert.equal(result.order.points, 1_234, '¥1,234 is 1,234 yen');

    const yuan = await shop({ earnRate: 1 });
    const other = await yuan.customer();
    assert.equal((await yuan.order(anOrder(other, 1_234))).order.points, 12, '1,234 fen is ¥12.34');
  });

  test('the points are pending for the return window after placedAt, then spendable; they expire from then', async () => {
    clock.set('2027-03-01T00:00:00Z');
    const merchant = await shop({ pointsExpiryMonths: 12 });
    const shopper = await merchant.customer();
    const placedAt = '2027-02-27T00:00:00.000Z';
    const result = await merchant.order(anOrder(shopper, 50_000, { placedAt }));
    assert.equal(result.order.pendingUntil, '2027-03-13T00:00:00.000Z', '14 days after it was placed');
    assert.equal(result.transaction?.pendingUntil, '2027-03-13T00:00:00.000Z');
    assert.equal(result.transaction?.expiresAt, '2028-03-13T00:00:00.000Z', '12 months from when it is spendable');
    assert.deepEqual(result.transaction?.spend, { amount: 50_000, currency: 'CNY' });
    assert.equal(result.balance, 0);
    let points = (await merchant.summary(shopper)).points;
    assert.deepEqual([points.balance, points.pending], [0, 550]);

    clock.set('2027-03-13T00:00:00Z');
    points = (await merchant.summary(shopper)).points;
    assert.deepEqual([points.balance, points.pending], [550, 0]);
  });

  test('an order placed before the return window is spendable at once', async () => {
    clock.set('2027-03-01T00:00:00Z');
    const merchant = await shop();
    const shopper = await merchant.customer();
    const result = await merchant.order(anOrder(shopper, 10_000, { placedAt: '2027-02-01T00:00:00Z' }));
    assert.equal(result.order.pendingUntil, null);
    assert.equal(result.transaction?.pendingUntil, null);
    assert.equal(result.balance, 110);
    assert.equal(result.order.placedAt, '2027-02-01T00:00:00.000Z');
  });

  test('an order that earns nothing is recorded without a ledger entry', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const result = await merchant.order(anOrder(shopper, 0));
    assert.equal(result.transaction, null);
    assert.deepEqual([result.order.points, result.order.pendingUntil, result.balance], [0, null, 0]);
    assert.deepEqual(await merchant.history(shopper), []);
  });

  test('the order and its entry name each other; GET reads the order back', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const request = anOrder(shopper, 10_000);
    const result = await merchant.order(request);
    assert.equal(result.transaction?.kind, 'order');
    assert.equal(result.transaction?.type, 'earn');
    assert.deepEqual(result.transaction?.references, { orderId: request.orderId });
    assert.deepEqual(await merchant.readOrder(request.orderId), result.order);
    assert.deepEqual(result.order, {
      orderId: request.orderId,
      customerId: shopper,
      amount: 10_000,
      currency: 'CNY',
      placedAt: result.order.placedAt,
      points: 110,
      pendingUntil: result.order.pendingUntil,
      refundedAmount: 0,
      pointsTakenBack: 0,
      pointsShortfall: 0,
      referralCode: null,
      refunds: [],
    });
    await expectProblem(await merchant.getOrder('no-such-order'), 404, 'order_not_found');
  });
});

describe('an order is recorded once', () => {
  test('a replay answers 200 with the first answer; the same id with another body is 409 order_conflict', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const request = anOrder(shopper, 10_000, { placedAt: clock.now().toISOString() });
    const first = await merchant.order(request);
    const replay = await merchant.postOrder(request);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(parseExactly(OrderResult, await replay.json()), first);

    await expectProblem(await merchant.postOrder({ ...request, amount: 10_001 }), 409, 'order_conflict');
    const other = await merchant.customer();
    await expectProblem(await merchant.postOrder({ ...request, customerId: other }), 409, 'order_conflict');
    assert.equal((await merchant.history(shopper)).length, 1);
    assert.deepEqual(await merchant.history(other), []);
  });

  test('20 identical posts at once credit the order once', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    const request = anOrder(shopper, 10_000);
    const responses = await Promise.all(Array.from({ length: 20 }, () => merchant.postOrder(request)));
    assert.deepEqual(statusesOf(responses), onceThenReplays(20));
    const bodies = await Promise.all(responses.map(async (res) => parseExactly(OrderResult, await res.json())));
    assert.equal(new Set(bodies.map((body) => body.transaction?.id)).size, 1);
    assert.equal((await merchant.history(shopper)).length, 1);
    assert.equal((await merchant.summary(shopper)).points.pending, 110);
  });

  test('20 different orders at once are each credited', async () => {
    const merchant = await shop({ returnWindowDays: 0 });
    const shopper = await merchant.customer();
    const responses = await Promise.all(Array.from({ length: 20 }, () => merchant.postOrder(anOrder(shopper, 1_000))));
    assert.deepEqual(
      responses.map((res) => res.status),
      Array<number>(20).fill(201),
    );
    assert.equal((await merchant.summary(shopper)).points.balance, 20 * 11);
  });

  test('the same order id posted for two customers at once is recorded for one of them', async () => {
    const merchant = await shop();
    const [a, b] = [await merchant.customer(), await merchant.customer()];
    const orderId = `order-${randomUUID()}`;
    const responses = await Promise.all(
      [a, b, a, b].map((customerId) => merchant.postOrder({ orderId, customerId, amount: 1_000, currency: 'CNY' })),
    );
    const statuses = responses.map((res) => res.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1);
    assert.equal(statuses.filter((status) => status === 200).length, 1);
    assert.equal(statuses.filter((status) => status === 409).length, 2);
    const entries = [...(await merchant.history(a)), ...(await merchant.history(b))];
    assert.equal(entries.length, 1);
  });
});

describe('orders the API refuses', () => {
  test('an unknown customer is 404; a currency other than the program’s or a future placedAt is 400 naming it', async () => {
    const merchant = await shop();
    const shopper = await merchant.customer();
    await expectProblem(await merchant.postOrder(anOrder('nobody', 100)), 404, 'customer_not_found');
    const currency = await expectProblem(
      await merchant.postOrder(anOrder(shopper, 100, { currency: 'USD' })),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      currency.errors?.map((e) => e.path),
      ['body.currency'],
    );
    const future = new Date(clock.now().getTime() + DAY_MS).toISOString();
    const placed = await expectProblem(
      await merchant.postOrder(anOrder(shopper, 100, { placedAt: future })),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      placed.errors?.map((e) => e.path),
      ['body.placedAt'],
    );
  });

  test('hostile bodies are 400 naming the field, never a 500, and record nothing', async () => {
    const merchant = await shop({ earnRate: 10_000, tiers: [{ ...TIERS[0]!, earnMultiplier: 100 }] }, 'JPY');
    const shopper = await merchant.customer();
    const base = { orderId: 'hostile', customerId: shopper, amount: 100, currency: 'JPY' };
    const cases: Array<[unknown, string]> = [
      [{ ...base, amount: 1e13 }, 'body.amount'],
      [{ ...base, amount: 1.5 }, 'body.amount'],
      [{ ...base, amount: -1 }, 'body.amount'],
      [{ ...base, amount: '100' }, 'body.amount'],
      [{ ...base, amount: 1e15 }, 'body.amount'],
      [{ ...base, orderId: 'bad\u0000id' }, 'body.orderId'],
      [{ ...base, orderId: '' }, 'body.orderId'],
      [{ ...base, orderId: 'x'.repeat(129) }, 'body.orderId'],
      [{ ...base, customerId: 42 }, 'body.customerId'],
      [{ ...base, currency: 'yen' }, 'body.currency'],
      [{ ...base, placedAt: 'yesterday' }, 'body.placedAt'],
      [{ ...base, referralCode: 'r'.repeat(65) }, 'body.referralCode'],
      [{ ...base, referralCode: '\uD800' }, 'body.referralCode'],
      [{ ...base, points: 5 }, 'body'],
      // Earns 10^12 × 10,000 × 100 points: far more than an entry may carry.
      [{ ...base, amount: 1_000_000_000_000 }, 'body.amount'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(
        await merchant.postOrder(body as Record<string, unknown>),
        400,
        'validation_failed',
      );
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(problem.errors)}`,
      );
    }
    await expectProblem(await merchant.postOrder('{"orderId":'), 400, 'validation_failed');
    await expectProblem(await merchant.getOrder('hostile'), 404, 'order_not_found');
    assert.deepEqual(await merchant.history(shopper), []);
    assert.equal(api.loggedErrors.length, 0);
  });

  test('the secret key is required', async () => {
    const res = await fetch(api.baseUrl + orderPaths.orders, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(anOrder('x', 1)),
    });
    await expectProblem(res, 401, 'secret_key_invalid');
  });
});

describe('the welcome bonus', () => {
  test('20 PUTs of a new customer at once credit it once; an update never again', async () => {
    const merchant = await shop({ welcomeBonus: 50 });
    const id = `welcome-${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => merchant.putCustomer(id)));
    assert.deepEqual(statusesOf(responses), onceThenReplays(20));
    assert.equal((await merchant.putCustomer(id)).status, 200);
    const history = await merchant.history(id);
    assert.deepEqual(
      history.map((entry) => [entry.kind, entry.type, entry.points]),
      [['welcome', 'earn', 50]],
    );
    const summary = await merchant.summary(id);
    assert.equal(summary.points.balance, 50);
    assert.equal(summary.tier.progress.qualified, 0, 'a gift does not count towards a tier');
  });

  test('no bonus when the program has none', async () => {
    const merchant = await shop({ welcomeBonus: 0 });
    const id = await merchant.customer();
    assert.deepEqual(await merchant.history(id), []);
  });
});
