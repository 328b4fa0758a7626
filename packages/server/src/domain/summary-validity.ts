import type { Summary } from '@loyalty-elements/contract';
import { localDate, formatDate } from './time.ts';

/** The longest a summary is served from memory, whatever it shows. */
export const SUMMARY_CACHE_MS = 60_000;

/**
 * The first moment at which time alone may change `summary`, at most {@link SUMMARY_CACHE_MS} after `now`: points
 * expiring (the first of `summary.points.expiring`) or pending points becoming spendable (`nextAvailableAt`), the tier
 * window's next end, the at-risk date, and the customer's local date turning (birthday window). Surveys falling due
 * and a tier risk entering its forecast horizon show within the cap.
 */
export function summaryValidUntil(summary: Summary, nextAvailableAt: Date | null, now: Date): number {
  const cap = now.getTime() + SUMMARY_CACHE_MS;
  const moments = [
    cap,
    nextAvailableAt?.getTime() ?? Infinity,
    instant(summary.points.expiring[0]?.expiresAt ?? null),
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
