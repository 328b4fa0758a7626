import * as z from 'zod/mini';
import { Identifier } from './primitives.ts';

/** Query of `GET /v1/demo/customer-token`: which seeded shopper (default `demo-shopper`). */
export const DemoCustomerTokenQuery = z.object({ customer: z.optional(Identifier) });
export type DemoCustomerTokenQuery = z.infer<typeof DemoCustomerTokenQuery>;

/** `GET /v1/demo/customer-token?customer=…`: only served while the API runs in demo mode. */
export const DemoCustomerToken = z.object({
  token: z.string(),
  customerId: Identifier,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type DemoCustomerToken = z.infer<typeof DemoCustomerToken>;
