import { randomUUID } from 'node:crypto';
import type { SurveyDismissal, SurveyDismissalRequest } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { findSurvey, findSurveyVersion } from './definitions.ts';

export interface DismissalInput {
  programId: string;
  customerId: string;
  surveyId: string;
  request: SurveyDismissalRequest;
  now: Date;
}

export type DismissalOutcome =
  { kind: 'dismissed'; dismissal: SurveyDismissal } | { kind: 'survey_not_found'; detail: string };

/**
 * Records that the customer closed the survey without answering it: it is not offered again within
 * its recontact period. Repeating it only moves that period's start.
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
  const [row] = await db.query<{ version: number | string; dismissed_at: Date | string }>(
    `INSERT INTO survey_dismissals (id, program_id, customer_id, survey_id, version, response_id, dismissed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING version, dismissed_at`,
    [
      randomUUID(),
      programId,
      customerId,
      surveyId,
      request.version ?? survey.version,
      request.responseId ?? null,
      input.now,
    ],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return {
    kind: 'dismissed',
    dismissal: {
      surveyId,
      version: toNumber(row.version),
      dismissedAt: new Date(row.dismissed_at).toISOString(),
    },
  };
}
