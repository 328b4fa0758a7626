import * as z from 'zod/mini';
import { LedgerEntry, PointsHistoryQuery } from './points.ts';

// The merchant's read of one customer's ledger: the shopper's history, with what the merchant can do about each entry.

/** One entry as the merchant sees it: the shopper's {@link LedgerEntry} and whether a reversal can undo it. */
export const MerchantLedgerEntry = z.extend(LedgerEntry, {
  /**
   * True when `POST …/transactions/{entryId}/reversal` would undo this entry: it is not itself a correction (refund,
   * reversal, expiry), not an order's points (those are refunded), and not reversed already.
   */
  reversible: z.boolean(),
  /** The `reversal` entry that undid this one; null while it stands. */
  reversedByEntryId: z.nullable(z.string()),
});
export type MerchantLedgerEntry = z.infer<typeof MerchantLedgerEntry>;

/** Query of `GET /v1/admin/customers/{id}/history`: the same paging as the shopper's history. */
export const CustomerHistoryQuery = PointsHistoryQuery;
export type CustomerHistoryQuery = z.infer<typeof CustomerHistoryQuery>;

/** `GET /v1/admin/customers/{id}/history`: the customer's ledger entries, newest first. */
export const CustomerHistory = z.object({
  entries: z.array(MerchantLedgerEntry),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;
