import type {
  AdminSurvey,
  LocalizedText,
  SurveyDefinition,
  SurveyDefinitionInput,
  SurveyStatus,
  SurveySummary,
} from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../../store/database.ts';
import { findSurvey, publishSurveyIn, type PublishOutcome } from './definitions.ts';

/** A definition as its merchant reads it: `active` says whether shoppers are offered it. */
export function toAdminSurvey(survey: SurveyDefinition): AdminSurvey {
  return { ...survey, active: survey.status === 'active' };
}

export async function findAdminSurvey(db: Queryable, programId: string, surveyId: string) {
  const survey = await findSurvey(db, programId, surveyId);
  return survey && toAdminSurvey(survey);
}

/**
 * Defines a survey from its merchant's input: `active` maps onto the status (`active` or `paused`). Safe to
 * repeat: the same input again changes nothing.
 */
export async function defineSurvey(
  db: Database,
  programId: string,
  surveyId: string,
  input: SurveyDefinitionInput,
  at: Date,
): Promise<{ survey: AdminSurvey; outcome: PublishOutcome }> {
  const { active, id: _id, ...draft } = input;
  const status: SurveyStatus = active ? 'active' : 'paused';
  const published = await db.transaction((tx) =>
    publishSurveyIn(tx, programId, { ...draft, id: surveyId, status }, at),
  );
  return { survey: toAdminSurvey(published.survey), outcome: published.outcome };
}

/** Every survey of the program, oldest first, with its current version's title and its response counts. */
export async function listSurveys(db: Queryable, programId: string): Promise<SurveySummary[]> {
  const rows = await db.query<{
    id: string;
    trigger: string;
    status: SurveyStatus;
    version: number | string;
    title: LocalizedText;
    started: number | string;
    completed: number | string;
  }>(
    `SELECT s.id, s.trigger, s.status, s.current_version AS version, v.content -> 'title' AS title,
            count(r.id) AS started,
            count(r.id) FILTER (WHERE r.completed_at IS NOT NULL AND r.counted) AS completed
       FROM surveys s
       JOIN survey_versions v ON v.program_id = s.program_id AND v.survey_id = s.id AND v.version = s.current_version
       LEFT JOIN survey_responses r ON r.program_id = s.program_id AND r.survey_id = s.id
      WHERE s.program_id = $1
      GROUP BY s.program_id, s.id, v.content
      ORDER BY s.created_at, s.id`,
    [programId],
  );
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    active: row.status === 'active',
    trigger: row.trigger,
    version: toNumber(row.version),
    title: row.title,
    responses: { started: toNumber(row.started), completed: toNumber(row.completed) },
  }));
}
