import { toNumber, type Queryable } from '../store/database.ts';
import type { Program } from './programs.ts';
import { addMonths, DAY_MS } from './time.ts';
import { currentTier, DEFAULT_TIER_RISK_HORIZON_DAYS, type QualifyingActivity } from './tiers.ts';

// A customer's tier-qualifying activity read from what migration 0029 keeps as entries are written: whole UTC days
// from `tier_activity_days`, and rows from `tier_activity` only where a day's total cannot stand for its rows.

export type TierProgram = Pick<
  Program,
  'id' | 'tierMetric' | 'currency' | 'tierWindowMonths' | 'tiers' | 'tierRiskHorizonDays'
>;

/**
 * Days after `since` read row by row: `since` is 4 days before the window (activitySince), and month lengths move
 * its exact line by up to 3 more; every moment after these days is inside the window.
 */
const EDGE_DAYS = 8;
/** Entries written after `now` that are taken off the days they fall on; with more, the ledger itself is read. */
const MAX_WRITTEN_LATER = 1_000;

interface KeptDay {
  start: number;
  last: number;
  amount: number;
  /** What its credits alone add up to. */
  credited: number;
}

const dayOf = (instant: number) => Math.floor(instant / DAY_MS) * DAY_MS;
const isoDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * The activity after `since` up to `now` as items {@link tierStanding} reads exactly as it would read every row: rows
 * at the window's edges and on the days that need them, and one item per other day at that day's latest moment.
 * A day stands for its rows when what is left before it, less its credits, still holds the tier (so what is left
 * cannot fall below it while the day leaves the window) and its leaving date is its own (month ends can give two
 * days one), or when it leaves after the forecast horizon. Entries written after `now` do not count; null when
 * there are more of them than are worth taking off one by one (a clock far behind the data): the caller then reads
 * the ledger itself.
 */
export async function keptQualifyingActivity(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  since: Date,
  now: Date,
): Promise<QualifyingActivity[] | null> {
  const spend = program.tierMetric === 'spend';
  const nowMs = now.getTime();
  const rowsFrom = dayOf(since.getTime() + EDGE_DAYS * DAY_MS) + DAY_MS;
  const rowsFromToday = dayOf(nowMs);
  const rowAmount = spend ? 'COALESCE(spend, 0)' : 'points';
  const currencyFilter = spend ? 'AND currency = $9' : '';
  const parts = await db.query<{
    part: string;
    at: Date | string | null;
    last_at: Date | string | null;
    amount: unknown;
    credited: unknown;
  }>(
    `(SELECT 'later' AS part, available_at AS at, available_at AS last_at, ${rowAmount} AS amount, 0::bigint AS credited
        FROM tier_activity
       WHERE program_id = $1 AND customer_id = $2 AND created_at > $3 ${currencyFilter}
       LIMIT ${MAX_WRITTEN_LATER + 1})
     UNION ALL
     SELECT 'row', available_at, available_at, ${rowAmount}, 0 FROM tier_activity
      WHERE program_id = $1 AND customer_id = $2 AND available_at > $4 AND available_at <= $3 AND created_at <= $3
        AND (available_at < $5 OR available_at >= $6) ${currencyFilter}
     UNION ALL
     SELECT 'day', day::timestamp AT TIME ZONE 'UTC', max(last_at), sum(${spend ? 'spend' : 'points'}),
            sum(${spend ? 'spend_credited' : 'points_credited'})
       FROM tier_activity_days
      WHERE program_id = $1 AND customer_id = $2 AND day >= $7::date AND day < $8::date ${currencyFilter}
      GROUP BY day`,
    [
      program.id,
      customerId,
      now,
      since,
      new Date(rowsFrom),
      new Date(rowsFromToday),
      isoDay(rowsFrom),
      isoDay(rowsFromToday),
      ...(spend ? [program.currency] : []),
    ],
  );
  const later = parts.filter((part) => part.part === 'later');
  if (later.length > MAX_WRITTEN_LATER) return null;

  const leaves = (instant: number) => addMonths(new Date(instant), program.tierWindowMonths).getTime();
  const counts = (instant: number) => instant <= nowMs && leaves(instant) > nowMs;
  const rows: QualifyingActivity[] = parts
    .filter((part) => part.part === 'row')
    .map((part) => ({ at: new Date(part.at!), amount: toNumber(part.amount) }));
  const days: KeptDay[] = parts
    .filter((part) => part.part === 'day')
    .map((part) => ({
      start: new Date(part.at!).getTime(),
      last: new Date(part.last_at!).getTime(),
      amount: toNumber(part.amount),
      credited: toNumber(part.credited),
    }))
    .sort((a, b) => a.start - b.start);
  // Entries written after `now` (by requests that began later and finished first) do not count yet: they come off
  // their day's totals, and the day is read row by row, so none of its moments stands for one of them.
  const byRows = new Set<number>();
  for (const entry of later) {
    const day = days.find((kept) => kept.start === dayOf(new Date(entry.at!).getTime()));
    if (!day) continue;
    const amount = toNumber(entry.amount);
    day.amount -= amount;
    day.credited -= Math.max(0, amount);
    byRows.add(day.start);
  }

  const sum =
    rows.reduce((total, row) => (counts(row.at.getTime()) ? total + row.amount : total), 0) +
    days.reduce((total, day) => total + day.amount, 0);
  // The window's end is its earliest moment: it must be a row's.
  const first = days[0];
  if (first && !rows.some((row) => counts(row.at.getTime()))) byRows.add(first.start);
  const current = currentTier(program.tiers, Math.max(0, sum));
  if (current.threshold > 0 && sum >= current.threshold) {
    const walk = { rows: rows.filter((row) => counts(row.at.getTime())), days, sum, threshold: current.threshold };
    for (const start of daysToReadByRows(program, walk, leaves, nowMs)) byRows.add(start);
  }

  const dayRows = byRows.size > 0 ? await rowsOfDays(db, program, customerId, [...byRows], now) : [];
  return [
    ...rows,
    ...dayRows,
    ...days.filter((day) => !byRows.has(day.start)).map((day) => ({ at: new Date(day.last), amount: day.amount })),
  ];
}

