import type { LedgerEntryKind, TransactionResult } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomer } from './customers.ts';
import { applyEntryLocked, ENTRY_COLUMNS, toTransaction, type EntryDraft, type EntryRow } from './ledger.ts';
import { findEntry } from './ledger-reads.ts';
import { expiredFromLocked, takeBackLocked } from './ledger-takeback.ts';
import type { Program } from './programs.ts';
import { voidRedemptionLocked } from './redemptions.ts';

/** Entries no reversal undoes: corrections themselves. A recorded order is corrected by its refunds. */
const NOT_REVERSIBLE: ReadonlySet<LedgerEntryKind> = new Set(['refund', 'reversal', 'expiry']);

/** Whether an entry of this kind can be reversed, reversed already or not. */
export function isReversible(entry: { kind: LedgerEntryKind; orderId: string | null }): boolean {
  // An earn posted as a plain transaction has no order to refund: it is reversed instead.
  return !NOT_REVERSIBLE.has(entry.kind) && !(entry.kind === 'order' && entry.orderId !== null);
}

export type ReverseOutcome =
  | { kind: 'created' | 'replayed'; result: TransactionResult }
  | { kind: 'customer_not_found' }
  | { kind: 'entry_not_found' }
  | { kind: 'entry_not_reversible'; entryKind: LedgerEntryKind };

/**
 * Reverses one entry of the customer's ledger, once: a credit's points are taken back (its own batch first, then
 * the customer's others, never below zero, with what could not be taken as the shortfall); a debit's are credited
 * back as a new batch with the program's default expiry, and a reward code it paid for is voided. A second call
 * answers the first reversal.
 */
export async function reverseEntry(
  db: Database,
  program: Program,
  customerId: string,
  entryId: string,
  now: Date,
): Promise<ReverseOutcome> {
  return db.transaction(async (tx): Promise<ReverseOutcome> => {
    if ((await lockCustomer(tx, program.id, customerId)) === undefined) return { kind: 'customer_not_found' };
    const entry = await findEntry(tx, program.id, entryId);
    if (entry === undefined || entry.customer_id !== customerId) return { kind: 'entry_not_found' };
    const done = await findReversal(tx, program.id, entryId);
    if (done !== undefined) return { kind: 'replayed', result: toResult(done) };
    if (!isReversible({ kind: entry.kind, orderId: entry.order_id }))
      return { kind: 'entry_not_reversible', entryKind: entry.kind };

    const points = toNumber(entry.points);
    const draft: Omit<EntryDraft, 'points'> = {
      type: 'adjust',
      kind: 'reversal',
      references: { reversesEntryId: entryId },
      reason: null,
      spend:
        entry.spend_amount === null || entry.spend_currency === null
          ? null
          : { amount: -toNumber(entry.spend_amount), currency: entry.spend_currency },
    };
    const meta = { idempotencyKey: `reversal:${entryId}`, requestHash: null };
    if (points > 0) {
      const row = await takeBackLocked(
        tx,
        program,
        customerId,
        // Points of it that expired are gone already: only the rest is owed back.
        {
          ...draft,
          owed: points - (await expiredFromLocked(tx, program.id, customerId, entryId, now)),
          fromEntryId: entryId,
        },
        meta,
        now,
      );
      return { kind: 'created', result: toResult(row) };
    }
    const credit = await applyEntryLocked(tx, program, customerId, { ...draft, points: -points }, meta, now);
    if (credit.kind !== 'created') throw new Error('A reversal credit was refused');
    // The points are back, so the code they bought no longer holds.
    if (entry.kind === 'redemption') await voidRedemptionLocked(tx, program.id, customerId, entryId, now);
    return { kind: 'created', result: toResult(credit.row) };
  });
}

async function findReversal(db: Queryable, programId: string, entryId: string): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE program_id = $1 AND reverses_entry_id = $2`,
    [programId, entryId],
  );
  return row;
}

function toResult(row: EntryRow): TransactionResult {
  return { transaction: toTransaction(row), balance: toNumber(row.balance_after) };
}
