import type { ExpiringPoints, LedgerEntry } from '@loyalty-elements/contract';
import { epochMs, jsonValue, toNumber, type Database, type Queryable } from '../store/database.ts';
import { ENTRY_COLUMNS, toLedgerEntry, UNAVAILABLE_POINTS, writeOffLapsed, type EntryRow } from './ledger.ts';
import type { Program, Tier } from './programs.ts';
import { keptQualifyingActivity, type TierProgram } from './tier-activity.ts';
import { activitySince, tierStanding, type QualifyingActivity } from './tiers.ts';

// What the summary and the history read from the ledger; ledger.ts writes it.

/** How many expiry dates the summary lists. */
export const EXPIRING_LIMIT = 5;

export interface PointsOverview {
  balance: number;
  pending: number;
  lifetimeEarned: number;
  expiring: ExpiringPoints[];
}

type ExpiringRow = [at: number | string, points: number | string];

export interface PointsState {
  points: PointsOverview;
  /** Batches that lapsed by `now` and are not written off yet ({@link writeOffLapsed}); the balance leaves them out. */
  lapsed: boolean;
  /** The first moment after `now` at which pending points become spendable, or null. */
  nextAvailableAt: Date | null;
}

/**
 * The columns of {@link pointsState} over the customer's row `c`, for `$1` program, `$2` customer, `$3` now and `$4`
 * {@link EXPIRING_LIMIT}: a statement that reads more of the customer adds its own (summary-reads.ts). A function, as
 * ledger.ts and this module import each other. `expiring` lists dates of the customer's time zone (their own, else the
 * program's), each with every point left that expires on it, at the first instant one of them does.
 */
export const pointsColumns = () => `c.points_remaining - ${UNAVAILABLE_POINTS} AS balance,
  (SELECT COALESCE(SUM(remaining), 0)::bigint FROM point_batches
    WHERE program_id = $1 AND customer_id = $2 AND remaining > 0
      AND pending_until > $3 AND (expires_at IS NULL OR expires_at > $3)) AS pending,
  c.lifetime_earned AS lifetime,
  EXISTS (SELECT 1 FROM point_batches
           WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND expires_at <= $3) AS lapsed,
  (SELECT min(pending_until) FROM point_batches
    WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND pending_until > $3) AS next_available,
  (SELECT json_agg(json_build_array(${epochMs('e.expires_at')}, e.points)
                   ORDER BY e.expires_at)
     FROM (SELECT min(expires_at) AS expires_at, SUM(remaining)::bigint AS points FROM point_batches
            WHERE program_id = $1 AND customer_id = $2 AND remaining > 0 AND expires_at > $3
            GROUP BY (expires_at AT TIME ZONE
                      COALESCE(c.timezone, (SELECT p.timezone FROM programs p WHERE p.id = c.program_id)))::date
            ORDER BY 1 LIMIT $4) e) AS expiring`;

export interface PointsRow {
  balance: unknown;
  pending: unknown;
  lifetime: unknown;
  lapsed: boolean;
  next_available: Date | string | null;
  /** `[epoch ms, points]` pairs: json, which the drivers parse (a string, should one not). */
  expiring: ExpiringRow[] | string | null;
}

/**
 * The customer's points at `now`, in one statement. Lapsed batches not yet written off are already left out of the
 * balance, so the figures are the same before and after {@link writeOffLapsed}.
 */
export async function pointsState(
  db: Queryable,
  programId: string,
  customerId: string,
  now: Date,
): Promise<PointsState> {
  const [row] = await db.query<PointsRow>(
    `SELECT ${pointsColumns()} FROM customers c WHERE c.program_id = $1 AND c.id = $2`,
    [programId, customerId, now, EXPIRING_LIMIT],
  );
  return pointsStateOf(row);
}

