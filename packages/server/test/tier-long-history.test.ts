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
async function standingFromEveryRow(customerId: string, now: Date, windowMonths = program.tierWindowMonths) {
  const rows = await server.db.query<{ available_at: Date | string; amount: unknown }>(
    `SELECT created_at AS available_at, points AS amount FROM ledger_entries
      WHERE program_id = $1 AND customer_id = $2 AND kind = 'adjustment' AND created_at <= $3`,
    [program.id, customerId, now],
  );
  const activity = rows.map((row) => ({ at: new Date(row.available_at), amount: toNumber(row.amount) }));
  const standing = tierStanding(program.tiers, activity, windowMonths, now, program.tierRiskHorizonDays);
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

for (const windowMonths of [12, 13, 1]) {
  test(`the kept activity gives the standing of every row at any moment, month ends included (${windowMonths}-month window)`, async () => {
    // With 13 months, 29, 30 and 31 January 2025 leave the window together at the end of February 2026; with one
    // month, 29 to 31 January 2026 do, and the line falls on several days at once.
    const windowProgram = { ...program, tierWindowMonths: windowMonths };
    const moments = [
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2026, 1, 27, 23)),
      new Date(Date.UTC(2026, 1, 28, 0, 30)),
      new Date(Date.UTC(2026, 1, 28, 13)),
      new Date(Date.UTC(2026, 2, 1)),
      new Date(Date.UTC(2026, 2, 15, 12)),
      new Date(Date.UTC(2026, 3, 30, 18)),
    ];
    let risks = 0;
    for (const now of moments) {
      const customerId = await createDemoCustomer(server, 'month-end');
      await seedHistory(customerId, now, 3_000, windowMonths === 1 ? 1 : 5);
      const since = activitySince(windowMonths, now);
      const kept = await qualifyingActivity(server.db, windowProgram, customerId, since, now);
      const { rows, standing } = await standingFromEveryRow(customerId, now, windowMonths);
      // One item a day of the window, and the rows of the few days read one by one.
      const days = Math.ceil((now.getTime() - since.getTime()) / 86_400_000) + 1;
      const rowsADay = windowMonths === 1 ? 24 : 5;
      assert.ok(kept.length <= days + 12 * rowsADay, `${kept.length} items for ${rows} rows at ${now.toISOString()}`);
      if (standing.atRisk) risks += 1;
      const fromKept = tierStanding(program.tiers, kept, windowMonths, now, program.tierRiskHorizonDays);
      assert.deepEqual(fromKept, standing, now.toISOString());
    }
    if (windowMonths === 12) assert.ok(risks > 0, 'some of the moments forecast a risk');
  });
}

/**
 * A customer with one adjustment of `points` at each of `moments`, and their standing at `now` with a window of
 * `windowMonths` from the kept activity, checked against the recount of every row.
 */
async function keptStanding(name: string, entries: Array<[string, number]>, now: Date, windowMonths: number) {
  const customerId = await createDemoCustomer(server, name);
  await server.db.query(
    `INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, reason, balance_after, created_at)
     SELECT gen_random_uuid(), $1, $2, 'adjust', 'adjustment', points, 'history', 0, at
       FROM unnest($3::timestamptz[], $4::int[]) AS entry(at, points)`,
    [program.id, customerId, entries.map(([at]) => at), entries.map(([, points]) => points)],
  );
  const since = activitySince(windowMonths, now);
  const windowProgram = { ...program, tierWindowMonths: windowMonths };
  const kept = await qualifyingActivity(server.db, windowProgram, customerId, since, now);
  const standing = tierStanding(program.tiers, kept, windowMonths, now, program.tierRiskHorizonDays);
  assert.deepEqual(standing, (await standingFromEveryRow(customerId, now, windowMonths)).standing);
  return standing;
}

test('the window ends with the earliest moment of the days that leave it on one date', async () => {
  // With 13 months, 28 and 29 January 2025 both leave the window on 28 February 2026; the 29th's 03:00 leaves first,
  // although the 28th is the older day.
  const entries: Array<[string, number]> = [
    ['2025-01-28T10:00:00Z', 10],
    ['2025-01-29T03:00:00Z', 10],
    ['2025-01-29T20:00:00Z', 10],
    ['2025-02-10T08:00:00Z', 10],
  ];
  const standing = await keptStanding('shared-leaving-date', entries, new Date(Date.UTC(2026, 1, 27, 12)), 13);
  assert.equal(standing.windowEndsAt?.toISOString(), '2026-02-28T03:00:00.000Z');
});

test("today's entries leave one by one when they leave before the forecast horizon", async () => {
  // With a one-month window, today's entries leave within the forecast: the tier falls when the first one leaves.
  const entries: Array<[string, number]> = [
    ['2026-04-10T00:10:00Z', 1000],
    ['2026-04-10T00:20:00Z', 10],
  ];
  const standing = await keptStanding('today-only', entries, new Date(Date.UTC(2026, 3, 10, 12)), 1);
  assert.equal(standing.atRisk?.at.toISOString(), '2026-05-10T00:10:00.000Z');
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
