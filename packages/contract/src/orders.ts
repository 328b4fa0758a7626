import * as z from 'zod/mini';
import { CurrencyCode, Identifier, IsoDateTime, Points } from './primitives.ts';
import { ReferralCodeInput, ReferralOutcome } from './referral-outcomes.ts';
import { Transaction } from './transactions.ts';

/** Where the merchant's checkout posts orders and their refunds (secret key). */
export const orderPaths = {
  orders: '/v1/admin/orders',
  /** Route pattern of `order`, for servers. */
  orderPattern: '/v1/admin/orders/:orderId',
  order: (orderId: string) => `/v1/admin/orders/${encodeURIComponent(orderId)}`,
  /** Route pattern of `refunds`, for servers. */
  refundsPattern: '/v1/admin/orders/:orderId/refunds',
  refunds: (orderId: string) => `/v1/admin/orders/${encodeURIComponent(orderId)}/refunds`,
  /** Route pattern of `reversal`, for servers. */
  reversalPattern: '/v1/admin/customers/:customerId/transactions/:entryId/reversal',
  reversal: (customerId: string, entryId: string) =>
    `/v1/admin/customers/${encodeURIComponent(customerId)}/transactions/${encodeURIComponent(entryId)}/reversal`,
} as const;

/** The largest order amount, in minor units. */
export const MAX_ORDER_AMOUNT = 1_000_000_000_000;

const MinorUnits = z.int().check(z.gte(0), z.lte(MAX_ORDER_AMOUNT));

/** Body of `POST /v1/admin/orders`: an order the shopper paid for. */
export const OrderRequest = z.strictObject({
  /** The merchant's order number; an order is recorded once per id. */
  orderId: Identifier,
  customerId: Identifier,
  /** What the shopper paid, in minor units of `currency` (fen, cents; yen have none). */
  amount: MinorUnits,
  /** The program's currency. */
  currency: CurrencyCode,
  /** When the order was placed; default now. Not in the future. The return window counts from it. */
  placedAt: z.optional(IsoDateTime),
  /**
   * A referral code the shopper came with, kept with the order. For a customer not yet referred it records the
   * referral (an unknown code is refused); for one already referred it is ignored.
   */
  referralCode: z.optional(ReferralCodeInput),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

/** Body of `POST /v1/admin/orders/{orderId}/refunds`: money given back on an order. */
export const RefundRequest = z.strictObject({
  /** The merchant's refund number; a refund is recorded once per id within its order. */
  refundId: Identifier,
  /** Refunded, in minor units of the order's currency. All refunds of an order add up to at most its amount. */
  amount: MinorUnits.check(z.gte(1)),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

/** A refund as recorded. `points + shortfall` is what the refund owed back. */
export const RefundRecord = z.object({
  refundId: z.string(),
  orderId: z.string(),
  amount: z.int(),
  /** Points taken back. */
  points: Points,
  /** Points owed that could not be taken back: the shopper had already spent them. */
  shortfall: Points,
  createdAt: IsoDateTime,
});
export type RefundRecord = z.infer<typeof RefundRecord>;

/** An order as recorded, with what its refunds have taken back so far. */
export const OrderRecord = z.object({
  orderId: z.string(),
  customerId: z.string(),
  amount: z.int(),
  currency: CurrencyCode,
  placedAt: IsoDateTime,
  /** Points the order earned. */
  points: Points,
  /** Until when its points are pending (the return window); null when they were spendable at once. */
  pendingUntil: z.nullable(IsoDateTime),
  refundedAmount: z.int(),
  /** Points its refunds took back, in all. */
  pointsTakenBack: Points,
  /** Points its refunds owed but could not take back, in all. */
  pointsShortfall: Points,
  referralCode: z.nullable(z.string()),
  /** Oldest first. */
  refunds: z.array(RefundRecord),
});
export type OrderRecord = z.infer<typeof OrderRecord>;

/** Response of `POST /v1/admin/orders`: 201 when recorded, 200 for a replay of the same order. */
export const OrderResult = z.object({
  order: OrderRecord,
  /** The `order` entry that credited the points; null when the order earned none. */
  transaction: z.nullable(Transaction),
  /** The customer's spendable balance right after the order was recorded. */
  balance: Points,
  /** The customer's referral, when the order named a code or rewarded it; else null. */
  referral: z.nullable(ReferralOutcome),
});
export type OrderResult = z.infer<typeof OrderResult>;

/** Response of `POST /v1/admin/orders/{orderId}/refunds`: 201 when recorded, 200 for a replay. */
export const RefundResult = z.object({
  refund: RefundRecord,
  /** The order after the refund. */
  order: OrderRecord,
  /** The `refund` entry; null when the order earned no points. */
  transaction: z.nullable(Transaction),
  /** The customer's spendable balance right after the refund. */
  balance: Points,
});
export type RefundResult = z.infer<typeof RefundResult>;
