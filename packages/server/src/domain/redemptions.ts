import { randomBytes, randomUUID } from 'node:crypto';
import type { LocalizedText, Redemption } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { iso } from './ledger.ts';
import { emitEvent } from './webhooks/outbox.ts';

// The codes a redemption issues, and their rows.

export interface RedemptionRow {
  id: string;
  reward_id: string;
  reward_name: LocalizedText;
  points_spent: unknown;
  code: string;
  redeemed_at: Date | string;
  expires_at: Date | string | null;
}

export const REDEMPTION_COLUMNS = 'id, reward_id, reward_name, points_spent, code, redeemed_at, expires_at';

interface NewRedemption {
  programId: string;
  customerId: string;
  rewardId: string;
  rewardName: LocalizedText;
  pointsSpent: number;
  /** The debit that paid for it; null for a reward given without spending points. */
  entryId: string | null;
  redeemedAt: Date;
  expiresAt: Date | null;
}

/** Tries this many fresh codes before giving up; with 2^50 codes, a second try is already rare. */
const CODE_ATTEMPTS = 5;

export async function insertRedemption(tx: Queryable, redemption: NewRedemption): Promise<RedemptionRow> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    // DO NOTHING on a taken code keeps the transaction usable, so the next code can be tried in it.
    const [row] = await tx.query<RedemptionRow>(
      `INSERT INTO reward_redemptions
         (id, program_id, customer_id, reward_id, reward_name, points_spent, code, entry_id, redeemed_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (program_id, code) DO NOTHING
       RETURNING ${REDEMPTION_COLUMNS}`,
      [
        randomUUID(),
        redemption.programId,
        redemption.customerId,
        redemption.rewardId,
        JSON.stringify(redemption.rewardName),
        redemption.pointsSpent,
        rewardCode(),
        redemption.entryId,
        redemption.redeemedAt,
        redemption.expiresAt,
      ],
    );
    if (row !== undefined) return row;
  }
  throw new Error(`No free reward code after ${CODE_ATTEMPTS} attempts`);
}

/** 32 characters without 0, O, 1 or I, so a code read aloud or copied by hand comes out right. */
export const REWARD_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `LE-` and ten random characters in two groups of five (`LE-7KQ2M-XH94D`): 50 random bits. */
export function rewardCode(): string {
  const chars = Array.from(randomBytes(10), (byte) => REWARD_CODE_ALPHABET[byte % REWARD_CODE_ALPHABET.length]);
  return `LE-${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * Voids the code that the debit `entryId` paid for, once its reversal gave the points back: the code no longer
 * holds, it leaves the shopper's list and the reward's stock, and `reward.voided` tells the merchant's systems. The
 * caller holds the customer's row lock; a debit that paid for no code changes nothing.
 */
export async function voidRedemptionLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  entryId: string,
  now: Date,
): Promise<void> {
  const [voided] = await tx.query<{ id: string; reward_id: string; code: string }>(
    `UPDATE reward_redemptions SET voided_at = $4
      WHERE program_id = $1 AND customer_id = $2 AND entry_id = $3 AND voided_at IS NULL
     RETURNING id, reward_id, code`,
    [programId, customerId, entryId, now],
  );
  if (voided === undefined) return;
  await tx.query('UPDATE rewards SET redeemed = redeemed - 1 WHERE program_id = $1 AND id = $2 AND redeemed > 0', [
    programId,
    voided.reward_id,
  ]);
  const data = { rewardId: voided.reward_id, redemptionId: voided.id, code: voided.code };
  await emitEvent(tx, { programId, customerId, type: 'reward.voided', data }, now);
}

export function toRedemption(row: RedemptionRow): Redemption {
  return {
    id: row.id,
    rewardId: row.reward_id,
    rewardName: row.reward_name,
    pointsSpent: toNumber(row.points_spent),
    code: row.code,
    redeemedAt: iso(row.redeemed_at),
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
  };
}
