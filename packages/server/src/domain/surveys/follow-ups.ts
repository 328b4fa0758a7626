import { randomUUID } from 'node:crypto';
import {
  SERVICE_QUALITY_DIMENSIONS,
  chosenOptions,
  npsGroup,
  type FollowUp,
  type FollowUpStatus,
  type ServiceQualityDimension,
  type SurveyQuestion,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { emitEvent } from '../webhooks/outbox.ts';
import { npsScore } from './completion-events.ts';
import type { ResponseRow } from './responses.ts';

/**
 * Service recovery: a response completed with an NPS detractor score (0–6), some free text and
 * consent to be contacted raises one follow-up. Runs in the completing write's transaction;
 * the unique response id keeps it to one per response.
 */
export async function raiseFollowUpIfDue(
  tx: Queryable,
  response: ResponseRow,
  questions: readonly SurveyQuestion[],
  now: Date,
): Promise<void> {
  if (!response.contact_consent) return;
  const answers = response.answers;
  const nps = npsScore(questions, answers);
  if (nps === undefined || npsGroup(nps) !== 'detractor') return;

  const comments = questions.flatMap((question) => {
    const text = answers[question.id];
    return question.kind === 'free_text' && typeof text === 'string' && text.trim() !== ''
      ? [{ questionId: question.id, text }]
      : [];
  });
  if (comments.length === 0) return;

  const mentioned = new Set<ServiceQualityDimension>();
  for (const question of questions) {
    if (question.kind !== 'single_choice' && question.kind !== 'multiple_choice') continue;
    const chosen = chosenOptions(answers[question.id]);
    for (const option of question.options) {
      if (option.dimension !== undefined && chosen.includes(option.id)) mentioned.add(option.dimension);
    }
  }
  const dimensions = SERVICE_QUALITY_DIMENSIONS.filter((dimension) => mentioned.has(dimension));

  const raised = await tx.query<{ id: string }>(
    `INSERT INTO survey_follow_ups
       (id, program_id, customer_id, response_id, survey_id, version, nps, comments, dimensions, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
     ON CONFLICT (response_id) DO NOTHING
     RETURNING id`,
    [
      randomUUID(),
      response.program_id,
      response.customer_id,
      response.id,
      response.survey_id,
      toNumber(response.version),
      nps,
      JSON.stringify(comments),
      JSON.stringify(dimensions),
      // Millisecond precision, so a page cursor (an ISO time) names the row exactly.
      new Date(),
    ],
  );
  for (const { id } of raised) {
    const data = { followUpId: id, surveyId: response.survey_id };
    const event = { programId: response.program_id, customerId: response.customer_id, data };
    await emitEvent(tx, { ...event, type: 'follow_up.opened' }, now);
  }
}

export const DEFAULT_FOLLOW_UP_PAGE = 50;
export const MAX_FOLLOW_UP_PAGE = 200;

export interface FollowUpPageInput {
  programId: string;
  status?: FollowUpStatus;
  limit: number;
  /** From a previous page's `nextCursor`. */
  after?: FollowUpCursor;
}

export interface FollowUpCursor {
  createdAt: string;
  id: string;
}

interface FollowUpRow {
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
}

/** A page of follow-ups, newest first. */
export async function listFollowUps(
  db: Queryable,
  input: FollowUpPageInput,
): Promise<{ followUps: FollowUp[]; next: FollowUpCursor | null }> {
  const rows = await db.query<FollowUpRow>(
    `SELECT f.id, f.status, f.customer_id, c.name AS customer_name, c.locale AS customer_locale,
            f.survey_id, f.version, f.response_id, f.nps, f.comments, f.dimensions, f.created_at
       FROM survey_follow_ups f
       JOIN customers c ON c.program_id = f.program_id AND c.id = f.customer_id
      WHERE f.program_id = $1
        AND ($2::text IS NULL OR f.status = $2)
        AND ($3::timestamptz IS NULL OR (f.created_at, f.id) < ($3::timestamptz, $4::uuid))
      ORDER BY f.created_at DESC, f.id DESC
      LIMIT $5`,
    [input.programId, input.status ?? null, input.after?.createdAt ?? null, input.after?.id ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit).map(toFollowUp);
  const last = page.at(-1);
  const next = rows.length > input.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
  return { followUps: page, next };
}

function toFollowUp(row: FollowUpRow): FollowUp {
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
    createdAt: new Date(row.created_at).toISOString(),
  };
}
