import {
  SERVICE_QUALITY_DIMENSIONS,
  npsGroup,
  type NpsGroup,
  type ServiceQualityDimension,
  type SurveyQuestion,
  type Verbatim,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { COUNTED_RESPONSES_SQL, npsAnswerSql } from './counted-responses.ts';
import { versionsAsked, type SurveyContent } from './definitions.ts';
import { npsQuestions } from './feedback.ts';

// What shoppers wrote: the free-text answers of the responses the results count, newest first, with the response's
// NPS group and the service-quality dimensions of the options it chose. Filtered and paged by the database.

/** Where a page ends: the last verbatim's response, its answer time and its question's place in the survey. */
export interface VerbatimCursor {
  answeredAt: string;
  responseId: string;
  position: number;
}

export interface VerbatimFilter {
  version: number | undefined;
  group: NpsGroup | undefined;
  dimension: ServiceQualityDimension | undefined;
  /** Answered at or after `start` and before `end`. */
  start: Date | undefined;
  end: Date | undefined;
  limit: number;
  after: VerbatimCursor | undefined;
}

export type VerbatimsOutcome =
  | { kind: 'verbatims'; verbatims: Verbatim[]; next: VerbatimCursor | null }
  | { kind: 'survey_not_found'; detail: string };

type Versions = ReadonlyArray<{ version: number; content: Pick<SurveyContent, 'questions'> }>;

/** The free-text questions of each version with their place in it (version, question_id, position). */
function textQuestions(versions: Versions): string {
  return JSON.stringify(
    versions.flatMap(({ version, content }) =>
      content.questions.flatMap((question, position) =>
        question.kind === 'free_text' ? [{ version, question_id: question.id, position }] : [],
      ),
    ),
  );
}

/** Every choice option tagged with a dimension (version, question_id, option_id, dimension). */
function dimensionOptions(versions: Versions): string {
  return JSON.stringify(
    versions.flatMap(({ version, content }) =>
      content.questions.flatMap((question: SurveyQuestion) =>
        question.kind === 'single_choice' || question.kind === 'multiple_choice'
          ? question.options.flatMap((option) =>
              option.dimension === undefined
                ? []
                : [{ version, question_id: question.id, option_id: option.id, dimension: option.dimension }],
            )
          : [],
      ),
    ),
  );
}

interface VerbatimRow {
  id: string;
  version: unknown;
  customer_id: string;
  name: string;
  nps: unknown;
  question_id: string;
  position: unknown;
  text: string;
  dimensions: string[];
  answered_at: Date | string;
}

const NPS_GROUP = `CASE WHEN v.nps >= 9 THEN 'promoter' WHEN v.nps >= 7 THEN 'passive'
                        WHEN v.nps IS NOT NULL THEN 'detractor' END`;

export async function surveyVerbatims(
  db: Queryable,
  programId: string,
  surveyId: string,
  filter: VerbatimFilter,
): Promise<VerbatimsOutcome> {
  const asked = await versionsAsked(db, programId, surveyId, filter.version);
  if (asked.kind === 'survey_not_found') return asked;
  const { after } = filter;
  const rows = await db.query<VerbatimRow>(
    `WITH texts AS (
       SELECT c.id, c.customer_id, c.version, c.answers, c.answered_at, t.question_id, t.position,
              c.answers ->> t.question_id AS text
         FROM (${COUNTED_RESPONSES_SQL}) c
         JOIN jsonb_to_recordset($5::jsonb) AS t(version integer, question_id text, position integer)
           ON t.version = c.version
        WHERE jsonb_typeof(c.answers -> t.question_id) = 'string' AND btrim(c.answers ->> t.question_id) <> ''
          AND ($7::timestamptz IS NULL OR c.answered_at >= $7) AND ($8::timestamptz IS NULL OR c.answered_at < $8)
          AND ($9::timestamptz IS NULL OR (c.answered_at, c.id, -t.position) < ($9, $10::uuid, -$11::integer))
     ), verbatims AS (
       SELECT x.*,
              (SELECT ${npsAnswerSql('x', 'q.question_id')}
                 FROM jsonb_to_recordset($4::jsonb) AS q(version integer, question_id text)
                WHERE q.version = x.version) AS nps,
              (SELECT COALESCE(jsonb_agg(DISTINCT o.dimension), '[]'::jsonb)
                 FROM jsonb_to_recordset($6::jsonb) AS o(version integer, question_id text, option_id text, dimension text)
                WHERE o.version = x.version
                  AND (x.answers -> o.question_id ->> 'option' = o.option_id
                       OR (jsonb_typeof(x.answers -> o.question_id -> 'options') = 'array'
                           AND (x.answers -> o.question_id -> 'options') ? o.option_id))) AS dimensions
         FROM texts x
     )
     SELECT v.id, v.version, v.customer_id, cu.name, v.nps, v.question_id, v.position, v.text, v.dimensions,
            v.answered_at
       FROM verbatims v
       JOIN customers cu ON cu.program_id = $1 AND cu.id = v.customer_id
      WHERE ($12::text IS NULL OR ${NPS_GROUP} = $12) AND ($13::text IS NULL OR v.dimensions ? $13)
      ORDER BY v.answered_at DESC, v.id DESC, v.position
      LIMIT $14`,
    [
      programId,
      surveyId,
      filter.version ?? null,
      npsQuestions(asked.versions),
      textQuestions(asked.versions),
      dimensionOptions(asked.versions),
      filter.start ?? null,
      filter.end ?? null,
      after?.answeredAt ?? null,
      after?.responseId ?? null,
      after?.position ?? null,
      filter.group ?? null,
      filter.dimension ?? null,
      filter.limit + 1,
    ],
  );
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const next =
    rows.length > filter.limit && last !== undefined
      ? {
          answeredAt: new Date(last.answered_at).toISOString(),
          responseId: last.id,
          position: toNumber(last.position),
        }
      : null;
  return { kind: 'verbatims', verbatims: page.map(toVerbatim), next };
}

function toVerbatim(row: VerbatimRow): Verbatim {
  const nps = row.nps === null ? null : toNumber(row.nps);
  return {
    responseId: row.id,
    version: toNumber(row.version),
    customer: { id: row.customer_id, name: row.name },
    nps,
    group: nps === null ? null : npsGroup(nps),
    questionId: row.question_id,
    text: row.text,
    dimensions: SERVICE_QUALITY_DIMENSIONS.filter((dimension) => row.dimensions.includes(dimension)),
    answeredAt: new Date(row.answered_at).toISOString(),
  };
}