/**
 * Walks what leaves the window in order, up to the forecast horizon (the program's, and at least the default), with
 * days standing for their rows: the days on which what is left could fall below the tier's threshold (what is left
 * before the day, less its credits, does not hold it), and those whose leaving date another day shares, up to the
 * first moment what is left no longer holds it.
 */
function daysToReadByRows(
  program: TierProgram,
  walk: { rows: readonly QualifyingActivity[]; days: readonly KeptDay[]; sum: number; threshold: number },
  leaves: (instant: number) => number,
  nowMs: number,
): number[] {
  const horizonDays = Math.max(program.tierRiskHorizonDays, DEFAULT_TIER_RISK_HORIZON_DAYS);
  const horizonEnd = nowMs + horizonDays * DAY_MS;
  const leavingDay = (start: number) => dayOf(leaves(start));
  const moments = new Map<number, number>();
  for (const row of walk.rows) {
    const at = leaves(row.at.getTime());
    moments.set(at, (moments.get(at) ?? 0) + row.amount);
  }
  const steps = [
    ...[...moments].map(([at, amount]) => ({ leaves: at, amount, day: null as KeptDay | null })),
    ...walk.days.map((day) => ({ leaves: leaves(day.start), amount: day.amount, day })),
  ]
    .filter((step) => step.leaves <= horizonEnd)
    .sort((a, b) => a.leaves - b.leaves);
  const read: number[] = [];
  let left = walk.sum;
  for (const { amount, day } of steps) {
    const shared =
      day !== null &&
      [day.start - DAY_MS, day.start + DAY_MS].some((other) => leavingDay(other) === leavingDay(day.start));
    if (day && (shared || left - day.credited < walk.threshold)) read.push(day.start);
    left -= amount;
    // Past the first fall nothing changes the forecast (a day that shares its leaving date may still rise again).
    if (!shared && Math.max(0, left) < walk.threshold) break;
  }
  return read;
}

async function rowsOfDays(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  dayStarts: number[],
  now: Date,
): Promise<QualifyingActivity[]> {
  const spend = program.tierMetric === 'spend';
  const rows = await db.query<{ available_at: Date | string; amount: unknown }>(
    `SELECT a.available_at, ${spend ? 'COALESCE(a.spend, 0)' : 'a.points'} AS amount
       FROM unnest($3::timestamptz[]) AS d(start)
       JOIN tier_activity a ON a.program_id = $1 AND a.customer_id = $2
                           AND a.available_at >= d.start AND a.available_at < d.start + interval '1 day'
      WHERE a.created_at <= $4 ${spend ? 'AND a.currency = $5' : ''}`,
    [program.id, customerId, dayStarts.map((start) => new Date(start)), now, ...(spend ? [program.currency] : [])],
  );
  return rows.map((row) => ({ at: new Date(row.available_at), amount: toNumber(row.amount) }));
}