/** A row of {@link pointsColumns} as the points it reads; none (no such customer) as none. */
export function pointsStateOf(row: PointsRow | undefined): PointsState {
  const expiring = row?.expiring == null ? [] : jsonValue(row.expiring);
  return {
    points: {
      balance: toNumber(row?.balance ?? 0),
      pending: toNumber(row?.pending ?? 0),
      lifetimeEarned: toNumber(row?.lifetime ?? 0),
      expiring: expiring.map(([at, points]) => ({
        points: toNumber(points),
        expiresAt: new Date(toNumber(at)).toISOString(),
      })),
    },
    lapsed: row?.lapsed === true,
    nextAvailableAt: row?.next_available == null ? null : new Date(row.next_available),
  };
}

/**
 * The customer's points at `now` ({@link pointsState}), writing off the batches that lapsed, if the read found any:
 * one statement when there are none.
 */
export async function currentPoints(
  db: Database,
  programId: string,
  customerId: string,
  now: Date,
): Promise<PointsState> {
  const state = await pointsState(db, programId, customerId, now);
  await writeOffIfLapsed(db, { programId, customerId }, state, now);
  return state;
}

/** Writes off the batches `state` found lapsed, if any: the balance it read already leaves them out. */
export async function writeOffIfLapsed(
  db: Database,
  ids: { programId: string; customerId: string },
  state: PointsState,
  now: Date,
): Promise<void> {
  if (state.lapsed) await writeOffLapsed(db, ids.programId, ids.customerId, now);
}

/** Credits that count as points earned (reversals and refunds only correct them). */
export const EARNING_KINDS = `'order', 'birthday', 'survey', 'referral', 'welcome', 'adjustment', 'goodwill'`;
/**
 * Tier-qualifying activity after `since` up to `now`: points of orders, surveys, referrals and adjustments (gifts
 * and spending points do not count), or, for programs that qualify on spend, their spend in the program's currency.
 * A pending credit qualifies from the moment it becomes available (a return inside the pending period then changes
 * no tier).
 *
 * A refund counts against its order, and a reversal against the entry it reverses, at that entry's moment:
 * with everything it owed (shortfall included), so they leave the window together and a refund of points
 * still pending never counts before those points do.
 *
 * The items come back fewer than the rows, and {@link tierStanding} reads them exactly as it would read every row.
 * They are read from the activity kept per day as entries are written (tier-activity.ts), so their cost does not
 * grow with the customer's history; only when many entries were written after `now` are the window's rows read and
 * condensed in SQL instead.
 */
export async function qualifyingActivity(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  since: Date,
  now: Date,
): Promise<QualifyingActivity[]> {
  return (
    (await keptQualifyingActivity(db, program, customerId, since, now)) ??
    scannedQualifyingActivity(db, program, customerId, since, now)
  );
}

/**
 * {@link qualifyingActivity} from every row of the window, condensed in SQL to at most three items: the first moment
 * activity leaves the window (its end), the moments up to the first at which what is left falls below the threshold
 * of the tier the whole window holds (the risk), and the rest. Each item sits at the last of the moments it gathers,
 * so what is left at each item's moment is what is left there in the full history; moments in between never fall
 * below the threshold first.
 */
async function scannedQualifyingActivity(
  db: Queryable,
  program: TierProgram,
  customerId: string,
  since: Date,
  now: Date,
): Promise<QualifyingActivity[]> {
  // Leaving moments are computed in UTC, as addMonths does: a day past the end of the month becomes its last day.
  const rows = await db.query<{ available_at: Date | string; amount: unknown }>(
    `WITH activity AS (${activitySql(program, 'e.customer_id = $5')}),
     moments AS (
       SELECT leaves_at, min(available_at) AS available_at, sum(amount) AS amount
         FROM (SELECT available_at, amount,
                      ((available_at AT TIME ZONE 'UTC') + make_interval(months => $6::int)) AT TIME ZONE 'UTC'
                        AS leaves_at
                 FROM activity) dated
        WHERE leaves_at > $3
        GROUP BY leaves_at),
     walked AS (
       SELECT leaves_at, available_at, amount,
              row_number() OVER (ORDER BY leaves_at) AS n,
              sum(amount) OVER () AS total,
              sum(amount) OVER () - sum(amount) OVER (ORDER BY leaves_at ROWS UNBOUNDED PRECEDING) AS left_after
         FROM moments),
     held AS MATERIALIZED (
       SELECT COALESCE(max(threshold), 0) AS threshold FROM unnest($7::bigint[]) AS threshold
        WHERE threshold <= GREATEST((SELECT max(total) FROM walked), 0)),
     falls AS MATERIALIZED (
       SELECT min(leaves_at) AS leaves_at FROM walked, held WHERE n > 1 AND left_after < held.threshold)
     SELECT (array_agg(walked.available_at ORDER BY walked.leaves_at DESC))[1] AS available_at,
            sum(amount) AS amount
       FROM walked, falls
      GROUP BY CASE WHEN n = 1 THEN 1 WHEN walked.leaves_at <= falls.leaves_at THEN 2 ELSE 3 END`,
    [
      ...activityParams(program, since, now),
      customerId,
      program.tierWindowMonths,
      program.tiers.map((tier) => tier.threshold),
    ],
  );
  return rows.map((row) => ({ at: new Date(row.available_at), amount: toNumber(row.amount) }));
}

