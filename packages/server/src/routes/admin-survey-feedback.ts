import type { Context, Hono } from 'hono';
import {
  FEEDBACK_MAX_WEEKS,
  SurveyFeedbackQuery,
  SurveyId,
  VERBATIM_LIST_DEFAULT_LIMIT,
  VerbatimListQuery,
  feedbackPaths,
  type VerbatimPage,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { feedbackRange, rangeInstants, surveyFeedback, weeksTouched } from '../domain/surveys/feedback.ts';
import { surveyVerbatims, type VerbatimCursor } from '../domain/surveys/verbatims.ts';
import { dayNumber, localDate, parseDate, type PlainDate } from '../domain/time.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { isApiInstant } from './request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A survey's feedback for the merchant (secret key or console session): weekly NPS and the verbatims. */
export function adminSurveyFeedbackRoutes(app: Hono, { db, now: clock }: AppContext): void {
  app.get(feedbackPaths.feedbackPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const query = parseOrThrow(SurveyFeedbackQuery, queryOf(c, ['version', 'from', 'to']), 'query');
    const { from, to } = orderedDates(query);
    const range = feedbackRange(from, to, localDate(now, program.timezone));
    if (weeksTouched(range) > FEEDBACK_MAX_WEEKS) {
      const message = `At most ${FEEDBACK_MAX_WEEKS} weeks from \`from\` to \`to\`.`;
      throw validationFailed([
        { path: 'query.from', message },
        { path: 'query.to', message },
      ]);
    }
    const outcome = await surveyFeedback(db, program, surveyId, versionOf(query.version), range);
    if (outcome.kind === 'survey_not_found') throw new ProblemError(404, 'survey_not_found', outcome.detail);
    c.header('Cache-Control', 'no-store');
    return c.json(outcome.feedback);
  });

  app.get(feedbackPaths.verbatimsPattern, async (c) => {
    const now = clock();
    const program = await authenticateSecretKey(c, db, now);
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const query = parseOrThrow(
      VerbatimListQuery,
      queryOf(c, ['version', 'group', 'dimension', 'from', 'to', 'limit', 'cursor']),
      'query',
    );
    const { from, to } = orderedDates(query);
    const outcome = await surveyVerbatims(db, program.id, surveyId, {
      version: versionOf(query.version),
      group: query.group,
      dimension: query.dimension,
      start: from && rangeInstants({ from, to: from }, program.timezone).start,
      end: to && rangeInstants({ from: to, to }, program.timezone).end,
      limit: query.limit ?? VERBATIM_LIST_DEFAULT_LIMIT,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    if (outcome.kind === 'survey_not_found') throw new ProblemError(404, 'survey_not_found', outcome.detail);
    const body: VerbatimPage = { verbatims: outcome.verbatims, nextCursor: outcome.next && encodeCursor(outcome.next) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}

function queryOf(c: Context, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, c.req.query(name)]));
}

function versionOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/** The query's dates, `from` no later than `to`. */
function orderedDates(query: { from?: string | undefined; to?: string | undefined }): {
  from: PlainDate | undefined;
  to: PlainDate | undefined;
} {
  const from = query.from === undefined ? undefined : parseDate(query.from);
  const to = query.to === undefined ? undefined : parseDate(query.to);
  if (from !== undefined && to !== undefined && dayNumber(from) > dayNumber(to)) {
    throw validationFailed([{ path: 'query.to', message: 'Not before `from`.' }]);
  }
  return { from, to };
}

function encodeCursor(cursor: VerbatimCursor): string {
  return Buffer.from(JSON.stringify([cursor.answeredAt, cursor.responseId, cursor.position])).toString('base64url');
}

function decodeCursor(text: string): VerbatimCursor {
  try {
    const [answeredAt, responseId, position] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      isApiInstant(answeredAt) &&
      typeof responseId === 'string' &&
      UUID.test(responseId) &&
      Number.isSafeInteger(position) &&
      (position as number) >= 0 &&
      (position as number) < 1000
    ) {
      return { answeredAt, responseId, position: position as number };
    }
  } catch {
    // fall through
  }
  throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
}
