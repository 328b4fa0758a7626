import type { MerchantLedgerEntry } from '@loyalty-elements/contract';
import type { Queryable } from '../store/database.ts';
import { historyPage } from './ledger-reads.ts';
import { isReversible } from './reversals.ts';

export interface MerchantHistoryPage {
  entries: MerchantLedgerEntry[];
  /** The `seq` to continue below, or null on the last page. */
  nextBefore: number | null;
}

/**
 * The page of the customer's history the shopper would see, each entry with whether a reversal can undo it: one
 * more read, of the reversals of this page's entries.
 */
export async function merchantHistoryPage(
  db: Queryable,
  programId: string,
  customerId: string,
  limit: number,
  before: number | null,
): Promise<MerchantHistoryPage> {
  const page = await historyPage(db, programId, customerId, limit, before);
  const reversedBy = await reversalsOf(
    db,
    programId,
    page.entries.map((entry) => entry.id),
  );
  return {
    entries: page.entries.map((entry) => {
      const reversal = reversedBy.get(entry.id) ?? null;
      return {
        ...entry,
        reversible: reversal === null && isReversible({ kind: entry.kind, orderId: entry.references.orderId ?? null }),
        reversedByEntryId: reversal,
      };
    }),
    nextBefore: page.nextBefore,
  };
}

/** The reversal entry of each of `entryIds` that has one. */
async function reversalsOf(db: Queryable, programId: string, entryIds: string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const placeholders = entryIds.map((_, index) => `$${index + 2}`).join(', ');
  const rows = await db.query<{ id: string; reverses_entry_id: string }>(
    `SELECT id, reverses_entry_id FROM ledger_entries
      WHERE program_id = $1 AND reverses_entry_id IN (${placeholders})`,
    [programId, ...entryIds],
  );
  return new Map(rows.map((row) => [row.reverses_entry_id, row.id]));
}
