import {
  COOLDOWN_EXEMPT_TRIGGERS,
  FOLLOW_UP_CHECK_SURVEY_ID,
  type EligibleSurvey,
  type IneligibleReason,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { followUpCheckDue } from '../service-recovery/check.ts';
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

/** What a program asks its customers: its active surveys, oldest first, and the cooldown after a completed one. */
export interface ProgramSurveys {
  surveys: SurveyDefinition[];
  cooldownDays: number;
}

/** The program's {@link ProgramSurveys} as stored now (the routes keep them per settings version: caches/). */
export async function programSurveys(db: Queryable, programId: string): Promise<ProgramSurveys> {
  const [surveys, cooldownDays] = await Promise.all([activeSurveys(db, programId), surveyCooldownDays(db, programId)]);
  return { surveys, cooldownDays };
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
export async function eligibleSurvey(
  db: Queryable,
  input: EligibilityInput,
  asked: ProgramSurveys,
): Promise<EligibleSurvey> {
  // The trigger's surveys, and the follow-up check, which any trigger may offer.
  const surveys = asked.surveys.filter(
    (survey) => survey.trigger === input.trigger || survey.id === FOLLOW_UP_CHECK_SURVEY_ID,
  );
  const answers = await eligibility(db, {
    ...input,
    surveys,
    cooldownDays: asked.cooldownDays,
    triggers: [input.trigger],
  });
  return answers.get(input.trigger)!;
}

/**
 * Per trigger at which `eligibleSurvey` would offer `customerId` a survey now, that survey, in trigger order:
 * what the summary tells a page, so that a survey widget shows it without asking for it.
 */
export async function dueSurveys(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'>,
  asked: ProgramSurveys,
): Promise<Map<string, SurveyDefinition>> {
  const { surveys, cooldownDays } = asked;
  const triggers = [...new Set(surveys.map((survey) => survey.trigger))].sort();
  const answers = await eligibility(db, { ...input, surveys, cooldownDays, triggers });
  const due = new Map<string, SurveyDefinition>();
  for (const trigger of triggers) {
    const { survey } = answers.get(trigger)!;
    if (survey !== null) due.set(trigger, survey);
  }
  return due;
}

/**
 * Whether `survey` is due for `customerId` now, by the rules `eligibleSurvey` applies to each survey of
 * a trigger: null when it is, or why not. Creating a response asks this inside the write's transaction.
 */
export async function surveyNotDueReason(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'> & { survey: SurveyDefinition },
): Promise<IneligibleReason | null> {
  const { survey } = input;
  const cooldownDays = await surveyCooldownDays(db, input.programId);
  const history = await contactHistory(db, { ...input, surveys: [survey], cooldownDays });
  return notDueReason(survey, input.customerId, history);
}

/** Each of `triggers`' answer, from the active `surveys` (oldest first), with one look at the customer's history. */
async function eligibility(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'> & { surveys: SurveyDefinition[]; cooldownDays: number; triggers: string[] },
): Promise<Map<string, EligibleSurvey>> {
  const { customerId, surveys, triggers } = input;
  const answers = new Map<string, EligibleSurvey>();
  if (surveys.length === 0) {
    for (const trigger of triggers) answers.set(trigger, { survey: null, reason: 'no_survey' });
    return answers;
  }
  const history = await contactHistory(db, input);
  // A due check on a resolved follow-up comes first, at whichever trigger asks.
  const check = history.checkDue ? surveys.find((survey) => survey.id === FOLLOW_UP_CHECK_SURVEY_ID) : undefined;
  for (const trigger of triggers) {
    answers.set(trigger, check === undefined ? decide(trigger) : { survey: check });
  }
  return answers;

  function decide(trigger: string): EligibleSurvey {
    const reasons = new Set<IneligibleReason>();
    for (const survey of surveys) {
      if (survey.trigger !== trigger) continue;
      const reason = notDueReason(survey, customerId, history);
      if (reason === null) return { survey };
      reasons.add(reason);
    }
    const reason = REASON_ORDER.find((candidate) => reasons.has(candidate)) ?? 'no_survey';
    return { survey: null, reason };
  }
}

/** Which reason a trigger gives when none of its surveys is due for different reasons. */
const REASON_ORDER: readonly IneligibleReason[] = ['cooldown', 'recontact', 'not_sampled'];

/** What the rules need to know of a customer's past surveys, as of `now`. */
interface ContactHistory {
  now: number;
  /** Within the program-wide cooldown after the customer's last completed survey. */
  cooling: boolean;
  /** When the customer last completed or dismissed each sampled survey (ms since the epoch). */
  lastContact: Map<string, number>;
  /** The customer has a resolved follow-up whose check is due. */
  checkDue: boolean;
}

/** The customer's past surveys as the rules read them, in one statement (two when the follow-up check is active). */
async function contactHistory(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'> & { surveys: SurveyDefinition[]; cooldownDays: number },
): Promise<ContactHistory> {
  const { programId, customerId, surveys, cooldownDays } = input;
  const now = (input.now ?? new Date()).getTime();
  const sampled = surveys.filter((survey) => inSample(customerId, survey.id, survey.samplingRate));
  // The first row (no survey) is the customer's last completion of any survey; then one row per sampled survey
  // the customer completed or dismissed.
  const rows = await db.query<{ survey_id: string | null; last: Date | string | null }>(
    `SELECT NULL::text AS survey_id, max(completed_at) AS last FROM survey_responses
      WHERE program_id = $1 AND customer_id = $2
     UNION ALL
     SELECT survey_id, max(at) FROM (
       SELECT survey_id, completed_at AS at FROM survey_responses
        WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY($3::text[]) AND completed_at IS NOT NULL
       UNION ALL
       SELECT survey_id, dismissed_at AS at FROM survey_dismissals
        WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY($3::text[])
     ) contacts
     GROUP BY survey_id`,
    [programId, customerId, sampled.map((survey) => survey.id)],
  );
  const lastCompleted = rows.find((row) => row.survey_id === null)?.last;
  const cooling = lastCompleted != null && new Date(lastCompleted).getTime() > now - cooldownDays * DAY_MS;
  const lastContact = new Map<string, number>();
  for (const row of rows) {
    if (row.survey_id !== null && row.last !== null) lastContact.set(row.survey_id, new Date(row.last).getTime());
  }
  const checkDue =
    surveys.some((survey) => survey.id === FOLLOW_UP_CHECK_SURVEY_ID) &&
    (await followUpCheckDue(db, programId, customerId));
  return { now, cooling, lastContact, checkDue };
}

/**
 * The rules for one survey, in order (the follow-up check is due only after a resolution): the program-wide cooldown after any completed survey (except at
 * COOLDOWN_EXEMPT_TRIGGERS), the sticky sample, and the survey's recontact period since the customer
 * last completed or dismissed it. Null when the survey is due.
 */
function notDueReason(survey: SurveyDefinition, customerId: string, history: ContactHistory): IneligibleReason | null {
  if (survey.id === FOLLOW_UP_CHECK_SURVEY_ID) return history.checkDue ? null : 'no_survey';
  if (history.cooling && !COOLDOWN_EXEMPT_TRIGGERS.includes(survey.trigger)) return 'cooldown';
  if (!inSample(customerId, survey.id, survey.samplingRate)) return 'not_sampled';
  const last = history.lastContact.get(survey.id);
  if (last !== undefined && last > history.now - survey.recontactDays * DAY_MS) return 'recontact';
  return null;
}
