// Every method of the client: the request it sends (method, path, query, headers, body) and the
// validated, typed answer it resolves with.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import {
  BirthdayClaimResult,
  BirthdayStatus,
  EligibleSurvey,
  PointsHistory,
  Program,
  Summary,
  SurveyDismissal,
  SurveyResponse,
  paths,
  surveyPaths,
} from '@loyalty-elements/contract';
import { createLoyaltyClient } from '../src/index.ts';
import { bearer, customerToken, makeClient, publishableKey, serve, useApi, type Seen } from './support/api.ts';
import {
  birthdayClaimResult,
  birthdayStatus,
  eligibleSurvey,
  pointsHistory,
  program,
  responseId,
  summary,
  surveyDismissal,
  surveyResponse,
  surveyUpdate,
} from './support/fixtures.ts';

useApi();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A GET carries the key and token in its URL and no header a CORS preflight would be needed for; a write
 * carries them in its headers.
 */
function assertCustomerCall(seen: Seen, method: string, path: string, token: string): void {
  assert.equal(seen.method, method);
  assert.equal(seen.url.pathname, path);
  const { searchParams } = seen.url;
  if (method === 'GET') {
    assert.equal(searchParams.get('key'), publishableKey);
    assert.equal(searchParams.get('access_token'), token);
    assert.deepEqual([...seen.sentHeaders.keys()].sort(), ['accept'], 'no header but Accept');
  } else {
    assert.equal(seen.sentHeaders.get('x-publishable-key'), publishableKey);
    assert.equal(seen.sentHeaders.get('authorization'), bearer(token));
    assert.equal(searchParams.get('access_token'), null, 'a write never carries the token in its URL');
  }
  assert.match(seen.headers.get('accept') ?? '', /application\/json/);
}

describe('the fixtures', () => {
  const cases: Array<[string, { parse(value: unknown): unknown }, unknown]> = [
    ['Program', Program, program],
    ['Summary', Summary, summary],
    ['PointsHistory', PointsHistory, pointsHistory],
    ['BirthdayStatus', BirthdayStatus, birthdayStatus],
    ['BirthdayClaimResult', BirthdayClaimResult, birthdayClaimResult],
    ['EligibleSurvey', EligibleSurvey, eligibleSurvey],
    ['SurveyResponse', SurveyResponse, surveyResponse],
    ['SurveyDismissal', SurveyDismissal, surveyDismissal],
  ];
  for (const [name, schema, fixture] of cases) {
    it(`${name} passes the contract unchanged`, () => {
      assert.deepEqual(schema.parse(fixture), fixture);
    });
  }
});

describe('createLoyaltyClient', () => {
  it('refuses a configuration without an API base or with a key that is not publishable', () => {
    assert.throws(() => createLoyaltyClient({ apiBase: '', publishableKey }), TypeError);
    assert.throws(() => createLoyaltyClient({ apiBase: 'https://loyalty.test', publishableKey: 'sk_secret' }), {
      name: 'TypeError',
      message: /publishable key/,
    });
  });

  it('sends requests under an API base with a path, with or without its trailing slash', async () => {
    for (const apiBase of ['https://loyalty.test/loyalty', 'https://loyalty.test/loyalty/']) {
      const seen = serve('get', `/loyalty${paths.program}`, () => HttpResponse.json(program));
      const client = makeClient({ apiBase });
      assert.deepEqual(await client.getProgram(), program);
      assert.equal(seen.length, 1);
      assert.equal(client.apiBase, 'https://loyalty.test/loyalty/');
    }
  });
});

describe('getProgram', () => {
  it('sends only the publishable key, in the URL, never the customer token, and returns the program', async () => {
    const seen = serve('get', paths.program, () => HttpResponse.json(program));
    let asked = 0;
    const client = makeClient({
      customerToken: customerToken('c1'),
      getCustomerToken: () => {
        asked += 1;
        return customerToken('c1');
      },
    });
    assert.deepEqual(await client.getProgram(), program);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'GET');
    // In the URL, not a header: a cross-origin GET with no custom header needs no CORS preflight.
    assert.equal(seen[0]!.url.searchParams.get('key'), publishableKey);
    assert.equal(seen[0]!.headers.get('x-publishable-key'), null);
    assert.equal(seen[0]!.headers.get('authorization'), null);
    assert.equal(asked, 0, 'the program needs no customer token');
  });

  it('works for a guest', async () => {
    serve('get', paths.program, () => HttpResponse.json(program));
    assert.deepEqual(await makeClient().getProgram(), program);
  });
});

describe('getSummary', () => {
  it('sends the publishable key and the customer token and returns the validated summary', async () => {
    const token = customerToken('c1');
    const seen = serve('get', paths.summary, () => HttpResponse.json({ ...summary, unknownFutureField: true }));
    const result = await makeClient({ customerToken: token }).getSummary();
    assert.deepEqual(result, summary, 'fields the contract does not know are dropped');
    assert.equal(seen.length, 1);
    assertCustomerCall(seen[0]!, 'GET', paths.summary, token);
  });
});

