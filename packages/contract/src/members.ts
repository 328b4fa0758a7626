import * as z from 'zod/mini';
import { BirthdayStatus } from './birthday.ts';
import { CustomerRecord, CustomerStatus, MEMBERSHIP_END_REASONS, MembershipEndReason } from './customers.ts';
import { cursorPaging, IsoDateTime, LocalizedText, Points, UserText } from './primitives.ts';

// The merchant's view of members: profile, search, export, erasure, the end of a membership, churn.

/** `GET /v1/admin/customers/{id}`: the record with the customer's points, tier and birthday. */
export const CustomerProfile = z.object({
  customer: CustomerRecord,
  balance: z.object({ spendable: Points, pending: Points }),
  tier: z.object({ id: z.string(), name: LocalizedText }),
  /** The birthday reward's standing; null when no birthday is on file. */
  birthday: z.nullable(BirthdayStatus),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;

export const CUSTOMER_LIST_DEFAULT_LIMIT = 20;
export const CUSTOMER_LIST_MAX_LIMIT = 100;

/** Query of `GET /v1/admin/customers`. */
export const CustomerListQuery = z.object({
  /** Part of the id, name or e-mail, case-insensitive; `%` and `_` are plain characters. */
  query: z.optional(UserText.check(z.maxLength(200))),
  status: z.optional(CustomerStatus),
  /** Customers per page, 1–100 (default 20), and the `nextCursor` of the previous page. */
  ...cursorPaging(CUSTOMER_LIST_MAX_LIMIT),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** `GET /v1/admin/customers`: a page of customers in a stable order (by id). */
export const CustomerList = z.object({
  customers: z.array(CustomerRecord),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type CustomerList = z.infer<typeof CustomerList>;

/** A stored row as it is kept (column names as stored). */
export const StoredRow = z.record(z.string(), z.unknown());

/**
 * `GET /v1/admin/customers/{id}/export`: everything stored about the customer (the right of access and of
 * portability). `records` has one entry per table that holds rows of customers, named as the table, with
 * every such row of this customer.
 */
export const CustomerExport = z.object({
  exportedAt: IsoDateTime,
  profile: CustomerProfile,
  records: z.record(z.string(), z.array(StoredRow)),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

export const MEMBERSHIP_NOTE_MAX_LENGTH = 1_000;

/** Body of `POST /v1/admin/customers/{id}/membership/end`. */
export const MembershipEndRequest = z.strictObject({
  reason: MembershipEndReason,
  note: z.optional(UserText.check(z.maxLength(MEMBERSHIP_NOTE_MAX_LENGTH))),
});
export type MembershipEndRequest = z.infer<typeof MembershipEndRequest>;

/** A calendar month, `YYYY-MM`. */
export const YearMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month as YYYY-MM.'));

export const CHURN_MAX_MONTHS = 36;

/** Query of `GET /v1/admin/members/churn`: both months included, at most 36. */
export const ChurnQuery = z.object({ from: YearMonth, to: YearMonth });
export type ChurnQuery = z.infer<typeof ChurnQuery>;

export const ChurnByReason = z.object(
  Object.fromEntries(MEMBERSHIP_END_REASONS.map((reason) => [reason, Points])) as Record<
    MembershipEndReason,
    typeof Points
  >,
);

/** One month of the program's time zone. */
export const ChurnMonth = z.object({
  month: z.string(),
  /** Members whose membership ran at the month's first instant. */
  activeAtStart: Points,
  /** Customers created during the month. */
  joined: Points,
  /** Memberships that ended during the month. */
  ended: Points,
  byReason: ChurnByReason,
  /** `ended / activeAtStart`; null when no one was a member at the start. */
  churnRate: z.nullable(z.number()),
});
export type ChurnMonth = z.infer<typeof ChurnMonth>;

/** `GET /v1/admin/members/churn`. */
export const ChurnReport = z.object({ months: z.array(ChurnMonth) });
export type ChurnReport = z.infer<typeof ChurnReport>;
