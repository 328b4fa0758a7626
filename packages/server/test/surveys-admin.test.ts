import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AdminSurvey,
  SurveyList,
  surveyPaths,
  type SurveyDefinitionInput,
  type SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { surveyVersions } from '../src/domain/surveys/definitions.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { adminGet, eligible, putResponse, resultsOf, save, testSurvey, uniqueSurveyId } from './support/surveys.ts';
import { defined, inputOf, putSurvey } from './support/survey-admin.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const programId = DEMO_SEED.program.id;

async function getSurvey(surveyId: string): Promise<AdminSurvey> {
  const res = await adminGet(server, surveyPaths.adminSurvey(surveyId));
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(AdminSurvey, await res.json());
}

async function listed(surveyId: string) {
  const res = await adminGet(server, surveyPaths.adminSurveys);
  assert.equal(res.status, 200, await res.clone().text());
  const list = parseExactly(SurveyList, await res.json());
  return list.surveys.find((survey) => survey.id === surveyId);
}

/** A response write: every answer so far, at `sequence`, completing the response when `complete`. */
function write(
  surveyId: string,
  version: number,
  sequence: number,
  answers: SurveyResponseUpdate['answers'],
  complete = false,
) {
  return { surveyId, version, sequence, answers, ...(complete ? { complete } : {}) };
}

async function versionNumbers(surveyId: string): Promise<number[]> {
  return (await surveyVersions(server.db, programId, surveyId)).map((version) => version.version);
}

test('PUT creates a survey (201, version 1); GET reads it back and the list shows it', async () => {
  const draft = testSurvey({ completionReward: 20 });
  const created = await defined(server, draft.id, inputOf(draft), 201);
  const { status: _status, ...rest } = draft;
  assert.deepEqual(created, { ...rest, status: 'active', active: true, version: 1 });
  assert.deepEqual(await getSurvey(draft.id), created);
  assert.deepEqual(await listed(draft.id), {
    id: draft.id,
    status: 'active',
    active: true,
    trigger: draft.trigger,
    version: 1,
    title: draft.title,
    responses: { started: 0, completed: 0 },
  });

  const res = await adminGet(server, surveyPaths.adminSurveys);
  const { surveys } = parseExactly(SurveyList, await res.json());
  for (const id of ['post-purchase-nps', 'account-csat', 'program-exit']) {
    assert.ok(
      surveys.some((survey) => survey.id === id),
      `the demo survey ${id} is listed`,
    );
  }
});

test('an identical PUT changes nothing; settings alone keep the version; new content publishes the next version', async () => {
  const draft = testSurvey();
  const input = inputOf(draft);
  await defined(server, draft.id, input, 201);

  const again = await defined(server, draft.id, input, 200);
  assert.equal(again.version, 1);
  // The same content with its keys in another order is the same content.
  const reordered = Object.fromEntries(Object.entries(input).reverse()) as SurveyDefinitionInput;
  assert.equal((await defined(server, draft.id, reordered, 200)).version, 1);
  assert.deepEqual(await versionNumbers(draft.id), [1]);

  const settings = { ...input, samplingRate: 0.25, recontactDays: 7, trigger: `${draft.trigger}_b`, active: false };
  const resettled = await defined(server, draft.id, settings, 200);
  assert.deepEqual(
    [resettled.version, resettled.samplingRate, resettled.recontactDays, resettled.trigger, resettled.status],
    [1, 0.25, 7, `${draft.trigger}_b`, 'paused'],
  );
  assert.deepEqual(await versionNumbers(draft.id), [1]);

  const retitled = { ...settings, title: { en: 'A new title', 'zh-CN': '新标题' } };
  const published = await defined(server, draft.id, retitled, 200);
  assert.equal(published.version, 2);
  assert.deepEqual(published.title, retitled.title);
  assert.equal(published.samplingRate, 0.25, 'the settings stay');
  assert.equal((await defined(server, draft.id, { ...retitled, completionReward: 5 }, 200)).version, 3);
  assert.equal((await defined(server, draft.id, { ...retitled, completionReward: 5 }, 200)).version, 3);
  assert.deepEqual(await versionNumbers(draft.id), [1, 2, 3]);
  assert.deepEqual(await getSurvey(draft.id), { ...published, version: 3, completionReward: 5 });
  assert.equal((await listed(draft.id))?.version, 3);

  // The id may be repeated in the body, as GET gives it.
  assert.equal((await defined(server, draft.id, { ...retitled, completionReward: 5, id: draft.id }, 200)).version, 3);
});

