import { toNumber, type Queryable } from '../store/database.ts';
import {
  expireLapsedLocked,
  insertEntry,
  spendableBalance,
  takeSpendable,
  type EntryDraft,
  type EntryMeta,
  type EntryRow,
  type LedgerProgram,
} from './ledger.ts';

/**
 * How many of a credit's points expired unspent, once every batch of the customer that lapsed by `now` has been
 * written off (the expiry writes one entry per lapsed batch): what a take-back of the credit no longer owes. The
 * caller holds the customer's row lock.
 */
export async function expiredFromLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  entryId: string,
  now: Date,
): Promise<number> {
  await expireLapsedLocked(tx, programId, customerId, now);
  const [row] = await tx.query<{ points: unknown }>(
    'SELECT points FROM ledger_entries WHERE program_id = $1 AND idempotency_key = $2',
    [programId, `expire:${entryId}`],
  );
  return row === undefined ? 0 : -toNumber(row.points);
}

/** A take-back: points owed back to the program by a refund or a reversal of a credit. */
export interface TakeBackDraft extends Omit<EntryDraft, 'points' | 'shortfall' | 'expiresAt' | 'pendingUntil'> {
  /** Points owed, ≥ 0. */
  owed: number;
  /** The credit whose batch gives first, pending or not. */
  fromEntryId: string;
}

/**
 * Takes back up to `owed` points: from the batch of `fromEntryId` first (keeping its expiry), then from the
 * customer's other spendable points, soonest-expiring first. The balance never goes below zero: what cannot be
 * taken is written as the entry's `shortfall`. The caller holds the customer's row lock and has ruled out a replay.
 */
export async function takeBackLocked(
  tx: Queryable,
  program: LedgerProgram,
  customerId: string,
  draft: TakeBackDraft,
  meta: EntryMeta,
  now: Date,
): Promise<EntryRow> {
  if (!Number.isSafeInteger(draft.owed) || draft.owed < 0) throw new RangeError('owed must be a whole number ≥ 0');
  await expireLapsedLocked(tx, program.id, customerId, now);
  let left = draft.owed;
  const [own] = await tx.query<{ remaining: unknown }>(
    'SELECT remaining FROM point_batches WHERE entry_id = $1 AND program_id = $2 AND customer_id = $3',
    [draft.fromEntryId, program.id, customerId],
  );
  left -= await takeFrom(tx, draft.fromEntryId, Math.min(left, toNumber(own?.remaining ?? 0)));
  left -= await takeSpendable(tx, program.id, customerId, now, left, draft.fromEntryId);
  const balance = await spendableBalance(tx, program.id, customerId, now);
  const { owed, fromEntryId: _from, ...rest } = draft;
  return insertEntry(tx, {
    programId: program.id,
    customerId,
    draft: { ...rest, points: -(owed - left), shortfall: left },
    meta,
    createdAt: now,
    expiresAt: null,
    pendingUntil: null,
    balanceAfter: balance,
  });
}

async function takeFrom(tx: Queryable, entryId: string, points: number): Promise<number> {
  if (points > 0) {
    await tx.query('UPDATE point_batches SET remaining = remaining - $2 WHERE entry_id = $1', [entryId, points]);
  }
  return points;
}
