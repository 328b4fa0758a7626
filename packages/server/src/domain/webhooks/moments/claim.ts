import type { WebhookEventType } from '@loyalty-elements/contract';
import type { Queryable } from '../../../store/database.ts';
import { emitEvent, type EventDraft } from '../outbox.ts';

/**
 * The reminder due among `days` (days before a moment) when `daysLeft` days remain: the nearest one whose day has
 * come, or undefined when none has. Reminders whose day passed while nothing ran are skipped: the nearest stands for
 * them, and since it only shrinks as the moment nears, a skipped one never comes after it.
 */
export function dueReminder(days: readonly number[], daysLeft: number): number | undefined {
  const due = days.filter((before) => before >= daysLeft);
  return due.length === 0 ? undefined : Math.min(...due);
}

/**
 * Emits `event` once per `momentKey` of its type and customer: the moment is claimed with an insert that does nothing
 * when another run (in this process or another instance, now or before a restart) claimed it, in the caller's
 * transaction, so the claim and the event commit together. Returns whether this call emitted it.
 */
export async function emitOnce<T extends WebhookEventType>(
  tx: Queryable,
  event: EventDraft<T>,
  momentKey: string,
  now: Date,
): Promise<boolean> {
  const claimed = await tx.query(
    `INSERT INTO scheduled_moments (program_id, customer_id, kind, moment_key, emitted_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING
     RETURNING 1`,
    [event.programId, event.customerId, event.type, momentKey, now],
  );
  if (claimed.length === 0) return false;
  await emitEvent(tx, event, now);
  return true;
}
