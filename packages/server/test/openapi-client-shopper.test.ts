// Every operation a shopper's page, any page or anyone calls, through a client generated from the OpenAPI document
// (openapi-typescript + openapi-fetch) against the live API, each answer checked against the document by an
// independent validator (support/openapi-validator.ts): status, headers, media type and body.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { OPERATIONS } from '@loyalty-elements/contract/openapi';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { operationsCalledBy, startClientsFile, type ApiClient, type ClientsFile } from './support/openapi-client.ts';
import { createDemoCustomer } from './support/server.ts';
import { inputOf } from './support/survey-admin.ts';
import { testSurvey } from './support/surveys.ts';

let file: ClientsFile;
let shopper: ApiClient;
before(async () => {
  file = await startClientsFile();
  shopper = await file.shopper(await createDemoCustomer(file.server, 'client'));
});
after(() => file.server.close());

const key = () => ({ header: { 'Idempotency-Key': randomUUID() } });

/** Today's month and day where the demo program is: a birthday in its window. */
function todayInProgramZone(): { month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: DEMO_SEED.program.timezone,
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { month: part('month'), day: part('day') };
}

test('the program, the summary, the rewards and the referral: 200 with an ETag, 304 for it, 401 without a key or token', async () => {
  const program = await file.anonymous.GET('/v1/program', {
    headers: { 'X-Publishable-Key': file.server.config.demoPublishableKey },
  });
  assert.equal(program.response.status, 200);
  assert.equal(program.data?.name, DEMO_SEED.program.name);
  const etag = program.response.headers.get('etag')!;
  const unchanged = await file.anonymous.GET('/v1/program', {
    headers: { 'X-Publishable-Key': file.server.config.demoPublishableKey, 'If-None-Match': etag },
  });
  assert.equal(unchanged.response.status, 304);
  assert.equal((await file.anonymous.GET('/v1/program')).response.status, 401);

  for (const path of ['/v1/me/summary', '/v1/me/rewards', '/v1/me/referral'] as const) {
    const first = await shopper.GET(path);
    assert.equal(first.response.status, 200);
    const again = await shopper.GET(path, { headers: { 'If-None-Match': first.response.headers.get('etag')! } });
    assert.equal(again.response.status, 304);
    assert.equal((await file.anonymous.GET(path)).response.status, 401);
  }
});

test('the points history: a page with an integer limit, and 400 for a limit out of range', async () => {
  const customerId = await createDemoCustomer(file.server, 'client-history');
  for (const points of [10, 20, 30]) {
    const earned = await file.merchant.POST('/v1/admin/customers/{customerId}/transactions', {
      params: { path: { customerId }, ...key() },
      body: { type: 'earn', points },
    });
    assert.equal(earned.response.status, 201);
  }
  const history = await file.shopper(customerId);
  const page = await history.GET('/v1/me/points/history', { params: { query: { limit: 2 } } });
  assert.equal(page.data?.entries.length, 2);
  const next = await history.GET('/v1/me/points/history', {
    params: { query: { limit: 2, cursor: page.data!.nextCursor! } },
  });
  assert.equal(next.data?.entries.length, 1);
  const refused = await history.GET('/v1/me/points/history', { params: { query: { limit: 0 } } });
  assert.equal(refused.error?.code, 'validation_failed');
});

test('a birthday: set (200), refused (400), claimed once in its window (201, then replayed), refused when just set', async () => {
  const set = await shopper.PUT('/v1/me/birthday', { body: { month: 8, day: 15, calendar: 'chinese-lunar' } });
  assert.equal(set.response.status, 200);
  const refused = await shopper.PUT('/v1/me/birthday', { body: { month: 13, day: 1, calendar: 'gregorian' } });
  assert.equal(refused.error?.code, 'validation_failed');

  const customerId = await createDemoCustomer(file.server, 'client-birthday');
  const upsert = await file.merchant.PUT('/v1/admin/customers/{customerId}', {
    params: { path: { customerId } },
    body: { name: 'Birthday shopper', birthday: { ...todayInProgramZone(), calendar: 'gregorian' } },
  });
  assert.equal(upsert.response.status, 200);
  const celebrant = await file.shopper(customerId);
  const params = key();
  const claimed = await celebrant.POST('/v1/me/birthday/claim', { params });
  assert.equal(claimed.response.status, 201);
  const replayed = await celebrant.POST('/v1/me/birthday/claim', { params });
  assert.equal(replayed.response.headers.get('Idempotent-Replayed'), 'true');

  const early = await shopper.POST('/v1/me/birthday/claim', { params: key() });
  assert.equal(early.response.status, 409);
});

