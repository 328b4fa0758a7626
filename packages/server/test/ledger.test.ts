import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { IDEMPOTENT_REPLAY_HEADER, paths } from '@loyalty-elements/contract';
import { expireLapsedPoints } from '../src/domain/ledger.ts';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem, postTransaction, summaryOf } from './support/http.ts';
import { DAY_MS, asCustomer, fullHistory, historyPage, clockedServerPerFile, transact } from './support/loyalty.ts';

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));

const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY_MS).toISOString();

/** The sum of the ledger equals what the batches hold, and the summary agrees with both. */
async function assertLedgerBalances(customerId: string): Promise<void> {
  const [row] = await server.db.query<{ ledger: unknown; batches: unknown }>(
    `SELECT (SELECT COALESCE(SUM(points), 0) FROM ledger_entries WHERE customer_id = $1) AS ledger,
            (SELECT COALESCE(SUM(remaining), 0) FROM point_batches WHERE customer_id = $1) AS batches`,
    [customerId],
  );
  assert.equal(Number(row?.ledger), Number(row?.batches), 'ledger sum = batch remainders');
  const summary = await summaryOf(api, customerId);
  assert.equal(summary.points.balance + summary.points.pending, Number(row?.ledger));
}

describe('redemptions spend the soonest-expiring points first', () => {
  test('with two batches, the later-posted but sooner-expiring one goes first', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    const lateExpiry = inDays(200);
    const soonExpiry = inDays(30);
    await transact(api, customerId, { type: 'earn', points: 100, expiresAt: lateExpiry, reason: 'A' });
    await transact(api, customerId, { type: 'earn', points: 100, expiresAt: soonExpiry, reason: 'B' });
    const redeemed = await transact(api, customerId, { type: 'redeem', points: 150 });
    assert.equal(redeemed.balance, 50);
    assert.equal(redeemed.transaction.points, -150, 'debits are negative');

    const summary = await summaryOf(api, customerId);
    assert.deepEqual(summary.points.expiring, [{ points: 50, expiresAt: lateExpiry }]);

    clock.advance(31 * DAY_MS); // B lapses, but it was spent: nothing expires
    assert.equal((await summaryOf(api, customerId)).points.balance, 50);
    assert.equal((await fullHistory(api, customerId)).filter((e) => e.type === 'expire').length, 0);

    clock.advance(170 * DAY_MS); // A lapses with 50 left
    const after = await summaryOf(api, customerId);
    assert.equal(after.points.balance, 0);
    const expired = (await fullHistory(api, customerId)).filter((e) => e.type === 'expire');
    assert.deepEqual(
      expired.map((e) => [e.points, e.expiresAt]),
      [[-50, lateExpiry]],
    );
    await assertLedgerBalances(customerId);
  });

  test('points that never expire go last', async () => {
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 100, expiresAt: null });
    const expiring = inDays(90);
    await transact(api, customerId, { type: 'earn', points: 100, expiresAt: expiring });
    await transact(api, customerId, { type: 'redeem', points: 120 });
    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 80);
    assert.deepEqual(summary.points.expiring, [], 'the expiring batch is spent; the rest never expires');
  });

  test('earns without an expiry get the program default of 12 months', async () => {
    clock.set('2026-01-31T08:00:00.000Z');
    const customerId = await createDemoCustomer(server);
    const earned = await transact(api, customerId, { type: 'earn', points: 10 });
    assert.equal(earned.transaction.expiresAt, '2027-01-31T08:00:00.000Z');
  });
});

describe('expiry', () => {
  test('writes expire entries for lapsed batches and lowers the balance', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    const soon = inDays(1);
    await transact(api, customerId, { type: 'earn', points: 300, expiresAt: soon });
    await transact(api, customerId, { type: 'earn', points: 200, expiresAt: null });
    assert.equal((await summaryOf(api, customerId)).points.balance, 500);

    clock.advance(2 * DAY_MS);
    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 200);
    assert.equal(summary.points.lifetimeEarned, 500, 'expiry does not unearn');
    const history = await fullHistory(api, customerId);
    assert.deepEqual(
      history.map((e) => [e.type, e.points]),
      [
        ['expire', -300],
        ['earn', 200],
        ['earn', 300],
      ],
    );
    assert.equal(history[0]?.expiresAt, soon);
    assert.equal(history[0]?.balanceAfter, 200);
    // Reading again writes nothing more.
    await summaryOf(api, customerId);
    assert.equal((await fullHistory(api, customerId)).length, 3);
    await assertLedgerBalances(customerId);
  });

  test('the expiry job can be called directly and is idempotent', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 70, expiresAt: inDays(1) });
    const later = new Date(clock.now().getTime() + 3 * DAY_MS);
    assert.ok((await expireLapsedPoints(server.db, later)) >= 1);
    assert.equal(await expireLapsedPoints(server.db, later), 0);
    clock.set(later);
    const history = await fullHistory(api, customerId);
    assert.deepEqual(
      history.map((e) => [e.type, e.points]),
      [
        ['expire', -70],
        ['earn', 70],
      ],
    );
  });

  test('a redemption never spends points that have lapsed, even before the job wrote them off', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 100, expiresAt: inDays(1) });
    clock.advance(2 * DAY_MS);
    const res = await postTransaction(api, { customerId, body: { type: 'redeem', points: 1 } });
    await expectProblem(res, 409, 'insufficient_points');
    assert.equal((await fullHistory(api, customerId))[0]?.type, 'expire');
  });
});

