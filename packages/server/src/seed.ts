import type { Birthday } from '@loyalty-elements/contract';
import type { Database, Queryable } from './store/database.ts';
import { DEMO_SEED, type DemoLedgerEntry, type DemoSeedShape } from './demo-seed.ts';
import { findCustomer, insertCustomer } from './domain/customers.ts';
import { applyEntryLocked, expireLapsedLocked, type EntryDraft } from './domain/ledger.ts';
import { findProgramById, type Program } from './domain/programs.ts';
import { DAY_MS, localDate } from './domain/time.ts';
import { DEMO_SURVEYS_FILE, readSurveySeed, seedDemoSurveys } from './seed-surveys.ts';

export interface DemoKeys {
  publishableKey: string;
  secretKey: string;
}

/**
 * Creates the demo program with its tiers, shoppers and ledgers in one transaction, unless it
 * exists. An existing demo program gets its keys brought in line with `keys`, so the configured
 * demo keys always work, and a demo program seeded by an earlier version gets what it lacks (the
 * 0002 settings, tier benefits, shoppers and rewards added since). Returns whether it created the program.
 *
 * `now` is the moment of seeding: the ledgers are written as history up to it, and `demo-birthday`'s
 * birthday is its date in the program's time zone. That birthday is stored, not recomputed: after a
 * restart on another day it is still the seeding day (claimable while inside the ±7-day window).
 * Start on a fresh data folder (or `LOYALTY_DATA_DIR=memory://`) for a birthday that is today.
 *
 * The surveys come from `surveysFile` (the package's `seed/demo-surveys.json`); a file the contract refuses stops
 * the seed before it writes anything, with an error naming the field.
 */
