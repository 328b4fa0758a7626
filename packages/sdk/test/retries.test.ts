// Requests that are safe to repeat are retried on failures that may pass (with backoff and the API's
// Retry-After); everything else fails at once. The birthday claim is retried and claims once.
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { BirthdayClaimResult, paths, surveyPaths } from '@loyalty-elements/contract';
import { Session } from '../src/session.ts';
import { Transport } from '../src/transport/transport.ts';
import { apiBase, customerToken, failure, makeClient, problem, publishableKey, serve, useApi } from './support/api.ts';
import { birthdayClaimResult, birthdayStatus, summary, surveyDismissal } from './support/fixtures.ts';

useApi();

const failWith = (status: number, headers: Record<string, string> = {}) =>
  status === 0 ? HttpResponse.error() : problem(status, status >= 500 ? 'internal' : 'rate_limited', headers);

describe('a read', () => {
  for (const status of [0, 408, 425, 429, 500, 502, 503, 504]) {
    const name = status === 0 ? 'a network error' : `a ${status}`;
    it(`is retried after ${name}`, async () => {
      const seen = serve('get', paths.summary, (_request, attempt) =>
        attempt < 3 ? failWith(status) : HttpResponse.json(summary),
      );
      const client = makeClient({ customerToken: customerToken('c1') });
      assert.deepEqual(await client.getSummary(), summary);
      assert.equal(seen.length, 3);
    });
  }

  for (const [status, code] of [
    [503, 'server'],
    [429, 'rejected'],
    [0, 'network'],
  ] as const) {
    it(`gives up after the retry limit with the last error (${status || 'network'})`, async () => {
      const seen = serve('get', paths.summary, () => failWith(status));
      const error = await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
      assert.equal(seen.length, 3, 'the first attempt and two retries by default');
      assert.equal(error.code, code);
      assert.equal(error.status, status || undefined);
      assert.equal(error.problem?.code, status === 0 ? undefined : status >= 500 ? 'internal' : 'rate_limited');
    });
  }

  it('is retried as often as retry.limit says', async () => {
    for (const limit of [0, 1, 4]) {
      const seen = serve('get', paths.summary, () => failWith(500));
      const client = makeClient({
        customerToken: customerToken('c1'),
        retry: { limit, baseDelayMs: 1, maxDelayMs: 2 },
      });
      assert.equal((await failure(client.getSummary())).code, 'server');
      assert.equal(seen.length, limit + 1);
    }
  });

  for (const status of [400, 401, 403, 404, 409, 422]) {
    it(`is not retried after a ${status}`, async () => {
      const seen = serve('get', paths.summary, () => problem(status, 'validation_failed'));
      await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
      assert.equal(seen.length, 1);
    });
  }
});

/** Records the delay of every timer set during the test; any of a minute or more fires at once instead. */
function recordTimers(t: TestContext): number[] {
  const delays: number[] = [];
  const original = globalThis.setTimeout;
  t.mock.method(globalThis, 'setTimeout', ((callback: () => void, ms?: number, ...rest: unknown[]) => {
    delays.push(ms ?? 0);
    return original(callback, (ms ?? 0) >= 60_000 ? 0 : ms, ...rest);
  }) as typeof setTimeout);
  return delays;
}

describe('Retry-After', () => {
  for (const status of [429, 503]) {
    it(`is honoured on a ${status}: the retry waits as long as the API asked`, async (t) => {
      const delays = recordTimers(t);
      let firstAt = 0;
      let retryAt = 0;
      const seen = serve('get', paths.summary, (_request, attempt) => {
        if (attempt === 1) {
          firstAt = performance.now();
          return failWith(status, { 'Retry-After': '0.05' });
        }
        retryAt = performance.now();
        return HttpResponse.json(summary);
      });
      const client = makeClient({ customerToken: customerToken('c1'), retry: { baseDelayMs: 1, maxDelayMs: 1000 } });
      assert.deepEqual(await client.getSummary(), summary);
      assert.equal(seen.length, 2);
      assert.ok(delays.includes(50), `a 50 ms wait was set; saw ${delays.join(', ')}`);
      assert.ok(retryAt - firstAt >= 45, 'the backoff alone would have waited at most 1 ms');
    });
  }

  it('of 0 retries at once', async () => {
    const seen = serve('get', paths.summary, (_request, attempt) =>
      attempt === 1 ? failWith(429, { 'Retry-After': '0' }) : HttpResponse.json(summary),
    );
    assert.deepEqual(await makeClient({ customerToken: customerToken('c1') }).getSummary(), summary);
    assert.equal(seen.length, 2);
  });

  it('never makes the client wait longer than retry.maxDelayMs', async (t) => {
    const delays = recordTimers(t);
    const seen = serve('get', paths.summary, (_request, attempt) =>
      attempt === 1 ? failWith(503, { 'Retry-After': '3600' }) : HttpResponse.json(summary),
    );
    const client = makeClient({ customerToken: customerToken('c1'), retry: { baseDelayMs: 1, maxDelayMs: 20 } });
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(seen.length, 2);
    assert.ok(delays.includes(20), `the wait was capped at 20 ms; saw ${delays.join(', ')}`);
    assert.ok(!delays.some((ms) => ms >= 60_000), 'no wait of an hour');
  });
});

