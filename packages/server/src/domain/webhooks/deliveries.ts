import {
  WebhookEvent,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from '@loyalty-elements/contract';
import { jsonValue, toNumber, type Queryable } from '../../store/database.ts';
import { iso } from '../ledger.ts';

/** The deliveries of an endpoint's events: what was sent, how it went, and when it is sent (again). */

/** The event's columns beside a delivery's, as {@link EVENT_COLUMNS} selects them from `webhook_events e`. */
export interface EventColumns {
  event_id: string;
  event_type: WebhookEventType;
  event_program_id: string;
  event_customer_id: string;
  event_data: unknown;
  event_created_at: Date | string;
}

export const EVENT_COLUMNS = `e.id AS event_id, e.type AS event_type, e.program_id AS event_program_id,
         e.customer_id AS event_customer_id, e.data AS event_data, e.created_at AS event_created_at`;

interface DeliveryRow extends EventColumns {
  id: string;
  seq: unknown;
  status: WebhookDeliveryStatus;
  attempts: unknown;
  response_code: unknown;
  duration_ms: unknown;
  next_attempt_at: Date | string | null;
  created_at: Date | string;
}

const DELIVERY_SELECT = `
  SELECT d.id, d.seq, d.status, d.attempts, d.response_code, d.duration_ms, d.next_attempt_at, d.created_at,
         ${EVENT_COLUMNS}
    FROM webhook_deliveries d
    JOIN webhook_events e ON e.id = d.event_id`;

export interface DeliveryPage {
  deliveries: WebhookDelivery[];
  /** The position after the last delivery of the page; null on the last page. */
  nextBefore: number | null;
}

/** A page of the endpoint's deliveries, newest first, starting before position `before` (null: the newest). */
export async function deliveryPage(
  db: Queryable,
  endpointId: string,
  limit: number,
  before: number | null,
): Promise<DeliveryPage> {
  const rows = await db.query<DeliveryRow>(
    `${DELIVERY_SELECT}
      WHERE d.endpoint_id = $1 AND ($2::bigint IS NULL OR d.seq < $2::bigint)
      ORDER BY d.seq DESC
      LIMIT $3`,
    [endpointId, before, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(toDelivery),
    nextBefore: rows.length > limit && last !== undefined ? toNumber(last.seq) : null,
  };
}

/**
 * Makes a delivery pending again from `now` with a fresh three days of retries, whatever became of it; undefined
 * when the endpoint has no such one.
 */
export async function retryDelivery(
  db: Queryable,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery | undefined> {
  const updated = await db.query(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $3, first_attempt_at = NULL
      WHERE endpoint_id = $1 AND id = $2 RETURNING id`,
    [endpointId, deliveryId, now],
  );
  if (updated.length === 0) return undefined;
  const [row] = await db.query<DeliveryRow>(`${DELIVERY_SELECT} WHERE d.id = $1`, [deliveryId]);
  return row && toDelivery(row);
}

/**
 * Makes the endpoint's pending deliveries due at `now` with a fresh three days of retries: what waited while the
 * endpoint was off.
 */
export async function resumePendingDeliveries(db: Queryable, endpointId: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries SET next_attempt_at = $2, first_attempt_at = NULL
      WHERE endpoint_id = $1 AND status = 'pending'`,
    [endpointId, now],
  );
}

/** The event as it is sent: the stored row in the contract's shape. */
export function toEvent(row: EventColumns): WebhookEvent {
  const data = jsonValue(row.event_data);
  return WebhookEvent.parse({
    id: row.event_id,
    type: row.event_type,
    createdAt: iso(row.event_created_at),
    programId: row.event_program_id,
    customerId: row.event_customer_id,
    data,
  });
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: toNumber(row.attempts),
    responseCode: row.response_code === null ? null : toNumber(row.response_code),
    durationMs: row.duration_ms === null ? null : toNumber(row.duration_ms),
    nextAttemptAt: row.next_attempt_at === null ? null : iso(row.next_attempt_at),
    createdAt: iso(row.created_at),
    event: toEvent(row),
  };
}
