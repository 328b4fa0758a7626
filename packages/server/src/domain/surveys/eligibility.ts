import {
  COOLDOWN_EXEMPT_TRIGGERS,
  type EligibleSurvey,
  type IneligibleReason,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { activeSurveys } from './definitions.ts';
import { inSample } from './sampling.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days without any survey after a customer completes one, for programs that set nothing else. */
export const DEFAULT_SURVEY_COOLDOWN_DAYS = 14;

export async function surveyCooldownDays(db: Queryable, programId: string): Promise<number> {
  const [row] = await db.query<{ cooldown_days: number | string }>(
    'SELECT cooldown_days FROM survey_settings WHERE program_id = $1',
    [programId],
  );
  return row === undefined ? DEFAULT_SURVEY_COOLDOWN_DAYS : toNumber(row.cooldown_days);
}

export interface EligibilityInput {
  programId: string;
  customerId: string;
  trigger: string;
  now?: Date;
}

/**
 * At most one survey to ask `customerId` at `trigger` now. In order: a program-wide cooldown after
 * any completed survey (except at COOLDOWN_EXEMPT_TRIGGERS); then, per active survey of the trigger (oldest first), the sticky sample
 * and the survey's recontact period since the customer last completed or dismissed it.
 */
export async function eligibleSurvey(db: Queryable, input: EligibilityInput): Promise<EligibleSurvey> {
  const surveys = await activeSurveys(db, input.programId, input.trigger);
  const answers = await eligibility(db, { ...input, surveys, triggers: [input.trigger] });
  return answers.get(input.trigger)!;
}

/**
 * The triggers at which `eligibleSurvey` would offer `customerId` a survey now, sorted: what the summary
 * tells a page, so that a survey widget asks for its survey only when there is one.
 */
export async function dueSurveyTriggers(db: Queryable, input: Omit<EligibilityInput, 'trigger'>): Promise<string[]> {
  const surveys = await activeSurveys(db, input.programId);
  const triggers = [...new Set(surveys.map((survey) => survey.trigger))].sort();
  const answers = await eligibility(db, { ...input, surveys, triggers });
  return triggers.filter((trigger) => answers.get(trigger)!.survey !== null);
}

/** Each of `triggers`' answer, from the active `surveys` (oldest first), with one look at the customer's history. */
async function eligibility(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'> & { surveys: SurveyDefinition[]; triggers: string[] },
): Promise<Map<string, EligibleSurvey>> {
  const { programId, customerId, surveys, triggers } = input;
  const now = (input.now ?? new Date()).getTime();
  const answers = new Map<string, EligibleSurvey>();
  if (surveys.length === 0) {
    for (const trigger of triggers) answers.set(trigger, { survey: null, reason: 'no_survey' });
    return answers;
  }

  const [completion] = await db.query<{ last: Date | string | null }>(
    'SELECT max(completed_at) AS last FROM survey_responses WHERE program_id = $1 AND customer_id = $2',
    [programId, customerId],
  );
  const cooldownDays = await surveyCooldownDays(db, programId);
  const cooling = completion?.last != null && new Date(completion.last).getTime() > now - cooldownDays * DAY_MS;
  const sampled = surveys.filter((survey) => inSample(customerId, survey.id, survey.samplingRate));
  const lastContact =
    sampled.length === 0
      ? new Map<string, number>()
      : await lastContacts(
          db,
          programId,
          customerId,
          sampled.map((survey) => survey.id),
        );

  for (const trigger of triggers) {
    answers.set(trigger, decide(trigger));
  }
  return answers;

  function decide(trigger: string): EligibleSurvey {
    if (!surveys.some((survey) => survey.trigger === trigger)) return { survey: null, reason: 'no_survey' };
    if (cooling && !COOLDOWN_EXEMPT_TRIGGERS.includes(trigger)) return { survey: null, reason: 'cooldown' };
    let reason: IneligibleReason = 'not_sampled';
    for (const survey of sampled) {
      if (survey.trigger !== trigger) continue;
      const last = lastContact.get(survey.id);
      if (last !== undefined && last > now - survey.recontactDays * DAY_MS) {
        reason = 'recontact';
        continue;
      }
      return { survey };
    }
    return { survey: null, reason };
  }
}

/** When the customer last completed or dismissed each of `surveyIds` (ms since the epoch). */
async function lastContacts(
  db: Queryable,
  programId: string,
  customerId: string,
  surveyIds: string[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ survey_id: string; last: Date | string }>(
    `SELECT survey_id, max(at) AS last FROM (
       SELECT survey_id, completed_at AS at FROM survey_responses
        WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY($3::text[]) AND completed_at IS NOT NULL
       UNION ALL
       SELECT survey_id, dismissed_at AS at FROM survey_dismissals
        WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY($3::text[])
     ) contacts
     GROUP BY survey_id`,
    [programId, customerId, surveyIds],
  );
  return new Map(rows.map((row) => [row.survey_id, new Date(row.last).getTime()]));
}
