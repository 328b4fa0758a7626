import {
  DEPARTURE_REASONS,
  SCALE_RANGES,
  SERVICE_QUALITY_DIMENSIONS,
  chosenOptions,
  isAnswered,
  npsGroup,
  type CesResult,
  type CsatResult,
  type DepartureReason,
  type DimensionResult,
  type NpsResult,
  type QuestionResult,
  type ServqualAnswer,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyVersionResults,
} from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { COUNTED_RESPONSES_SQL } from './counted-responses.ts';
import { versionsAsked, type SurveyContent } from './definitions.ts';

export type SurveyResultsOutcome =
  { kind: 'results'; results: SurveyResults } | { kind: 'survey_not_found'; detail: string };

/** One stored response, as the results see it. */
export interface ResultResponse {
  answers: SurveyAnswers;
  complete: boolean;
}

/**
 * Results of a survey per version (or of one version); scores use every recorded answer of the
 * responses counted (COUNTED_RESPONSES_SQL).
 */
export async function surveyResults(
  db: Queryable,
  programId: string,
  surveyId: string,
  onlyVersion?: number,
): Promise<SurveyResultsOutcome> {
  const asked = await versionsAsked(db, programId, surveyId, onlyVersion);
  if (asked.kind === 'survey_not_found') return asked;
  const { survey, versions } = asked;

  const rows = await db.query<{ version: number | string; answers: SurveyAnswers; complete: boolean }>(
    `SELECT version, answers, complete FROM (${COUNTED_RESPONSES_SQL}) counted`,
    [programId, surveyId, onlyVersion ?? null],
  );
  const dismissalRows = await db.query<{ version: number | string; count: number | string }>(
    `SELECT version, count(*) AS count
       FROM survey_dismissals
      WHERE program_id = $1 AND survey_id = $2 AND ($3::integer IS NULL OR version = $3)
      GROUP BY version`,
    [programId, surveyId, onlyVersion ?? null],
  );
  const dismissals = new Map(dismissalRows.map((row) => [toNumber(row.version), toNumber(row.count)]));

  const groups = versions.map(({ version, content }) => ({
    version,
    questions: content.questions,
    responses: rows
      .filter((row) => toNumber(row.version) === version)
      .map((row) => ({ answers: row.answers, complete: row.complete })),
    dismissals: dismissals.get(version) ?? 0,
  }));
  return {
    kind: 'results',
    results: {
      surveyId,
      currentVersion: survey.version,
      versions: groups.map((group) => versionResults(group.version, group, group.responses, group.dismissals)),
      combined: {
        versions: groups.map((group) => group.version),
        ...pooledResults(
          groups,
          groups.reduce((sum, group) => sum + group.dismissals, 0),
        ),
      },
    },
  };
}

/** One version's questions and the responses counted for it. */
interface VersionResponses {
  questions: readonly SurveyQuestion[];
  responses: readonly ResultResponse[];
}

/** The arithmetic, apart from the database. */
export function versionResults(
  version: number,
  content: Pick<SurveyContent, 'questions'>,
  responses: readonly ResultResponse[],
  dismissals: number,
): SurveyVersionResults {
  return {
    version,
    ...pooledResults([{ questions: content.questions, responses }], dismissals),
    questions: content.questions.map((question) => questionResult(question, responses)),
  };
}

/**
 * The headline results of one or more versions' responses together: NPS, CSAT and CES from the first question of
 * that kind in each response's version (null when no version has one), dimensions and departures.
 */
function pooledResults(
  groups: readonly VersionResponses[],
  dismissals: number,
): Omit<SurveyVersionResults, 'version' | 'questions'> {
  const responses = groups.flatMap((group) => group.responses);
  const complete = responses.filter((response) => response.complete).length;
  const scores = (kind: 'nps' | 'csat' | 'ces') => {
    const asked = groups.flatMap(({ questions, responses: answered }) => {
      const question = questions.find((candidate) => candidate.kind === kind);
      return question === undefined ? [] : [answered.map((response) => response.answers[question.id])];
    });
    return asked.length === 0 ? undefined : (asked.flat().filter(isAnswered) as number[]);
  };
  const [nps, csat, ces] = [scores('nps'), scores('csat'), scores('ces')];
  return {
    responses: { total: responses.length, complete, partial: responses.length - complete },
    dismissals,
    nps: nps === undefined ? null : npsResult(nps),
    csat: csat === undefined ? null : csatResult(csat),
    ces: ces === undefined ? null : cesResult(ces),
    dimensions: dimensionResults(groups),
    departures: departureResults(groups),
  };
}

function questionResult(question: SurveyQuestion, responses: readonly ResultResponse[]): QuestionResult {
  const answers = responses.map((response) => response.answers[question.id]).filter(isAnswered) as SurveyAnswer[];
  const questionId = question.id;
  switch (question.kind) {
    case 'nps':
      return { kind: 'nps', questionId, ...npsResult(answers as number[]) };
    case 'csat':
      return { kind: 'csat', questionId, ...csatResult(answers as number[]) };
    case 'ces':
      return { kind: 'ces', questionId, ...cesResult(answers as number[]) };
    case 'free_text':
      return { kind: 'free_text', questionId, answered: answers.length };
    case 'servqual': {
      const ratings = answers as ServqualAnswer[];
      return {
        kind: 'servqual',
        questionId,
        answered: ratings.length,
        dimensions: question.items.map(({ dimension }) => {
          const values = ratings.flatMap((rating) => (rating[dimension] === undefined ? [] : [rating[dimension]]));
          return { dimension, count: values.length, mean: mean(values) };
        }),
      };
    }
    case 'single_choice':
    case 'multiple_choice': {
      const chosen = answers.map(chosenOptions);
      return {
        kind: question.kind,
        questionId,
        answered: answers.length,
        options: question.options.map((option) => ({
          optionId: option.id,
          dimension: option.dimension ?? null,
          count: chosen.filter((ids) => ids.includes(option.id)).length,
        })),
        otherTexts: answers.filter(
          (answer) => typeof answer === 'object' && 'otherText' in answer && isAnswered(answer.otherText),
        ).length,
      };
    }
  }
}

