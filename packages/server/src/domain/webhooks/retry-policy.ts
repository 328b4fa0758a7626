/**
 * When a failed webhook delivery is tried again. The whole schedule lives here; docs/program.md shows it as a table.
 *
 * After the n-th failed attempt the next one waits `base × 4^(n-1)`, at most 8 hours, varied at random by ±20 % so
 * that retries to many endpoints do not arrive together. With the default base of 5 seconds: 5 s, 20 s, 80 s,
 * 5 min 20 s, 21 min, 1 h 25 min, 5 h 41 min, then every 8 hours. Retries go on for three days from the first attempt,
 * the last one at the three-day mark; a delivery that fails then is `failed` for good.
 */

export const DEFAULT_RETRY_BASE_MS = 5_000;
export const RETRY_GROWTH_FACTOR = 4;
export const RETRY_MAX_DELAY_MS = 8 * 60 * 60 * 1000;
export const RETRY_JITTER = 0.2;
/** How long a delivery is retried, and how long an endpoint may go without success before the API turns it off. */
export const RETRY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

/** The delay after the `failedAttempts`-th failure, before jitter. */
export function retryDelayMs(failedAttempts: number, baseMs: number = DEFAULT_RETRY_BASE_MS): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(baseMs * RETRY_GROWTH_FACTOR ** exponent, RETRY_MAX_DELAY_MS);
}

/**
 * When to try a delivery again after its `failedAttempts`-th failure at `now`, or null when its three days are over.
 * `random` is in [0, 1), `Math.random` by default.
 */
export function nextAttemptAt(
  firstAttemptAt: Date,
  failedAttempts: number,
  now: Date,
  baseMs: number = DEFAULT_RETRY_BASE_MS,
  random: () => number = Math.random,
): Date | null {
  const deadline = firstAttemptAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  const jitter = 1 + RETRY_JITTER * (2 * random() - 1);
  const next = now.getTime() + Math.round(retryDelayMs(failedAttempts, baseMs) * jitter);
  return new Date(Math.min(next, deadline));
}
