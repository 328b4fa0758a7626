import { toNumber, type Queryable } from '../../../store/database.ts';
import { customerTimeZone } from '../../birthdays.ts';
import type { Program } from '../../programs.ts';
import { DAY_MS, dayNumber, formatDate, localDate } from '../../time.ts';
import { dueReminder, emitOnce } from './claim.ts';

interface ExpiringRow {
  customer_id: string;
  timezone: string | null;
  expires_at: Date | string;
  points: unknown;
}

/** Points of one customer that expire on one day of their time zone. */
interface ExpiringDay {
  customerId: string;
  /** The day, `YYYY-MM-DD`, in the customer's time zone. */
  date: string;
  daysLeft: number;
  /** When the first of them expires. */
  expiresAt: Date;
  points: number;
}

/**
 * `points.expiring`: for each customer and each day on which points of theirs expire (in their time zone), once at
 * each of the program's `pointsExpiringDays` before it, with the points still left to expire that day. A reminder
 * whose day passed while the scheduler did not run is sent late while the points have not expired, as the nearest
 * one due (see {@link dueReminder}). One indexed read over the batches expiring within the longest reminder.
 */
export async function emitPointsExpiring(tx: Queryable, program: Program, now: Date): Promise<number> {
  const days = program.reminders.pointsExpiringDays;
  if (days.length === 0) return 0;
  // A day more than the longest reminder covers every time zone's "today".
  const horizon = new Date(now.getTime() + (Math.max(...days) + 2) * DAY_MS);
  const rows = await tx.query<ExpiringRow>(
    `SELECT b.customer_id, c.timezone, b.expires_at, SUM(b.remaining)::bigint AS points
       FROM point_batches b
       JOIN customers c ON c.program_id = b.program_id AND c.id = b.customer_id
      WHERE b.program_id = $1 AND b.remaining > 0 AND b.expires_at > $2 AND b.expires_at <= $3
        AND c.status = 'active'
      GROUP BY b.customer_id, c.timezone, b.expires_at`,
    [program.id, now, horizon],
  );
  let emitted = 0;
  for (const day of expiringDays(program, rows, now)) {
    const before = dueReminder(days, day.daysLeft);
    if (before === undefined) continue;
    const event = {
      programId: program.id,
      customerId: day.customerId,
      type: 'points.expiring' as const,
      data: { points: day.points, expiresAt: day.expiresAt.toISOString() },
    };
    if (await emitOnce(tx, event, `${day.date}:${before}`, now)) emitted += 1;
  }
  return emitted;
}

function expiringDays(program: Program, rows: readonly ExpiringRow[], now: Date): ExpiringDay[] {
  const byDay = new Map<string, ExpiringDay>();
  for (const row of rows) {
    const timeZone = customerTimeZone(program, row);
    const expiresAt = new Date(row.expires_at);
    const local = localDate(expiresAt, timeZone);
    const date = formatDate(local);
    const key = `${row.customer_id}\n${date}`;
    const day = byDay.get(key) ?? {
      customerId: row.customer_id,
      date,
      daysLeft: dayNumber(local) - dayNumber(localDate(now, timeZone)),
      expiresAt,
      points: 0,
    };
    day.points += toNumber(row.points);
    if (expiresAt < day.expiresAt) day.expiresAt = expiresAt;
    byDay.set(key, day);
  }
  return [...byDay.values()];
}
