import { randomUUID } from 'node:crypto';
import {
  SERVICE_QUALITY_DIMENSIONS,
  chosenOptions,
  npsGroup,
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
      // The app clock (millisecond precision, so a page cursor, an ISO time, names the row exactly).
      now,
    ],
  );
  for (const { id } of raised) {
    const data = { followUpId: id, surveyId: response.survey_id };
    const event = { programId: response.program_id, customerId: response.customer_id, data };
    await emitEvent(tx, { ...event, type: 'follow_up.opened' }, now);
  }
}
