import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { activityParams, activitySql, qualifyingActivity } from '../src/domain/ledger-reads.ts';
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

/** The standing recomputed in Node from every qualifying row the customer has, as it was before SQL condensed it. */
async function standingFromEveryRow(customerId: string, now: Date) {
  const rows = await server.db.query<{ available_at: Date | string; amount: unknown }>(
    activitySql(program, 'e.customer_id = $5'),
    [...activityParams(program, new Date(0), now), customerId],
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

test('the condensed activity gives the standing of every row at any moment, month ends included', async () => {
  const customerId = await createDemoCustomer(server, 'month-end');
  const seededUntil = new Date(Date.UTC(2026, 2, 15, 12));
  await seedHistory(customerId, seededUntil, 3_000, 5);
  // 29, 30 and 31 January 2025 leave a 12-month window together at the end of February 2026.
  const moments = [
    new Date(Date.UTC(2026, 0, 5)),
    new Date(Date.UTC(2026, 1, 27, 23)),
    new Date(Date.UTC(2026, 1, 28, 13)),
    new Date(Date.UTC(2026, 2, 1)),
    seededUntil,
  ];
  let risks = 0;
  for (const now of moments) {
    const condensed = await qualifyingActivity(
      server.db,
      program,
      customerId,
      activitySince(program.tierWindowMonths, now),
      now,
    );
    assert.ok(condensed.length <= 3, `${condensed.length} items at ${now.toISOString()}`);
    const { standing } = await standingFromEveryRow(customerId, now);
    if (standing.atRisk) risks += 1;
    const fromCondensed = tierStanding(
      program.tiers,
      condensed,
      program.tierWindowMonths,
      now,
      program.tierRiskHorizonDays,
    );
    assert.deepEqual(fromCondensed, standing, now.toISOString());
  }
  assert.ok(risks > 0, 'some of the moments forecast a risk');
});
