import * as z from 'zod/mini';
import {
  answerSchema,
  isAnswered,
  questionVisible,
  visibleAnswers,
  type FieldError,
  type IneligibleReason,
  type SurveyAnswers,
  type SurveyQuestion,
  type SurveyResponse,
  type SurveyResponseUpdate,
  type SurveyStatus,
} from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../../store/database.ts';
import { lockCustomer } from '../customers.ts';
import type { LedgerProgram } from '../ledger.ts';
import { completionRewardOf, grantCompletionReward } from './completion-rewards.ts';
import { findSurvey, findSurveyVersion, type SurveyContent } from './definitions.ts';
import { surveyNotDueReason } from './eligibility.ts';
import { emitSurveyCompleted } from './completion-events.ts';
import { endMembershipOnExit } from './exit.ts';
import { raiseFollowUpIfDue } from './follow-ups.ts';
import { recordFollowUpCheck } from '../service-recovery/check.ts';

export interface ResponseRow {
  id: string;
  program_id: string;
  customer_id: string;
  survey_id: string;
  version: number | string;
  sequence: number | string;
  answers: SurveyAnswers;
  contact_consent: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
  points_awarded: number | string | null;
  /** False for a completion after the first in its survey's period: stored, never rewarded, left out of results. */
  counted: boolean;
}

const RESPONSE_COLUMNS = `id, program_id, customer_id, survey_id, version, sequence, answers, contact_consent, created_at,
  updated_at, completed_at, points_awarded, counted`;

export interface SaveResponseInput {
  /** The program, as the ledger needs it for a completion reward. */
  program: LedgerProgram;
  customerId: string;
  responseId: string;
  update: SurveyResponseUpdate;
  /** When a completion reward is earned (the ledger entry's time). */
  now: Date;
}

export type SaveResponseOutcome =
  /** The write was applied; `created` when it made the response. */
  | { kind: 'saved'; response: SurveyResponse; created: boolean }
  /** A repeat (sequence not above the stored one, or completing a complete response): nothing changed. */
  | { kind: 'unchanged'; response: SurveyResponse }
  /** No such response of this customer (another customer's looks the same). */
  | { kind: 'response_not_found' }
  | { kind: 'version_mismatch'; response: SurveyResponse }
  | { kind: 'completed'; response: SurveyResponse }
  | { kind: 'survey_not_found'; detail: string }
  | { kind: 'survey_not_active'; status: SurveyStatus }
  /** Creating a response for a survey the customer would not be offered now: nothing was stored. */
  | { kind: 'survey_not_due'; reason: IneligibleReason }
  | { kind: 'invalid'; errors: FieldError[] };

/**
 * Applies one write of a response under a row lock, so concurrent writes of one response take
 * turns: the highest sequence wins, and only the first completing write completes it (and raises
 * its follow-up and grants its version's completion reward, in the same transaction).
 *
 * The write that creates a response requires the survey to be due for the customer (the rules of
 * `eligibleSurvey`); later writes of that response are not checked again, as it began while due.
 * Of the customer's responses to one survey, only the first to complete within the survey's
 * recontact period (at least a day) is counted: a later completion is stored, uncounted.
 *
 * The customer's row lock comes first, as in every ledger write: inserting a response takes a share
 * lock on the customer's row (its foreign key), so two writes that each inserted a response and then
 * locked the customer for a reward would wait for each other.
 */
export function saveResponse(db: Database, input: SaveResponseInput): Promise<SaveResponseOutcome> {
  return db.transaction(async (tx) => {
    await lockCustomer(tx, input.program.id, input.customerId);
    const existing = await lockResponse(tx, input.responseId);
    if (existing !== undefined) return updateResponse(tx, existing, input);
    const created = await createResponse(tx, input);
    if (created !== 'taken') return created;
    // Another write created it between our look and our insert (PostgreSQL): it is committed now.
    const winner = await lockResponse(tx, input.responseId);
    if (winner === undefined) throw new Error(`Survey response ${input.responseId} vanished`);
    return updateResponse(tx, winner, input);
  });
}

