import * as z from 'zod/mini';

/**
 * The stable `code`s the reference API answers with. Clients must tolerate codes they do not know:
 * the schema accepts any string, this list only documents today's.
 */
export const PROBLEM_CODES = [
  'token_missing',
  'token_invalid',
  'token_expired',
  'customer_not_found',
  'publishable_key_invalid',
  'secret_key_invalid',
  'secret_key_in_browser',
  'console_session_invalid',
  'cross_site_refused',
  'validation_failed',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'insufficient_points',
  'currency_mismatch',
  'birthday_not_set',
  'birthday_change_limited',
  'birthday_outside_window',
  'birthday_already_claimed',
  'birthday_reward_unavailable',
  'birthday_recently_set',
  'survey_not_found',
  'survey_not_active',
  'survey_version_mismatch',
  'survey_not_due',
  'response_not_found',
  'response_completed',
  'reward_not_found',
  'reward_exists',
  'reward_unavailable',
  'reward_tier_required',
  'reward_out_of_stock',
  'order_not_found',
  'order_conflict',
  'refund_conflict',
  'refund_exceeds_order',
  'entry_not_found',
  'entry_not_reversible',
  'customer_erased',
  'membership_ended',
  'webhook_endpoint_not_found',
  'webhook_delivery_not_found',
  'follow_up_not_found',
  'follow_up_closed',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'storage_unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const FieldError = z.object({
  /** Where the bad value is: `body.points`, `header.idempotency-key`, `path.customerId`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** An error response (RFC 9457 problem details) with a stable machine-readable `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  code: z.string(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem> & { code: ProblemCode | (string & {}) };
