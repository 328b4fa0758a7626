import { createHash } from 'node:crypto';
import {
  REDEMPTIONS_LISTED,
  type CustomerReward,
  type CustomerRewards,
  type LocalizedText,
  type RedeemResult,
  type Reward,
  type RewardDraft,
  type RewardLock,
} from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomer, type Customer } from './customers.ts';
import { emitEvent } from './webhooks/outbox.ts';
import { applyEntryLocked, iso, timeZoneOf, toLedgerEntry, type EntryRow } from './ledger.ts';
import { insertRedemption, REDEMPTION_COLUMNS, toRedemption, type RedemptionRow } from './redemptions.ts';
import { currentPoints, customerTier } from './ledger-reads.ts';
import { writeOnce } from './transactions.ts';
import type { Program, Tier } from './programs.ts';
import { addDaysIn } from './time.ts';

/**
 * The rewards catalogue and redemptions. A redemption locks the customer's row (as every ledger write
 * does), then the reward's row, and in that one transaction checks the reward, debits the points
 * through the ledger, counts the code against the stock and records it: a reward is never oversold
 * and a balance never goes negative, whatever the concurrency.
 */

export interface RewardRow {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  points_cost: unknown;
  required_tier_id: string | null;
  stock: unknown;
  redeemed: unknown;
  validity_days: unknown;
  available_from: Date | string | null;
  available_until: Date | string | null;
  active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

const REWARD_COLUMNS = `id, name, description, points_cost, required_tier_id, stock, redeemed, validity_days,
  available_from, available_until, active, created_at, updated_at`;

/** A reward is on offer while it is active and `available_from <= now < available_until`; `now` is parameter `at`. */
function onOffer(at: string): string {
  return `(active AND (available_from IS NULL OR available_from <= ${at})
    AND (available_until IS NULL OR available_until > ${at}))`;
}

// ─── Admin ──────────────────────────────────────────────────────────────────────────────────────

/** The whole catalogue, active or not, by points cost then id. */
export async function rewardCatalogue(db: Queryable, programId: string): Promise<Reward[]> {
  const rows = await db.query<RewardRow>(
    `SELECT ${REWARD_COLUMNS} FROM rewards WHERE program_id = $1 ORDER BY points_cost, id`,
    [programId],
  );
  return rows.map(toReward);
}

/**
 * Creates or replaces a reward. What was redeemed and when it was created are kept; `stock` counts
 * the codes already issued, so replacing a reward with the same draft changes nothing. With `createOnly`
 * an existing reward is left as it is and the answer is null: the INSERT alone decides, so of several
 * creates of one id at once exactly one creates it.
 */
export async function putReward(
  db: Database,
  programId: string,
  rewardId: string,
  draft: RewardDraft,
  now: Date,
  { createOnly = false }: { createOnly?: boolean } = {},
): Promise<{ reward: Reward; created: boolean } | null> {
  const values = [
    programId,
    rewardId,
    JSON.stringify(draft.name),
    JSON.stringify(draft.description),
    draft.pointsCost,
    draft.requiredTierId,
    draft.stock,
    draft.validityDays,
    draft.availableFrom,
    draft.availableUntil,
    draft.active,
    now,
  ];
  return db.transaction(async (tx) => {
    // ON CONFLICT waits for a concurrent create of the same id, then leaves the update to us.
    const [inserted] = await tx.query<RewardRow>(
      `INSERT INTO rewards (program_id, id, name, description, points_cost, required_tier_id, stock, validity_days,
                            available_from, available_until, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (program_id, id) DO NOTHING
       RETURNING ${REWARD_COLUMNS}`,
      values,
    );
    if (inserted !== undefined) return { reward: toReward(inserted), created: true };
    if (createOnly) return null;
    const [updated] = await tx.query<RewardRow>(
      `UPDATE rewards
          SET name = $3, description = $4, points_cost = $5, required_tier_id = $6, stock = $7, validity_days = $8,
              available_from = $9, available_until = $10, active = $11, updated_at = $12
        WHERE program_id = $1 AND id = $2
        RETURNING ${REWARD_COLUMNS}`,
      values,
    );
    if (updated === undefined) throw new Error(`Reward ${rewardId} exists but cannot be updated`);
    return { reward: toReward(updated), created: false };
  });
}

// ─── The shopper's view ─────────────────────────────────────────────────────────────────────────

/** The rewards on offer to the customer at `now`, what locks each, and their latest redemptions. */
export async function customerRewards(
  db: Database,
  program: Program,
  customerId: string,
  now: Date,
): Promise<CustomerRewards> {
  const [{ points }, tier, rows, redemptions] = await Promise.all([
    currentPoints(db, program.id, customerId, now),
    customerTier(db, program, customerId, now),
    db.query<RewardRow>(
      `SELECT ${REWARD_COLUMNS} FROM rewards WHERE program_id = $1 AND ${onOffer('$2')} ORDER BY points_cost, id`,
      [program.id, now],
    ),
    db.query<RedemptionRow>(
      `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions
        WHERE program_id = $1 AND customer_id = $2 AND voided_at IS NULL
        ORDER BY seq DESC LIMIT $3`,
      [program.id, customerId, REDEMPTIONS_LISTED],
    ),
  ]);
  const { balance } = points;
  return {
    balance,
    rewards: rows.map((row) => toCustomerReward(row, program.tiers, tier, balance)),
    redemptions: redemptions.map(toRedemption),
  };
}

function toCustomerReward(row: RewardRow, tiers: readonly Tier[], tier: Tier, balance: number): CustomerReward {
  const pointsCost = toNumber(row.points_cost);
  const requiredTier = row.required_tier_id === null ? null : findTier(tiers, row.required_tier_id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    pointsCost,
    requiredTier: requiredTier && { id: requiredTier.id, name: requiredTier.name },
    stock: stockLeft(row),
    validityDays: row.validity_days === null ? null : toNumber(row.validity_days),
    availableUntil: row.available_until === null ? null : iso(row.available_until),
    lockedBy: lockOf(row, requiredTier, tier, balance),
    pointsNeeded: Math.max(0, pointsCost - balance),
  };
}

/** Why the customer cannot redeem the reward now, the first that applies: tier, stock, points. */
function lockOf(row: RewardRow, requiredTier: Tier | null, tier: Tier, balance: number): RewardLock | null {
  if (requiredTier !== null && tier.threshold < requiredTier.threshold) return 'tier';
  if (stockLeft(row) === 0) return 'out_of_stock';
  if (balance < toNumber(row.points_cost)) return 'points';
  return null;
}

function findTier(tiers: readonly Tier[], id: string): Tier {
  const tier = tiers.find((candidate) => candidate.id === id);
  if (tier === undefined) throw new Error(`A reward requires tier ${id}, which the program does not have`);
  return tier;
}

export function stockLeft(row: RewardRow): number | null {
  return row.stock === null ? null : Math.max(0, toNumber(row.stock) - toNumber(row.redeemed));
}

// ─── Redeeming ──────────────────────────────────────────────────────────────────────────────────

export type RedeemOutcome =
  | { kind: 'created'; result: RedeemResult }
  | { kind: 'replayed'; result: RedeemResult }
  | { kind: 'customer_not_found' }
  | { kind: 'reward_not_found' }
  | { kind: 'reward_unavailable' }
  | { kind: 'reward_tier_required'; requiredTier: Tier; currentTier: Tier }
  | { kind: 'reward_out_of_stock' }
  | { kind: 'insufficient_points'; balance: number; pointsCost: number }
  | { kind: 'idempotency_key_reused' };

/**
 * Redeems a reward for the customer exactly once per idempotency key: spends its points cost
 * (soonest-expiring points first) and issues a code. A refusal writes nothing but lapsed points' expiry.
 */
export async function redeemReward(
  db: Database,
  program: Program,
  customerId: string,
  rewardId: string,
  idempotencyKey: string,
  now: Date,
): Promise<RedeemOutcome> {
  const requestHash = createHash('sha256')
    .update(JSON.stringify([customerId, 'reward_redeem', rewardId]))
    .digest('base64url');
  let customer: Customer | undefined;
  let tierLock: { requiredTier: Tier; currentTier: Tier } | undefined;
  let pointsCost = 0;
  let redemption: RedemptionRow | undefined;

  const outcome = await writeOnce(
    db,
    program.id,
    idempotencyKey,
    requestHash,
    async (tx) => {
      customer = await lockCustomer(tx, program.id, customerId);
      return customer === undefined ? 'customer_not_found' : undefined;
    },
    async (tx) => {
      if (customer === undefined) return { kind: 'customer_not_found' };
      const reward = await lockReward(tx, program.id, rewardId, now);
      if (reward === undefined) return { kind: 'reward_not_found' };
      if (!reward.on_offer) return { kind: 'reward_unavailable' };
      if (reward.required_tier_id !== null) {
        const requiredTier = findTier(program.tiers, reward.required_tier_id);
        const tier = await customerTier(tx, program, customerId, now);
        if (tier.threshold < requiredTier.threshold) {
          tierLock = { requiredTier, currentTier: tier };
          return { kind: 'reward_tier_required' };
        }
      }
      if (stockLeft(reward) === 0) return { kind: 'reward_out_of_stock' };

      pointsCost = toNumber(reward.points_cost);
      const debit = await applyEntryLocked(
        tx,
        program,
        customerId,
        {
          type: 'redeem',
          kind: 'redemption',
          references: { rewardId, rewardName: reward.name },
          points: -pointsCost,
          reason: localized(reward.name, customer.locale, rewardId),
        },
        { idempotencyKey, requestHash },
        now,
      );
      if (debit.kind !== 'created') return debit;

      const paid = { pointsSpent: pointsCost, entryId: debit.row.id };
      redemption = await issueRedemptionLocked(tx, program.id, customerId, reward, paid, now);
      return debit;
    },
  );

  switch (outcome.kind) {
    case 'created': {
      if (redemption === undefined) throw new Error('A redemption was written without its record');
      return { kind: 'created', result: redeemResult(redemption, outcome.row) };
    }
    case 'replayed': {
      const [stored] = await db.query<RedemptionRow>(
        `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE program_id = $1 AND entry_id = $2`,
        [program.id, outcome.row.id],
      );
      if (stored === undefined) return { kind: 'idempotency_key_reused' };
      return { kind: 'replayed', result: redeemResult(stored, outcome.row) };
    }
    case 'reward_tier_required':
      if (tierLock === undefined) throw new Error('Refused for its tier, but no tier was compared');
      return { kind: 'reward_tier_required', ...tierLock };
    case 'insufficient_points':
      return { kind: 'insufficient_points', balance: outcome.balance, pointsCost };
    case 'customer_not_found':
    case 'reward_not_found':
    case 'reward_unavailable':
    case 'reward_out_of_stock':
    case 'idempotency_key_reused':
      return { kind: outcome.kind };
  }
}

/**
 * The reward's row with whether it is on offer at `now`, locked until the end of the transaction: checks made on it
 * hold until the redemption commits.
 */
export async function lockReward(
  tx: Queryable,
  programId: string,
  rewardId: string,
  now: Date,
): Promise<(RewardRow & { on_offer: boolean }) | undefined> {
  const [reward] = await tx.query<RewardRow & { on_offer: boolean }>(
    `SELECT ${REWARD_COLUMNS}, ${onOffer('$3')} AS on_offer FROM rewards WHERE program_id = $1 AND id = $2
       FOR NO KEY UPDATE`,
    [programId, rewardId, now],
  );
  return reward;
}

/**
 * Counts a code against the reward's stock, issues it and writes `reward.redeemed`. The caller holds the customer's
 * and the reward's row locks and found stock left; `entryId` is the debit that paid, null when nothing was spent.
 */
export async function issueRedemptionLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  reward: RewardRow,
  paid: { pointsSpent: number; entryId: string | null },
  now: Date,
): Promise<RedemptionRow> {
  const counted = await tx.query(
    `UPDATE rewards SET redeemed = redeemed + 1
      WHERE program_id = $1 AND id = $2 AND (stock IS NULL OR redeemed < stock)
      RETURNING id`,
    [programId, reward.id],
  );
  if (counted.length === 0) throw new Error(`Reward ${reward.id} ran out of stock under its row lock`);
  const validityDays = reward.validity_days === null ? null : toNumber(reward.validity_days);
  const redemption = await insertRedemption(tx, {
    programId,
    customerId,
    rewardId: reward.id,
    rewardName: reward.name,
    ...paid,
    redeemedAt: now,
    expiresAt: validityDays === null ? null : addDaysIn(now, validityDays, await timeZoneOf(tx, programId, customerId)),
  });
  const data = {
    rewardId: reward.id,
    rewardName: reward.name,
    pointsSpent: paid.pointsSpent,
    redemptionId: redemption.id,
    code: redemption.code,
  };
  await emitEvent(tx, { programId, customerId, type: 'reward.redeemed', data }, now);
  return redemption;
}

function redeemResult(redemption: RedemptionRow, entry: EntryRow): RedeemResult {
  return {
    redemption: toRedemption(redemption),
    entry: toLedgerEntry(entry),
    balance: toNumber(entry.balance_after),
  };
}

/** The text in `locale`, else English, else any language there is. */
function localized(text: LocalizedText, locale: string | null, fallback: string): string {
  return (locale === null ? undefined : text[locale]) ?? text.en ?? Object.values(text)[0] ?? fallback;
}

function toReward(row: RewardRow): Reward {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    pointsCost: toNumber(row.points_cost),
    requiredTierId: row.required_tier_id,
    stock: row.stock === null ? null : toNumber(row.stock),
    validityDays: row.validity_days === null ? null : toNumber(row.validity_days),
    availableFrom: row.available_from === null ? null : iso(row.available_from),
    availableUntil: row.available_until === null ? null : iso(row.available_until),
    active: row.active,
    redeemed: toNumber(row.redeemed),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
