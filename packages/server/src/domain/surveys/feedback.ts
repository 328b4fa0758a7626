import { FEEDBACK_DEFAULT_WEEKS, type NpsWeek, type SurveyFeedback } from '@loyalty-elements/contract';
import { toNumber, type Queryable } from '../../store/database.ts';
import { startOfDay } from '../churn.ts';
import { addDays, dayNumber, formatDate, mondayOf, type PlainDate } from '../time.ts';
import { COUNTED_RESPONSES_SQL, npsAnswerSql } from './counted-responses.ts';
import { versionsAsked } from './definitions.ts';

// A survey's NPS week by week and its 0–10 distribution, counted by the database over the responses the results
// API counts (COUNTED_RESPONSES_SQL), each placed at the moment it was answered.

export type FeedbackOutcome =
  { kind: 'feedback'; feedback: SurveyFeedback } | { kind: 'survey_not_found'; detail: string };

/** Calendar days of the program, both included. */
export interface DayRange {
  from: PlainDate;
  to: PlainDate;
}

/** The range asked for, completed by the defaults: up to today, from the Monday eleven weeks before `to`'s. */
export function feedbackRange(from: PlainDate | undefined, to: PlainDate | undefined, today: PlainDate): DayRange {
  const end = to ?? today;
  return { from: from ?? addDays(mondayOf(end), -7 * (FEEDBACK_DEFAULT_WEEKS - 1)), to: end };
}

/** How many weeks (Monday to Sunday) the range touches. */
export function weeksTouched(range: DayRange): number {
  return (dayNumber(mondayOf(range.to)) - dayNumber(mondayOf(range.from))) / 7 + 1;
}

/** Where the range's days start and end in time, in the program's time zone: [start, end). */
export function rangeInstants(range: DayRange, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDay(range.from, timeZone), end: startOfDay(addDays(range.to, 1), timeZone) };
}

/** The NPS question of each version, as `jsonb_to_recordset` reads it (version, question_id). */
export function npsQuestions(
  versions: ReadonlyArray<{ version: number; content: { questions: ReadonlyArray<{ kind: string; id: string }> } }>,
) {
  return JSON.stringify(
    versions.flatMap(({ version, content }) => {
      const question = content.questions.find((candidate) => candidate.kind === 'nps');
      return question === undefined ? [] : [{ version, question_id: question.id }];
    }),
  );
}

const SCORED = `
  WITH scored AS (
    SELECT c.answered_at, ${npsAnswerSql('c', 'q.question_id')} AS nps
      FROM (${COUNTED_RESPONSES_SQL}) c
      LEFT JOIN jsonb_to_recordset($4::jsonb) AS q(version integer, question_id text) ON q.version = c.version
  )`;

export async function surveyFeedback(
  db: Queryable,
  program: { id: string; timezone: string },
  surveyId: string,
  onlyVersion: number | undefined,
  range: DayRange,
): Promise<FeedbackOutcome> {
  const asked = await versionsAsked(db, program.id, surveyId, onlyVersion);
  if (asked.kind === 'survey_not_found') return asked;
  const questions = npsQuestions(asked.versions);
  const firstMonday = mondayOf(range.from);
  const mondays = Array.from({ length: weeksTouched(range) }, (_, index) => addDays(firstMonday, index * 7));
  const { start, end } = rangeInstants(range, program.timezone);
  // The first week starts at `from`, the last ends after `to`: the weeks add up to the range exactly.
  const starts = mondays.map((monday, index) => (index === 0 ? start : startOfDay(monday, program.timezone)));
  const ends = mondays.map((monday, index) =>
    index === mondays.length - 1 ? end : startOfDay(addDays(monday, 7), program.timezone),
  );
  const params = [program.id, surveyId, onlyVersion ?? null, questions];
  const [weeks, scores] = await Promise.all([
    db.query<{ i: unknown; responses: unknown; promoters: unknown; passives: unknown; detractors: unknown }>(
      `${SCORED}
       SELECT w.i, count(s.answered_at) AS responses,
              count(*) FILTER (WHERE s.nps >= 9) AS promoters,
              count(*) FILTER (WHERE s.nps BETWEEN 7 AND 8) AS passives,
              count(*) FILTER (WHERE s.nps <= 6) AS detractors
         FROM unnest($5::timestamptz[], $6::timestamptz[]) WITH ORDINALITY AS w(start_at, end_at, i)
         LEFT JOIN scored s ON s.answered_at >= w.start_at AND s.answered_at < w.end_at
        GROUP BY w.i`,
      [...params, starts, ends],
    ),
    db.query<{ score: unknown; count: unknown }>(
      `${SCORED}
       SELECT g.score, count(s.nps) AS count
         FROM generate_series(0, 10) AS g(score)
         LEFT JOIN scored s ON s.nps = g.score AND s.answered_at >= $5 AND s.answered_at < $6
        GROUP BY g.score ORDER BY g.score`,
      [...params, start, end],
    ),
  ]);
  const weekly = mondays.map((monday, index) => {
    const row = weeks.find((candidate) => toNumber(candidate.i) === index + 1);
    const counts = {
      responses: toNumber(row?.responses ?? 0),
      promoters: toNumber(row?.promoters ?? 0),
      passives: toNumber(row?.passives ?? 0),
      detractors: toNumber(row?.detractors ?? 0),
    };
    return { weekStart: formatDate(monday), ...counts, ...npsWithBand(counts) };
  });
  return {
    kind: 'feedback',
    feedback: {
      surveyId,
      version: onlyVersion ?? null,
      from: formatDate(range.from),
      to: formatDate(range.to),
      weekly,
      distribution: scores.map((row) => ({ score: toNumber(row.score), count: toNumber(row.count) })),
    },
  };
}

/**
 * NPS and its 95 % confidence band by the normal approximation: each answer scores +1 (promoter), 0 (passive) or
 * −1 (detractor); NPS is 100 × their mean, the band 100 × (mean ± 1.96 · sd / √n) with sd the scores' standard
 * deviation, clamped to −100…100. One decimal; no band under two answers.
 */
export function npsWithBand(counts: {
  promoters: number;
  passives: number;
  detractors: number;
}): Pick<NpsWeek, 'nps' | 'low' | 'high'> {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return { nps: null, low: null, high: null };
  const mean = (counts.promoters - counts.detractors) / n;
  const nps = round1(((counts.promoters - counts.detractors) * 100) / n);
  if (n < 2) return { nps, low: null, high: null };
  const variance = (counts.promoters + counts.detractors) / n - mean * mean;
  const margin = (1.96 * Math.sqrt(Math.max(variance, 0))) / Math.sqrt(n);
  const clamp = (value: number) => Math.min(100, Math.max(-100, value));
  return { nps, low: round1(clamp((mean - margin) * 100)), high: round1(clamp((mean + margin) * 100)) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
