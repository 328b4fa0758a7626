import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { DEFAULT_DEMO_PUBLISHABLE_KEY, DEFAULT_DEMO_SECRET_KEY } from '../src/config.ts';
import { claimBirthdayReward } from '../src/domain/birthdays.ts';
import { pointsState } from '../src/domain/ledger-reads.ts';
import { findProgramById } from '../src/domain/programs.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { seedDemo } from '../src/seed.ts';
import { MEMORY_DATA_DIR, openDatabase, type Database } from '../src/store/database.ts';
import { loadMigrations, migrate } from '../src/store/migrate.ts';

// A data folder created before 0002: earns and redeems only, no batches. Migrating must keep every
// balance and spend from the oldest earns; seeding must bring the old demo program up to date.

let db: Database;
before(async () => {
  db = await openDatabase(MEMORY_DATA_DIR);
});
after(() => db.close());

test('0002 turns an old ledger into batches that add up to the same balances', async () => {
  const migrations = await loadMigrations();
  await migrate(db, migrations.slice(0, 1));
  await db.exec(`
    INSERT INTO programs (id, name, points_name, publishable_key, secret_key)
      VALUES ('${DEMO_SEED.program.id}', 'Old Tea House', '{"en":"points"}', '${DEFAULT_DEMO_PUBLISHABLE_KEY}',
              '${DEFAULT_DEMO_SECRET_KEY}');
    INSERT INTO tiers (program_id, id, name, threshold) VALUES
      ('demo', 'member', '{"en":"Member"}', 0), ('demo', 'silver', '{"en":"Silver"}', 1000),
      ('demo', 'gold', '{"en":"Gold"}', 5000), ('demo', 'diamond', '{"en":"Diamond"}', 20000);
    INSERT INTO customers (program_id, id, name) VALUES ('demo', 'old-a', 'A'), ('demo', 'old-b', 'B');
    INSERT INTO ledger_entries (id, program_id, customer_id, type, points, balance_after, created_at) VALUES
      (gen_random_uuid(), 'demo', 'old-a', 'earn', 100, 100, now() - interval '30 days'),
      (gen_random_uuid(), 'demo', 'old-a', 'earn', 200, 300, now() - interval '20 days'),
      (gen_random_uuid(), 'demo', 'old-a', 'redeem', -150, 150, now() - interval '10 days'),
      (gen_random_uuid(), 'demo', 'old-b', 'earn', 50, 50, now() - interval '5 days'),
      (gen_random_uuid(), 'demo', 'old-b', 'redeem', -50, 0, now() - interval '1 day');
  `);
  await migrate(db);

  const batches = await db.query<{ customer_id: string; points: number; remaining: number; expires_at: unknown }>(
    'SELECT customer_id, points, remaining, expires_at FROM point_batches ORDER BY customer_id, earned_at',
  );
  assert.deepEqual(
    batches.map((b) => [b.customer_id, Number(b.points), Number(b.remaining), b.expires_at]),
    [
      ['old-a', 100, 0, null],
      ['old-a', 200, 150, null],
      ['old-b', 50, 0, null],
    ],
  );
  const now = new Date();
  assert.equal((await pointsState(db, 'demo', 'old-a', now)).points.balance, 150);
  assert.equal((await pointsState(db, 'demo', 'old-b', now)).points.balance, 0);

  // The old demo program gets the new settings and the shoppers it lacks; nothing else changes.
  const created = await seedDemo(db, {
    publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY,
    secretKey: DEFAULT_DEMO_SECRET_KEY,
  });
  assert.equal(created, false);
  const [program] = await db.query<Record<string, unknown>>(
    'SELECT name, timezone, currency, points_expiry_months, birthday_points FROM programs WHERE id = $1',
    ['demo'],
  );
  assert.deepEqual(
    { ...program, points_expiry_months: Number(program?.points_expiry_months) },
    {
      name: 'Old Tea House',
      timezone: DEMO_SEED.program.timezone,
      currency: DEMO_SEED.program.currency,
      points_expiry_months: DEMO_SEED.program.pointsExpiryMonths,
      birthday_points: DEMO_SEED.program.birthday.points,
    },
  );
  const customers = await db.query<{ id: string }>('SELECT id FROM customers ORDER BY id');
  assert.deepEqual(
    customers.map((c) => c.id),
    [...Object.keys(DEMO_SEED.customers), 'old-a', 'old-b'].sort(),
  );
  const [benefits] = await db.query<{ benefits: unknown[] }>(
    "SELECT benefits FROM tiers WHERE program_id = 'demo' AND id = 'gold'",
  );
  assert.ok((benefits?.benefits.length ?? 0) > 0);

  // The demo rewards it lacks are added; those it has keep the merchant's edits.
  const rewardIds = async () =>
    (await db.query<{ id: string }>("SELECT id FROM rewards WHERE program_id = 'demo' ORDER BY id")).map((r) => r.id);
  const seededRewards = DEMO_SEED.rewards.map((reward) => reward.id).sort();
  assert.deepEqual(await rewardIds(), seededRewards);
  await db.exec(`
    UPDATE rewards SET points_cost = 1 WHERE id = 'free-jasmine-tea';
    DELETE FROM rewards WHERE id = 'private-tasting';
  `);
  await seedDemo(db, { publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY, secretKey: DEFAULT_DEMO_SECRET_KEY });
  assert.deepEqual(await rewardIds(), seededRewards);
  const [tea] = await db.query<{ points_cost: unknown }>(
    "SELECT points_cost FROM rewards WHERE id = 'free-jasmine-tea'",
  );
  assert.equal(Number(tea?.points_cost), 1);
});

