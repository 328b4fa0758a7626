import {
  FOLLOW_UP_CHECK_QUESTION_ID,
  FOLLOW_UP_CHECK_SURVEY_ID,
  FOLLOW_UP_CHECK_YES,
  type SurveyDraft,
} from '@loyalty-elements/contract';
import type { Queryable } from '../../store/database.ts';
import { publishSurveyIn } from '../surveys/definitions.ts';
import type { ResponseRow } from '../surveys/responses.ts';

/**
 * "Was your issue resolved?": after a follow-up is resolved, the shopper is asked once, before any other survey, the
 * next time a widget of theirs asks which survey is due. Their answer is kept with each follow-up it speaks to.
 */

const CHECK_SURVEY: SurveyDraft = {
  id: FOLLOW_UP_CHECK_SURVEY_ID,
  trigger: 'follow_up_check',
  status: 'active',
  samplingRate: 1,
  recontactDays: 0,
  title: { en: 'About your feedback', 'zh-CN': '关于您的反馈' },
  questions: [
    {
      kind: 'single_choice',
      id: FOLLOW_UP_CHECK_QUESTION_ID,
      required: true,
      text: { en: 'Was your issue resolved?', 'zh-CN': '您的问题解决了吗？' },
      options: [
        { id: FOLLOW_UP_CHECK_YES, text: { en: 'Yes', 'zh-CN': '已解决' } },
        { id: 'no', text: { en: 'No', 'zh-CN': '未解决' } },
      ],
    },
  ],
};

/** Creates the program's check survey if it has none; one the merchant changed or paused is left as it is. */
export async function ensureFollowUpCheckSurvey(tx: Queryable, programId: string, now: Date): Promise<void> {
  const existing = await tx.query('SELECT 1 FROM surveys WHERE program_id = $1 AND id = $2', [
    programId,
    FOLLOW_UP_CHECK_SURVEY_ID,
  ]);
  if (existing.length === 0) await publishSurveyIn(tx, programId, CHECK_SURVEY, now);
}

/**
 * Whether the shopper has a resolved follow-up whose check is unanswered and was not dismissed since it was
 * resolved: then the check is due, whatever the cooldown after their last survey.
 */
export async function followUpCheckDue(db: Queryable, programId: string, customerId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM survey_follow_ups f
      WHERE f.program_id = $1 AND f.customer_id = $2 AND f.status = 'closed' AND f.check_answered_at IS NULL
        AND f.resolved_at > COALESCE(
              (SELECT max(d.dismissed_at) FROM survey_dismissals d
                WHERE d.program_id = $1 AND d.customer_id = $2 AND d.survey_id = $3),
              '-infinity'::timestamptz)
      LIMIT 1`,
    [programId, customerId, FOLLOW_UP_CHECK_SURVEY_ID],
  );
  return rows.length > 0;
}

/** On a completed check, keeps the shopper's answer with each of their resolved follow-ups still waiting for one. */
export async function recordFollowUpCheck(tx: Queryable, response: ResponseRow, now: Date): Promise<void> {
  if (response.survey_id !== FOLLOW_UP_CHECK_SURVEY_ID) return;
  const answer = response.answers[FOLLOW_UP_CHECK_QUESTION_ID];
  if (typeof answer !== 'object' || answer === null || !('option' in answer)) return;
  await tx.query(
    `UPDATE survey_follow_ups SET check_resolved = $3, check_answered_at = $4, check_response_id = $5
      WHERE program_id = $1 AND customer_id = $2 AND status = 'closed' AND check_answered_at IS NULL
        AND resolved_at <= $4`,
    [response.program_id, response.customer_id, answer.option === FOLLOW_UP_CHECK_YES, now, response.id],
  );
}
