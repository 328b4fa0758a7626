import * as z from 'zod/mini';
import { cursorPaging, IsoDateTime, MAX_INT4, UserText } from './primitives.ts';
import { FollowUp } from './survey-results.ts';

/**
 * The survey that asks a shopper "Was your issue resolved?" after a follow-up of theirs was resolved: offered at
 * whatever trigger their widgets ask next, before any other survey. The API creates it, per program, with the
 * program's first resolution.
 */
export const FOLLOW_UP_CHECK_SURVEY_ID = 'follow-up-check';
/** The check's one question, and the id of its "yes" option. */
export const FOLLOW_UP_CHECK_QUESTION_ID = 'resolved';
export const FOLLOW_UP_CHECK_YES = 'yes';

// ─── Admin: the service-recovery queue ──────────────────────────────────────────────────────────

export const FOLLOW_UP_LIST_DEFAULT_LIMIT = 50;
export const FOLLOW_UP_LIST_MAX_LIMIT = 200;

/** Which follow-ups the queue lists: `all` (the default), or only `open` or `closed` ones. */
export const FollowUpQueueStatus = z.enum(['open', 'closed', 'all']);
export type FollowUpQueueStatus = z.infer<typeof FollowUpQueueStatus>;

/**
 * Query of `GET /v1/admin/follow-ups`: open follow-ups first, oldest first (so the most overdue lead), then closed
 * ones, oldest first. `overdue=true` keeps only open ones past their due time.
 */
export const FollowUpListQuery = z.object({
  status: z.optional(FollowUpQueueStatus),
  overdue: z.optional(z.enum(['true', 'false'])),
  /** `limit`: 1–200, default 50. */
  ...cursorPaging(FOLLOW_UP_LIST_MAX_LIMIT),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;

/** An internal note on a follow-up: for the merchant's staff, never shown to the shopper. */
export const FollowUpNote = z.object({
  id: z.uuid(),
  text: z.string(),
  author: z.nullable(z.string()),
  createdAt: IsoDateTime,
});
export type FollowUpNote = z.infer<typeof FollowUpNote>;

/** How a follow-up was closed. */
export const FollowUpResolution = z.object({
  outcome: z.string(),
  resolvedAt: IsoDateTime,
  /** Points credited to the shopper as goodwill (a `goodwill` ledger entry); 0: none. */
  goodwillPoints: z.int().check(z.gte(0)),
  /** The goodwill entry in the shopper's ledger; null when no points were given. */
  entryId: z.nullable(z.string()),
  resolvedBy: z.nullable(z.string()),
});
export type FollowUpResolution = z.infer<typeof FollowUpResolution>;

/** The shopper's answer to "Was your issue resolved?", asked once after the resolution. */
export const FollowUpCheck = z.object({
  resolved: z.boolean(),
  answeredAt: IsoDateTime,
});
export type FollowUpCheck = z.infer<typeof FollowUpCheck>;

/** A follow-up as the merchant works it: the complaint, its age against the program's target, and what was done. */
export const FollowUpCase = z.object({
  ...FollowUp.shape,
  /** `createdAt` plus the program's `followUpTargetHours`. */
  dueAt: IsoDateTime,
  /** Open and past `dueAt`. */
  overdue: z.boolean(),
  assignee: z.nullable(z.string()),
  /** Oldest first. */
  notes: z.array(FollowUpNote),
  resolution: z.nullable(FollowUpResolution),
  /** Null until the shopper answers the check that follows a resolution. */
  check: z.nullable(FollowUpCheck),
});
export type FollowUpCase = z.infer<typeof FollowUpCase>;

export const FollowUpPage = z.object({
  followUps: z.array(FollowUpCase),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type FollowUpPage = z.infer<typeof FollowUpPage>;

const PersonName = UserText.check(z.minLength(1), z.maxLength(200));

/** `PATCH /v1/admin/follow-ups/{id}`: who works the follow-up; null: nobody yet. */
export const FollowUpAssignment = z.strictObject({
  assignee: z.nullable(PersonName),
});
export type FollowUpAssignment = z.infer<typeof FollowUpAssignment>;

/** `POST /v1/admin/follow-ups/{id}/notes`: an internal note. */
export const FollowUpNoteRequest = z.strictObject({
  text: UserText.check(z.minLength(1), z.maxLength(5000)),
  author: z.optional(PersonName),
});
export type FollowUpNoteRequest = z.infer<typeof FollowUpNoteRequest>;

/**
 * `POST /v1/admin/follow-ups/{id}/resolution` (with an `Idempotency-Key`): closes the follow-up with its outcome and,
 * optionally, credits goodwill points with the reason the shopper reads in their history.
 */
export const FollowUpResolutionRequest = z.strictObject({
  outcome: UserText.check(z.minLength(1), z.maxLength(2000)),
  goodwillPoints: z.optional(z.int().check(z.gte(0), z.lte(MAX_INT4))),
  /** Shown to the shopper with the goodwill entry, like an adjustment's reason. */
  reason: z.optional(UserText.check(z.maxLength(500))),
  resolvedBy: z.optional(PersonName),
});
export type FollowUpResolutionRequest = z.infer<typeof FollowUpResolutionRequest>;
