import { randomBytes, randomUUID } from 'node:crypto';
import type { LocalizedText, Redemption } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { iso } from './ledger.ts';

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