describe('pending points', () => {
  test('are not spendable until they are released', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    const earned = await transact(api, customerId, {
      type: 'earn',
      points: 500,
      pendingUntil: inDays(10),
      reason: 'Order in its return period',
    });
    assert.equal(earned.balance, 0);
    let summary = await summaryOf(api, customerId);
    assert.deepEqual([summary.points.balance, summary.points.pending], [0, 500]);
    assert.equal(summary.tier.progress.qualified, 0, 'pending points do not qualify for a tier yet');
    await expectProblem(
      await postTransaction(api, { customerId, body: { type: 'redeem', points: 1 } }),
      409,
      'insufficient_points',
    );

    clock.advance(11 * DAY_MS);
    summary = await summaryOf(api, customerId);
    assert.deepEqual([summary.points.balance, summary.points.pending], [500, 0]);
    assert.equal(summary.tier.progress.qualified, 500, 'released points qualify');
    assert.equal((await transact(api, customerId, { type: 'redeem', points: 100 })).balance, 400);
  });

  test('expire by default a program lifetime after they become spendable, never before', async () => {
    clock.set('2026-01-31T08:00:00.000Z');
    const customerId = await createDemoCustomer(server);
    const earned = await transact(api, customerId, { type: 'earn', points: 10, pendingUntil: inDays(30) });
    assert.equal(earned.transaction.expiresAt, '2027-03-02T08:00:00.000Z');
    const late = await transact(api, customerId, { type: 'earn', points: 1, pendingUntil: '9999-12-31T00:00:00.000Z' });
    assert.equal(late.transaction.expiresAt, '9999-12-31T23:59:59.999Z', 'at the end of the last year stored');
  });
});

