import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_DEMO_PUBLISHABLE_KEY, DEFAULT_DEMO_SECRET_KEY } from '../src/config.ts';
import { pointsOverview } from '../src/domain/ledger.ts';
import { seedDemo, DEMO_SEED } from '../src/seed.ts';
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
  assert.equal((await pointsOverview(db, 'demo', 'old-a', now)).balance, 150);
  assert.equal((await pointsOverview(db, 'demo', 'old-b', now)).balance, 0);

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
