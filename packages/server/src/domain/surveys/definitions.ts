import * as z from 'zod/mini';
import {
  SurveyDraft,
  type LocalizedText,
  type SurveyDefinition,
  type SurveyQuestion,
  type SurveyStatus,
  type SurveyThanks,
} from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../../store/database.ts';

/** The versioned part of a survey: what a response is pinned to, its completion reward included. */
export interface SurveyContent {
  title: LocalizedText;
  intro?: LocalizedText;
  questions: SurveyQuestion[];
  thanks?: SurveyThanks;
  completionReward?: number;
}

interface SurveyRow {
  id: string;
  trigger: string;
  status: SurveyStatus;
  sampling_rate: number | string;
  recontact_days: number | string;
  version: number | string;
  content: SurveyContent;
}

const SELECT_CURRENT = `
  SELECT s.id, s.trigger, s.status, s.sampling_rate, s.recontact_days, s.current_version AS version, v.content
    FROM surveys s
    JOIN survey_versions v ON v.program_id = s.program_id AND v.survey_id = s.id AND v.version = s.current_version`;

/** The current version of a survey, whatever its status. */
export async function findSurvey(db: Queryable, programId: string, surveyId: string) {
  const [row] = await db.query<SurveyRow>(`${SELECT_CURRENT} WHERE s.program_id = $1 AND s.id = $2`, [
    programId,
    surveyId,
  ]);
  return row && toDefinition(row);
}

/** Active surveys asked at `trigger` (every trigger when left out), oldest first: the order eligibility tries them in. */
export async function activeSurveys(db: Queryable, programId: string, trigger?: string): Promise<SurveyDefinition[]> {
  const rows = await db.query<SurveyRow>(
    `${SELECT_CURRENT} WHERE s.program_id = $1 AND s.status = 'active' AND ($2::text IS NULL OR s.trigger = $2)
      ORDER BY s.created_at, s.id`,
    [programId, trigger ?? null],
  );
  return rows.map(toDefinition);
}

/** The highest completion reward among the program's active surveys (their current versions); 0 when none rewards. */
export async function highestActiveSurveyReward(db: Queryable, programId: string): Promise<number> {
  const [row] = await db.query<{ points: number | string | null }>(
    `SELECT MAX((v.content->>'completionReward')::integer) AS points
       FROM surveys s
       JOIN survey_versions v ON v.program_id = s.program_id AND v.survey_id = s.id AND v.version = s.current_version
      WHERE s.program_id = $1 AND s.status = 'active'`,
    [programId],
  );
  return row?.points == null ? 0 : toNumber(row.points);
}

export interface SurveyVersionRecord {
  surveyId: string;
  version: number;
  /** The survey's status now (not when the version was published). */
  status: SurveyStatus;
  content: SurveyContent;
}

export async function findSurveyVersion(
  db: Queryable,
  programId: string,
  surveyId: string,
  version: number,
): Promise<SurveyVersionRecord | undefined> {
  const [row] = await db.query<{ status: SurveyStatus; content: SurveyContent }>(
    `SELECT s.status, v.content
       FROM survey_versions v JOIN surveys s ON s.program_id = v.program_id AND s.id = v.survey_id
      WHERE v.program_id = $1 AND v.survey_id = $2 AND v.version = $3`,
    [programId, surveyId, version],
  );
  return row && { surveyId, version, status: row.status, content: row.content };
}

/** Every version of a survey, oldest first. */
export async function surveyVersions(
  db: Queryable,
  programId: string,
  surveyId: string,
): Promise<Array<{ version: number; content: SurveyContent }>> {
  const rows = await db.query<{ version: number | string; content: SurveyContent }>(
    'SELECT version, content FROM survey_versions WHERE program_id = $1 AND survey_id = $2 ORDER BY version',
    [programId, surveyId],
  );
  return rows.map((row) => ({ version: toNumber(row.version), content: row.content }));
}

/**
 * The survey and the versions a report asks about: one version, or every version when `onlyVersion` is undefined;
 * `survey_not_found` when the survey, or that version of it, does not exist.
 */
export async function versionsAsked(
  db: Queryable,
  programId: string,
  surveyId: string,
  onlyVersion: number | undefined,
): Promise<
  | { kind: 'versions'; survey: SurveyDefinition; versions: Array<{ version: number; content: SurveyContent }> }
  | { kind: 'survey_not_found'; detail: string }
> {
  const survey = await findSurvey(db, programId, surveyId);
  if (survey === undefined) return { kind: 'survey_not_found', detail: `No survey "${surveyId}" in this program.` };
  const versions = (await surveyVersions(db, programId, surveyId)).filter(
    (v) => onlyVersion === undefined || v.version === onlyVersion,
  );
  if (versions.length === 0) {
    return { kind: 'survey_not_found', detail: `Survey "${surveyId}" has no version ${onlyVersion}.` };
  }
  return { kind: 'versions', survey, versions };
}

/** What publishing a draft did: created the survey, published a new version, changed only settings, or nothing. */
export type PublishOutcome = 'created' | 'new_version' | 'settings_changed' | 'unchanged';

