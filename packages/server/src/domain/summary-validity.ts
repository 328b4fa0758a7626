import type { Summary } from '@loyalty-elements/contract';
import type { Queryable } from '../store/database.ts';
import { localDate, formatDate } from './time.ts';

/** The longest a summary is served from memory, whatever it shows. */
export const SUMMARY_CACHE_MS = 60_000;

/**
 * The first moment at which time alone may change `summary`, at most {@link SUMMARY_CACHE_MS} after `now`: points
 * expiring or pending points becoming spendable, the tier window's next end, the at-risk date, and the customer's
 * local date turning (birthday window). Surveys falling due and a tier risk entering its forecast horizon show
 * within the cap.
 */
export async function summaryValidUntil(
  db: Queryable,
  ids: { programId: string; customerId: string },
  summary: Summary,
  now: Date,
): Promise<number> {
  const cap = now.getTime() + SUMMARY_CACHE_MS;
  const [batch] = await db.query<{ next: Date | string | null }>(
    `SELECT min(moment) AS next FROM (
       SELECT min(pending_until) AS moment FROM point_batches
        WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND pending_until > $3
       UNION ALL
       SELECT min(expires_at) FROM point_batches
        WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND expires_at > $3) moments`,
    [ids.programId, ids.customerId, now],
  );
  const moments = [
    cap,
    batch?.next == null ? Infinity : new Date(batch.next).getTime(),
    instant(summary.tier.windowEndsAt),
    instant(summary.tier.atRisk?.at ?? null),
    summary.birthday === null ? Infinity : nextLocalDay(now, cap, summary.customer.timezone),
  ];
  return Math.min(...moments.filter((moment) => moment > now.getTime()));
}

function instant(iso: string | null): number {
  return iso === null ? Infinity : new Date(iso).getTime();
}

/** When the local date in `timeZone` turns, if it does before `cap`; else Infinity. */
function nextLocalDay(now: Date, cap: number, timeZone: string): number {
  const today = formatDate(localDate(now, timeZone));
  if (formatDate(localDate(new Date(cap), timeZone)) === today) return Infinity;
  let low = now.getTime();
  let high = cap;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (formatDate(localDate(new Date(middle), timeZone)) === today) low = middle;
    else high = middle;
  }
  return high;
}
