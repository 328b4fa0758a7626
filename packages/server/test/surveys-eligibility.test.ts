import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  SurveyDefinition,
  surveyPaths,
} from '@loyalty-elements/contract';
import { DEFAULT_SURVEY_COOLDOWN_DAYS } from '../src/domain/surveys/eligibility.ts';
import { inSample, samplingPoint } from '../src/domain/surveys/sampling.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { demoToken, expectProblem, parseExactly } from './support/http.ts';
import {
  backdate,
  dismiss,
  eligible,
  getEligible,
  publish,
  resultsOf,
  save,
  testSurvey,
  uniqueTrigger,
} from './support/surveys.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** Completes a response of `surveyId` with a passive NPS (no follow-up questions). */
async function complete(customerId: string, survey: SurveyDefinition): Promise<void> {
  const response = await save(server, customerId, randomUUID(), {
    surveyId: survey.id,
    version: survey.version,
    sequence: 1,
    answers: { nps: 8 },
    complete: true,
  });
  assert.equal(response.status, 'complete');
}

describe('GET /v1/me/surveys/eligible', () => {
  test('offers the seeded post-purchase survey, in English and Chinese', async () => {
    const customerId = await createDemoCustomer(server);
    const { survey, reason } = await eligible(server, customerId, 'post_purchase');
    assert.equal(reason, undefined);
    assert.ok(survey);
    assert.equal(survey.id, DEMO_SURVEYS.postPurchase.id);
    assert.equal(survey.version, 1);
    assert.equal(survey.samplingRate, 1);
    assert.deepEqual(survey.title, DEMO_SURVEYS.postPurchase.title);
    for (const question of survey.questions) assert.deepEqual(Object.keys(question.text).sort(), ['en', 'zh-CN']);
    const kinds = survey.questions.map((question) => question.kind);
    assert.deepEqual(kinds, ['nps', 'multiple_choice', 'free_text']);

    const account = await eligible(server, customerId, 'account_page');
    assert.equal(account.survey?.id, DEMO_SURVEYS.accountPage.id);
    assert.deepEqual(
      account.survey?.questions.map((question) => question.kind),
      ['csat', 'ces', 'servqual'],
    );
  });

  test('an unknown trigger has no survey', async () => {
    assert.deepEqual(await eligible(server, 'demo-new', 'no_such_trigger'), { survey: null, reason: 'no_survey' });
  });

  test('a missing or malformed trigger is a 400 naming query.trigger', async () => {
    for (const query of ['', '?trigger=', '?trigger=Post%20Purchase']) {
      const res = await fetch(`${server.baseUrl}${surveyPaths.eligible}${query}`, {
        headers: {
          Authorization: `Bearer ${await demoToken(server, 'demo-new')}`,
          [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
        },
      });
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        ['query.trigger'],
      );
    }
  });

  test('needs a valid customer token for a customer of the program', async () => {
    const res = await fetch(`${server.baseUrl}${surveyPaths.eligible}?trigger=post_purchase`, {
      headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
    });
    await expectProblem(res, 401, 'token_missing');
    await expectProblem(await getEligible(server, 'nobody-here', 'post_purchase'), 401, 'customer_not_found');
  });

  test('answers CORS preflights for the survey routes from an allowed origin', async () => {
    const origin = server.config.allowedOrigins[0];
    assert.ok(origin);
    for (const [path, method] of [
      [surveyPaths.eligible, 'GET'],
      [surveyPaths.response(randomUUID()), 'PUT'],
      [surveyPaths.dismissals('post-purchase-nps'), 'POST'],
    ] as const) {
      const preflight: Response = await fetch(server.baseUrl + path, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': `authorization, ${PUBLISHABLE_KEY_HEADER.toLowerCase()}, content-type`,
        },
      });
      assert.equal(preflight.status, 204, path);
      assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
    }
    const stranger = await fetch(`${server.baseUrl}${surveyPaths.eligible}?trigger=post_purchase`, {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    await stranger.body?.cancel();
  });
});

