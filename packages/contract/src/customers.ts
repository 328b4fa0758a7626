import * as z from 'zod/mini';
import { Birthday } from './birthday.ts';
import { Identifier, IsoDateTime, UserText, TimeZone } from './primitives.ts';

/** A BCP 47 language tag (`en`, `zh-CN`). */
const Locale = z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'Use a BCP 47 tag such as zh-CN.'));

/**
 * Body of `PUT /v1/admin/customers/{id}`: creates the customer or updates it. Fields left out keep
 * their value on an update (and are empty on a create); `null` clears them. A birthday set here is
 * not limited (the customer's own changes are, once per 365 days).
 */
export const CustomerUpsertRequest = z.object({
  name: UserText.check(z.minLength(1), z.maxLength(200)),
  locale: z.optional(z.nullable(Locale)),
  /** Default (null): the program's time zone. */
  timezone: z.optional(z.nullable(TimeZone)),
  birthday: z.optional(z.nullable(Birthday)),
});
export type CustomerUpsertRequest = z.infer<typeof CustomerUpsertRequest>;

/** A customer as the admin API shows it. */
export const CustomerRecord = z.object({
  id: Identifier,
  name: z.string(),
  locale: z.nullable(z.string()),
  /** The customer's own time zone; null means the program's. */
  timezone: z.nullable(TimeZone),
  birthday: z.nullable(Birthday),
  joinedAt: IsoDateTime,
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;

/** Response of `PUT /v1/admin/customers/{id}`: 201 when created, 200 when updated. */
export const CustomerUpsertResult = z.object({
  customer: CustomerRecord,
  created: z.boolean(),
});
export type CustomerUpsertResult = z.infer<typeof CustomerUpsertResult>;
