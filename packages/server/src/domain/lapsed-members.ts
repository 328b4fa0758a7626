import type { LapsedMember } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../store/database.ts';
import { iso, UNAVAILABLE_POINTS } from './ledger.ts';
import { customerTier } from './ledger-reads.ts';
import type { Program } from './programs.ts';
import { DAY_MS } from './time.ts';

/** Where a page of lapsed members starts: after this member in the list's order. */
export interface LapsedCursor {
  lastActivityAt: string;
  customerId: string;
}

export interface LapsedPage {
  members: LapsedMember[];
  /** Where the next page starts; null on the last page. */
  next: LapsedCursor | null;
}

interface LapsedRow {
  id: string;
  name: string;
  email: string | null;
  last_activity_at: Date | string;
  spendable: unknown;
  win_back_at: Date | string | null;
  win_back_points: unknown;
  win_back_reward_id: string | null;
}

/**
 * A member's last activity: joining, their latest ledger entry but an expiry (time, not the member, wrote it) or a
 * win-back (the merchant's, not the member's), and their latest survey answer. Each latest is one read of an index.
 */
const LAST_ACTIVITY = `GREATEST(c.created_at,
    (SELECT max(e.created_at) FROM ledger_entries e
      WHERE e.program_id = c.program_id AND e.customer_id = c.id AND e.kind NOT IN ('expiry', 'win_back')),
    (SELECT max(r.updated_at) FROM survey_responses r
      WHERE r.program_id = c.program_id AND r.customer_id = c.id))`;

/**
 * Active members (not ended, not erased) whose last activity is `program.lapsedAfterDays` days or more before
 * `now`, longest lapsed first (then by id), `limit` at a time after `after`; each with their spendable balance,
 * tier and the latest win-back given since that activity. One query finds and pages them.
 */
export async function lapsedMembers(
  db: Queryable,
  program: Program,
  now: Date,
  limit: number,
  after: LapsedCursor | null,
): Promise<LapsedPage> {
  const lapsedSince = new Date(now.getTime() - program.lapsedAfterDays * DAY_MS);
  const rows = await db.query<LapsedRow>(
    `SELECT page.id, page.name, page.email, page.last_activity_at,
            c.points_remaining - ${UNAVAILABLE_POINTS} AS spendable,
            w.created_at AS win_back_at, w.points AS win_back_points, w.reward_id AS win_back_reward_id
       FROM (SELECT c.program_id, c.id, c.name, c.email, ${LAST_ACTIVITY} AS last_activity_at
               FROM customers c
              WHERE c.program_id = $1 AND c.status = 'active') page
       JOIN customers c ON c.program_id = page.program_id AND c.id = page.id
       LEFT JOIN LATERAL (SELECT created_at, points, reward_id FROM win_backs
                           WHERE program_id = page.program_id AND customer_id = page.id
                             AND created_at >= page.last_activity_at
                           ORDER BY created_at DESC, id DESC LIMIT 1) w ON true
      WHERE page.last_activity_at <= $2
        AND ($4::timestamptz IS NULL OR (page.last_activity_at, page.id) > ($4::timestamptz, $5::text))
      ORDER BY page.last_activity_at, page.id
      LIMIT $6`,
    [program.id, lapsedSince, now, after?.lastActivityAt ?? null, after?.customerId ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const tiers = await Promise.all(page.map((row) => customerTier(db, program, row.id, now)));
  const members = page.map((row, index): LapsedMember => {
    const tier = tiers[index]!;
    return {
      customer: { id: row.id, name: row.name, email: row.email },
      lastActivityAt: iso(row.last_activity_at),
      balance: { spendable: toNumber(row.spendable) },
      tier: { id: tier.id, name: tier.name },
      winBack:
        row.win_back_at === null
          ? null
          : {
              at: iso(row.win_back_at),
              points: row.win_back_points === null ? null : toNumber(row.win_back_points),
              rewardId: row.win_back_reward_id,
            },
    };
  });
  const last = page.at(-1);
  const next =
    rows.length > limit && last !== undefined
      ? { lastActivityAt: iso(last.last_activity_at), customerId: last.id }
      : null;
  return { members, next };
}