describe('sampling', () => {
  test('is sticky: the same customer gets the same answer 20 times in a row', async () => {
    const survey = await publish(server, testSurvey({ samplingRate: 0.5 }));
    // Pick one customer inside the sample and one outside it, from the hash itself.
    const ids = Array.from({ length: 64 }, (_, i) => `sticky-${survey.id}-${i}`);
    const inside = ids.find((id) => inSample(id, survey.id, 0.5));
    const outside = ids.find((id) => !inSample(id, survey.id, 0.5));
    assert.ok(inside && outside, 'both kinds among 64 customers');
    for (const [customerId, expected] of [
      [inside, survey.id],
      [outside, null],
    ] as const) {
      await server.db.query('INSERT INTO customers (program_id, id, name) VALUES ($1, $2, $3)', [
        DEMO_SEED.program.id,
        customerId,
        'Sticky',
      ]);
      for (let i = 0; i < 20; i++) {
        const answer = await eligible(server, customerId, survey.trigger);
        assert.equal(answer.survey?.id ?? null, expected, `call ${i + 1} for ${customerId}`);
        if (expected === null) assert.equal(answer.reason, 'not_sampled');
      }
    }
  });

  test('respects the rate: about half of 200 customers at 0.5, exactly as the hash says', async () => {
    const rate = 0.5;
    // Fixed ids, so the expected share is a fact of the hash, not of luck.
    const survey = await publish(
      server,
      testSurvey({ id: 'sampled-half', trigger: 'sampled_half', samplingRate: rate }),
    );
    await server.db.query(
      `INSERT INTO customers (program_id, id, name)
       SELECT $1, 'sample-' || n, 'Sample ' || n FROM generate_series(1, 200) AS n`,
      [DEMO_SEED.program.id],
    );
    const customerIds = Array.from({ length: 200 }, (_, i) => `sample-${i + 1}`);
    const expected = customerIds.filter((id) => samplingPoint(id, survey.id) < rate);
    const share = expected.length / customerIds.length;
    assert.ok(share > 0.4 && share < 0.6, `hash puts ${share} of customers in the sample`);

    const offered: string[] = [];
    for (let i = 0; i < customerIds.length; i += 25) {
      const batch = customerIds.slice(i, i + 25);
      const answers = await Promise.all(batch.map((id) => eligible(server, id, survey.trigger)));
      answers.forEach((answer, j) => {
        if (answer.survey !== null) offered.push(batch[j]!);
        else assert.equal(answer.reason, 'not_sampled');
      });
    }
    assert.deepEqual(offered, expected);
  });

  test('a rate of 0 asks nobody, 1 everybody', async () => {
    const nobody = await publish(server, testSurvey({ samplingRate: 0 }));
    const everybody = await publish(server, testSurvey({ samplingRate: 1 }));
    for (let i = 0; i < 10; i++) {
      const customerId = `edge-${i}`;
      assert.ok(samplingPoint(customerId, nobody.id) >= 0 && samplingPoint(customerId, nobody.id) < 1);
      await server.db.query('INSERT INTO customers (program_id, id, name) VALUES ($1, $2, $3)', [
        DEMO_SEED.program.id,
        customerId,
        'Edge',
      ]);
      assert.deepEqual(await eligible(server, customerId, nobody.trigger), { survey: null, reason: 'not_sampled' });
      assert.equal((await eligible(server, customerId, everybody.trigger)).survey?.id, everybody.id);
    }
  });
});

describe('recontact and cooldown', () => {
  test('a completed survey is not asked again within its recontact period', async () => {
    const survey = await publish(server, testSurvey({ recontactDays: 30 }));
    const customerId = await createDemoCustomer(server);
    await complete(customerId, survey);

    // Inside the cooldown that follows any completion.
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'cooldown' });
    await backdate(server, customerId, DEFAULT_SURVEY_COOLDOWN_DAYS + 1);
    assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'recontact' });
    await backdate(server, customerId, 30 - DEFAULT_SURVEY_COOLDOWN_DAYS);
    assert.equal((await eligible(server, customerId, survey.trigger)).survey?.id, survey.id);
  });

  test('completing any survey pauses all surveys for the cooldown', async () => {
    const first = await publish(server, testSurvey());
    const second = await publish(server, testSurvey({ recontactDays: 0 }));
    const customerId = await createDemoCustomer(server);
    assert.equal((await eligible(server, customerId, second.trigger)).survey?.id, second.id);

    await complete(customerId, first);
    assert.deepEqual(await eligible(server, customerId, second.trigger), { survey: null, reason: 'cooldown' });
    await backdate(server, customerId, DEFAULT_SURVEY_COOLDOWN_DAYS - 1);
    assert.deepEqual(await eligible(server, customerId, second.trigger), { survey: null, reason: 'cooldown' });
    await backdate(server, customerId, 2);
    assert.equal((await eligible(server, customerId, second.trigger)).survey?.id, second.id);
  });

  test('a shopper leaving the program is asked why, whatever they answered lately', async () => {
    const customerId = await createDemoCustomer(server);
    const postPurchase = (await eligible(server, customerId, 'post_purchase')).survey;
    assert.ok(postPurchase);
    await complete(customerId, postPurchase);
    assert.deepEqual(await eligible(server, customerId, 'account_page'), { survey: null, reason: 'cooldown' });
    assert.equal((await eligible(server, customerId, 'program_exit')).survey?.id, DEMO_SURVEYS.programExit.id);
  });

  test('a partial response blocks nothing', async () => {
    const survey = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    await save(server, customerId, randomUUID(), {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers: { nps: 3 },
    });
    assert.equal((await eligible(server, customerId, survey.trigger)).survey?.id, survey.id);
  });

  test('the cooldown length is a program setting', async () => {
    const first = await publish(server, testSurvey());
    const second = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    await complete(customerId, first);
    await server.db.query(
      `INSERT INTO survey_settings (program_id, cooldown_days) VALUES ($1, 0)
       ON CONFLICT (program_id) DO UPDATE SET cooldown_days = 0`,
      [DEMO_SEED.program.id],
    );
    try {
      assert.equal((await eligible(server, customerId, second.trigger)).survey?.id, second.id);
    } finally {
      await server.db.query('DELETE FROM survey_settings WHERE program_id = $1', [DEMO_SEED.program.id]);
    }
  });
});