export async function seedDemo(
  db: Database,
  keys: DemoKeys,
  now: Date = new Date(),
  surveysFile: string = DEMO_SURVEYS_FILE,
): Promise<boolean> {
  const { program } = DEMO_SEED;
  const surveys = await readSurveySeed(surveysFile);
  return db.transaction(async (tx) => {
    // ON CONFLICT makes a second server starting at the same moment wait for, then skip, this seed.
    const inserted = await tx.query(
      `INSERT INTO programs (id, name, points_name, publishable_key, secret_key, tier_window_months)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        program.id,
        program.name,
        JSON.stringify(program.pointsName),
        keys.publishableKey,
        keys.secretKey,
        program.tierWindowMonths,
      ],
    );
    await seedDemoSurveys(tx, program.id, surveys, now);
    const created = inserted.length > 0;
    if (!created) {
      await tx.query(
        `UPDATE programs SET publishable_key = $2, secret_key = $3
          WHERE id = $1 AND (publishable_key <> $2 OR secret_key <> $3)`,
        [program.id, keys.publishableKey, keys.secretKey],
      );
    }
    await seedProgramSettings(tx, created);
    await seedCustomers(tx, now);
    await seedRewards(tx, now);
    return created;
  });
}

/** Adds the demo rewards the program does not have yet; rewards already there keep the merchant's edits. */
async function seedRewards(tx: Queryable, now: Date): Promise<void> {
  for (const reward of DEMO_SEED.rewards as DemoSeedShape['rewards']) {
    await tx.query(
      `INSERT INTO rewards (program_id, id, name, description, points_cost, required_tier_id, stock, validity_days,
                            available_from, available_until, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (program_id, id) DO NOTHING`,
      [
        DEMO_SEED.program.id,
        reward.id,
        JSON.stringify(reward.name),
        JSON.stringify(reward.description),
        reward.pointsCost,
        reward.requiredTierId,
        reward.stock,
        reward.validityDays,
        reward.availableFrom,
        reward.availableUntil,
        reward.active,
        now,
      ],
    );
  }
}

/** The 0002 settings and the tiers. On an existing program, only what an earlier version left unset. */
async function seedProgramSettings(tx: Queryable, created: boolean): Promise<void> {
  const { program, tiers } = DEMO_SEED;
  await tx.query(
    `UPDATE programs
        SET timezone = $2, currency = $3, tier_metric = $4, points_expiry_months = $5, birthday_points = $6,
            birthday_days_before = $7, birthday_days_after = $8, birthday_notice_days = $10, return_window_days = $11,
            referral_settings = $12
      WHERE id = $1 AND ($9 OR (points_expiry_months IS NULL AND birthday_points IS NULL AND timezone = 'UTC'))`,
    [
      program.id,
      program.timezone,
      program.currency,
      program.tierMetric,
      program.pointsExpiryMonths,
      program.birthday.points,
      program.birthday.daysBefore,
      program.birthday.daysAfter,
      created,
      program.birthday.noticeDays,
      program.returnWindowDays,
      JSON.stringify(program.referrals),
    ],
  );
  for (const tier of tiers) {
    await tx.query(
      `INSERT INTO tiers (program_id, id, name, threshold, benefits) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (program_id, id) DO UPDATE SET benefits = EXCLUDED.benefits WHERE tiers.benefits = '[]'::jsonb`,
      [program.id, tier.id, JSON.stringify(tier.name), tier.threshold, JSON.stringify(tier.benefits)],
    );
  }
}

/** Adds the demo shoppers the program does not have yet, each with its ledger written as history. */
async function seedCustomers(tx: Queryable, now: Date): Promise<void> {
  const program = await findProgramById(tx, DEMO_SEED.program.id);
  if (program === undefined) throw new Error('The demo program was not created');
  const shoppers: DemoSeedShape['customers'] = DEMO_SEED.customers;
  for (const [customerId, customer] of Object.entries(shoppers)) {
    if ((await findCustomer(tx, program.id, customerId)) !== undefined) continue;
    const oldestFirst = [...customer.ledger].sort((a, b) => b.daysAgo - a.daysAgo);
    const joinedAt = new Date(now.getTime() - ((oldestFirst[0]?.daysAgo ?? 0) + 1) * DAY_MS);
    await insertCustomer(tx, program.id, {
      id: customerId,
      name: customer.name,
      locale: customer.locale,
      timezone: customer.timezone,
      birthday: customer.birthday === 'seed-day' ? seedDayBirthday(program, now) : customer.birthday,
      joinedAt,
    });
    await writeHistory(tx, program, customerId, oldestFirst, now);
  }
}

function seedDayBirthday(program: Program, now: Date): Birthday {
  const today = localDate(now, program.timezone);
  return { month: today.month, day: today.day, calendar: 'gregorian' };
}

const SEED_ENTRY_KINDS = { earn: 'order', redeem: 'redemption', adjust: 'adjustment' } as const;

/**
 * Replays a ledger through the same rules the API applies (soonest-expiring points spent first),
 * each entry at its own past moment, and expires batches at the moment they lapsed.
 */
async function writeHistory(
  tx: Queryable,
  program: Program,
  customerId: string,
  oldestFirst: readonly DemoLedgerEntry[],
  now: Date,
): Promise<void> {
  const expiries: number[] = [];
  const expireUpTo = async (until: number) => {
    expiries.sort((a, b) => a - b);
    while (expiries.length > 0 && (expiries[0] ?? Infinity) <= until) {
      const at = expiries.shift() ?? until;
      await expireLapsedLocked(tx, program.id, customerId, new Date(at));
    }
  };
  for (const [index, entry] of oldestFirst.entries()) {
    const at = new Date(now.getTime() - entry.daysAgo * DAY_MS);
    await expireUpTo(at.getTime());
    const credit = entry.type !== 'redeem' && entry.points > 0;
    const draft: EntryDraft = {
      type: entry.type,
      kind: SEED_ENTRY_KINDS[entry.type],
      points: entry.type === 'redeem' ? -entry.points : entry.points,
      reason: entry.reason,
      ...(credit && entry.pendingDays ? { pendingUntil: new Date(at.getTime() + entry.pendingDays * DAY_MS) } : {}),
    };
    const outcome = await applyEntryLocked(
      tx,
      program,
      customerId,
      draft,
      { idempotencyKey: `seed:${customerId}:${index + 1}`, requestHash: null },
      at,
    );
    if (outcome.kind !== 'created') throw new Error(`Demo ledger of ${customerId} overdraws at entry ${index + 1}`);
    if (credit && outcome.row.expires_at !== null) expiries.push(new Date(outcome.row.expires_at).getTime());
  }
  await expireUpTo(now.getTime());
}
