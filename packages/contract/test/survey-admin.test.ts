import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { AdminSurvey, SurveyDefinitionInput, SurveyList, surveyPaths } from '../src/index.ts';
import { buildOpenApiDocument } from '../src/openapi.ts';

const input = {
  active: true,
  trigger: 'post_purchase',
  samplingRate: 1,
  recontactDays: 90,
  title: { en: 'How was your order?', 'zh-CN': '这次购物体验如何？' },
  questions: [{ kind: 'nps', id: 'nps', text: { en: 'Recommend us?', 'zh-CN': '推荐我们吗？' } }],
};

const issuePaths = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('survey definitions over the admin API', () => {
  it('takes a definition with active instead of status, the id only from the path', () => {
    assert.deepEqual(z.parse(SurveyDefinitionInput, input), input);
    assert.deepEqual(issuePaths(SurveyDefinitionInput, { ...input, status: 'active' }), ['']);
    assert.deepEqual(issuePaths(SurveyDefinitionInput, { ...input, version: 2 }), ['']);
    assert.deepEqual(issuePaths(SurveyDefinitionInput, { ...input, active: undefined }), ['active']);
    assert.deepEqual(issuePaths(SurveyDefinitionInput, { ...input, completionReward: 0 }), ['completionReward']);
    // More than a PostgreSQL integer holds: the program's public settings could no longer be read.
    assert.deepEqual(issuePaths(SurveyDefinitionInput, { ...input, completionReward: 3_000_000_000 }), [
      'completionReward',
    ]);
    assert.deepEqual(
      issuePaths(SurveyDefinitionInput, { ...input, questions: [...input.questions, input.questions[0]] }),
      ['questions.1.id'],
    );
  });

  it('answers the definition with its version, status and active', () => {
    const survey = { ...input, id: 'post-purchase-nps', version: 3, status: 'paused', active: false };
    const { active: _active, ...definition } = survey;
    assert.deepEqual(z.parse(AdminSurvey, survey), survey);
    assert.deepEqual(issuePaths(AdminSurvey, definition), ['active']);
    const summary = {
      id: 'post-purchase-nps',
      status: 'active',
      active: true,
      trigger: 'post_purchase',
      version: 1,
      title: input.title,
      responses: { started: 2, completed: 1 },
    };
    assert.deepEqual(z.parse(SurveyList, { surveys: [summary] }), { surveys: [summary] });
  });

  it('is in the OpenAPI document: list, read and define', () => {
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
    const one = surveyPaths.adminSurveyPattern.replace(':surveyId', '{surveyId}');
    assert.equal(document.paths[surveyPaths.adminSurveys]?.get?.operationId, 'listSurveys');
    assert.equal(document.paths[one]?.get?.operationId, 'getSurvey');
    assert.equal(document.paths[one]?.put?.operationId, 'putSurvey');
    assert.equal(surveyPaths.adminSurvey('a b'), '/v1/admin/surveys/a%20b');
  });
});
