import * as z from 'zod/mini';
import { POINTS_HISTORY_MAX_LIMIT } from './limits.ts';
import { cursorPaging, IsoDateTime, LocalizedText, Money, Points } from './primitives.ts';

/**
 * Kinds of ledger entry. Credits: `earn`, `birthday_bonus`, positive `adjust`. Debits: `redeem`,
 * negative `adjust`, `expire` (points that reached their expiry unspent).
 */
export const LedgerEntryType = z.enum(['earn', 'redeem', 'adjust', 'expire', 'birthday_bonus']);
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

/**
 * What an entry is, for telling it to the shopper: points from an `order`, taken back by its `refund`, a
 * `reversal` of an earlier entry, a `birthday`, `survey`, `referral` or `welcome` gift, a reward `redemption`,
 * an `expiry`, the merchant's `adjustment`, `goodwill` given when resolving a complaint, or a `win_back` gift to a
 * lapsed member. `type` stays as it was for clients that read it.
 */
export const LedgerEntryKind = z.enum([
  'order',
  'refund',
  'reversal',
  'birthday',
  'survey',
  'referral',
  'welcome',
  'redemption',
  'expiry',
  'adjustment',
  'goodwill',
  'win_back',
]);
export type LedgerEntryKind = z.infer<typeof LedgerEntryKind>;

/** What an entry refers to; a key is present only when it is set. */
export const LedgerReferences = z.object({
  orderId: z.optional(z.string()),
  refundId: z.optional(z.string()),
  /** The entry a `reversal` undoes. */
  reversesEntryId: z.optional(z.string()),
  surveyId: z.optional(z.string()),
  rewardId: z.optional(z.string()),
  /** The reward's name, per language, when it was redeemed. */
  rewardName: z.optional(LocalizedText),
  /** The service-recovery follow-up a `goodwill` entry resolved. */
  followUpId: z.optional(z.string()),
  /** The win-back a `win_back` entry gave. */
  winBackId: z.optional(z.string()),
  /** The referral a `referral` credit (or its take-back) belongs to. */
  referralId: z.optional(z.string()),
});
export type LedgerReferences = z.infer<typeof LedgerReferences>;

/** One append-only entry of a customer's points ledger. */
export const LedgerEntry = z.object({
  id: z.string(),
  type: LedgerEntryType,
  kind: LedgerEntryKind,
  references: LedgerReferences,
  /**
   * Signed: positive for credits, negative for debits. Zero only for a refund or reversal that found none of its
   * points left to take back (its `shortfall` says how many it owed).
   */
  points: z.int(),
  /** Points a refund or reversal owed but could not take back, since the shopper had spent them; else null. */
  shortfall: z.nullable(z.int().check(z.gte(1))),
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
