import type { Hono } from 'hono';
import { SurveyId, SurveyResultsQuery, surveyPaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { surveyResults } from '../domain/surveys/results.ts';
import { ProblemError } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';

/** Survey results, for the merchant (secret key). */
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
}
