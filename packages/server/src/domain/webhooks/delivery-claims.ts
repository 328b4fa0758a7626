import type { WebhookEvent } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../../store/database.ts';
import { EVENT_COLUMNS, toEvent, type EventColumns } from './deliveries.ts';

/** A due delivery this worker has leased: what to send, where, and with which secret. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  secret: string;
  /** Failed attempts so far. */
  attempts: number;
  firstAttemptAt: Date;
  event: WebhookEvent;
}

interface ClaimedRow extends EventColumns {
  id: string;
  endpoint_id: string;
  url: string;
  secret: string;
  attempts: unknown;
  first_attempt_at: Date | string;
}

/**
 * Leases up to `limit` due deliveries of enabled endpoints in one short transaction: each one's next attempt moves to
 * `leaseUntil`, so no other worker takes it meanwhile, and a worker killed while sending leaves it due again once the
 * lease ends. `SKIP LOCKED` lets several API instances claim side by side without waiting for one another.
 */
export async function claimDueDeliveries(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await db.transaction((tx) =>
    tx.query<ClaimedRow>(
      `WITH due AS (
         SELECT d.id
           FROM webhook_deliveries d
           JOIN webhook_endpoints w ON w.id = d.endpoint_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND w.enabled
          ORDER BY d.next_attempt_at
          LIMIT $3
          FOR UPDATE OF d SKIP LOCKED
       ), leased AS (
         UPDATE webhook_deliveries d
            SET next_attempt_at = $2, first_attempt_at = COALESCE(d.first_attempt_at, $1)
           FROM due
          WHERE d.id = due.id
         RETURNING d.id, d.endpoint_id, d.event_id, d.attempts, d.first_attempt_at
       )
       SELECT leased.id, leased.endpoint_id, w.url, w.secret, leased.attempts, leased.first_attempt_at,
              ${EVENT_COLUMNS}
         FROM leased
         JOIN webhook_endpoints w ON w.id = leased.endpoint_id
         JOIN webhook_events e ON e.id = leased.event_id`,
      [now, leaseUntil, limit],
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    endpointId: row.endpoint_id,
    url: row.url,
    secret: row.secret,
    attempts: toNumber(row.attempts),
    firstAttemptAt: new Date(row.first_attempt_at),
    event: toEvent(row),
  }));
}

/** True while the endpoint exists and is on: checked again just before sending, as it may have changed since the claim. */
export async function endpointAcceptsDeliveries(db: Queryable, endpointId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM webhook_endpoints WHERE id = $1 AND enabled', [endpointId]);
  return rows.length > 0;
}
