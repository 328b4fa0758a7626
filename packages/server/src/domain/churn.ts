import { MEMBERSHIP_END_REASONS, type ChurnMonth, type MembershipEndReason } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { offsetAt, type PlainDate } from './time.ts';

const iso = (instant: Date): string => instant.toISOString();

/** A calendar month: year and month 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

export function parseYearMonth(text: string): YearMonth {
  const [year, month] = text.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0 };
}

/** Months from `from` to `to`, both included (none when `to` comes first). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

/**
 * Members at the start of each month, those who joined, and those whose membership ended, by reason, with the
 * month's churn rate (ended / active at the start). Months are those of `timeZone`. A member counts as active at
 * an instant when they had joined and had no ending before it that they had not come back from.
 */
export async function churnByMonth(
  db: Queryable,
  programId: string,
  from: YearMonth,
  count: number,
  timeZone: string,
): Promise<ChurnMonth[]> {
  const months = Array.from({ length: count }, (_, index) => addMonthsTo(from, index));
  const starts = months.map((month) => startOfMonth(month, timeZone));
  const ends = months.map((month) => startOfMonth(addMonthsTo(month, 1), timeZone));
  const totals = await db.query<{ i: unknown; active: unknown; joined: unknown }>(
    `SELECT m.i,
            (SELECT count(*) FROM customers c
              WHERE c.program_id = $1 AND c.created_at < m.start_at
                AND NOT EXISTS (SELECT 1 FROM membership_endings e
                                 WHERE e.program_id = c.program_id AND e.customer_id = c.id AND e.ended_at < m.start_at
                                   AND (e.resumed_at IS NULL OR e.resumed_at > m.start_at))) AS active,
            (SELECT count(*) FROM customers c
              WHERE c.program_id = $1 AND c.created_at >= m.start_at AND c.created_at < m.end_at) AS joined
       FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS m(start_at, end_at, i)`,
    [programId, starts.map(iso), ends.map(iso)],
  );
  const endings = await db.query<{ i: unknown; reason: MembershipEndReason; ended: unknown }>(
    `SELECT m.i, e.reason, count(*) AS ended
       FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS m(start_at, end_at, i)
       JOIN membership_endings e ON e.program_id = $1 AND e.ended_at >= m.start_at AND e.ended_at < m.end_at
      GROUP BY m.i, e.reason`,
    [programId, starts.map(iso), ends.map(iso)],
  );
  return months.map((month, index) => {
    const position = index + 1;
    const row = totals.find((total) => toNumber(total.i) === position);
    const byReason = Object.fromEntries(MEMBERSHIP_END_REASONS.map((reason) => [reason, 0])) as Record<
      MembershipEndReason,
      number
    >;
    for (const ending of endings) {
      if (toNumber(ending.i) === position) byReason[ending.reason] = toNumber(ending.ended);
    }
    const ended = Object.values(byReason).reduce((sum, n) => sum + n, 0);
    const activeAtStart = toNumber(row?.active ?? 0);
    return {
      month: `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`,
      activeAtStart,
      joined: toNumber(row?.joined ?? 0),
      ended,
      byReason,
      churnRate: activeAtStart === 0 ? null : ended / activeAtStart,
    };
  });
}

export function addMonthsTo(month: YearMonth, months: number): YearMonth {
  const index = month.year * 12 + (month.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The instant the month begins in `timeZone`: midnight of its first day there. */
export function startOfMonth(month: YearMonth, timeZone: string): Date {
  return startOfDay({ year: month.year, month: month.month, day: 1 }, timeZone);
}

/** The instant the day begins in `timeZone`: its midnight there. */
export function startOfDay(date: PlainDate, timeZone: string): Date {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day);
  // Step from the wall-clock time read as UTC by the zone's offset; twice, in case the offset changes between.
  let instant = wallClock;
  for (let step = 0; step < 2; step += 1) instant = wallClock - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}
