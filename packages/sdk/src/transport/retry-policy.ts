import type { RetryOptions } from 'ky';

export interface RetrySettings {
  /** Retries after the first attempt. Default 2. */
  limit?: number | undefined;
  /** Delay before the first retry, doubled for each next one, then jittered. Default 300 ms. */
  baseDelayMs?: number | undefined;
  /** No wait is longer than this, `Retry-After` included. Default 10 000 ms. */
  maxDelayMs?: number | undefined;
}

/** Statuses worth another try: timeout, too early, too many requests, and the server's failures. */
export const RETRYABLE_STATUSES = [408, 425, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` header is honoured. */
const RETRY_AFTER_STATUSES = [425, 429, 503];

/**
 * ky's retry options for one request: only requests that are safe to repeat (reads, PUTs, POSTs
 * carrying an idempotency key) are retried, with exponential backoff and full jitter.
 */
export function retryOptions(method: string, repeatable: boolean, settings: RetrySettings = {}): RetryOptions {
  const base = settings.baseDelayMs ?? 300;
  const max = settings.maxDelayMs ?? 10_000;
  return {
    limit: repeatable ? (settings.limit ?? 2) : 0,
    methods: repeatable ? [method] : [],
    statusCodes: RETRYABLE_STATUSES,
    afterStatusCodes: RETRY_AFTER_STATUSES,
    maxRetryAfter: max,
    backoffLimit: max,
    delay: (attempt) => base * 2 ** (attempt - 1),
    jitter: true,
  };
}
