import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { surveyPaths, type SurveyDefinition, type SurveyResponseUpdate } from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { expectProblem } from './support/http.ts';
import { adminGet, dismiss, eligible, exitSurvey, publish, resultsOf, save, testSurvey } from './support/surveys.ts';

let server: TestServer;
let survey: SurveyDefinition;

type Answers = SurveyResponseUpdate['answers'];
/** Eleven shoppers' answers with numbers easy to check by hand; `complete: false` stays partial. */
const RESPONSES: Array<{ answers: Answers; complete: boolean }> = [
  {
    answers: {
      nps: 10,
      csat: 5,
      ces: 7,
      channel: { option: 'shop' },
      quality: { reliability: 5, responsiveness: 4, assurance: 5, empathy: 4, tangibles: 3 },
    },
    complete: true,
  },
  {
    answers: { nps: 10, csat: 4, ces: 6, channel: { option: 'web' }, quality: { reliability: 4, responsiveness: 4 } },
    complete: true,
  },
  { answers: { nps: 9, csat: 4, ces: 6 }, complete: true },
  { answers: { nps: 9, csat: 5, ces: 5, quality: { reliability: 5, empathy: 5 } }, complete: true },
  { answers: { nps: 9, csat: 3 }, complete: true },
  { answers: { nps: 8, csat: 4, ces: 4 }, complete: true },
  { answers: { nps: 7 }, complete: false },
  {
    answers: {
      nps: 6,
      reason: { options: ['late', 'slow_reply'] },
      csat: 2,
      ces: 3,
      channel: { option: 'shop' },
      quality: { reliability: 2, responsiveness: 1 },
    },
    complete: true,
  },
  {
    answers: {
      nps: 3,
      reason: { options: ['late', 'broken', 'other'], otherText: 'Lid cracked' },
      complaint: 'Broken pot',
      csat: 1,
      ces: 2,
      channel: { option: 'other', otherText: 'Phone' },
    },
    complete: true,
  },
  { answers: { nps: 0, reason: { options: ['rude'] }, csat: 2, ces: 1, quality: { empathy: 1 } }, complete: false },
  { answers: {}, complete: false },
];

before(async () => {
  server = await startTestServer();
  survey = await publish(server, testSurvey());
  for (const { answers, complete } of RESPONSES) {
    const customerId = await createDemoCustomer(server);
    await save(server, customerId, randomUUID(), {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers,
      complete,
    });
  }
  for (let i = 0; i < 2; i++) {
    const res = await dismiss(server, await createDemoCustomer(server), survey.id);
    assert.equal(res.status, 201);
    await res.body?.cancel();
  }
});
after(() => server.close());

const counts = (pairs: Record<number, number>, min: number, max: number) =>
  Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, count: pairs[min + i] ?? 0 }));

