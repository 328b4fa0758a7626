import { randomUUID } from 'node:crypto';
import type { SurveyDismissal, SurveyDismissalRequest } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { findSurvey, findSurveyVersion } from './definitions.ts';

export interface DismissalInput {
  programId: string;
  customerId: string;
  surveyId: string;
  request: SurveyDismissalRequest;
  /** The shopper's browser's key for this dismissal: the same key again records nothing new. */
  idempotencyKey?: string | undefined;
  now: Date;
}

export type DismissalOutcome =
  | { kind: 'created' | 'replayed'; result: SurveyDismissal }
  | { kind: 'survey_not_found'; detail: string }
  | { kind: 'idempotency_key_reused' };

/**
 * Records that the customer closed the survey without answering it: it is not offered again within
 * its recontact period. Repeating it only moves that period's start; repeating it with the same idempotency key
 * (a browser sending it again) records nothing and answers the first, unless the key was used for another survey,
 * version or response.
 */
export async function recordDismissal(db: Queryable, input: DismissalInput): Promise<DismissalOutcome> {
  const { programId, customerId, surveyId, request } = input;
  const survey = await findSurvey(db, programId, surveyId);
  if (survey === undefined || survey.status === 'draft') {
    return { kind: 'survey_not_found', detail: `No survey "${surveyId}" in this program.` };
  }
  if (
    request.version !== undefined &&
    (await findSurveyVersion(db, programId, surveyId, request.version)) === undefined
  ) {
    return { kind: 'survey_not_found', detail: `Survey "${surveyId}" has no version ${request.version}.` };
  }
  const key = input.idempotencyKey ?? null;
  const [inserted] = await db.query<DismissalRow>(
    `INSERT INTO survey_dismissals (id, program_id, customer_id, survey_id, version, response_id, dismissed_at,
                                    idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (program_id, customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING survey_id, version, dismissed_at`,
    [
      randomUUID(),
      programId,
      customerId,
      surveyId,
      request.version ?? survey.version,
      request.responseId ?? null,
      input.now,
      key,
    ],
  );
  if (inserted !== undefined) return { kind: 'created', result: toDismissal(inserted) };
  const [first] = await db.query<DismissalRow & { response_id: string | null }>(
    `SELECT survey_id, version, response_id, dismissed_at FROM survey_dismissals
      WHERE program_id = $1 AND customer_id = $2 AND idempotency_key = $3`,
    [programId, customerId, key],
  );
  if (first === undefined) throw new Error('A dismissal conflicted with none');
  // Without a version the request named the survey's current one, which a publish since may have moved on.
  const sameRequest =
    first.survey_id === surveyId &&
    (request.version === undefined || request.version === toNumber(first.version)) &&
    (request.responseId ?? null) === first.response_id;
  return sameRequest ? { kind: 'replayed', result: toDismissal(first) } : { kind: 'idempotency_key_reused' };
}

interface DismissalRow {
  survey_id: string;
  version: number | string;
  dismissed_at: Date | string;
}

function toDismissal(row: DismissalRow): SurveyDismissal {
  return {
    surveyId: row.survey_id,
    version: toNumber(row.version),
    dismissedAt: new Date(row.dismissed_at).toISOString(),
  };
}
