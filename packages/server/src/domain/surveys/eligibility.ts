import {
  COOLDOWN_EXEMPT_TRIGGERS,
  FOLLOW_UP_CHECK_SURVEY_ID,
  type EligibleSurvey,
  type IneligibleReason,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import { epochMs, jsonValue, toNumber, type Queryable } from '../../store/database.ts';
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
 * what the summary tells a page, so that a survey widget shows it without asking for it. `contacts`: the customer's
 * past surveys, when the caller read them with the sampled ids ({@link sampledSurveyIds}) of `asked`.
 */
export async function dueSurveys(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'>,
  asked: ProgramSurveys,
  contacts?: SurveyContacts,
): Promise<Map<string, SurveyDefinition>> {
  const { surveys, cooldownDays } = asked;
  const triggers = [...new Set(surveys.map((survey) => survey.trigger))].sort();
  const answers = await eligibility(db, { ...input, surveys, cooldownDays, triggers }, contacts);
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
  contacts?: SurveyContacts,
): Promise<Map<string, EligibleSurvey>> {
  const { customerId, surveys, triggers } = input;
  const answers = new Map<string, EligibleSurvey>();
  if (surveys.length === 0) {
    for (const trigger of triggers) answers.set(trigger, { survey: null, reason: 'no_survey' });
    return answers;
  }
  const history = await contactHistory(db, input, contacts);
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

/** A customer's past surveys as read: their last completion of any survey, and their last contact with each. */
export interface SurveyContacts {
  /** Ms since the epoch, or null. */
  lastCompleted: number | null;
  /** When the customer last completed or dismissed each survey asked about (ms since the epoch). */
  lastContact: Map<string, number>;
}

/**
 * The columns of {@link SurveyContacts} for `$1` program and `$2` customer, asking about the surveys whose ids are the
 * text array `ids` (a parameter): a statement that reads more of the customer adds them (summary-reads.ts).
 */
export const contactColumns = (ids: string) => `(SELECT ${epochMs('max(completed_at)')}
     FROM survey_responses WHERE program_id = $1 AND customer_id = $2) AS last_completed,
  (SELECT json_agg(json_build_array(survey_id, ${epochMs('last')}))
     FROM (SELECT survey_id, max(at) AS last FROM (
             SELECT survey_id, completed_at AS at FROM survey_responses
              WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY(${ids}::text[]) AND completed_at IS NOT NULL
             UNION ALL
             SELECT survey_id, dismissed_at AS at FROM survey_dismissals
              WHERE program_id = $1 AND customer_id = $2 AND survey_id = ANY(${ids}::text[])
           ) contacts
           GROUP BY survey_id) lasts) AS contacts`;

export interface ContactsRow {
  last_completed: number | string | null;
  /** `[survey id, epoch ms]` pairs: json, which the drivers parse (a string, should one not). */
  contacts: Array<[surveyId: string, at: number | string]> | string | null;
}

export function surveyContactsOf(row: ContactsRow | undefined): SurveyContacts {
  const lastContact = new Map<string, number>();
  for (const [surveyId, at] of row?.contacts == null ? [] : jsonValue(row.contacts)) {
    lastContact.set(surveyId, toNumber(at));
  }
  return { lastCompleted: row?.last_completed == null ? null : toNumber(row.last_completed), lastContact };
}

async function readSurveyContacts(
  db: Queryable,
  programId: string,
  customerId: string,
  surveyIds: string[],
): Promise<SurveyContacts> {
  const [row] = await db.query<ContactsRow>(`SELECT ${contactColumns('$3')}`, [programId, customerId, surveyIds]);
  return surveyContactsOf(row);
}

/** The ids of `surveys` whose sample holds the customer: the only ones whose past contacts the rules read. */
export function sampledSurveyIds(surveys: readonly SurveyDefinition[], customerId: string): string[] {
  return surveys.filter((survey) => inSample(customerId, survey.id, survey.samplingRate)).map((survey) => survey.id);
}

/**
 * The customer's past surveys as the rules read them: from `contacts` when the caller read them already (they must
 * cover every sampled survey of `surveys`), else in one statement; and whether a follow-up check is due, in one more
 * when that survey is active.
 */
async function contactHistory(
  db: Queryable,
  input: Omit<EligibilityInput, 'trigger'> & { surveys: SurveyDefinition[]; cooldownDays: number },
  contacts?: SurveyContacts,
): Promise<ContactHistory> {
  const { programId, customerId, surveys, cooldownDays } = input;
  const now = (input.now ?? new Date()).getTime();
  const { lastCompleted, lastContact } =
    contacts ?? (await readSurveyContacts(db, programId, customerId, sampledSurveyIds(surveys, customerId)));
  const cooling = lastCompleted !== null && lastCompleted > now - cooldownDays * DAY_MS;
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
