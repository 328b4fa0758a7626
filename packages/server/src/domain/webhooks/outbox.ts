import { randomUUID } from 'node:crypto';
import type { WebhookEventData, WebhookEventType } from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';

/** What happened, to whom, and the event type's data. */
export interface EventDraft<T extends WebhookEventType> {
  programId: string;
  customerId: string;
  type: T;
  data: WebhookEventData<T>;
}

/**
 * Writes an event to the outbox, with one pending delivery per enabled endpoint subscribed to its type, in the
 * caller's transaction: it is sent only if the change that caused it commits. With no such endpoint nothing is
 * written; either way it is one statement over an indexed read of the program's endpoints.
 */
export async function emitEvent<T extends WebhookEventType>(
  tx: Queryable,
  event: EventDraft<T>,
  now: Date,
): Promise<void> {
  await tx.query(
    `WITH targets AS (
       SELECT id FROM webhook_endpoints WHERE program_id = $1 AND enabled AND $2 = ANY (events)
     ), event AS (
       INSERT INTO webhook_events (id, program_id, customer_id, type, data, created_at)
       SELECT $3, $1, $4, $2, $5::jsonb, $6 WHERE EXISTS (SELECT 1 FROM targets)
       RETURNING id
     )
     INSERT INTO webhook_deliveries (id, program_id, endpoint_id, event_id, next_attempt_at, created_at)
     SELECT gen_random_uuid()::text, $1, targets.id, event.id, $6, $6 FROM targets CROSS JOIN event`,
    [event.programId, event.type, randomUUID(), event.customerId, JSON.stringify(event.data), now],
  );
}

/** True when an enabled endpoint of the program subscribes to `type`: worth the work of finding out whether it happened. */
export async function isSubscribed(tx: Queryable, programId: string, type: WebhookEventType): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM webhook_endpoints WHERE program_id = $1 AND enabled AND $2 = ANY (events) LIMIT 1',
    [programId, type],
  );
  return rows.length > 0;
}
