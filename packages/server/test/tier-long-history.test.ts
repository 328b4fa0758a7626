import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { qualifyingActivity } from '../src/domain/ledger-reads.ts';
import { findProgramById, type Program } from '../src/domain/programs.ts';
import { activitySince, tierStanding } from '../src/domain/tiers.ts';
import { toNumber } from '../src/store/database.ts';
import { summaryOf } from './support/http.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let program: Program;
before(async () => {
  server = await startTestServer();
  const found = await findProgramById(server.db, DEMO_SEED.program.id);
  assert.ok(found);
  program = found;
});
after(() => server.close());

/**
 * `count` adjustments, one every `spacingHours` back from `now`, in one statement: those older than 275 days are worth
 * far more, and one in five is a correction, so what is left falls below the tier as they leave the window.
 */
async function seedHistory(customerId: string, now: Date, count: number, spacingHours: number): Promise<void> {
  await server.db.query(
    `INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, reason, balance_after, created_at)
     SELECT gen_random_uuid(), $1, $2, 'adjust', 'adjustment',
            CASE WHEN i % 5 = 0 THEN -(i % 7) - 1 WHEN i * $5::int > 6600 THEN 40 + i % 3 ELSE 1 + (i * 13) % 5 END,
            'history', 0, $3::timestamptz - make_interval(hours => i * $5::int, secs => i % 3)
       FROM generate_series(1, $4::int) AS i`,
    [program.id, customerId, now, count, spacingHours],
  );
}

/**
 * The standing recomputed in Node from every ledger entry of the customer that counts towards a tier, derived here
 * from the ledger itself (the points metric): adjustments at the moment they were written.
 */
async function standingFromEveryRow(customerId: string, now: Date) {
  const rows = await server.db.query<{ available_at: Date | string; amount: unknown }>(
    `SELECT created_at AS available_at, points AS amount FROM ledger_entries
      WHERE program_id = $1 AND customer_id = $2 AND kind = 'adjustment' AND created_at <= $3`,
    [program.id, customerId, now],
  );
  const activity = rows.map((row) => ({ at: new Date(row.available_at), amount: toNumber(row.amount) }));
  const standing = tierStanding(program.tiers, activity, program.tierWindowMonths, now, program.tierRiskHorizonDays);
  return { rows: rows.length, standing };
}

test('a customer with thousands of entries has the standing a recount of every row in Node gives', async () => {
  const customerId = await createDemoCustomer(server, 'long-history');
  const now = new Date();
  await seedHistory(customerId, now, 4_000, 3);

  const { rows, standing } = await standingFromEveryRow(customerId, now);
  assert.equal(rows, 4_000);
  assert.ok(standing.atRisk, 'the seeded history puts the tier at risk within the forecast');
  assert.ok(standing.windowEndsAt);
  const tier = (await summaryOf(server, customerId)).tier;
  assert.equal(tier.current.id, standing.current.id);
  assert.equal(tier.progress.qualified, standing.qualified);
  assert.equal(tier.progress.remaining, standing.remaining);
  assert.equal(tier.windowEndsAt, standing.windowEndsAt.toISOString());
  assert.deepEqual(tier.atRisk, {
    retainThreshold: standing.atRisk.retainThreshold,
    remaining: standing.atRisk.remaining,
    at: standing.atRisk.at.toISOString(),
    dropsTo: { id: standing.atRisk.dropsTo.id, name: standing.atRisk.dropsTo.name },
  });
});

test('the kept activity gives the standing of every row at any moment, month ends included', async () => {
  // 29, 30 and 31 January 2025 leave a 12-month window together at the end of February 2026.
  const moments = [
    new Date(Date.UTC(2026, 0, 5)),
    new Date(Date.UTC(2026, 1, 27, 23)),
    new Date(Date.UTC(2026, 1, 28, 13)),
    new Date(Date.UTC(2026, 2, 1)),
    new Date(Date.UTC(2026, 2, 15, 12)),
  ];
  let risks = 0;
  for (const now of moments) {
    const customerId = await createDemoCustomer(server, 'month-end');
    await seedHistory(customerId, now, 3_000, 5);
    const since = activitySince(program.tierWindowMonths, now);
    const kept = await qualifyingActivity(server.db, program, customerId, since, now);
    const { rows, standing } = await standingFromEveryRow(customerId, now);
    // One item a day of the window, and the rows (five a day here) of the few days the forecast reads one by one.
    const days = Math.ceil((now.getTime() - since.getTime()) / 86_400_000) + 1;
    assert.ok(kept.length <= days + 12 * 5, `${kept.length} items for ${rows} rows at ${now.toISOString()}`);
    if (standing.atRisk) risks += 1;
    const fromKept = tierStanding(program.tiers, kept, program.tierWindowMonths, now, program.tierRiskHorizonDays);
    assert.deepEqual(fromKept, standing, now.toISOString());
  }
  assert.ok(risks > 0, 'some of the moments forecast a risk');
});

test('entries written after the moment asked about do not count, a few or many', async () => {
  const customerId = await createDemoCustomer(server, 'clock-behind');
  await seedHistory(customerId, new Date(Date.UTC(2026, 2, 15, 12)), 3_000, 5);
  const firstMoment = new Date(Date.UTC(2026, 1, 28, 13));
  // A reversal written an hour after the first moment, of an adjustment 200 days before it: it would count on that
  // adjustment's day, well inside the window, had it been written in time.
  await server.db.query(
    `INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, balance_after, created_at,
                                 reverses_entry_id)
     SELECT gen_random_uuid(), program_id, customer_id, 'redeem', 'reversal', -points, 0, $3, id
       FROM ledger_entries WHERE program_id = $1 AND customer_id = $2 AND points > 0 AND created_at < $4
      ORDER BY created_at DESC LIMIT 1`,
    [
      program.id,
      customerId,
      new Date(firstMoment.getTime() + 3_600_000),
      new Date(firstMoment.getTime() - 200 * 86_400_000),
    ],
  );
  // About 70 entries are written after the first moment: taken off their days; about 1,400 after the second: the
  // ledger itself is read.
  for (const now of [firstMoment, new Date(Date.UTC(2025, 5, 1))]) {
    const since = activitySince(program.tierWindowMonths, now);
    const activity = await qualifyingActivity(server.db, program, customerId, since, now);
    const { standing } = await standingFromEveryRow(customerId, now);
    assert.deepEqual(
      tierStanding(program.tiers, activity, program.tierWindowMonths, now, program.tierRiskHorizonDays),
      standing,
      now.toISOString(),
    );
  }
});