describe('getPointsHistory', () => {
  it('sends limit and cursor as the query', async () => {
    const token = customerToken('c1');
    const seen = serve('get', paths.pointsHistory, () => HttpResponse.json(pointsHistory));
    const result = await makeClient({ customerToken: token }).getPointsHistory({ limit: 5, cursor: 'cursor-1' });
    assert.deepEqual(result, pointsHistory);
    assertCustomerCall(seen[0]!, 'GET', paths.pointsHistory, token);
    assert.equal(seen[0]!.url.searchParams.get('limit'), '5');
    assert.equal(seen[0]!.url.searchParams.get('cursor'), 'cursor-1');
  });

  it('sends no query without one, and keeps pages apart', async () => {
    const seen = serve('get', paths.pointsHistory, ({ url }) =>
      HttpResponse.json({ ...pointsHistory, nextCursor: url.searchParams.get('cursor') ? null : 'cursor-2' }),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await client.getPointsHistory()).nextCursor, 'cursor-2');
    assert.deepEqual([...seen[0]!.url.searchParams.keys()].sort(), ['access_token', 'key'], 'no limit, no cursor');
    assert.equal((await client.getPointsHistory({ cursor: 'cursor-2' })).nextCursor, null);
    assert.equal(seen.length, 2, 'the second page is not served from the first page’s cache');
  });
});

describe('setBirthday', () => {
  it('PUTs the birthday and resolves with the stored status', async () => {
    const token = customerToken('c1');
    const seen = serve('put', paths.birthday, () => HttpResponse.json(birthdayStatus));
    const outcome = await makeClient({ customerToken: token }).setBirthday({
      month: 8,
      day: 15,
      calendar: 'chinese-lunar',
    });
    assert.deepEqual(outcome, { status: 'sent', result: birthdayStatus });
    assert.equal(seen.length, 1);
    assertCustomerCall(seen[0]!, 'PUT', paths.birthday, token);
    assert.match(seen[0]!.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(seen[0]!.body, { month: 8, day: 15, calendar: 'chinese-lunar' });
  });
});

describe('claimBirthdayReward', () => {
  it('POSTs with an Idempotency-Key and returns the ledger entry and balance', async () => {
    const token = customerToken('c1');
    const seen = serve('post', paths.birthdayClaim, () => HttpResponse.json(birthdayClaimResult));
    assert.deepEqual(await makeClient({ customerToken: token }).claimBirthdayReward(), birthdayClaimResult);
    assert.equal(seen.length, 1);
    assertCustomerCall(seen[0]!, 'POST', paths.birthdayClaim, token);
    assert.match(seen[0]!.headers.get('idempotency-key') ?? '', UUID);
  });
});

describe('getEligibleSurvey', () => {
  it('asks for the survey of a trigger and returns its definition', async () => {
    const token = customerToken('c1');
    const seen = serve('get', surveyPaths.eligible, () => HttpResponse.json(eligibleSurvey));
    assert.deepEqual(await makeClient({ customerToken: token }).getEligibleSurvey('post_purchase'), eligibleSurvey);
    assertCustomerCall(seen[0]!, 'GET', surveyPaths.eligible, token);
    assert.equal(seen[0]!.url.searchParams.get('trigger'), 'post_purchase');
  });

  it('returns no survey with the reason', async () => {
    serve('get', surveyPaths.eligible, () => HttpResponse.json({ survey: null, reason: 'recontact' }));
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.getEligibleSurvey('account_page'), { survey: null, reason: 'recontact' });
  });
});

describe('getSurveyResponse', () => {
  it('GETs the response by its id', async () => {
    const token = customerToken('c1');
    const seen = serve('get', surveyPaths.responsePattern, () => HttpResponse.json(surveyResponse));
    assert.deepEqual(await makeClient({ customerToken: token }).getSurveyResponse(responseId), surveyResponse);
    assertCustomerCall(seen[0]!, 'GET', surveyPaths.response(responseId), token);
  });
});

describe('saveSurveyResponse', () => {
  it('PUTs every answer so far under the response id and resolves with the stored response', async () => {
    const token = customerToken('c1');
    const seen = serve('put', surveyPaths.responsePattern, () => HttpResponse.json(surveyResponse));
    const outcome = await makeClient({ customerToken: token }).saveSurveyResponse(responseId, surveyUpdate);
    assert.deepEqual(outcome, { status: 'sent', result: surveyResponse });
    assert.equal(seen.length, 1);
    assertCustomerCall(seen[0]!, 'PUT', surveyPaths.response(responseId), token);
    assert.deepEqual(seen[0]!.body, surveyUpdate);
  });
});

describe('dismissSurvey', () => {
  it('POSTs the dismissal with its version and response id', async () => {
    const token = customerToken('c1');
    const path = surveyPaths.dismissals(surveyDismissal.surveyId);
    const seen = serve('post', surveyPaths.dismissalsPattern, () => HttpResponse.json(surveyDismissal));
    const outcome = await makeClient({ customerToken: token }).dismissSurvey(surveyDismissal.surveyId, {
      version: 3,
      responseId,
    });
    assert.deepEqual(outcome, { status: 'sent', result: surveyDismissal });
    assertCustomerCall(seen[0]!, 'POST', path, token);
    assert.deepEqual(seen[0]!.body, { version: 3, responseId });
  });

  it('sends an empty dismissal when given no details', async () => {
    const seen = serve('post', surveyPaths.dismissalsPattern, () => HttpResponse.json(surveyDismissal));
    await makeClient({ customerToken: customerToken('c1') }).dismissSurvey(surveyDismissal.surveyId);
    assert.deepEqual(seen[0]!.body, {});
  });
});
