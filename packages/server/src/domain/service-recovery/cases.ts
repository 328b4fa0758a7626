import type {
  FollowUp,
  FollowUpCase,
  FollowUpQueueStatus,
  FollowUpStatus,
  ServiceQualityDimension,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { iso } from '../ledger.ts';
import type { Program } from '../programs.ts';

/** Reading follow-ups as the merchant works them: the queue, and one follow-up with its notes and resolution. */

const HOUR_MS = 60 * 60 * 1000;

/** Where a queue page ends: open ones (rank 0) come before closed ones (rank 1), each oldest first. */
export interface FollowUpCursor {
  rank: 0 | 1;
  createdAt: string;
  id: string;
}

export interface FollowUpQueueInput {
  status: FollowUpQueueStatus;
  overdueOnly: boolean;
  limit: number;
  after?: FollowUpCursor | undefined;
}

interface CaseRow {
  id: string;
  status: FollowUpStatus;
  customer_id: string;
  customer_name: string;
  customer_locale: string | null;
  survey_id: string;
  version: number | string;
  response_id: string;
  nps: number | string;
  comments: FollowUp['comments'];
  dimensions: ServiceQualityDimension[];
  created_at: Date | string;
  assignee: string | null;
  outcome: string | null;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  goodwill_points: number | string | null;
  goodwill_entry_id: string | null;
  check_resolved: boolean | null;
  check_answered_at: Date | string | null;
  notes: Array<{ id: string; text: string; author: string | null; created_at: string }>;
}

const SELECT_CASE = `
  SELECT f.id, f.status, f.customer_id, c.name AS customer_name, c.locale AS customer_locale, f.survey_id, f.version,
         f.response_id, f.nps, f.comments, f.dimensions, f.created_at, f.assignee, f.outcome, f.resolved_at,
         f.resolved_by, f.goodwill_points, f.goodwill_entry_id, f.check_resolved, f.check_answered_at,
         COALESCE(
           (SELECT json_agg(json_build_object('id', n.id, 'text', n.text, 'author', n.author, 'created_at', n.created_at)
                            ORDER BY n.created_at, n.seq)
              FROM survey_follow_up_notes n WHERE n.follow_up_id = f.id),
           '[]'::json) AS notes
    FROM survey_follow_ups f
    JOIN customers c ON c.program_id = f.program_id AND c.id = f.customer_id`;

const RANK = `(CASE WHEN f.status = 'open' THEN 0 ELSE 1 END)`;

/** A page of the queue: open follow-ups oldest first (the most overdue lead), then closed ones oldest first. */
export async function followUpQueue(
  db: Queryable,
  program: Program,
  input: FollowUpQueueInput,
  now: Date,
): Promise<{ followUps: FollowUpCase[]; next: FollowUpCursor | null }> {
  // Only open follow-ups can be overdue.
  if (input.overdueOnly && input.status === 'closed') return { followUps: [], next: null };
  const status = input.overdueOnly ? 'open' : input.status === 'all' ? null : input.status;
  // Open and created before this instant: past the target, so overdue.
  const overdueBefore = input.overdueOnly ? new Date(now.getTime() - program.followUpTargetHours * HOUR_MS) : null;
  const after = input.after;
  const rows = await db.query<CaseRow>(
    `${SELECT_CASE}
      WHERE f.program_id = $1
        AND ($2::text IS NULL OR f.status = $2)
        AND ($3::timestamptz IS NULL OR f.created_at < $3)
        AND ($4::int IS NULL OR (${RANK}, f.created_at, f.id) > ($4::int, $5::timestamptz, $6::uuid))
      ORDER BY ${RANK}, f.created_at, f.id
      LIMIT $7`,
    [
      program.id,
      status,
      overdueBefore,
      after?.rank ?? null,
      after?.createdAt ?? null,
      after?.id ?? null,
      input.limit + 1,
    ],
  );
  const page = rows.slice(0, input.limit).map((row) => toFollowUpCase(row, program, now));
  const last = page.at(-1);
  const next =
    rows.length > input.limit && last !== undefined
      ? { rank: last.status === 'open' ? (0 as const) : (1 as const), createdAt: last.createdAt, id: last.id }
      : null;
  return { followUps: page, next };
}

/** One follow-up of the program, or undefined. */
export async function findFollowUpCase(
  db: Queryable,
  program: Program,
  followUpId: string,
  now: Date,
): Promise<FollowUpCase | undefined> {
  const [row] = await db.query<CaseRow>(`${SELECT_CASE} WHERE f.program_id = $1 AND f.id = $2`, [
    program.id,
    followUpId,
  ]);
  return row && toFollowUpCase(row, program, now);
}

function toFollowUpCase(row: CaseRow, program: Program, now: Date): FollowUpCase {
  const createdAt = new Date(row.created_at);
  const dueAt = new Date(createdAt.getTime() + program.followUpTargetHours * HOUR_MS);
  return {
    id: row.id,
    status: row.status,
    customer: { id: row.customer_id, name: row.customer_name, locale: row.customer_locale },
    surveyId: row.survey_id,
    version: toNumber(row.version),
    responseId: row.response_id,
    nps: toNumber(row.nps),
    comments: row.comments,
    dimensions: row.dimensions,
    createdAt: createdAt.toISOString(),
    dueAt: dueAt.toISOString(),
    overdue: row.status === 'open' && now.getTime() > dueAt.getTime(),
    assignee: row.assignee,
    notes: row.notes.map((note) => ({
      id: note.id,
      text: note.text,
      author: note.author,
      createdAt: iso(note.created_at),
    })),
    resolution:
      row.resolved_at === null || row.outcome === null
        ? null
        : {
            outcome: row.outcome,
            resolvedAt: iso(row.resolved_at),
            goodwillPoints: toNumber(row.goodwill_points ?? 0),
            entryId: row.goodwill_entry_id,
            resolvedBy: row.resolved_by,
          },
    check:
      row.check_resolved === null || row.check_answered_at === null
        ? null
        : { resolved: row.check_resolved, answeredAt: iso(row.check_answered_at) },
  };
}