describe('GET /v1/admin/surveys/{surveyId}/results', () => {
  test('counts responses once each, complete and partial', async () => {
    const results = await resultsOf(server, survey.id);
    assert.equal(results.surveyId, survey.id);
    assert.equal(results.currentVersion, 1);
    assert.equal(results.versions.length, 1);
    const [version] = results.versions;
    assert.equal(version?.version, 1);
    assert.deepEqual(version?.responses, { total: 11, complete: 8, partial: 3 });
    assert.equal(version?.dismissals, 2);
  });

  test('NPS is promoters % minus detractors %', async () => {
    const { versions } = await resultsOf(server, survey.id);
    // 5 promoters (10, 10, 9, 9, 9), 2 passives (8, 7), 3 detractors (6, 3, 0) of 10: 50 % − 30 %.
    assert.deepEqual(versions[0]?.nps, {
      answered: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      score: 20,
      distribution: counts({ 0: 1, 3: 1, 6: 1, 7: 1, 8: 1, 9: 3, 10: 2 }, 0, 10),
    });
  });

  test('CSAT is the share of 4s and 5s and the mean; CES the mean', async () => {
    const { versions } = await resultsOf(server, survey.id);
    // CSAT 5, 4, 4, 5, 3, 4, 2, 1, 2: five of nine satisfied, mean 30 / 9.
    assert.deepEqual(versions[0]?.csat, {
      answered: 9,
      satisfied: 5,
      satisfiedPercent: 55.6,
      mean: 3.33,
      distribution: counts({ 1: 1, 2: 2, 3: 1, 4: 3, 5: 2 }, 1, 5),
    });
    // CES 7, 6, 6, 5, 4, 3, 2, 1: mean 34 / 8.
    assert.deepEqual(versions[0]?.ces, {
      answered: 8,
      mean: 4.25,
      distribution: counts({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 1 }, 1, 7),
    });
  });

  test('counts every answer option, and the "other" texts', async () => {
    const { versions } = await resultsOf(server, survey.id);
    const byId = new Map(versions[0]?.questions.map((question) => [question.questionId, question]));
    assert.deepEqual(byId.get('reason'), {
      kind: 'multiple_choice',
      questionId: 'reason',
      answered: 3,
      options: [
        { optionId: 'late', dimension: 'reliability', count: 2 },
        { optionId: 'broken', dimension: 'reliability', count: 1 },
        { optionId: 'slow_reply', dimension: 'responsiveness', count: 1 },
        { optionId: 'rude', dimension: 'empathy', count: 1 },
        { optionId: 'other', dimension: null, count: 1 },
      ],
      otherTexts: 1,
    });
    assert.deepEqual(byId.get('channel'), {
      kind: 'single_choice',
      questionId: 'channel',
      answered: 4,
      options: [
        { optionId: 'web', dimension: null, count: 1 },
        { optionId: 'shop', dimension: 'tangibles', count: 2 },
        { optionId: 'other', dimension: null, count: 1 },
      ],
      otherTexts: 1,
    });
    assert.deepEqual(byId.get('complaint'), { kind: 'free_text', questionId: 'complaint', answered: 1 });
    assert.deepEqual(byId.get('quality'), {
      kind: 'servqual',
      questionId: 'quality',
      answered: 5,
      dimensions: [
        { dimension: 'reliability', count: 4, mean: 4 },
        { dimension: 'responsiveness', count: 3, mean: 3 },
        { dimension: 'assurance', count: 1, mean: 5 },
        { dimension: 'empathy', count: 3, mean: 3.33 },
        { dimension: 'tangibles', count: 1, mean: 3 },
      ],
    });
  });

  test('per service-quality dimension: servqual means and tagged-option mentions', async () => {
    const { versions } = await resultsOf(server, survey.id);
    assert.deepEqual(versions[0]?.dimensions, [
      {
        dimension: 'reliability',
        rating: { count: 4, mean: 4 },
        // late (NPS 6); late + broken (NPS 3): 3 mentions by 2 of the 3 who answered "reason".
        mentions: { count: 3, respondents: 2, share: 66.7, meanNps: 4.5 },
      },
      {
        dimension: 'responsiveness',
        rating: { count: 3, mean: 3 },
        mentions: { count: 1, respondents: 1, share: 33.3, meanNps: 6 },
      },
      {
        dimension: 'assurance',
        rating: { count: 1, mean: 5 },
        mentions: { count: 0, respondents: 0, share: null, meanNps: null },
      },
      {
        dimension: 'empathy',
        rating: { count: 3, mean: 3.33 },
        mentions: { count: 1, respondents: 1, share: 33.3, meanNps: 0 },
      },
      {
        dimension: 'tangibles',
        rating: { count: 1, mean: 3 },
        // "In the shop" (NPS 10 and 6), 2 of the 4 who answered "channel".
        mentions: { count: 2, respondents: 2, share: 50, meanNps: 8 },
      },
    ]);
  });

  test('splits results by version, or gives one version', async () => {
    const draft = testSurvey();
    const v1 = await publish(server, draft);
    const answer = async (version: number, nps: number) =>
      save(server, await createDemoCustomer(server), randomUUID(), {
        surveyId: v1.id,
        version,
        sequence: 1,
        answers: { nps },
        complete: true,
      });
    await answer(1, 10);
    await answer(1, 0);
    await publish(server, { ...draft, title: { en: 'Renamed' } });
    await answer(2, 9);

    const all = await resultsOf(server, v1.id);
    assert.equal(all.currentVersion, 2);
    assert.deepEqual(
      all.versions.map((version) => [version.version, version.responses.total, version.nps?.score]),
      [
        [1, 2, 0],
        [2, 1, 100],
      ],
    );
    const only = await resultsOf(server, v1.id, 2);
    assert.deepEqual(only.versions, [all.versions[1]]);
  });

  test('a survey without answers has empty results', async () => {
    const results = await resultsOf(server, DEMO_SURVEYS.accountPage.id);
    const [version] = results.versions;
    assert.deepEqual(version?.responses, { total: 0, complete: 0, partial: 0 });
    assert.equal(version?.nps, null, 'no NPS question');
    assert.equal(version?.departures, null, 'no option names a reason for leaving');
    assert.deepEqual(version?.csat, {
      answered: 0,
      satisfied: 0,
      satisfiedPercent: null,
      mean: null,
      distribution: counts({}, 1, 5),
    });
  });

  test('refuses an unknown survey or version, a bad version and a missing secret key', async () => {
    await expectProblem(await adminGet(server, surveyPaths.results('no-such-survey')), 404, 'survey_not_found');
    await expectProblem(await adminGet(server, `${surveyPaths.results(survey.id)}?version=9`), 404, 'survey_not_found');
    const problem = await expectProblem(
      await adminGet(server, `${surveyPaths.results(survey.id)}?version=first`),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['query.version'],
    );
    await expectProblem(await adminGet(server, surveyPaths.results(survey.id), null), 401, 'secret_key_invalid');
    await expectProblem(await adminGet(server, surveyPaths.results(survey.id), 'sk_wrong'), 401, 'secret_key_invalid');
  });
});

