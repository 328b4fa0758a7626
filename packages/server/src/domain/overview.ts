import { OVERVIEW_MONTHS, OVERVIEW_WEEKS, type AdminOverview, type LocalizedText } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { addMonthsTo, churnByMonth, startOfDay } from './churn.ts';
import { activityParams, activitySql, EARNING_KINDS } from './ledger-reads.ts';
import type { Program } from './programs.ts';
import { activitySince } from './tiers.ts';
import { addDays, DAY_MS, formatDate, localDate, mondayOf } from './time.ts';

// The program at a glance for the console's Overview. Every figure is counted by the database: the cost of a
// figure grows with the program's rows, but nothing is read into Node row by row.

const ACTIVE_DAYS = 30;
const EXPIRING_DAYS = [30, 60, 90] as const;

const iso = (instant: Date): string => instant.toISOString();

/** A member: a customer who has joined by `now` and whose membership neither ended nor was erased. */
const MEMBER = `c.program_id = $1 AND c.status = 'active' AND c.created_at <= $2`;

export async function programOverview(db: Queryable, program: Program, now: Date): Promise<AdminOverview> {
  const [members, byTier, points, weekly, redemptions, memberships] = await Promise.all([
    memberCounts(db, program.id, now),
    membersByTier(db, program, now),
    pointsOwed(db, program.id, now),
    weeklyPoints(db, program, now),
    redemptionsByReward(db, program.id, now),
    membershipsByMonth(db, program, now),
  ]);
  return {
    members: { ...members, byTier },
    points,
    weekly,
    redemptionsByReward: redemptions,
    memberships,
  };
}

async function memberCounts(db: Queryable, programId: string, now: Date) {
  const [row] = await db.query<{ total: unknown; active: unknown }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM ledger_entries e
               WHERE e.program_id = c.program_id AND e.customer_id = c.id AND e.kind <> 'expiry'
                 AND e.created_at > $3 AND e.created_at <= $2)) AS active
       FROM customers c WHERE ${MEMBER}`,
    [programId, now, new Date(now.getTime() - ACTIVE_DAYS * DAY_MS)],
  );
  return { total: toNumber(row?.total ?? 0), active30Days: toNumber(row?.active ?? 0) };
}

/**
 * Members by the tier they hold: the highest whose threshold their qualifying activity inside the window reaches
 * (as the shopper's own standing counts it, in SQL), the lowest tier when none does.
 */
async function membersByTier(db: Queryable, program: Program, now: Date): Promise<AdminOverview['members']['byTier']> {
  const since = activitySince(program.tierWindowMonths, now);
  // Parameters $1–$4 are those of the activity query ($3 is now); $5 is the window in months.
  const rows = await db.query<{ tier_id: string | null; count: unknown }>(
    `WITH qualified AS (
       SELECT customer_id, GREATEST(0, SUM(amount)) AS total
         FROM (${activitySql(program, 'true')}) activity
        WHERE (available_at AT TIME ZONE 'UTC') + make_interval(months => $5) > ($3::timestamptz AT TIME ZONE 'UTC')
        GROUP BY customer_id)
     SELECT (SELECT t.id FROM tiers t
              WHERE t.program_id = $1 AND t.threshold <= COALESCE(q.total, 0)
              ORDER BY t.threshold DESC LIMIT 1) AS tier_id,
            count(*) AS count
       FROM customers c LEFT JOIN qualified q ON q.customer_id = c.id
      WHERE c.program_id = $1 AND c.status = 'active' AND c.created_at <= $3
      GROUP BY 1`,
    [...activityParams(program, since, now), program.tierWindowMonths],
  );
  const lowest = program.tiers[0]?.id;
  return program.tiers.map((tier) => ({
    tierId: tier.id,
    name: tier.name,
    count: rows.filter((row) => (row.tier_id ?? lowest) === tier.id).reduce((sum, row) => sum + toNumber(row.count), 0),
  }));
}

/**
 * Points held and not expired (pending ones too), and how many of them expire within 30, 60 and 90 days; an erased
 * customer's are owed to no one. An ended member's still count: rejoining gives them back.
 */
async function pointsOwed(db: Queryable, programId: string, now: Date): Promise<AdminOverview['points']> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT COALESCE(SUM(b.remaining), 0)::bigint AS outstanding,
            ${EXPIRING_DAYS.map(
              (days, index) =>
                `COALESCE(SUM(b.remaining) FILTER (WHERE b.expires_at <= $${index + 3}), 0)::bigint AS days${days}`,
            ).join(', ')}
       FROM point_batches b
       JOIN customers c ON c.program_id = b.program_id AND c.id = b.customer_id
      WHERE b.program_id = $1 AND b.remaining > 0 AND (b.expires_at IS NULL OR b.expires_at > $2)
        AND c.status <> 'erased'`,
    [programId, now, ...EXPIRING_DAYS.map((days) => new Date(now.getTime() + days * DAY_MS))],
  );
  return {
    outstanding: toNumber(row?.outstanding ?? 0),
    expiring: {
      days30: toNumber(row?.days30 ?? 0),
      days60: toNumber(row?.days60 ?? 0),
      days90: toNumber(row?.days90 ?? 0),
    },
  };
}

