import { toNumber, type Queryable } from '../../store/database.ts';
import type { EntryRow } from '../ledger.ts';
import { customerTier } from '../ledger-reads.ts';
import { findProgramById } from '../programs.ts';
import { notifiedTier, recordNotifiedTier, tierChange } from './notified-tier.ts';
import { emitEvent, isSubscribed } from './outbox.ts';

/** `points.earned` for a credit, `points.redeemed` for a redemption; other debits have no event. */
export async function emitEntryEvent(tx: Queryable, programId: string, row: EntryRow, now: Date): Promise<void> {
  const points = toNumber(row.points);
  const data = { points: Math.abs(points), kind: row.kind, entryId: row.id };
  const withOrder = row.order_id === null ? data : { ...data, orderId: row.order_id };
  const base = { programId, customerId: row.customer_id };
  if (points > 0) await emitEvent(tx, { ...base, type: 'points.earned', data: withOrder }, now);
  else if (row.type === 'redeem') await emitEvent(tx, { ...base, type: 'points.redeemed', data: withOrder }, now);
}

/**
 * Reads the customer's tier before a ledger write, when an endpoint subscribes to `tier.changed`; the returned
 * function, called after the write in the same transaction, emits the event if the tier moved from the one last told
 * (or, when none was, from the tier before the write) and records the tier now held as told. A move time alone made
 * before the write (points becoming spendable, activity leaving the window) is then reported with it, once.
 */
export async function watchTier(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
): Promise<() => Promise<void>> {
  if (!(await isSubscribed(tx, programId, 'tier.changed'))) return async () => {};
  const program = await findProgramById(tx, programId, now);
  if (program === undefined) return async () => {};
  const before = await customerTier(tx, program, customerId, now);
  return async () => {
    const after = await customerTier(tx, program, customerId, now);
    const from = (await notifiedTier(tx, program, customerId, 'read')) ?? before;
    await recordNotifiedTier(tx, programId, customerId, after.id);
    if (after.id === from.id) return;
    await emitEvent(tx, { programId, customerId, type: 'tier.changed', data: tierChange(from, after) }, now);
  };
}
