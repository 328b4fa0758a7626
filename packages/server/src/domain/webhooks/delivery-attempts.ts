import type { Database } from '../../store/database.ts';
import type { ClaimedDelivery } from './delivery-claims.ts';
import { describeOutcome, type PostOutcome } from './post-event.ts';
import { nextAttemptAt, RETRY_WINDOW_MS } from './retry-policy.ts';

type Attempt = Exclude<PostOutcome, { kind: 'stopped' }>;

/**
 * Records how an attempt went. A 2xx answer makes the delivery `succeeded`; anything else schedules the next attempt
 * per the retry policy, or makes it `failed` once its three days are over. An endpoint whose delivery fails for good
 * with no success since that delivery was first tried is turned off, with the reason in a sentence.
 * Only the status code of an answer is kept.
 */
export async function recordAttempt(
  db: Database,
  delivery: ClaimedDelivery,
  outcome: Attempt,
  now: Date,
  retryBaseMs: number,
): Promise<void> {
  const responseCode = outcome.kind === 'answered' ? outcome.status : null;
  if (outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300) {
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries
            SET status = 'succeeded', attempts = attempts + 1, response_code = $2, duration_ms = $3,
                next_attempt_at = NULL
          WHERE id = $1`,
        [delivery.id, responseCode, outcome.durationMs],
      );
      await tx.query('UPDATE webhook_endpoints SET last_success_at = $2 WHERE id = $1', [delivery.endpointId, now]);
    });
    return;
  }
  const failedAttempts = delivery.attempts + 1;
  const next = nextAttemptAt(delivery.firstAttemptAt, failedAttempts, now, retryBaseMs);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE webhook_deliveries
          SET status = $2, attempts = $3, response_code = $4, duration_ms = $5, next_attempt_at = $6
        WHERE id = $1`,
      [delivery.id, next === null ? 'failed' : 'pending', failedAttempts, responseCode, outcome.durationMs, next],
    );
    if (next !== null) return;
    await tx.query(
      `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $3
        WHERE id = $1 AND enabled AND (last_success_at IS NULL OR last_success_at < $2)`,
      [delivery.endpointId, delivery.firstAttemptAt, disabledReason(outcome)],
    );
  });
}

function disabledReason(outcome: Attempt): string {
  const days = RETRY_WINDOW_MS / (24 * 60 * 60 * 1000);
  return `Every delivery failed for ${days} days; ${describeOutcome(outcome)}.`;
}