describe('departures in the results', () => {
  test('break down why customers left, by reason, from complete and partial responses', async () => {
    const exit = await publish(server, exitSurvey());
    const answers: Array<{ answers: Answers; complete: boolean }> = [
      { answers: { why: { option: 'price' } }, complete: true },
      { answers: { why: { option: 'price' } }, complete: false },
      // Price twice (the main reason and the fees) counts once for this respondent.
      { answers: { why: { option: 'price' }, also: { options: ['fees', 'website'] } }, complete: true },
      { answers: { why: { option: 'moved' }, also: { options: ['nothing'] } }, complete: true },
      { answers: { why: { option: 'trust' }, comment: 'Read the news' }, complete: false },
      { answers: { why: { option: 'service' } }, complete: true },
      // No reason named: not a respondent of the departures.
      { answers: { why: { option: 'other', otherText: 'Just because' } }, complete: true },
      { answers: {}, complete: false },
    ];
    for (const { answers: given, complete } of answers) {
      await save(server, await createDemoCustomer(server), randomUUID(), {
        surveyId: exit.id,
        version: exit.version,
        sequence: 1,
        answers: given,
        complete,
      });
    }
    const [version] = (await resultsOf(server, exit.id)).versions;
    assert.deepEqual(version?.responses, { total: 8, complete: 5, partial: 3 });
    assert.deepEqual(version?.departures, {
      respondents: 6,
      reasons: [
        { reason: 'price', count: 3, share: 50 },
        { reason: 'product', count: 0, share: 0 },
        { reason: 'service', count: 1, share: 16.7 },
        { reason: 'market', count: 1, share: 16.7 },
        { reason: 'technology', count: 1, share: 16.7 },
        { reason: 'reputation', count: 1, share: 16.7 },
      ],
    });
  });

  test('list every reason, with no share, before anyone answers', async () => {
    const exit = await publish(server, exitSurvey());
    const [version] = (await resultsOf(server, exit.id)).versions;
    assert.deepEqual(version?.departures, {
      respondents: 0,
      reasons: ['price', 'product', 'service', 'market', 'technology', 'reputation'].map((reason) => ({
        reason,
        count: 0,
        share: null,
      })),
    });
  });

  test('the demo exit survey is asked at program_exit and its answers count as departures', async () => {
    const before = (await resultsOf(server, DEMO_SURVEYS.programExit.id)).versions.at(-1)?.departures;
    const customerId = await createDemoCustomer(server);
    const { survey: offered } = await eligible(server, customerId, 'program_exit');
    assert.ok(offered);
    assert.equal(offered.id, DEMO_SURVEYS.programExit.id);
    await save(server, customerId, randomUUID(), {
      surveyId: offered.id,
      version: offered.version,
      sequence: 1,
      answers: { reason: { option: 'better_elsewhere' }, comment: 'Their app is faster.' },
      complete: true,
    });
    const after = (await resultsOf(server, offered.id)).versions.find((v) => v.version === offered.version);
    const count = (departures: typeof before, reason: string) =>
      departures?.reasons.find((entry) => entry.reason === reason)?.count ?? 0;
    assert.equal((after?.departures?.respondents ?? 0) - (before?.respondents ?? 0), 1);
    assert.equal(count(after?.departures, 'technology') - count(before, 'technology'), 1);
    assert.equal(count(after?.departures, 'price') - count(before, 'price'), 0);
  });
});
