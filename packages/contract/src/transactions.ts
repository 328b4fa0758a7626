import * as z from 'zod/mini';
import { CurrencyCode, Identifier, IsoDateTime, Money, Points, UserText } from './primitives.ts';
import { LedgerEntry } from './points.ts';

/** The entry types an admin can post. (`expire` and `birthday_bonus` are written by the API itself.) */
export const TransactionType = z.enum(['earn', 'redeem', 'adjust']);
export type TransactionType = z.infer<typeof TransactionType>;

const MAX_POINTS = 100_000_000;
const reason = z.optional(UserText.check(z.maxLength(500)));
const positivePoints = z.int().check(z.gte(1), z.lte(MAX_POINTS));
/** Default: the program's points expiry after the entry. `null`: never expires. */
const expiresAt = z.optional(z.nullable(IsoDateTime));
/** Not spendable before this instant. */
const pendingUntil = z.optional(IsoDateTime);

/** Points earned, e.g. for an order. `spend` is what the order cost, for tiers that go by spend. */
export const EarnRequest = z.object({
  type: z.literal('earn'),
  points: positivePoints,
  reason,
  expiresAt,
  pendingUntil,
  spend: z.optional(z.object({ amount: z.int().check(z.gte(0), z.lte(1_000_000_000_000)), currency: CurrencyCode })),
});
export type EarnRequest = z.infer<typeof EarnRequest>;

/** Points spent. Soonest-expiring points go first; the balance never goes below zero. */
export const RedeemRequest = z.object({
  type: z.literal('redeem'),
  points: positivePoints,
  reason,
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/**
 * A correction: positive credits points (like an earn), negative debits them (like a redemption,
 * never below zero). Adjustments count towards tiers; a signed `spend` corrects tier-qualifying spend
 * (a refund is a negative amount). Only credits may carry `expiresAt` or `pendingUntil`.
 */
export const AdjustRequest = z
  .object({
    type: z.literal('adjust'),
    points: z.int().check(
      z.gte(-MAX_POINTS),
      z.lte(MAX_POINTS),
      z.refine((n) => n !== 0, 'Cannot be zero.'),
    ),
    reason,
    expiresAt,
    pendingUntil,
    spend: z.optional(Money),
  })
  .check(
    z.refine((body) => body.points > 0 || body.expiresAt === undefined, {
      message: 'Only a positive adjustment can carry an expiry.',
      path: ['expiresAt'],
    }),
    z.refine((body) => body.points > 0 || body.pendingUntil === undefined, {
      message: 'Only a positive adjustment can be pending.',
      path: ['pendingUntil'],
    }),
  );
export type AdjustRequest = z.infer<typeof AdjustRequest>;

/** Body of `POST /v1/admin/customers/{id}/transactions`. */
export const TransactionRequest = z.discriminatedUnion('type', [EarnRequest, RedeemRequest, AdjustRequest]);
export type TransactionRequest = z.infer<typeof TransactionRequest>;

/** A ledger entry as the admin API shows it: with the customer it belongs to. */
export const Transaction = z.extend(LedgerEntry, { customerId: Identifier });
export type Transaction = z.infer<typeof Transaction>;

/** Response of a transaction post, the same for a first request and a replay of its idempotency key. */
export const TransactionResult = z.object({
  transaction: Transaction,
  /** The spendable balance right after the transaction (pending points are not in it). */
  balance: Points,
});
export type TransactionResult = z.infer<typeof TransactionResult>;