/**
 * Customers of the program whose qualifying activity from `since` to `now` adds up to `minimum` or more, counting
 * credits only: every customer who can hold a tier of that threshold, and a few who cannot (corrections are left
 * out), in one read of the program's credits available in the window.
 */
export async function customersQualifyingFor(
  db: Queryable,
  program: Pick<Program, 'id' | 'tierMetric' | 'currency'>,
  minimum: number,
  since: Date,
  now: Date,
): Promise<string[]> {
  const rows = await db.query<{ customer_id: string }>(
    `SELECT customer_id FROM (${activitySql(program, 'true')}) activity
      GROUP BY customer_id HAVING SUM(GREATEST(amount, 0)) >= $5`,
    [...activityParams(program, since, now), minimum],
  );
  return rows.map((row) => row.customer_id);
}

/**
 * Rows `(customer_id, available_at, amount)` of tier-qualifying activity, as migration 0029 keeps it per entry;
 * `$1`–`$4` are {@link activityParams}.
 */
export function activitySql(program: Pick<Program, 'tierMetric'>, customerFilter: string): string {
  return `SELECT e.customer_id, e.available_at, ${program.tierMetric === 'spend' ? 'e.spend' : 'e.points'} AS amount
       FROM tier_activity e
      WHERE e.program_id = $1 AND ${customerFilter} AND e.created_at <= $3
        AND ($4::text IS NULL OR e.currency = $4) AND e.available_at > $2 AND e.available_at <= $3`;
}

export function activityParams(
  program: Pick<Program, 'id' | 'tierMetric' | 'currency'>,
  since: Date,
  now: Date,
): unknown[] {
  return [program.id, since, now, program.tierMetric === 'spend' ? program.currency : null];
}

/** The tier the customer holds at `now`. */
export async function customerTier(db: Queryable, program: Program, customerId: string, now: Date): Promise<Tier> {
  const since = activitySince(program.tierWindowMonths, now);
  const activity = await qualifyingActivity(db, program, customerId, since, now);
  return tierStanding(program.tiers, activity, program.tierWindowMonths, now).current;
}

export interface HistoryPage {
  entries: LedgerEntry[];
  /** The `seq` to continue below, or null on the last page. */
  nextBefore: number | null;
}

/** The customer's entries newest first, `limit` at a time, starting below write position `before`. */
export async function historyPage(
  db: Queryable,
  programId: string,
  customerId: string,
  limit: number,
  before: number | null,
): Promise<HistoryPage> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries
      WHERE program_id = $1 AND customer_id = $2 AND ($3::bigint IS NULL OR seq < $3)
      ORDER BY seq DESC LIMIT $4`,
    [programId, customerId, before, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toLedgerEntry),
    nextBefore: rows.length > limit && last ? toNumber(last.seq) : null,
  };
}

/** One entry of the program's ledger by id. */
export async function findEntry(db: Queryable, programId: string, entryId: string): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE program_id = $1 AND id = $2`,
    [programId, entryId],
  );
  return row;
}