/** Points earned (credits that count as earned) and redeemed (spent on rewards) per week, Monday to Sunday. */
async function weeklyPoints(db: Queryable, program: Program, now: Date): Promise<AdminOverview['weekly']> {
  const today = localDate(now, program.timezone);
  const monday = mondayOf(today);
  const weeks = Array.from({ length: OVERVIEW_WEEKS }, (_, index) => addDays(monday, (index - OVERVIEW_WEEKS + 1) * 7));
  const starts = weeks.map((week) => iso(startOfDay(week, program.timezone)));
  const ends = weeks.map((week) => iso(startOfDay(addDays(week, 7), program.timezone)));
  const rows = await db.query<{ i: unknown; earned: unknown; redeemed: unknown }>(
    `SELECT w.i,
            COALESCE(SUM(e.points) FILTER (WHERE e.points > 0 AND e.kind IN (${EARNING_KINDS})), 0)::bigint AS earned,
            COALESCE(-SUM(e.points) FILTER (WHERE e.kind = 'redemption'), 0)::bigint AS redeemed
       FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(start_at, end_at, i)
       LEFT JOIN ledger_entries e
         ON e.program_id = $1 AND e.created_at >= w.start_at AND e.created_at < w.end_at AND e.created_at <= $4
      GROUP BY w.i`,
    [program.id, starts, ends, now],
  );
  return weeks.map((week, index) => {
    const row = rows.find((r) => toNumber(r.i) === index + 1);
    return {
      weekStart: formatDate(week),
      earned: toNumber(row?.earned ?? 0),
      redeemed: toNumber(row?.redeemed ?? 0),
    };
  });
}

/** Every redemption up to now, less those voided by then, by reward: how many, and the points spent on them; the most redeemed first. */
async function redemptionsByReward(
  db: Queryable,
  programId: string,
  now: Date,
): Promise<AdminOverview['redemptionsByReward']> {
  const rows = await db.query<{ reward_id: string; name: LocalizedText; count: unknown; points: unknown }>(
    `SELECT r.reward_id, w.name, count(*) AS count, SUM(r.points_spent)::bigint AS points
       FROM reward_redemptions r
       JOIN rewards w ON w.program_id = r.program_id AND w.id = r.reward_id
      WHERE r.program_id = $1 AND r.redeemed_at <= $2 AND (r.voided_at IS NULL OR r.voided_at > $2)
      GROUP BY r.reward_id, w.name
      ORDER BY count(*) DESC, r.reward_id`,
    [programId, now],
  );
  return rows.map((row) => ({
    rewardId: row.reward_id,
    name: row.name,
    count: toNumber(row.count),
    points: toNumber(row.points),
  }));
}

/** Customers who joined and memberships that ended, by month of the program's time zone. */
async function membershipsByMonth(db: Queryable, program: Program, now: Date): Promise<AdminOverview['memberships']> {
  const today = localDate(now, program.timezone);
  const from = addMonthsTo({ year: today.year, month: today.month }, 1 - OVERVIEW_MONTHS);
  const months = await churnByMonth(db, program.id, from, OVERVIEW_MONTHS, program.timezone);
  return months.map(({ month, joined, ended }) => ({ month, joined, ended }));
}
