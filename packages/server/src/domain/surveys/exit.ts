import { chosenOptions, type MembershipEndReason, type SurveyAnswers } from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';
import { lockCustomer } from '../customers.ts';
import { endMembershipLocked } from '../membership.ts';
import type { SurveyContent } from './definitions.ts';

/** The trigger of the survey a customer answers when leaving the program. */
export const EXIT_SURVEY_TRIGGER = 'program_exit';

export interface ExitSurveyCompletion {
  programId: string;
  customerId: string;
  surveyId: string;
  answers: SurveyAnswers;
  content: SurveyContent;
  now: Date;
}

/**
 * Ends the customer's membership when they complete the exit survey and confirmed it, in the transaction
 * of the completing write: for the departure reason of the first chosen option that names one, else
 * `other`. A membership already ended (or an erased customer) is left as it is.
 */
export async function endMembershipOnExit(tx: Queryable, completion: ExitSurveyCompletion): Promise<void> {
  const [survey] = await tx.query<{ trigger: string }>(
    'SELECT trigger FROM surveys WHERE program_id = $1 AND id = $2',
    [completion.programId, completion.surveyId],
  );
  if (survey?.trigger !== EXIT_SURVEY_TRIGGER) return;
  const customer = await lockCustomer(tx, completion.programId, completion.customerId);
  if (customer?.status !== 'active') return;
  const reason = departureReason(completion.content, completion.answers);
  await endMembershipLocked(tx, completion.programId, completion.customerId, { reason }, completion.now);
}

function departureReason(content: SurveyContent, answers: SurveyAnswers): MembershipEndReason {
  for (const question of content.questions) {
    if (question.kind !== 'single_choice' && question.kind !== 'multiple_choice') continue;
    const chosen = chosenOptions(answers[question.id]);
    const option = question.options.find((candidate) => chosen.includes(candidate.id) && candidate.departureReason);
    if (option?.departureReason) return option.departureReason;
  }
  return 'other';
}
