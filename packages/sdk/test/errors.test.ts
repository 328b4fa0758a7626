// Every failure is a LoyaltyError with a stable `code`, the HTTP `status` and the API's `problem`;
// `isLoyaltyError` recognises one from another copy of the SDK; bad arguments send nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { HttpResponse, delay } from 'msw';
import { paths } from '@loyalty-elements/contract';
import { isLoyaltyError, LoyaltyError, type LoyaltyClient, type LoyaltyErrorCode } from '../src/index.ts';
import { customerToken, failure, makeClient, problem, serve, useApi, watchRequests } from './support/api.ts';
import { responseId, summary, surveyUpdate } from './support/fixtures.ts';

useApi();

describe('API failures', () => {
  const cases: Array<[string, () => Response, LoyaltyErrorCode, number | undefined, string | undefined]> = [
    ['a 400 problem', () => problem(400, 'validation_failed'), 'rejected', 400, 'validation_failed'],
    ['a 401 without a token problem', () => problem(401, 'token_missing'), 'unauthorized', 401, 'token_missing'],
    ['a 403', () => problem(403, 'publishable_key_invalid'), 'unauthorized', 403, 'publishable_key_invalid'],
    [
      'a 401 for a customer the program lacks',
      () => problem(401, 'customer_not_found'),
      'not_member',
      401,
      'customer_not_found',
    ],
    ['a 404 problem', () => problem(404, 'customer_not_found'), 'rejected', 404, 'customer_not_found'],
    ['a 409 problem', () => problem(409, 'birthday_already_claimed'), 'rejected', 409, 'birthday_already_claimed'],
    ['a 422 problem', () => problem(422, 'validation_failed'), 'rejected', 422, 'validation_failed'],
    ['a 500 problem', () => problem(500, 'internal'), 'server', 500, 'internal'],
    ['a 502 without a body', () => new HttpResponse(null, { status: 502 }), 'server', 502, undefined],
    ['a 503 with an HTML body', () => new HttpResponse('<h1>down</h1>', { status: 503 }), 'server', 503, undefined],
    [
      'a 404 whose body is not a problem',
      () => HttpResponse.json({ oops: 1 }, { status: 404 }),
      'rejected',
      404,
      undefined,
    ],
    ['a 200 that is not JSON', () => new HttpResponse('<html>', { status: 200 }), 'invalid_response', 200, undefined],
    ['a 204 without a body', () => new HttpResponse(null, { status: 204 }), 'invalid_response', 204, undefined],
    [
      'JSON that breaks the contract',
      () => HttpResponse.json({ ...summary, points: { ...summary.points, balance: -1 } }),
      'invalid_response',
      200,
      undefined,
    ],
    ['a dead network', () => HttpResponse.error(), 'network', undefined, undefined],
  ];
  for (const [name, respond, code, status, problemCode] of cases) {
    it(`turn ${name} into a LoyaltyError "${code}"`, async () => {
      serve('get', paths.summary, respond);
      const error = await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
      assert.ok(error instanceof LoyaltyError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'LoyaltyError');
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.problem?.code, problemCode);
    });
  }

  it('keep the problem details, and its detail is the message', async () => {
    serve('get', paths.summary, () => problem(422, 'validation_failed'));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
    assert.deepEqual(error.problem, {
      type: 'https://loyalty-elements.dev/problems/validation_failed',
      title: 'validation_failed',
      status: 422,
      code: 'validation_failed',
      detail: 'detail of validation_failed',
    });
    assert.equal(error.message, 'detail of validation_failed');
  });

  it('keep the validation failure as the cause of invalid_response', async () => {
    serve('get', paths.summary, () => HttpResponse.json({ ...summary, customer: null }));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
    assert.equal(error.code, 'invalid_response');
    assert.ok(error.cause, 'the schema’s issues say what was wrong');
  });

  it('turn a 304 to a write, which has no cached copy, into invalid_response', async () => {
    serve('put', paths.birthday, () => new HttpResponse(null, { status: 304 }));
    const client = makeClient({ customerToken: customerToken('c1') });
    const error = await failure(client.setBirthday({ month: 1, day: 2, calendar: 'gregorian' }));
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 304);
  });

  it('turn a read that takes longer than timeoutMs into "timeout"', async () => {
    serve('get', paths.summary, async () => {
      await delay('infinite');
      return HttpResponse.json(summary);
    });
    const client = makeClient({ customerToken: customerToken('c1'), timeoutMs: 30 });
    const error = await failure(client.getSummary());
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, undefined);
  });

  it('queue a write that times out, with the timeout as its error', async () => {
    serve('put', paths.birthday, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const client = makeClient({ customerToken: customerToken('c1'), timeoutMs: 30 });
    const outcome = await client.setBirthday({ month: 1, day: 2, calendar: 'gregorian' });
    assert.equal(outcome.status, 'queued');
    assert.equal(outcome.status === 'queued' && outcome.error.code, 'timeout');
  });
});