test('10 parallel PUTs of different content publish 10 versions, numbered without gaps or repeats', async () => {
  const draft = testSurvey();
  await defined(server, draft.id, inputOf(draft), 201);
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      putSurvey(server, draft.id, { ...inputOf(draft), title: { en: `Title ${i}`, 'zh-CN': `标题 ${i}` } }),
    ),
  );
  const bodies = await Promise.all(
    answers.map(async (res) => {
      assert.equal(res.status, 200, await res.clone().text());
      return parseExactly(AdminSurvey, await res.json());
    }),
  );
  assert.deepEqual(
    bodies.map((body) => body.version).sort((a, b) => a - b),
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  assert.deepEqual(await versionNumbers(draft.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const versions = await surveyVersions(server.db, programId, draft.id);
  const titles = new Set(versions.slice(1).map((version) => version.content.title.en));
  assert.equal(titles.size, 10, 'every PUT’s content is a version of its own: none is lost');
  const current = await getSurvey(draft.id);
  const last = bodies.find((body) => body.version === 11);
  assert.deepEqual(current.title, last?.title, 'the current version is the last one published');
});

test('10 parallel identical PUTs of a new survey create it once (one 201) and publish one version', async () => {
  const errorsBefore = server.loggedErrors.length;
  const draft = testSurvey();
  const answers = await Promise.all(Array.from({ length: 10 }, () => putSurvey(server, draft.id, inputOf(draft))));
  const statuses = answers.map((res) => res.status).sort();
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
  for (const res of answers) assert.equal(parseExactly(AdminSurvey, await res.json()).version, 1);
  assert.deepEqual(await versionNumbers(draft.id), [1]);
  assert.deepEqual(server.loggedErrors.slice(errorsBefore), [], 'no request failed on the server');
});

test('responses keep the version they answered; results per version and combined', async () => {
  const draft = testSurvey({ completionReward: 10 });
  const input = inputOf(draft);
  await defined(server, draft.id, input, 201);

  const early = await createDemoCustomer(server, 'early');
  assert.equal((await eligible(server, early, draft.trigger)).survey?.version, 1);
  const earlyResponse = randomUUID();
  await save(server, early, earlyResponse, write(draft.id, 1, 1, { nps: 10 }));

  const v2 = await defined(server, draft.id, { ...input, title: { en: 'Version two', 'zh-CN': '第二版' } }, 200);
  assert.equal(v2.version, 2);
  const finished = await save(server, early, earlyResponse, write(draft.id, 1, 2, { nps: 10, csat: 5 }, true));
  assert.deepEqual([finished.version, finished.pointsAwarded], [1, 10], 'the v1 response completes on v1');

  const late = await createDemoCustomer(server, 'late');
  const offered = await eligible(server, late, draft.trigger);
  assert.deepEqual([offered.survey?.version, offered.survey?.title.en], [2, 'Version two']);
  await save(server, late, randomUUID(), write(draft.id, 2, 1, { nps: 2, csat: 1 }, true));

  const one = await resultsOf(server, draft.id, 1);
  assert.deepEqual(
    one.versions.map((v) => [v.version, v.responses.complete, v.nps?.score]),
    [[1, 1, 100]],
  );
  assert.deepEqual([one.combined.versions, one.combined.nps?.score], [[1], 100]);
  const two = await resultsOf(server, draft.id, 2);
  assert.deepEqual(
    two.versions.map((v) => [v.version, v.responses.complete, v.nps?.score]),
    [[2, 1, -100]],
  );

  const all = await resultsOf(server, draft.id);
  assert.equal(all.currentVersion, 2);
  assert.deepEqual(
    all.versions.map((v) => v.version),
    [1, 2],
  );
  assert.deepEqual(all.combined.versions, [1, 2]);
  assert.deepEqual(all.combined.responses, { total: 2, complete: 2, partial: 0 });
  assert.deepEqual(
    [all.combined.nps?.answered, all.combined.nps?.promoters, all.combined.nps?.detractors, all.combined.nps?.score],
    [2, 1, 1, 0],
  );
  assert.deepEqual([all.combined.csat?.answered, all.combined.csat?.mean, all.combined.csat?.satisfied], [2, 3, 1]);
  assert.deepEqual(await listed(draft.id), {
    id: draft.id,
    status: 'active',
    active: true,
    trigger: draft.trigger,
    version: 2,
    title: v2.title,
    responses: { started: 2, completed: 2 },
  });

  const missing = await adminGet(server, `${surveyPaths.results(draft.id)}?version=3`);
  await expectProblem(missing, 404, 'survey_not_found');
});

test('active: false stops a survey being offered and keeps its results; active: true offers it again', async () => {
  const draft = testSurvey();
  const input = inputOf(draft);
  await defined(server, draft.id, input, 201);
  const answered = await createDemoCustomer(server, 'answered');
  await save(server, answered, randomUUID(), write(draft.id, 1, 1, { nps: 9 }, true));

  const midway = await createDemoCustomer(server, 'midway');
  const midwayResponse = randomUUID();
  await save(server, midway, midwayResponse, write(draft.id, 1, 1, { nps: 4 }));

  const off = await defined(server, draft.id, { ...input, active: false }, 200);
  assert.deepEqual([off.active, off.status, off.version], [false, 'paused', 1]);
  const shopper = await createDemoCustomer(server, 'shopper');
  assert.deepEqual(await eligible(server, shopper, draft.trigger), { survey: null, reason: 'no_survey' });
  const refused = await putResponse(server, shopper, randomUUID(), write(draft.id, 1, 1, { nps: 8 }));
  await expectProblem(refused, 409, 'survey_not_active');
  const finished = await save(server, midway, midwayResponse, write(draft.id, 1, 2, { nps: 4 }, true));
  assert.equal(finished.status, 'complete', 'a response begun before the switch-off can still complete');
  const results = await resultsOf(server, draft.id);
  assert.deepEqual(results.combined.responses, { total: 2, complete: 2, partial: 0 }, 'no result is lost');
  assert.deepEqual((await listed(draft.id))?.responses, { started: 2, completed: 2 });

  const on = await defined(server, draft.id, input, 200);
  assert.deepEqual([on.active, on.status, on.version], [true, 'active', 1]);
  assert.equal((await eligible(server, shopper, draft.trigger)).survey?.id, draft.id);
  assert.deepEqual((await resultsOf(server, draft.id)).combined.responses, results.combined.responses);
});

test('an invalid definition is a 400 naming the field, and changes nothing', async () => {
  const errorsBefore = server.loggedErrors.length;
  const draft = testSurvey();
  const input = inputOf(draft);
  await defined(server, draft.id, input, 201);
  const [nps, second, ...others] = input.questions;
  assert.ok(nps && second);

  const cases: Array<[string, unknown, string]> = [
    [
      'a question id used twice',
      { ...input, questions: [nps, { ...second, id: 'nps' }, ...others] },
      'body.questions.1.id',
    ],
    [
      'a branch to an unknown question',
      { ...input, questions: [nps, { ...second, showIf: { questionId: 'nowhere', max: 6 } }, ...others] },
      'body.questions.1.showIf.questionId',
    ],
    ['a reward of 0', { ...input, completionReward: 0 }, 'body.completionReward'],
    ['a fractional reward', { ...input, completionReward: 2.5 }, 'body.completionReward'],
    ['a reward as text', { ...input, completionReward: '50' }, 'body.completionReward'],
    ['a huge reward', { ...input, completionReward: 1e300 }, 'body.completionReward'],
    ['a sampling rate above 1', { ...input, samplingRate: 1.5 }, 'body.samplingRate'],
    ['negative recontact days', { ...input, recontactDays: -1 }, 'body.recontactDays'],
    ['active as text', { ...input, active: 'yes' }, 'body.active'],
    ['no active', { ...input, active: undefined }, 'body.active'],
    ['a trigger that is not snake_case', { ...input, trigger: 'Post Purchase' }, 'body.trigger'],
    ['a control character in the title', { ...input, title: { en: 'Hi\u0000there' } }, 'body.title.en'],
    ['no questions', { ...input, questions: [] }, 'body.questions'],
    ['an unknown field', { ...input, versionNote: 'x' }, 'body'],
    ['a status (use active)', { ...input, status: 'active' }, 'body'],
    ['another survey’s id', { ...input, id: 'another-survey' }, 'body.id'],
  ];
  for (const [what, body, path] of cases) {
    const problem = await expectProblem(await putSurvey(server, draft.id, body), 400, 'validation_failed');
    assert.ok(
      problem.errors?.some((error) => error.path === path),
      `${what}: ${JSON.stringify(problem.errors)} names ${path}`,
    );
  }
  const unknownField = await expectProblem(
    await putSurvey(server, draft.id, { ...input, versionNote: 'x' }),
    400,
    'validation_failed',
  );
  assert.match(JSON.stringify(unknownField.errors), /versionNote/);

  await expectProblem(await putSurvey(server, draft.id, '{"title":'), 400, 'validation_failed');
  await expectProblem(await putSurvey(server, 'Not A Slug', input), 400, 'validation_failed');
  await expectProblem(await adminGet(server, surveyPaths.adminSurvey('x'.repeat(65))), 400, 'validation_failed');
  assert.deepEqual(await versionNumbers(draft.id), [1]);
  assert.deepEqual(await getSurvey(draft.id), { ...inputOf(draft), id: draft.id, status: 'active', version: 1 });
  assert.deepEqual(server.loggedErrors.slice(errorsBefore), [], 'no request failed on the server');
});

test('the survey admin routes need the secret key (401), and an unknown survey is a 404', async () => {
  const draft = testSurvey();
  const wrongKeys = [null, server.config.demoPublishableKey, 'sk_not_a_key'];
  for (const key of wrongKeys) {
    await expectProblem(await adminGet(server, surveyPaths.adminSurveys, key), 401, 'secret_key_invalid');
    await expectProblem(await adminGet(server, surveyPaths.adminSurvey(draft.id), key), 401, 'secret_key_invalid');
    await expectProblem(await putSurvey(server, draft.id, inputOf(draft), key), 401, 'secret_key_invalid');
  }
  assert.deepEqual(await versionNumbers(draft.id), [], 'nothing was created');
  await expectProblem(await adminGet(server, surveyPaths.adminSurvey(uniqueSurveyId())), 404, 'survey_not_found');
  await expectProblem(await adminGet(server, surveyPaths.results(uniqueSurveyId())), 404, 'survey_not_found');
});
