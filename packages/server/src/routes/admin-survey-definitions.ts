import type { Hono } from 'hono';
import { SurveyDefinitionInput, SurveyId, surveyPaths, type SurveyList } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { defineSurvey, findAdminSurvey, listSurveys } from '../domain/surveys/catalogue.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/**
 * The merchant's surveys (secret key): `GET /v1/admin/surveys`, and `GET` and `PUT /v1/admin/surveys/{surveyId}`
 * (creates: 201; a new version or a settings change, or nothing when the definition is the same: 200).
 */
export function adminSurveyDefinitionRoutes(app: Hono, { db, now }: AppContext): void {
  app.get(surveyPaths.adminSurveys, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    const body: SurveyList = { surveys: await listSurveys(db, program.id) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get(surveyPaths.adminSurveyPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const survey = await findAdminSurvey(db, program.id, surveyId);
    if (survey === undefined)
      throw new ProblemError(404, 'survey_not_found', `No survey "${surveyId}" in this program.`);
    c.header('Cache-Control', 'no-store');
    return c.json(survey);
  });

  app.put(surveyPaths.adminSurveyPattern, async (c) => {
    const at = now();
    const program = await authenticateSecretKey(c, db, at);
    const surveyId = parseOrThrow(SurveyId, c.req.param('surveyId'), 'path.surveyId');
    const input = parseOrThrow(SurveyDefinitionInput, await readJson(c), 'body');
    if (input.id !== undefined && input.id !== surveyId) {
      throw validationFailed([{ path: 'body.id', message: `Must be the survey id in the path, "${surveyId}".` }]);
    }
    const { survey, outcome } = await defineSurvey(db, program.id, surveyId, input, at);
    c.header('Cache-Control', 'no-store');
    return c.json(survey, outcome === 'created' ? 201 : 200);
  });
}