export interface PublishedSurvey {
  survey: SurveyDefinition;
  outcome: PublishOutcome;
}

/**
 * Creates a survey, or updates one: a change of title, intro, questions, thanks or completion reward
 * publishes a new version (responses keep the version they started on, and so the reward it
 * offered); trigger, status, sampling and recontact apply to the survey as a whole. Throws on a
 * draft the contract refuses.
 */
export async function publishSurvey(
  db: Database,
  programId: string,
  draft: SurveyDraft,
  at: Date = new Date(),
): Promise<SurveyDefinition> {
  return (await db.transaction((tx) => publishSurveyIn(tx, programId, draft, at))).survey;
}

/**
 * {@link publishSurvey} inside the caller's transaction. Concurrent publications of one survey queue on its row:
 * each sees the version the one before it committed, so no two get the same number and none is lost.
 */
export async function publishSurveyIn(
  tx: Queryable,
  programId: string,
  input: SurveyDraft,
  at: Date,
): Promise<PublishedSurvey> {
  const draft = z.parse(SurveyDraft, input);
  const content = contentOf(draft);
  const contentJson = JSON.stringify(content);
  const settings = [draft.trigger, draft.status, draft.samplingRate, draft.recontactDays];
  const inserted = await tx.query(
    `INSERT INTO surveys (program_id, id, trigger, status, sampling_rate, recontact_days, current_version,
                          created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)
     ON CONFLICT (program_id, id) DO NOTHING
     RETURNING id`,
    [programId, draft.id, ...settings, at],
  );
  const definition = (version: number) =>
    toDefinition({
      id: draft.id,
      trigger: draft.trigger,
      status: draft.status,
      sampling_rate: draft.samplingRate,
      recontact_days: draft.recontactDays,
      version,
      content,
    });
  if (inserted.length > 0) {
    await insertVersion(tx, programId, draft.id, 1, contentJson, at);
    return { survey: definition(1), outcome: 'created' };
  }

  // Lock first, then read in a statement of its own: under READ COMMITTED a locking read that joins the versions
  // would, after waiting for a concurrent publication, recheck the new current_version against a snapshot that
  // does not hold that version's row, and find nothing.
  await tx.query('SELECT 1 FROM surveys WHERE program_id = $1 AND id = $2 FOR UPDATE', [programId, draft.id]);
  const [current] = await tx.query<{ version: number | string; same_content: boolean; same_settings: boolean }>(
    `SELECT s.current_version AS version, v.content = $3::jsonb AS same_content,
            (s.trigger, s.status, s.sampling_rate, s.recontact_days) = ($4, $5, $6::double precision, $7::integer)
              AS same_settings
       FROM surveys s
       JOIN survey_versions v ON v.program_id = s.program_id AND v.survey_id = s.id AND v.version = s.current_version
      WHERE s.program_id = $1 AND s.id = $2`,
    [programId, draft.id, contentJson, ...settings],
  );
  if (current === undefined) throw new Error(`Survey "${draft.id}" has no current version.`);
  const version = toNumber(current.version) + (current.same_content ? 0 : 1);
  if (current.same_content && current.same_settings) return { survey: definition(version), outcome: 'unchanged' };
  if (!current.same_content) await insertVersion(tx, programId, draft.id, version, contentJson, at);
  await tx.query(
    `UPDATE surveys
        SET trigger = $3, status = $4, sampling_rate = $5, recontact_days = $6, current_version = $7, updated_at = $8
      WHERE program_id = $1 AND id = $2`,
    [programId, draft.id, ...settings, version, at],
  );
  return { survey: definition(version), outcome: current.same_content ? 'settings_changed' : 'new_version' };
}

async function insertVersion(
  tx: Queryable,
  programId: string,
  surveyId: string,
  version: number,
  content: string,
  at: Date,
) {
  await tx.query(
    `INSERT INTO survey_versions (program_id, survey_id, version, content, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [programId, surveyId, version, content, at],
  );
}

/** The versioned part of a draft, as stored in `survey_versions.content`. */
export function contentOf(draft: SurveyDraft): SurveyContent {
  const content: SurveyContent = { title: draft.title, questions: draft.questions };
  if (draft.intro !== undefined) content.intro = draft.intro;
  if (draft.thanks !== undefined) content.thanks = draft.thanks;
  if (draft.completionReward !== undefined) content.completionReward = draft.completionReward;
  return content;
}

function toDefinition(row: SurveyRow): SurveyDefinition {
  const definition: SurveyDefinition = {
    id: row.id,
    version: toNumber(row.version),
    trigger: row.trigger,
    status: row.status,
    samplingRate: Number(row.sampling_rate),
    recontactDays: toNumber(row.recontact_days),
    title: row.content.title,
    questions: row.content.questions,
  };
  if (row.content.intro !== undefined) definition.intro = row.content.intro;
  if (row.content.thanks !== undefined) definition.thanks = row.content.thanks;
  if (row.content.completionReward !== undefined) definition.completionReward = row.content.completionReward;
  return definition;
}