describe('POST /v1/me/surveys/{surveyId}/dismissals', () => {
  test('hides the survey for its recontact period, and only that survey', async () => {
    const survey = await publish(server, testSurvey({ recontactDays: 7 }));
    const other = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    assert.equal((await eligible(server, customerId, survey.trigger)).survey?.id, survey.id);

    const res = await dismiss(server, customerId, survey.id);
    assert.equal(res.status, 201, await res.clone().text());
    const dismissal = (await res.json()) as { surveyId: string; version: number; dismissedAt: string };
    assert.equal(dismissal.surveyId, survey.id);
    assert.equal(dismissal.version, survey.version);
    assert.ok(Math.abs(Date.parse(dismissal.dismissedAt) - Date.now()) < 60_000);

    for (let i = 0; i < 3; i++) {
      assert.deepEqual(await eligible(server, customerId, survey.trigger), { survey: null, reason: 'recontact' });
    }
    assert.equal((await eligible(server, customerId, other.trigger)).survey?.id, other.id, 'no cooldown');

    const again = await dismiss(server, customerId, survey.id, { version: survey.version });
    assert.equal(again.status, 201, 'repeating is harmless');
    await again.body?.cancel();
    await backdate(server, customerId, 8);
    assert.equal((await eligible(server, customerId, survey.trigger)).survey?.id, survey.id);
  });

  test('sent again with the same Idempotency-Key, one after another or at once, it is recorded and counted once; the key for another survey is 422', async () => {
    const survey = await publish(server, testSurvey());
    const customerId = await createDemoCustomer(server);
    const key = { [IDEMPOTENCY_KEY_HEADER]: randomUUID() };
    const first = await dismiss(server, customerId, survey.id, {}, key);
    assert.equal(first.status, 201);
    const firstBody: unknown = await first.json();
    const repeats = await Promise.all(Array.from({ length: 5 }, () => dismiss(server, customerId, survey.id, {}, key)));
    for (const res of repeats) {
      assert.equal(res.status, 201);
      assert.equal(res.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
      assert.deepEqual(await res.json(), firstBody);
    }
    const another = await dismiss(server, customerId, survey.id, {}, { [IDEMPOTENCY_KEY_HEADER]: randomUUID() });
    assert.equal(another.status, 201);
    assert.equal(another.headers.get(IDEMPOTENT_REPLAY_HEADER), null, 'another key is another dismissal');
    await another.body?.cancel();
    assert.equal((await resultsOf(server, survey.id)).versions[0]?.dismissals, 2);

    const other = await publish(server, testSurvey());
    await expectProblem(await dismiss(server, customerId, other.id, {}, key), 422, 'idempotency_key_reused');
    assert.equal((await resultsOf(server, other.id)).versions[0]?.dismissals ?? 0, 0, 'the other survey: nothing');
  });

  test('the next survey of the trigger takes the place of a dismissed one; at most one is offered', async () => {
    const trigger = uniqueTrigger();
    const first = await publish(server, testSurvey({ trigger }));
    const second = await publish(server, testSurvey({ trigger }));
    const customerId = await createDemoCustomer(server);
    assert.equal((await eligible(server, customerId, trigger)).survey?.id, first.id);
    const res = await dismiss(server, customerId, first.id);
    assert.equal(res.status, 201);
    await res.body?.cancel();
    assert.equal((await eligible(server, customerId, trigger)).survey?.id, second.id);
  });

  test('paused and draft surveys are not offered', async () => {
    const trigger = uniqueTrigger();
    await publish(server, testSurvey({ trigger, status: 'paused' }));
    await publish(server, testSurvey({ trigger, status: 'draft' }));
    assert.deepEqual(await eligible(server, 'demo-new', trigger), { survey: null, reason: 'no_survey' });
  });

  test('an unknown survey or version is not found; a bad body is a 400', async () => {
    await expectProblem(await dismiss(server, 'demo-new', 'no-such-survey'), 404, 'survey_not_found');
    await expectProblem(
      await dismiss(server, 'demo-new', DEMO_SURVEYS.postPurchase.id, { version: 99 }),
      404,
      'survey_not_found',
    );
    const problem = await expectProblem(
      await dismiss(server, 'demo-new', DEMO_SURVEYS.postPurchase.id, { version: 'one' }),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['body.version'],
    );
  });
});

test('the offered survey matches the contract exactly', async () => {
  const customerId = await createDemoCustomer(server);
  const { survey } = await eligible(server, customerId, 'post_purchase');
  parseExactly(SurveyDefinition, survey);
});