describe('a write', () => {
  it('without an idempotency key is not retried (POST)', async () => {
    const seen = serve('post', paths.birthdayClaim, () => failWith(503));
    const claimSchema = async () => BirthdayClaimResult;
    const transport = new Transport({
      apiBase: `${apiBase}/`,
      publishableKey,
      timeoutMs: 1000,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      fetch: undefined,
      session: new Session(customerToken('c1'), undefined, Date.now),
    });
    const error = await failure(
      transport.send({ method: 'post', path: paths.birthdayClaim, schema: claimSchema, asCustomer: true }),
    );
    assert.equal(error.code, 'server');
    assert.equal(seen.length, 1, 'a POST may not be safe to repeat');
    await failure(
      transport.send({
        method: 'post',
        path: paths.birthdayClaim,
        schema: claimSchema,
        asCustomer: true,
        idempotencyKey: 'key-1',
      }),
    );
    assert.equal(seen.length, 4, 'with a key it is');
  });

  it('that is idempotent (PUT birthday, POST dismissal) is retried', async () => {
    const birthdays = serve('put', paths.birthday, (_request, attempt) =>
      attempt < 3 ? failWith(502) : HttpResponse.json(birthdayStatus),
    );
    const dismissals = serve('post', surveyPaths.dismissalsPattern, (_request, attempt) =>
      attempt < 2 ? failWith(0) : HttpResponse.json(surveyDismissal),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.setBirthday({ month: 8, day: 15, calendar: 'chinese-lunar' }), {
      status: 'sent',
      result: birthdayStatus,
    });
    assert.deepEqual(await client.dismissSurvey(surveyDismissal.surveyId), { status: 'sent', result: surveyDismissal });
    assert.equal(birthdays.length, 3);
    assert.equal(dismissals.length, 2);
  });
});

describe('the birthday claim', () => {
  it('is retried with the same Idempotency-Key, and a second claim replays that key', async () => {
    const seen = serve('post', paths.birthdayClaim, (_request, attempt) =>
      attempt === 1 ? failWith(503) : attempt === 2 ? failWith(0) : HttpResponse.json(birthdayClaimResult),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.deepEqual(await client.claimBirthdayReward(), birthdayClaimResult);
    assert.equal(seen.length, 3);
    assert.deepEqual(await client.claimBirthdayReward(), birthdayClaimResult);
    const keys = new Set(seen.map(({ headers }) => headers.get('idempotency-key')));
    assert.equal(seen.length, 4);
    assert.equal(keys.size, 1, 'every attempt and every claim of this customer carries one key');
    assert.ok([...keys][0], 'the key is not empty');
  });

  it('claims once on a double click: concurrent claims make one request', async () => {
    const seen = serve('post', paths.birthdayClaim, () => HttpResponse.json(birthdayClaimResult));
    const client = makeClient({ customerToken: customerToken('c1') });
    const results = await Promise.all([client.claimBirthdayReward(), client.claimBirthdayReward()]);
    assert.deepEqual(results, [birthdayClaimResult, birthdayClaimResult]);
    assert.equal(seen.length, 1);
  });

  it('keeps its key after a failure, so trying again cannot claim twice', async () => {
    const seen = serve('post', paths.birthdayClaim, (_request, attempt) =>
      attempt <= 3 ? failWith(503) : HttpResponse.json(birthdayClaimResult),
    );
    const client = makeClient({ customerToken: customerToken('c1') });
    assert.equal((await failure(client.claimBirthdayReward())).code, 'server');
    assert.deepEqual(await client.claimBirthdayReward(), birthdayClaimResult);
    assert.equal(new Set(seen.map(({ headers }) => headers.get('idempotency-key'))).size, 1);
  });

  it('is not retried when the API refuses it', async () => {
    const seen = serve('post', paths.birthdayClaim, () => problem(409, 'birthday_outside_window'));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).claimBirthdayReward());
    assert.equal(error.code, 'rejected');
    assert.equal(error.problem?.code, 'birthday_outside_window');
    assert.equal(seen.length, 1);
  });
});
