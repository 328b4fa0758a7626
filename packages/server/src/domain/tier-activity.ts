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
 * on the days the window's line falls on, today's, and those of the days that need them; one item per other day
 * inside the window at that day's latest moment; one item for all the days that leave after the forecast horizon; and,
 * with no amount, the moment that leaves the window first. A day stands for its rows when what is left before it,
 * less its credits, still holds the tier (so what is left cannot fall below it while the day leaves the window) and
 * its leaving date is its own (month ends can give two days one), or when it leaves after the forecast horizon.
 * Entries written after `now` do not count; null when there are more of them than are worth taking off one by one
 * (a clock far behind the data): the caller then reads the ledger itself.
 */
export async function keptQualifyingActivity(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  since: Date,
  now: Date,
): Promise<QualifyingActivity[] | null> {
  const nowMs = now.getTime();
  const leaves = (instant: number) => addMonths(new Date(instant), program.tierWindowMonths).getTime();
  const counts = (instant: number) => instant <= nowMs && leaves(instant) > nowMs;
  const horizonDays = Math.max(program.tierRiskHorizonDays, DEFAULT_TIER_RISK_HORIZON_DAYS);
  const plan = planDays(dayOf(since.getTime()), dayOf(nowMs), leaves, nowMs, nowMs + horizonDays * DAY_MS);
  const parts = await readParts(db, program, customerId, since, now, plan);
  const later = parts.filter((part) => part.part === 'later');
  if (later.length > MAX_WRITTEN_LATER) return null;

  const rows: QualifyingActivity[] = parts
    .filter((part) => part.part === 'row')
    .map((part) => ({ at: new Date(part.at!), amount: toNumber(part.amount) }));
  const keptDay = (part: Part): KeptDay => ({
    start: new Date(part.at ?? 0).getTime(),
    last: new Date(part.last_at!).getTime(),
    amount: toNumber(part.amount),
    credited: toNumber(part.credited),
  });
  const days: KeptDay[] = parts
    .filter((part) => part.part === 'day')
    .map(keptDay)
    // Off the line, a day's first moment tells whether the whole day is inside the window.
    .filter((day) => counts(day.start))
    .sort((a, b) => a.start - b.start);
  const rest = parts.filter((part) => part.part === 'rest' && part.last_at !== null).map(keptDay)[0];
  // Today summed: its total at its last moment, and its first moment, with no amount, for the window's end.
  const today = parts
    .filter((part) => part.part === 'today' && part.last_at !== null)
    .flatMap((part) => [
      { at: new Date(part.last_at!), amount: toNumber(part.amount) },
      { at: new Date(part.at!), amount: 0 },
    ]);
  // Entries written after `now` (by requests that began later and finished first) do not count yet: they come off
  // their day's totals, and the day is read row by row, so none of its moments stands for one of them.
  const byRows = new Set<number>();
  for (const entry of later) {
    const at = new Date(entry.at!).getTime();
    const amount = toNumber(entry.amount);
    const day = days.find((kept) => kept.start === dayOf(at));
    if (day) {
      day.amount -= amount;
      day.credited -= Math.max(0, amount);
      byRows.add(day.start);
    } else if (rest && dayOf(at) >= plan.restFrom && dayOf(at) < plan.today) {
      rest.amount -= amount;
    }
  }

  const counted = rows.filter((row) => counts(row.at.getTime()));
  const sum =
    [...counted, ...today].reduce((total, row) => total + row.amount, 0) +
    days.reduce((total, day) => total + day.amount, 0) +
    (rest?.amount ?? 0);
  // The window's end is its earliest moment, which the days' items need not hold: it is the first moment of one of
  // the first days that leave on one date (rows on the line leave earlier still, and are items themselves).
  const firsts = parts.filter((part) => part.part === 'first').map((part) => new Date(part.at!).getTime());
  const windowEnd = firsts.length > 0 ? Math.min(...firsts.map(leaves)) : undefined;
  const current = currentTier(program.tiers, Math.max(0, sum));
  if (current.threshold > 0 && sum >= current.threshold) {
    const walk = { rows: counted, days, sum, threshold: current.threshold };
    for (const start of daysToReadByRows(horizonDays, walk, leaves, nowMs)) byRows.add(start);
  }

  const dayRows = byRows.size > 0 ? await rowsOfDays(db, program, customerId, [...byRows], now) : [];
  return [
    ...rows,
    ...today,
    ...dayRows,
    ...days.filter((day) => !byRows.has(day.start)).map((day) => ({ at: new Date(day.last), amount: day.amount })),
    ...(rest ? [{ at: new Date(rest.last), amount: rest.amount }] : []),
    ...(windowEnd === undefined
      ? []
      : [{ at: new Date(firsts.find((first) => leaves(first) === windowEnd)!), amount: 0 }]),
  ];
}

interface Part {
  part: 'later' | 'row' | 'today' | 'day' | 'rest' | 'first';
  at: Date | string | null;
  last_at: Date | string | null;
  amount: unknown;
  credited: unknown;
}

/** Which days are read how: the line's days by rows, days up to `restFrom` one by one, the later ones together. */
interface DayPlan {
  firstDay: number;
  today: number;
  /** The line's days, [from, to); `to` is the first day whose every moment is inside the window. */
  line: { from: number; to: number };
  /** The first day that leaves after the forecast horizon, as every day after it does. */
  restFrom: number;
  /** Whether today leaves after the forecast horizon too: its rows are then read summed. */
  todaySummed: boolean;
}