test('0007 keys the claims made before it by their occurrence: a claimed birthday stays claimed', async () => {
  const old = await openDatabase(MEMORY_DATA_DIR);
  try {
    const migrations = await loadMigrations();
    const before0007 = migrations.findIndex((migration) => migration.version.startsWith('0007_'));
    assert.ok(before0007 > 0);
    await migrate(old, migrations.slice(0, before0007));
    await old.exec(`
      INSERT INTO programs (id, name, points_name, publishable_key, secret_key, timezone, birthday_points)
        VALUES ('demo', 'Old Tea House', '{"en":"points"}', 'pk_old', 'sk_old', 'Asia/Shanghai', 200);
      INSERT INTO tiers (program_id, id, name, threshold) VALUES ('demo', 'member', '{"en":"Member"}', 0);
      INSERT INTO customers (program_id, id, name, birthday_month, birthday_day, birthday_calendar,
                             birthday_customer_set_at) VALUES
        ('demo', 'gregorian', 'G', 12, 30, 'gregorian', NULL),
        ('demo', 'lunar', 'L', 8, 15, 'chinese-lunar', NULL),
        ('demo', 'recent', 'R', 12, 5, 'gregorian', '2026-12-01T04:00:00Z');
    `);
    // Claims as the version before wrote them: keyed by the birthday year.
    const claims: Array<[string, number, string]> = [
      ['gregorian', 2026, '2026-12-30T04:00:00Z'],
      ['lunar', 2026, '2026-09-25T04:00:00Z'],
    ];
    for (const [customerId, year, at] of claims) {
      // The entry and its batch as the schema of that version holds them.
      const entryId = randomUUID();
      await old.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO ledger_entries (id, program_id, customer_id, type, points, reason, idempotency_key,
                                       balance_after, created_at)
           VALUES ($1, 'demo', $2, 'birthday_bonus', 200, 'Birthday reward', $3, 200, $4)`,
          [entryId, customerId, `old-claim-${customerId}`, new Date(at)],
        );
        await tx.query(
          `INSERT INTO point_batches (entry_id, program_id, customer_id, points, remaining, earned_at)
           VALUES ($1, 'demo', $2, 200, 200, $3)`,
          [entryId, customerId, new Date(at)],
        );
        await tx.query(
          `INSERT INTO birthday_claims (program_id, customer_id, birthday_year, entry_id, claimed_at)
           VALUES ('demo', $1, $2, $3, $4)`,
          [customerId, year, entryId, new Date(at)],
        );
      });
    }

    await migrate(old);
    const upgraded = await findProgramById(old, 'demo');
    assert.equal(upgraded?.birthday?.noticeDays, 30, 'the notice period defaults to 30 days');
    const claim = (customerId: string, at: string) =>
      claimBirthdayReward(old, upgraded!, customerId, `new-claim-${customerId}-${at}`, new Date(at));

    // Still inside the windows of the occurrences claimed before the upgrade: refused.
    assert.equal((await claim('gregorian', '2027-01-03T04:00:00Z')).kind, 'birthday_already_claimed');
    assert.equal((await claim('lunar', '2026-09-30T04:00:00Z')).kind, 'birthday_already_claimed');
    // The next occurrences pay (the lunar one 355 days later).
    assert.equal((await claim('gregorian', '2027-12-30T04:00:00Z')).kind, 'created');
    assert.equal((await claim('lunar', '2027-09-15T04:00:00Z')).kind, 'created');
    // A birthday the customer set just before the upgrade is held back by the notice period.
    const recent = await claim('recent', '2026-12-05T04:00:00Z');
    assert.deepEqual(recent, { kind: 'birthday_recently_set', firstRewardBirthday: { year: 2027, month: 12, day: 5 } });

    const bonuses = await old.query<{ customer_id: string; n: unknown }>(
      `SELECT customer_id, count(*) AS n FROM ledger_entries WHERE type = 'birthday_bonus'
        GROUP BY customer_id ORDER BY customer_id`,
    );
    assert.deepEqual(
      bonuses.map((row) => [row.customer_id, Number(row.n)]),
      [
        ['gregorian', 2],
        ['lunar', 2],
      ],
    );
  } finally {
    await old.close();
  }
});

test('0029 keeps the tier activity of a ledger written before it as it keeps what is written after it', async () => {
  const old = await openDatabase(MEMORY_DATA_DIR);
  try {
    const migrations = await loadMigrations();
    const tierActivity = migrations.findIndex((migration) => migration.version.startsWith('0029_'));
    await migrate(old, migrations.slice(0, tierActivity));
    await seedDemo(old, { publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY, secretKey: DEFAULT_DEMO_SECRET_KEY });
    await old.exec(
      `INSERT INTO customers (program_id, id, name) VALUES ('demo', 'before', 'B'), ('demo', 'after', 'A')`,
    );
    // An order (pending for a week), a part refund with a shortfall, a negative adjustment, and an adjustment and its
    // reversal: every way an entry counts towards a tier, or does not (a birthday gift).
    // At fixed moments, so both customers' ledgers are the same but for whose they are.
    const writeLedger = (customerId: string) =>
      old.exec(`
        INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, balance_after, created_at,
                                    pending_until, spend_amount, spend_currency, order_id)
          VALUES ('${customerId === 'before' ? '00000000-0000-4000-8000-000000000001' : '00000000-0000-4000-8000-000000000011'}',
                  'demo', '${customerId}', 'earn', 'order', 300, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '40 days',
                  TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '33 days', 30000, 'CNY', 'order-${customerId}');
        INSERT INTO orders (program_id, order_id, customer_id, amount, currency, placed_at, points, entry_id,
                            request_hash, balance_after, created_at)
          SELECT 'demo', 'order-${customerId}', '${customerId}', 30000, 'CNY', TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '40 days', 300, id,
                 'hash', 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '40 days'
            FROM ledger_entries WHERE order_id = 'order-${customerId}' AND kind = 'order';
        INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, balance_after, created_at,
                                    spend_amount, spend_currency, order_id, shortfall)
          VALUES (gen_random_uuid(), 'demo', '${customerId}', 'redeem', 'refund', -80, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '20 days',
                  -10000, 'CNY', 'order-${customerId}', 20);
        INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, balance_after, created_at)
          VALUES (gen_random_uuid(), 'demo', '${customerId}', 'redeem', 'adjustment', -15, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '10 days'),
                 ('${customerId === 'before' ? '00000000-0000-4000-8000-000000000002' : '00000000-0000-4000-8000-000000000012'}',
                  'demo', '${customerId}', 'earn', 'adjustment', 50, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '9 days'),
                 (gen_random_uuid(), 'demo', '${customerId}', 'earn', 'birthday', 88, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '8 days');
        INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, balance_after, created_at,
                                    reverses_entry_id)
          SELECT gen_random_uuid(), 'demo', '${customerId}', 'redeem', 'reversal', -50, 0, TIMESTAMPTZ '2026-12-01T12:00:00Z' - interval '2 days', id
            FROM ledger_entries WHERE customer_id = '${customerId}' AND kind = 'adjustment' AND points = 50;
      `);
    await writeLedger('before');
    await migrate(old);
    await writeLedger('after');

    const kept = (customerId: string) =>
      old.query<Record<string, unknown>>(
        `SELECT available_at, points, spend, currency FROM tier_activity WHERE customer_id = $1
          ORDER BY available_at, points`,
        [customerId],
      );
    const before = await kept('before');
    assert.deepEqual(
      before.map((row) => [Number(row.points), row.spend === null ? null : Number(row.spend), row.currency]),
      [
        [-100, -10000, 'CNY'],
        [300, 30000, 'CNY'],
        [-15, null, null],
        [-50, null, null],
        [50, null, null],
      ],
      'the refund counts what it owed, shortfall included; the reversal all the adjustment did; the gift nothing',
    );
    // A refund leaves the window with its order, when the order became available; a reversal with what it reverses.
    assert.equal(String(before[0]!.available_at), String(before[1]!.available_at));
    assert.equal(String(before[3]!.available_at), String(before[4]!.available_at));
    assert.deepEqual(before, await kept('after'));
    const days = (customerId: string) =>
      old.query(
        'SELECT day, currency, points, spend, points_credited FROM tier_activity_days WHERE customer_id = $1 ORDER BY day, currency',
        [customerId],
      );
    assert.deepEqual(await days('before'), await days('after'));
  } finally {
    await old.close();
  }
});
