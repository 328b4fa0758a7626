import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem, type ProblemCode } from '@loyalty-elements/contract';

export const PROBLEM_TYPE_BASE = 'https://loyalty-elements.dev/problems/';

export type ServerProblemCode = ProblemCode;

const TITLES: Record<ServerProblemCode, string> = {
  token_missing: 'Customer token missing',
  token_invalid: 'Customer token invalid',
  token_expired: 'Customer token expired',
  customer_not_found: 'Customer not found',
  publishable_key_invalid: 'Publishable key invalid',
  secret_key_invalid: 'Secret key invalid',
  secret_key_in_browser: 'Secret key used from a browser',
  console_session_invalid: 'Console session invalid',
  cross_site_refused: 'Cross-site request refused',
  validation_failed: 'Validation failed',
  idempotency_key_missing: 'Idempotency key missing',
  idempotency_key_reused: 'Idempotency key reused',
  insufficient_points: 'Insufficient points',
  currency_mismatch: 'Currency mismatch',
  birthday_not_set: 'Birthday not set',
  birthday_change_limited: 'Birthday change limited',
  birthday_outside_window: 'Outside the birthday window',
  birthday_already_claimed: 'Birthday reward already claimed',
  birthday_reward_unavailable: 'No birthday reward',
  birthday_recently_set: 'Birthday set too recently for this reward',
  survey_not_found: 'Survey not found',
  survey_not_active: 'Survey not active',
  survey_version_mismatch: 'Survey version mismatch',
  survey_not_due: 'Survey not due',
  response_not_found: 'Survey response not found',
  response_completed: 'Survey response already completed',
  reward_not_found: 'Reward not found',
  reward_exists: 'Reward already exists',
  reward_unavailable: 'Reward not on offer',
  reward_tier_required: 'Higher tier required',
  reward_out_of_stock: 'Reward out of stock',
  order_not_found: 'Order not found',
  order_conflict: 'Order recorded differently',
  refund_conflict: 'Refund recorded differently',
  refund_exceeds_order: 'Refunds exceed the order',
  entry_not_found: 'Ledger entry not found',
  entry_not_reversible: 'Ledger entry cannot be reversed',
  customer_erased: 'Customer erased',
  membership_ended: 'Membership ended',
  webhook_endpoint_not_found: 'Webhook endpoint not found',
  webhook_delivery_not_found: 'Webhook delivery not found',
  follow_up_not_found: 'Follow-up not found',
  follow_up_closed: 'Follow-up already closed',
  not_found: 'Not found',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  storage_unavailable: 'Storage unavailable',
  internal: 'Internal server error',
};

/** Thrown anywhere in a request; the app's error handler turns it into a problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ServerProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'ProblemError';
  }
}

export function toProblem(error: ProblemError): Problem {
  const problem: Problem = {
    type: PROBLEM_TYPE_BASE + error.code,
    title: TITLES[error.code],
    status: error.status,
    code: error.code,
  };
  if (error.detail !== undefined) problem.detail = error.detail;
  if (error.errors !== undefined) problem.errors = error.errors;
  return problem;
}

export function problemResponse(c: Context, error: ProblemError): Response {
  return c.body(JSON.stringify(toProblem(error)), error.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** Shorthand for the common 400 with field errors. */
export function validationFailed(errors: FieldError[]): ProblemError {
  return new ProblemError(400, 'validation_failed', 'The request is not valid; see errors.', errors);
}
