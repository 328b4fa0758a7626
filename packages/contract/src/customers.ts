import * as z from 'zod/mini';
import { Birthday } from './birthday.ts';
import { Identifier, IsoDateTime, UserText, TimeZone, TimeZoneName } from './primitives.ts';
import { ReferralCodeInput, ReferralOutcome } from './referral-outcomes.ts';
import { DEPARTURE_REASONS } from './surveys.ts';

/** A BCP 47 language tag (`en`, `zh-CN`). */
const Locale = z.string().check(z.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'Use a BCP 47 tag such as zh-CN.'));

/** An e-mail address; the API stores it lower-cased, so searches find it whatever its case. */
export const CustomerEmail = UserText.check(z.maxLength(254), z.email('Not an e-mail address.'));

/**
 * `active`: a member. `ended`: the membership ended (reads work; no new points or redemptions until the member
 * rejoins). `erased`: the person's data was removed; only the anonymised ledger is left.
 */
export const CustomerStatus = z.enum(['active', 'ended', 'erased']);
export type CustomerStatus = z.infer<typeof CustomerStatus>;

/** Why a membership ended: the exit survey's reasons, or `other`. */
export const MEMBERSHIP_END_REASONS = [...DEPARTURE_REASONS, 'other'] as const;
export const MembershipEndReason = z.enum(MEMBERSHIP_END_REASONS);
export type MembershipEndReason = z.infer<typeof MembershipEndReason>;

/**
 * Body of `PUT /v1/admin/customers/{id}`: creates the customer or updates it. `name` goes with every PUT; the
 * other fields, left out, keep their value on an update (and are empty on a create); `null` clears them. A birthday set here is
 * not limited (the customer's own changes are, once per 365 days). An erased customer's id cannot be
 * used again (409 `customer_erased`).
 */
export const CustomerUpsertRequest = z.object({
  name: UserText.check(z.minLength(1), z.maxLength(200)),
  locale: z.optional(z.nullable(Locale)),
  /** Default (null): the program's time zone. */
  timezone: z.optional(z.nullable(TimeZone)),
  birthday: z.optional(z.nullable(Birthday)),
  email: z.optional(z.nullable(CustomerEmail)),
  /** `active` brings back a member whose membership ended. */
  status: z.optional(z.literal('active')),
  /** Creating a customer: the referral code they came with (an unknown code is refused). Ignored on an update. */
  referralCode: z.optional(ReferralCodeInput),
});
export type CustomerUpsertRequest = z.infer<typeof CustomerUpsertRequest>;

/** A customer as the admin API shows it. */
export const CustomerRecord = z.object({
  id: Identifier,
  name: z.string(),
  locale: z.nullable(z.string()),
  /** The customer's own time zone; null means the program's. */
  timezone: z.nullable(TimeZoneName),
  birthday: z.nullable(Birthday),
  /** Lower-cased. */
  email: z.nullable(z.string()),
  status: CustomerStatus,
  joinedAt: IsoDateTime,
  /** When the membership ended; null while it runs (and after the member rejoined). */
  endedAt: z.nullable(IsoDateTime),
  endReason: z.nullable(MembershipEndReason),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;

/** Response of `PUT /v1/admin/customers/{id}`: 201 when created, 200 when updated. */
export const CustomerUpsertResult = z.object({
  customer: CustomerRecord,
  created: z.boolean(),
  /** The referral the request's `referralCode` recorded (or the one already standing); absent without a code. */
  referral: z.optional(ReferralOutcome),
});
export type CustomerUpsertResult = z.infer<typeof CustomerUpsertResult>;
