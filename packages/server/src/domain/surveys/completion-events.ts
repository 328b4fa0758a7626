import { npsGroup, type SurveyAnswers, type SurveyQuestion } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { emitEvent } from '../webhooks/outbox.ts';
import type { ResponseRow } from './responses.ts';

/** The score of the first answered NPS question; undefined when there is none. */
export function npsScore(questions: readonly SurveyQuestion[], answers: SurveyAnswers): number | undefined {
  const question = questions.find((candidate) => candidate.kind === 'nps' && typeof answers[candidate.id] === 'number');
  return question && (answers[question.id] as number);
}

/** `survey.completed` for a response that was just completed, in its write's transaction. */
export async function emitSurveyCompleted(
  tx: Queryable,
  row: ResponseRow,
  questions: readonly SurveyQuestion[],
  now: Date,
): Promise<void> {
  const score = npsScore(questions, row.answers);
  const data = {
    surveyId: row.survey_id,
    version: toNumber(row.version),
    responseId: row.id,
    npsGroup: score === undefined ? null : npsGroup(score),
  };
  await emitEvent(tx, { programId: row.program_id, customerId: row.customer_id, type: 'survey.completed', data }, now);
}
