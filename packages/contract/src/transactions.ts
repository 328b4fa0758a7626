import * as z from 'zod/mini';
import { Identifier, Points } from './primitives.ts';

export const TransactionType = z.enum(['earn', 'redeem']);
export type TransactionType = z.infer<typeof TransactionType>;

/** Body of `POST /v1/admin/customers/{id}/transactions`. */
export const TransactionRequest = z.object({
  type: TransactionType,
  points: z.int().check(z.gte(1), z.lte(100_000_000)),
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type TransactionRequest = z.infer<typeof TransactionRequest>;

export const Transaction = z.object({
  id: z.string(),
  customerId: Identifier,
  type: TransactionType,
  /** Always positive; `type` says which way the points moved. */
  points: Points,
  reason: z.nullable(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Transaction = z.infer<typeof Transaction>;

/** Response of a transaction post, the same for a first request and a replay of its idempotency key. */
export const TransactionResult = z.object({
  transaction: Transaction,
  balance: Points,
});
export type TransactionResult = z.infer<typeof TransactionResult>;