test('a survey: eligible, answered (201 then 200), read back, dismissed; 400 and 404 for bad triggers and ids', async () => {
  const draft = testSurvey();
  const defined = await file.merchant.PUT('/v1/admin/surveys/{surveyId}', {
    params: { path: { surveyId: draft.id } },
    body: inputOf(draft),
  });
  assert.equal(defined.response.status, 201);
  const eligible = await shopper.GET('/v1/me/surveys/eligible', { params: { query: { trigger: draft.trigger } } });
  const survey = eligible.data?.survey;
  assert.ok(survey, JSON.stringify(eligible.data));
  const badTrigger = await shopper.GET('/v1/me/surveys/eligible', { params: { query: { trigger: 'Not A Trigger' } } });
  assert.equal(badTrigger.response.status, 400);

  const responseId = randomUUID();
  const path = { path: { responseId } };
  const answer = { surveyId: survey.id, version: survey.version, answers: { nps: 9 } };
  const created = await shopper.PUT('/v1/me/surveys/responses/{responseId}', {
    params: path,
    body: { ...answer, sequence: 1 },
  });
  assert.equal(created.response.status, 201);
  const updated = await shopper.PUT('/v1/me/surveys/responses/{responseId}', {
    params: path,
    body: { ...answer, sequence: 2, complete: true },
  });
  assert.equal(updated.response.status, 200);
  const unknownSurvey = await shopper.PUT('/v1/me/surveys/responses/{responseId}', {
    params: { path: { responseId: randomUUID() } },
    body: { ...answer, surveyId: 'no-such-survey', sequence: 1 },
  });
  assert.equal(unknownSurvey.error?.code, 'survey_not_found');

  const read = await shopper.GET('/v1/me/surveys/responses/{responseId}', { params: path });
  assert.equal(read.data?.status, 'complete');
  const missing = await shopper.GET('/v1/me/surveys/responses/{responseId}', {
    params: { path: { responseId: randomUUID() } },
  });
  assert.equal(missing.error?.code, 'response_not_found');

  const dismissed = await shopper.POST('/v1/me/surveys/{surveyId}/dismissals', {
    params: { path: { surveyId: survey.id } },
    body: { version: survey.version },
  });
  assert.equal(dismissed.response.status, 201);
  const unknown = await shopper.POST('/v1/me/surveys/{surveyId}/dismissals', {
    params: { path: { surveyId: 'no-such-survey' } },
    body: {},
  });
  assert.equal(unknown.error?.code, 'survey_not_found');
});

test('a reward redeemed once per key (201, then replayed), 404 for an unknown reward', async () => {
  const customerId = await createDemoCustomer(file.server, 'client-rewards');
  await file.merchant.POST('/v1/admin/customers/{customerId}/transactions', {
    params: { path: { customerId }, ...key() },
    body: { type: 'earn', points: 1_000 },
  });
  const redeemer = await file.shopper(customerId);
  const params = { path: { rewardId: 'free-jasmine-tea' }, ...key() };
  const redeemed = await redeemer.POST('/v1/me/rewards/{rewardId}/redeem', { params });
  assert.equal(redeemed.response.status, 201);
  const replayed = await redeemer.POST('/v1/me/rewards/{rewardId}/redeem', { params });
  assert.equal(replayed.response.headers.get('Idempotent-Replayed'), 'true');
  const unknown = await redeemer.POST('/v1/me/rewards/{rewardId}/redeem', {
    params: { path: { rewardId: 'no-such-reward' }, ...key() },
  });
  assert.equal(unknown.error?.code, 'reward_not_found');
});

test('a demo token for a seeded shopper, 404 for anyone else; the probes, the document and the reference page', async () => {
  const token = await file.anonymous.GET('/v1/demo/customer-token', {
    params: { query: { customer: 'demo-shopper' } },
  });
  assert.equal(token.data?.customerId, 'demo-shopper');
  const stranger = await file.anonymous.GET('/v1/demo/customer-token', { params: { query: { customer: 'nobody' } } });
  assert.equal(stranger.error?.code, 'customer_not_found');

  assert.equal((await file.anonymous.GET('/healthz')).data?.status, 'ok');
  assert.equal((await file.anonymous.GET('/readyz')).data?.status, 'ready');
  assert.equal((await file.anonymous.GET('/openapi.json')).data?.openapi, '3.1.0');
  const page = await file.anonymous.GET('/docs', { parseAs: 'text' });
  assert.match(page.data ?? '', /Loyalty Elements API/);
});

test('a rate-limited request answers 429 with Retry-After and the RateLimit headers, as documented', async () => {
  const limited = await startClientsFile({ LOYALTY_RATE_LIMIT_PER_IP: '1', LOYALTY_RATE_LIMIT_PER_KEY: '0' });
  try {
    const headers = { 'X-Publishable-Key': limited.server.config.demoPublishableKey };
    const first = await limited.anonymous.GET('/v1/program', { headers });
    assert.equal(first.response.headers.get('RateLimit-Remaining'), '0');
    const refused = await limited.anonymous.GET('/v1/program', { headers });
    assert.equal(refused.error?.code, 'rate_limited');
    assert.ok(Number(refused.response.headers.get('Retry-After')) >= 1);
  } finally {
    await limited.server.close();
  }
});

test('every operation but the merchant’s was called: a success, an error where a client can cause one, a 304', () => {
  // The console's sign-in is called in openapi-client-console.test.ts.
  const shopperSide = operationsCalledBy(['customer', 'publishable', 'demo', 'none']).filter(
    (id) => !OPERATIONS[id]!.path.startsWith('/console/'),
  );
  file.coverage.assertCovered(shopperSide, ['getHealth', 'getReadiness', 'getOpenApiDocument', 'getApiReferencePage']);
});