describe('isLoyaltyError', () => {
  const brand = Symbol.for('loyalty-elements.error');

  it('recognises a LoyaltyError', () => {
    assert.equal(isLoyaltyError(new LoyaltyError('network', 'offline')), true);
  });

  it('recognises an error made by another copy of the SDK, in another realm', () => {
    const foreign: unknown = runInNewContext(`
      class LoyaltyError extends Error {}
      const error = new LoyaltyError('offline');
      error.code = 'network';
      error[Symbol.for('loyalty-elements.error')] = true;
      error;
    `);
    assert.equal(foreign instanceof LoyaltyError, false, 'instanceof cannot tell');
    assert.equal(isLoyaltyError(foreign), true);
    assert.equal(isLoyaltyError({ [brand]: true, code: 'server', status: 503 }), true, 'a plain branded object');
  });

  it('rejects look-alikes without the brand', () => {
    assert.equal(isLoyaltyError(new Error('x')), false);
    assert.equal(isLoyaltyError(Object.assign(new Error('x'), { name: 'LoyaltyError', code: 'network' })), false);
    assert.equal(isLoyaltyError({ name: 'LoyaltyError', code: 'network', status: 500 }), false);
    assert.equal(isLoyaltyError({ [Symbol('loyalty-elements.error')]: true, code: 'network' }), false);
    assert.equal(isLoyaltyError({ [brand]: 'true' }), false);
    assert.equal(isLoyaltyError({ 'loyalty-elements.error': true }), false);
    for (const value of [null, undefined, 0, 'LoyaltyError', true]) assert.equal(isLoyaltyError(value), false);
  });
});

describe('invalid arguments', () => {
  const calls: Array<[string, (client: LoyaltyClient) => Promise<unknown>]> = [
    ['a birthday on 30 February', (client) => client.setBirthday({ month: 2, day: 30, calendar: 'gregorian' })],
    ['a birthday in month 13', (client) => client.setBirthday({ month: 13, day: 1, calendar: 'gregorian' })],
    [
      'a birthday in an unknown calendar',
      (client) => client.setBirthday({ month: 1, day: 1, calendar: 'julian' } as never),
    ],
    ['a history limit of 0', (client) => client.getPointsHistory({ limit: 0 })],
    ['a history limit of 101', (client) => client.getPointsHistory({ limit: 101 })],
    ['a fractional history limit', (client) => client.getPointsHistory({ limit: 2.5 })],
    ['an empty history cursor', (client) => client.getPointsHistory({ cursor: '' })],
    ['a trigger that is not snake_case', (client) => client.getEligibleSurvey('Post Purchase')],
    ['an empty trigger', (client) => client.getEligibleSurvey('')],
    ['an empty response id to read', (client) => client.getSurveyResponse('')],
    ['an empty response id to save', (client) => client.saveSurveyResponse('', surveyUpdate)],
    ['a negative sequence', (client) => client.saveSurveyResponse(responseId, { ...surveyUpdate, sequence: -1 })],
    [
      'a string sequence',
      (client) => client.saveSurveyResponse(responseId, { ...surveyUpdate, sequence: '2' as unknown as number }),
    ],
    ['an empty survey id to dismiss', (client) => client.dismissSurvey('')],
    ['a dismissal with a response id that is not a UUID', (client) => client.dismissSurvey('nps', { responseId: 'x' })],
  ];
  for (const [name, call] of calls) {
    it(`reject ${name} with invalid_request and send nothing`, async () => {
      const requests = watchRequests();
      const client = makeClient({ customerToken: customerToken('c1') });
      let pending: Promise<unknown> | undefined;
      assert.doesNotThrow(() => {
        pending = call(client);
      }, 'the method returns a rejected promise instead of throwing');
      const error = await failure(pending!);
      assert.equal(error.code, 'invalid_request');
      assert.equal(await client.pendingWrites(), 0, 'nothing is queued');
      assert.deepEqual(requests, []);
    });
  }
});
