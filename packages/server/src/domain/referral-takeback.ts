import { toNumber, type Queryable } from '../store/database.ts';
import { findEntry } from './ledger-reads.ts';
import { expiredFromLocked, takeBackLocked } from './ledger-takeback.ts';
import type { Program } from './programs.ts';
import type { ReferralRow } from './referrals.ts';

/**
 * A full refund of the order that rewarded a referral takes both its credits back, by the ledger's take-back
 * rules (the credit's own batch first, never below zero, the rest as a shortfall), and marks it `reversed`. A
 * credit the merchant already reversed is not taken twice. The caller holds both customers' row locks.
 */
export async function reverseReferralLocked(
  tx: Queryable,
  program: Program,
  referral: ReferralRow,
  now: Date,
): Promise<void> {
  const credits = [
    { entryId: referral.friend_entry_id, customerId: referral.friend_id },
    { entryId: referral.referrer_entry_id, customerId: referral.referrer_id },
  ];
  for (const { entryId, customerId } of credits) {
    if (entryId === null) continue;
    const [reversed] = await tx.query('SELECT 1 FROM ledger_entries WHERE program_id = $1 AND reverses_entry_id = $2', [
      program.id,
      entryId,
    ]);
    if (reversed !== undefined) continue;
    const entry = await findEntry(tx, program.id, entryId);
    if (entry === undefined) throw new Error(`Referral credit ${entryId} is missing`);
    await takeBackLocked(
      tx,
      program,
      customerId,
      {
        type: 'adjust',
        kind: 'reversal',
        references: { reversesEntryId: entryId, referralId: referral.id },
        reason: null,
        owed: toNumber(entry.points) - (await expiredFromLocked(tx, program.id, customerId, entryId, now)),
        fromEntryId: entryId,
      },
      { idempotencyKey: `reversal:${entryId}`, requestHash: null },
      now,
    );
  }
  await tx.query(`UPDATE referrals SET status = 'reversed', reversed_at = $3 WHERE program_id = $1 AND id = $2`, [
    program.id,
    referral.id,
    now,
  ]);
}
