import * as z from 'zod/mini';
import { cursorPaging, IsoDateTime, Money, Points } from './primitives.ts';

/**
 * Kinds of ledger entry. Credits: `earn`, `birthday_bonus`, positive `adjust`. Debits: `redeem`,
 * negative `adjust`, `expire` (points that reached their expiry unspent).
 */
export const LedgerEntryType = z.enum(['earn', 'redeem', 'adjust', 'expire', 'birthday_bonus']);
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

/** One append-only entry of a customer's points ledger. */
export const LedgerEntry = z.object({
  id: z.string(),
  type: LedgerEntryType,
  /** Signed: positive for credits, negative for debits. Never zero. */
  points: z.int(),
  reason: z.nullable(z.string()),
  createdAt: IsoDateTime,
  /**
   * Credits: when the points expire (null: never). `expire` entries: when the points lapsed.
   * Null for other debits.
   */
  expiresAt: z.nullable(IsoDateTime),
  /** Credits that are not spendable before this instant (e.g. until a return period ends). */
  pendingUntil: z.nullable(IsoDateTime),
  /** The purchase behind an earn (or a correction of one), for programs whose tiers go by spend. */
  spend: z.nullable(Money),
  /** The spendable balance right after this entry was written. */
  balanceAfter: Points,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Points of one expiry date, among those a customer holds. */
export const ExpiringPoints = z.object({
  points: z.int().check(z.gte(1)),
  expiresAt: IsoDateTime,
});
export type ExpiringPoints = z.infer<typeof ExpiringPoints>;

export const POINTS_HISTORY_DEFAULT_LIMIT = 20;
export const POINTS_HISTORY_MAX_LIMIT = 100;

/** Query of `GET /v1/me/points/history`. */
/** Entries per page, 1–100 (default 20), and the `nextCursor` of the previous page. */
export const PointsHistoryQuery = z.object(cursorPaging(POINTS_HISTORY_MAX_LIMIT));
export type PointsHistoryQuery = z.infer<typeof PointsHistoryQuery>;

/** `GET /v1/me/points/history`: ledger entries, newest first. */
export const PointsHistory = z.object({
  entries: z.array(LedgerEntry),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type PointsHistory = z.infer<typeof PointsHistory>;