function npsResult(scores: readonly number[]): NpsResult {
  const count = (group: string) => scores.filter((score) => npsGroup(score) === group).length;
  const promoters = count('promoter');
  const detractors = count('detractor');
  return {
    answered: scores.length,
    promoters,
    passives: count('passive'),
    detractors,
    score: scores.length === 0 ? null : round(((promoters - detractors) * 100) / scores.length, 1),
    distribution: distribution(scores, SCALE_RANGES.nps),
  };
}

function csatResult(scores: readonly number[]): CsatResult {
  const satisfied = scores.filter((score) => score >= 4).length;
  return {
    answered: scores.length,
    satisfied,
    satisfiedPercent: scores.length === 0 ? null : round((satisfied * 100) / scores.length, 1),
    mean: mean(scores),
    distribution: distribution(scores, SCALE_RANGES.csat),
  };
}

function cesResult(scores: readonly number[]): CesResult {
  return { answered: scores.length, mean: mean(scores), distribution: distribution(scores, SCALE_RANGES.ces) };
}

/**
 * Per dimension: the servqual ratings of it, and how often options tagged with it were chosen, by
 * how many respondents (as a share of those who answered a question offering such an option), and
 * the mean NPS those respondents gave.
 */
function dimensionResults(groups: readonly VersionResponses[]): DimensionResult[] {
  return SERVICE_QUALITY_DIMENSIONS.map((dimension) => {
    const ratings: number[] = [];
    let count = 0;
    let asked = 0;
    const mentioners: number[] = [];
    let respondents = 0;
    for (const { questions, responses } of groups) {
      const npsQuestion = questions.find((question) => question.kind === 'nps');
      for (const question of questions) {
        if (question.kind !== 'servqual') continue;
        for (const response of responses) {
          const value = (response.answers[question.id] as ServqualAnswer | undefined)?.[dimension];
          if (value !== undefined) ratings.push(value);
        }
      }
      const offering = questions.filter(
        (question) =>
          (question.kind === 'single_choice' || question.kind === 'multiple_choice') &&
          question.options.some((option) => option.dimension === dimension),
      ) as Array<Extract<SurveyQuestion, { options: unknown }>>;
      for (const response of responses) {
        if (!offering.some((question) => isAnswered(response.answers[question.id]))) continue;
        asked += 1;
        const mentions = offering.flatMap((question) => {
          const chosen = chosenOptions(response.answers[question.id]);
          return question.options.filter((option) => option.dimension === dimension && chosen.includes(option.id));
        }).length;
        if (mentions === 0) continue;
        count += mentions;
        respondents += 1;
        const nps = npsQuestion && response.answers[npsQuestion.id];
        if (typeof nps === 'number') mentioners.push(nps);
      }
    }
    return {
      dimension,
      rating: { count: ratings.length, mean: mean(ratings) },
      mentions: {
        count,
        respondents,
        share: asked === 0 ? null : round((respondents * 100) / asked, 1),
        meanNps: mean(mentioners),
      },
    };
  });
}

/**
 * Why customers left, from the choice options that name a departure reason: per reason, how many
 * respondents chose it (once each, however many of its options they chose) and their share of the
 * respondents who chose any reason. Null when no option names one.
 */
function departureResults(groups: readonly VersionResponses[]): SurveyVersionResults['departures'] {
  const counts = new Map<DepartureReason, number>(DEPARTURE_REASONS.map((reason) => [reason, 0]));
  let respondents = 0;
  let named = false;
  for (const { questions, responses } of groups) {
    const reasonsOf = questions.flatMap((question) =>
      question.kind === 'single_choice' || question.kind === 'multiple_choice'
        ? question.options.flatMap((option) =>
            option.departureReason === undefined
              ? []
              : [{ questionId: question.id, optionId: option.id, reason: option.departureReason }],
          )
        : [],
    );
    if (reasonsOf.length > 0) named = true;
    for (const response of responses) {
      const chosen = new Set(
        reasonsOf
          .filter(({ questionId, optionId }) => chosenOptions(response.answers[questionId]).includes(optionId))
          .map(({ reason }) => reason),
      );
      if (chosen.size === 0) continue;
      respondents += 1;
      for (const reason of chosen) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  if (!named) return null;
  return {
    respondents,
    reasons: DEPARTURE_REASONS.map((reason) => {
      const count = counts.get(reason) ?? 0;
      return { reason, count, share: respondents === 0 ? null : round((count * 100) / respondents, 1) };
    }),
  };
}

function distribution(scores: readonly number[], range: { min: number; max: number }) {
  return Array.from({ length: range.max - range.min + 1 }, (_, i) => ({
    value: range.min + i,
    count: scores.filter((score) => score === range.min + i).length,
  }));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length, 2);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