/** A customer's own response, or undefined (also when it is someone else's). */
export async function findResponse(
  db: Queryable,
  programId: string,
  customerId: string,
  responseId: string,
): Promise<SurveyResponse | undefined> {
  const [row] = await db.query<ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE id = $1 AND program_id = $2 AND customer_id = $3`,
    [responseId, programId, customerId],
  );
  return row && toResponse(row);
}

async function lockResponse(tx: Queryable, responseId: string): Promise<ResponseRow | undefined> {
  const [row] = await tx.query<ResponseRow>(
    `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE id = $1 FOR UPDATE`,
    [responseId],
  );
  return row;
}

async function createResponse(tx: Queryable, input: SaveResponseInput): Promise<SaveResponseOutcome | 'taken'> {
  const { customerId, responseId, update } = input;
  const programId = input.program.id;
  const version = await findSurveyVersion(tx, programId, update.surveyId, update.version);
  if (version === undefined || version.status === 'draft') {
    const survey = await findSurvey(tx, programId, update.surveyId);
    const detail =
      survey === undefined || survey.status === 'draft'
        ? `No survey "${update.surveyId}" in this program.`
        : `Survey "${update.surveyId}" has no version ${update.version} (its current version is ${survey.version}).`;
    return { kind: 'survey_not_found', detail };
  }
  if (version.status !== 'active') return { kind: 'survey_not_active', status: version.status };
  const survey = await findSurvey(tx, programId, update.surveyId);
  if (survey === undefined) throw new Error(`Survey ${update.surveyId} vanished`);
  // Under the customer's row lock: of parallel creations, each sees the ones committed before it.
  const notDue = await surveyNotDueReason(tx, { programId, customerId, survey, now: input.now });
  if (notDue !== null) return { kind: 'survey_not_due', reason: notDue };

  const checked = checkAnswers(version.content.questions, update);
  if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };

  const [row] = await tx.query<ResponseRow>(
    `INSERT INTO survey_responses
       (id, program_id, customer_id, survey_id, version, sequence, answers, contact_consent, completed_at,
        created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, CASE WHEN $9::boolean THEN $10::timestamptz END, $10, $10)
     ON CONFLICT (id) DO NOTHING
     RETURNING ${RESPONSE_COLUMNS}`,
    [
      responseId,
      programId,
      customerId,
      update.surveyId,
      update.version,
      update.sequence,
      JSON.stringify(checked.answers),
      update.contactConsent ?? false,
      update.complete === true,
      input.now,
    ],
  );
  if (row === undefined) return 'taken';
  const saved = row.completed_at === null ? row : await onCompleted(tx, input, row, version.content);
  return { kind: 'saved', response: toResponse(saved), created: true };
}

async function updateResponse(
  tx: Queryable,
  existing: ResponseRow,
  input: SaveResponseInput,
): Promise<SaveResponseOutcome> {
  const { customerId, update } = input;
  const programId = input.program.id;
  if (existing.program_id !== programId || existing.customer_id !== customerId) return { kind: 'response_not_found' };
  const current = toResponse(existing);
  if (current.surveyId !== update.surveyId || current.version !== update.version) {
    return { kind: 'version_mismatch', response: current };
  }
  if (update.sequence <= current.sequence) return { kind: 'unchanged', response: current };
  if (current.completedAt !== null) {
    return update.complete === true
      ? { kind: 'unchanged', response: current }
      : { kind: 'completed', response: current };
  }

  const version = await findSurveyVersion(tx, programId, current.surveyId, current.version);
  if (version === undefined) throw new Error(`Survey ${current.surveyId} lost version ${current.version}`);
  const checked = checkAnswers(version.content.questions, update);
  if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };

  const [row] = await tx.query<ResponseRow>(
    `UPDATE survey_responses
        SET sequence = $2, answers = $3::jsonb, contact_consent = $4, updated_at = $6,
            completed_at = CASE WHEN $5::boolean THEN $6::timestamptz END
      WHERE id = $1
     RETURNING ${RESPONSE_COLUMNS}`,
    [
      existing.id,
      update.sequence,
      JSON.stringify(checked.answers),
      update.contactConsent ?? false,
      update.complete === true,
      input.now,
    ],
  );
  if (row === undefined) throw new Error(`Survey response ${existing.id} vanished under its lock`);
  const saved = row.completed_at === null ? row : await onCompleted(tx, input, row, version.content);
  return { kind: 'saved', response: toResponse(saved), created: false };
}

/**
 * What the write that completes a response does, once: count and reward it, then, for the exit survey the
 * shopper confirmed with `endMembership`, end their membership. Returns the row as completed.
 */
async function onCompleted(
  tx: Queryable,
  input: SaveResponseInput,
  row: ResponseRow,
  content: SurveyContent,
): Promise<ResponseRow> {
  await emitSurveyCompleted(tx, row, content.questions, input.now);
  await recordFollowUpCheck(tx, row, input.now);
  const completed = await countCompletion(tx, input, row, content);
  if (input.update.endMembership === true) {
    await endMembershipOnExit(tx, {
      programId: row.program_id,
      customerId: row.customer_id,
      surveyId: row.survey_id,
      answers: row.answers,
      content,
      now: input.now,
    });
  }
  return completed;
}

/**
 * The first completion of the survey by the
 * customer within its reward period is counted: it raises its follow-up if due and grants the
 * completion reward of its version (whatever the answers; see `completionRewardOf`). A later one is marked uncounted and does
 * neither. Returns the row as completed.
 */
async function countCompletion(
  tx: Queryable,
  input: SaveResponseInput,
  row: ResponseRow,
  content: SurveyContent,
): Promise<ResponseRow> {
  if (await countedCompletionInPeriod(tx, row, input.now)) {
    await tx.query('UPDATE survey_responses SET counted = false WHERE id = $1', [row.id]);
    return { ...row, counted: false };
  }
  await raiseFollowUpIfDue(tx, row, content.questions, input.now);
  const reward = await completionRewardOf(tx, row, content.completionReward);
  if (reward === undefined) return row;
  const points = await grantCompletionReward(tx, {
    program: input.program,
    customerId: row.customer_id,
    surveyId: row.survey_id,
    responseId: row.id,
    points: reward,
    now: input.now,
  });
  return { ...row, points_awarded: points };
}

/**
 * Whether another completion of the same survey by the same customer is counted within the survey's
 * reward period before `now`: its recontact period, and at least one day, so a survey that may be
 * asked again at once still rewards one completion a day. Runs under the customer's row lock, which
 * orders the customer's completions.
 */
async function countedCompletionInPeriod(tx: Queryable, row: ResponseRow, now: Date): Promise<boolean> {
  const [found] = await tx.query<{ taken: boolean }>(
    `SELECT EXISTS (
       SELECT 1
         FROM survey_responses r
         JOIN surveys s ON s.program_id = r.program_id AND s.id = r.survey_id
        WHERE r.program_id = $1 AND r.customer_id = $2 AND r.survey_id = $3 AND r.id <> $4
          AND r.counted AND r.completed_at > $5::timestamptz - greatest(s.recontact_days, 1) * interval '1 day'
     ) AS taken`,
    [row.program_id, row.customer_id, row.survey_id, row.id, now.toISOString()],
  );
  return found?.taken === true;
}

/**
 * Checks every answer against its question (field errors at `body.answers.<questionId>`), drops
 * answers to questions their conditions hide, and, when completing, requires the required shown
 * questions.
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  update: Pick<SurveyResponseUpdate, 'answers' | 'complete'>,
): { answers: SurveyAnswers } | { errors: FieldError[] } {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const errors: FieldError[] = [];
  for (const [questionId, value] of Object.entries(update.answers)) {
    const path = `body.answers.${questionId}`;
    const question = byId.get(questionId);
    if (question === undefined) {
      errors.push({ path, message: `This version of the survey has no question "${questionId}".` });
      continue;
    }
    const result = z.safeParse(answerSchema(question), value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message });
      }
    }
  }
  if (errors.length > 0) return { errors };

  const answers = visibleAnswers(questions, update.answers);
  if (update.complete === true) {
    for (const question of questions) {
      if (question.required === true && questionVisible(question, answers) && !isAnswered(answers[question.id])) {
        errors.push({ path: `body.answers.${question.id}`, message: 'Required to complete the response.' });
      }
    }
    if (errors.length > 0) return { errors };
  }
  return { answers };
}

export function toResponse(row: ResponseRow): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    version: toNumber(row.version),
    sequence: toNumber(row.sequence),
    answers: row.answers,
    contactConsent: row.contact_consent,
    status: row.completed_at === null ? 'partial' : 'complete',
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
    pointsAwarded: row.points_awarded === null ? null : toNumber(row.points_awarded),
  };
}