/**
 * Plans the days from `firstDay` to before `today`. Within a UTC day every moment leaves the window at its own time
 * of day on one date, and leaving dates never go back from one day to the next: so the days where some moments count
 * and some do not (the line: those that leave on today's date) lie together, whole days inside the window follow
 * them, and the days past the horizon are the last ones.
 */
function planDays(
  firstDay: number,
  today: number,
  leaves: (instant: number) => number,
  nowMs: number,
  horizonEnd: number,
): DayPlan {
  // The first day from which on `leavesAfter(day's first moment)` holds, by bisection: it only turns true once.
  const firstWhere = (leavesAfter: (leaving: number) => boolean) => {
    let low = 0;
    let high = Math.round((today - firstDay) / DAY_MS);
    while (low < high) {
      const middle = (low + high) >> 1;
      if (leavesAfter(leaves(firstDay + middle * DAY_MS))) high = middle;
      else low = middle + 1;
    }
    return firstDay + low * DAY_MS;
  };
  return {
    firstDay,
    today,
    line: {
      from: firstWhere((leaving) => leaving + DAY_MS - 1 > nowMs),
      to: firstWhere((leaving) => leaving > nowMs),
    },
    restFrom: firstWhere((leaving) => leaving > horizonEnd),
    todaySummed: leaves(today) > horizonEnd,
  };
}

/**
 * One statement: entries written after `now` (`later`), the rows of the line's days and of today (`row`), or today's
 * summed with its first and last moments when it leaves after the horizon (`today`), the days before the horizon's
 * (`day`), the days after it summed (`rest`), and the first moment of each of the four days from the first activity
 * wholly inside the window, before today (`first`).
 */
function readParts(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  since: Date,
  now: Date,
  plan: DayPlan,
): Promise<Part[]> {
  const spend = program.tierMetric === 'spend';
  const rowAmount = spend ? 'COALESCE(spend, 0)' : 'points';
  const dayAmount = spend ? 'spend' : 'points';
  const currencyFilter = spend ? 'AND currency = $14' : '';
  const ofCustomer = `program_id = $1 AND customer_id = $2 ${currencyFilter}`;
  return db.query<Part>(
    `(SELECT 'later' AS part, available_at AS at, available_at AS last_at, ${rowAmount} AS amount, 0::bigint AS credited
        FROM tier_activity WHERE ${ofCustomer} AND created_at > $3
       LIMIT ${MAX_WRITTEN_LATER + 1})
     UNION ALL
     SELECT 'row', available_at, available_at, ${rowAmount}, 0 FROM tier_activity
      WHERE ${ofCustomer} AND available_at > $4 AND available_at <= $3 AND created_at <= $3
        AND ((available_at >= $5 AND available_at < $6) OR (available_at >= $7 AND NOT $13))
     UNION ALL
     SELECT 'today', min(available_at), max(available_at), sum(${rowAmount}), 0 FROM tier_activity
      WHERE ${ofCustomer} AND $13 AND available_at >= $7 AND available_at <= $3 AND created_at <= $3
     UNION ALL
     SELECT 'day', day::timestamp AT TIME ZONE 'UTC', max(last_at), sum(${dayAmount}),
            sum(${spend ? 'spend_credited' : 'points_credited'})
       FROM tier_activity_days
      WHERE ${ofCustomer} AND day >= $8::date AND day < $9::date AND NOT (day >= $10::date AND day < $11::date)
      GROUP BY day
     UNION ALL
     SELECT 'rest', NULL, max(last_at), sum(${dayAmount}), 0
       FROM tier_activity_days WHERE ${ofCustomer} AND day >= $9::date AND day < $12::date
     UNION ALL
     SELECT 'first', f.at, f.at, 0, 0
       FROM (SELECT date_trunc('day', available_at AT TIME ZONE 'UTC') AS day FROM tier_activity
              WHERE ${ofCustomer} AND created_at <= $3 AND available_at >= $6 AND available_at < $7
              ORDER BY available_at LIMIT 1) AS first
       CROSS JOIN generate_series(0, 3) AS k
       CROSS JOIN LATERAL (
         SELECT available_at AS at FROM tier_activity
          WHERE ${ofCustomer} AND created_at <= $3 AND available_at < $7
            AND available_at >= (first.day + k * interval '1 day') AT TIME ZONE 'UTC'
            AND available_at < (first.day + (k + 1) * interval '1 day') AT TIME ZONE 'UTC'
          ORDER BY available_at LIMIT 1) AS f`,
    [
      program.id,
      customerId,
      now,
      since,
      new Date(plan.line.from),
      new Date(plan.line.to),
      new Date(plan.today),
      isoDay(plan.firstDay),
      isoDay(plan.restFrom),
      isoDay(plan.line.from),
      isoDay(plan.line.to),
      isoDay(plan.today),
      plan.todaySummed,
      ...(spend ? [program.currency] : []),
    ],
  );
}

/**
 * Walks what leaves the window in order, up to the forecast horizon (the program's, and at least the default), with
 * days standing for their rows: the days on which what is left could fall below the tier's threshold (what is left
 * before the day, less its credits, does not hold it), and those whose leaving date another day shares, up to the
 * first moment what is left no longer holds it.
 */
function daysToReadByRows(
  horizonDays: number,
  walk: { rows: readonly QualifyingActivity[]; days: readonly KeptDay[]; sum: number; threshold: number },
  leaves: (instant: number) => number,
  nowMs: number,
): number[] {
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
