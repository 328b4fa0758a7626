import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TransactionRequest } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { spendableBalance } from '../src/domain/ledger.ts';
import { toNumber } from '../src/store/database.ts';
import { DAY_MS } from '../src/domain/time.ts';
import { postTransaction } from './support/http.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** A write of a random kind: credits now, pending or soon expiring; redemptions; adjustments either way. */
function randomWrite(random: () => number): TransactionRequest {
  const points = 1 + Math.floor(random() * 200);
  const pick = random();
  if (pick < 0.3) return { type: 'earn', points, reason: 'mix' };
  if (pick < 0.4)
    return { type: 'earn', points, reason: 'mix', pendingUntil: new Date(Date.now() + DAY_MS).toISOString() };
  if (pick < 0.5)
    return { type: 'earn', points, reason: 'mix', expiresAt: new Date(Date.now() + 10_000).toISOString() };
  if (pick < 0.8) return { type: 'redeem', points, reason: 'mix' };
  return { type: 'adjust', points: random() < 0.5 ? points : -points, reason: 'mix' };
}

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

test('the points kept per customer equal a full recount after 200 mixed writes, some in parallel', async () => {
  const programId = DEMO_SEED.program.id;
  const customers = [await createDemoCustomer(server, 'mix'), await createDemoCustomer(server, 'mix')];
  const random = seeded(25);
  const statuses = new Map<number, number>();
  for (let round = 0; round < 20; round++) {
    const writes = Array.from({ length: 10 }, () => ({
      customerId: customers[Math.floor(random() * customers.length)]!,
      body: randomWrite(random),
    }));
    const answers = await Promise.all(writes.map((write) => postTransaction(server, write)));
    for (const res of answers) {
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      await res.body?.cancel();
    }
  }
  assert.deepEqual(
    [...statuses.keys()].filter((status) => status !== 201 && status !== 409 && status !== 422),
    [],
    `statuses ${JSON.stringify([...statuses])}`,
  );
  assert.ok((statuses.get(201) ?? 0) > 100, `statuses ${JSON.stringify([...statuses])}`);

  for (const customerId of customers) {
    const [kept] = await server.db.query<Record<string, unknown>>(
      `SELECT c.points_remaining, c.lifetime_earned,
              (SELECT COALESCE(sum(remaining), 0) FROM point_batches b
                WHERE b.program_id = c.program_id AND b.customer_id = c.id) AS recount_remaining,
              (SELECT COALESCE(sum(points), 0) FROM ledger_entries e
                WHERE e.program_id = c.program_id AND e.customer_id = c.id) AS ledger_sum,
              (SELECT COALESCE(sum(points), 0) FROM ledger_entries e
                WHERE e.program_id = c.program_id AND e.customer_id = c.id AND e.points > 0
                  AND e.kind IN ('order', 'birthday', 'survey', 'referral', 'welcome', 'adjustment', 'goodwill'))
                AS recount_earned,
              (SELECT COALESCE(sum(remaining), 0) FROM point_batches b
                WHERE b.program_id = c.program_id AND b.customer_id = c.id AND remaining > 0
                  AND (pending_until IS NULL OR pending_until <= $3) AND (expires_at IS NULL OR expires_at > $3))
                AS recount_balance
         FROM customers c WHERE c.program_id = $1 AND c.id = $2`,
      [programId, customerId, new Date()],
    );
    assert.ok(kept);
    assert.equal(toNumber(kept.points_remaining), toNumber(kept.recount_remaining), customerId);
    assert.equal(toNumber(kept.points_remaining), toNumber(kept.ledger_sum), customerId);
    assert.equal(toNumber(kept.lifetime_earned), toNumber(kept.recount_earned), customerId);
    assert.ok(toNumber(kept.points_remaining) >= 0);
    const balance = await spendableBalance(server.db, programId, customerId, new Date());
    assert.equal(balance, toNumber(kept.recount_balance), customerId);
  }
});