describe('adjustments', () => {
  test('credit and debit with a sign, never below zero', async () => {
    const customerId = await createDemoCustomer(server);
    assert.equal((await transact(api, customerId, { type: 'adjust', points: 80, reason: 'Goodwill' })).balance, 80);
    const debit = await transact(api, customerId, { type: 'adjust', points: -30, reason: 'Correction' });
    assert.deepEqual([debit.balance, debit.transaction.type, debit.transaction.points], [50, 'adjust', -30]);
    await expectProblem(
      await postTransaction(api, { customerId, body: { type: 'adjust', points: -51 } }),
      409,
      'insufficient_points',
    );
    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 50);
    assert.equal(summary.tier.progress.qualified, 50, 'adjustments correct tier-qualifying points');
    assert.equal(summary.points.lifetimeEarned, 80);
  });

  test('replay by idempotency key like every write', async () => {
    const customerId = await createDemoCustomer(server);
    const post = { customerId, idempotencyKey: randomUUID(), body: { type: 'adjust', points: 25 } } as const;
    const first = await postTransaction(api, post);
    assert.equal(first.status, 201);
    const replay = await postTransaction(api, post);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await replay.json(), await first.json());
    assert.equal((await summaryOf(api, customerId)).points.balance, 25);
  });

  test('a debit cannot carry an expiry or be pending, and zero is not an adjustment', async () => {
    const customerId = await createDemoCustomer(server);
    const cases: Array<[unknown, string]> = [
      [{ type: 'adjust', points: -5, expiresAt: inDays(5) }, 'body.expiresAt'],
      [{ type: 'adjust', points: -5, pendingUntil: inDays(5) }, 'body.pendingUntil'],
      [{ type: 'adjust', points: 0 }, 'body.points'],
      [{ type: 'earn', points: 5, expiresAt: inDays(-1) }, 'body.expiresAt'],
      [{ type: 'earn', points: 5, pendingUntil: inDays(10), expiresAt: inDays(5) }, 'body.expiresAt'],
      [{ type: 'earn', points: 5, expiresAt: 'next week' }, 'body.expiresAt'],
      [{ type: 'earn', points: 5, spend: { amount: 10, currency: 'cny' } }, 'body.spend.currency'],
      [{ type: 'expire', points: 5 }, 'body.type'],
    ];
    for (const [body, path] of cases) {
      const res = await postTransaction(api, { customerId, body: JSON.stringify(body) });
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${JSON.stringify(body)} → ${JSON.stringify(problem.errors)}`,
      );
    }
  });
});

describe('concurrent redemptions across batches', () => {
  test('50 redemptions of 100 on 1 000 held in three batches: exactly 10 succeed, never negative', async () => {
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 450, expiresAt: inDays(300) });
    await transact(api, customerId, { type: 'earn', points: 350, expiresAt: inDays(30) });
    await transact(api, customerId, { type: 'adjust', points: 200, expiresAt: null });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postTransaction(api, { customerId, body: { type: 'redeem', points: 100 } })),
    );
    const created = responses.filter((res) => res.status === 201);
    assert.equal(created.length, 10);
    for (const res of responses.filter((r) => r.status !== 201)) await expectProblem(res, 409, 'insufficient_points');
    for (const res of created) await res.body?.cancel();
    const [row] = await server.db.query<{ negative: unknown }>(
      `SELECT count(*) AS negative FROM point_batches WHERE customer_id = $1 AND (remaining < 0 OR remaining > points)`,
      [customerId],
    );
    assert.equal(Number(row?.negative), 0);
    assert.equal((await summaryOf(api, customerId)).points.balance, 0);
    await assertLedgerBalances(customerId);
  });
});

describe('GET /v1/me/points/history', () => {
  test('pages cover every entry exactly once, newest first', async () => {
    const customerId = await createDemoCustomer(server);
    const posted: string[] = [];
    for (let i = 1; i <= 23; i++) {
      const body = i % 4 === 0 ? ({ type: 'redeem', points: 3 } as const) : ({ type: 'earn', points: 10 + i } as const);
      posted.push((await transact(api, customerId, body)).transaction.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await historyPage(api, customerId, { limit: 5, ...(cursor ? { cursor } : {}) });
      assert.ok(page.entries.length <= 5);
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 5);
    assert.deepEqual(seen, [...posted].reverse());
    assert.equal(new Set(seen).size, 23);
  });

  test('an exact last page says there is no next page', async () => {
    const customerId = await createDemoCustomer(server);
    for (let i = 0; i < 4; i++) await transact(api, customerId, { type: 'earn', points: 1 });
    const first = await historyPage(api, customerId, { limit: 2 });
    assert.ok(first.nextCursor);
    const second = await historyPage(api, customerId, { limit: 2, cursor: first.nextCursor });
    assert.equal(second.entries.length, 2);
    assert.equal(second.nextCursor, null);
    assert.deepEqual(await historyPage(api, await createDemoCustomer(server)), { entries: [], nextCursor: null });
  });

  test('defaults to 20 entries a page', async () => {
    const customerId = await createDemoCustomer(server);
    for (let i = 0; i < 21; i++) await transact(api, customerId, { type: 'earn', points: 1 });
    const page = await historyPage(api, customerId);
    assert.equal(page.entries.length, 20);
    assert.ok(page.nextCursor);
  });

  test('shows what each entry is', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    const expiresAt = inDays(100);
    const pendingUntil = inDays(3);
    await transact(api, customerId, {
      type: 'earn',
      points: 40,
      reason: 'Order #7',
      expiresAt,
      pendingUntil,
      spend: { amount: 12_800, currency: 'CNY' },
    });
    const [entry] = (await historyPage(api, customerId)).entries;
    assert.deepEqual(
      { ...entry, id: undefined },
      {
        id: undefined,
        type: 'earn',
        kind: 'order',
        references: {},
        points: 40,
        shortfall: null,
        reason: 'Order #7',
        createdAt: clock.now().toISOString(),
        expiresAt,
        pendingUntil,
        spend: { amount: 12_800, currency: 'CNY' },
        balanceAfter: 0,
      },
    );
  });

  test("a customer's token reads only that customer's entries, whatever the cursor", async () => {
    const alice = await createDemoCustomer(server, 'alice');
    const bob = await createDemoCustomer(server, 'bob');
    const aliceIds = new Set<string>();
    const bobIds = new Set<string>();
    for (let i = 0; i < 6; i++) {
      aliceIds.add((await transact(api, alice, { type: 'earn', points: 1 })).transaction.id);
      bobIds.add((await transact(api, bob, { type: 'earn', points: 2 })).transaction.id);
    }
    const aliceSees = await fullHistory(api, alice, 4);
    assert.deepEqual(new Set(aliceSees.map((e) => e.id)), aliceIds);

    // Bob's cursor in Alice's request pages through Alice's ledger, never Bob's.
    const bobsPage = await historyPage(api, bob, { limit: 2 });
    assert.ok(bobsPage.nextCursor);
    const crossed = await historyPage(api, alice, { limit: 50, cursor: bobsPage.nextCursor });
    for (const entry of crossed.entries) {
      assert.ok(aliceIds.has(entry.id) && !bobIds.has(entry.id));
    }
  });

  test('rejects a bad limit or cursor, naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['limit=2.5', 'query.limit'],
      ['limit=many', 'query.limit'],
      ['cursor=not-a-cursor', 'query.cursor'],
      [`cursor=${Buffer.from('h1.-4').toString('base64url')}`, 'query.cursor'],
    ];
    for (const [query, path] of cases) {
      const res = await asCustomer(api, 'demo-shopper', `${paths.pointsHistory}?${query}`);
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        query,
      );
    }
  });

  test('needs a customer token', async () => {
    await expectProblem(await fetch(api.baseUrl + paths.pointsHistory), 401, 'publishable_key_invalid');
  });
});
