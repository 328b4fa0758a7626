import type { Hono } from 'hono';
import {
  FollowUpListQuery,
  SurveyId,
  SurveyResultsQuery,
  surveyPaths,
  type FollowUpPage,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import {
  DEFAULT_FOLLOW_UP_PAGE,
  MAX_FOLLOW_UP_PAGE,
  listFollowUps,
  type FollowUpCursor,
} from '../domain/surveys/follow-ups.ts';
import { surveyResults } from '../domain/surveys/results.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';

/** Survey results and service-recovery follow-ups, for the merchant (secret key). */
export function adminSurveysRoute(app: Hono, { db, now }: AppContext): void {
  app.get(surveyPaths.resultsPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const query = parseOrThrow(SurveyResultsQuery, { version: c.req.query('version') }, 'query');
    const version = query.version === undefined ? undefined : Number(query.version);
    const outcome = await surveyResults(db, program.id, surveyId, version);
    if (outcome.kind === 'survey_not_found') throw new ProblemError(404, 'survey_not_found', outcome.detail);
    c.header('Cache-Control', 'no-store');
    return c.json(outcome.results);
  });

  app.get(surveyPaths.followUps, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    const query = parseOrThrow(
      FollowUpListQuery,
      { status: c.req.query('status'), limit: c.req.query('limit'), cursor: c.req.query('cursor') },
      'query',
    );
    const limit = query.limit === undefined ? DEFAULT_FOLLOW_UP_PAGE : Number(query.limit);
    if (limit > MAX_FOLLOW_UP_PAGE) {
      throw validationFailed([{ path: 'query.limit', message: `At most ${MAX_FOLLOW_UP_PAGE}.` }]);
    }
    const page = await listFollowUps(db, {
      programId: program.id,
      status: query.status,
      limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    const body: FollowUpPage = { followUps: page.followUps, nextCursor: page.next && encodeCursor(page.next) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}

function encodeCursor(cursor: FollowUpCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): FollowUpCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw validationFailed([{ path: 'query.cursor', message: 'Not a cursor this API gave out.' }]);
}
