// The customer token's lifecycle: fetched lazily, refreshed before it expires and once after the API
// refuses it, shared by concurrent requests; identify() and logout() switch customers cleanly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpResponse } from 'msw';
import { paths, surveyPaths } from '@loyalty-elements/contract';
import { MemoryOutboxStorage, customerTokenFromUrl } from '../src/index.ts';
import {
  bearer,
  customerToken,
  failure,
  makeClient,
  url,
  nextChange,
  problem,
  recordChanges,
  serve,
  settle,
  useApi,
  watchRequests,
  type Seen,
} from './support/api.ts';
import {
  birthdayClaimResult,
  birthdayStatus,
  eligibleSurvey,
  pointsHistory,
  program,
  summary,
} from './support/fixtures.ts';

useApi();

/** A token getter that hands out `tokens` in turn (the last one again when they run out) and counts its calls. */
function getter(...tokens: Array<string | null>) {
  const calls = { count: 0 };
  const get = async () => {
    calls.count += 1;
    await settle();
    return tokens[Math.min(calls.count, tokens.length) - 1];
  };
  return Object.assign(get, { calls });
}

const birthday = { month: 8, day: 15, calendar: 'gregorian' } as const;

describe('getting a token', () => {
  it('asks getCustomerToken only when a customer call needs one', async () => {
    serve('get', paths.program, () => HttpResponse.json(program));
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    const token = customerToken('c1');
    const getToken = getter(token);
    const client = makeClient({ getCustomerToken: getToken });
    await client.getProgram();
    assert.equal(getToken.calls.count, 0);
    await client.getSummary();
    assert.equal(getToken.calls.count, 1);
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
  });

  it('shares one getCustomerToken call between concurrent requests', async () => {
    const token = customerToken('c1');
    const getToken = getter(token);
    const summaries = serve('get', paths.summary, () => HttpResponse.json(summary));
    const histories = serve('get', paths.pointsHistory, () => HttpResponse.json(pointsHistory));
    const surveys = serve('get', surveyPaths.eligible, () => HttpResponse.json(eligibleSurvey));
    const client = makeClient({ getCustomerToken: getToken });
    await Promise.all([client.getSummary(), client.getPointsHistory(), client.getEligibleSurvey('post_purchase')]);
    assert.equal(getToken.calls.count, 1);
    for (const seen of [summaries, histories, surveys]) {
      assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
    }
  });

  it('replaces a token that expires within 60 s before sending it', async () => {
    const expiring = customerToken('c1', { expiresInSeconds: 30 });
    const fresh = customerToken('c1', { expiresInSeconds: 3600 });
    const getToken = getter(fresh);
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    serve('get', paths.pointsHistory, () => HttpResponse.json(pointsHistory));
    const client = makeClient({ customerToken: expiring, getCustomerToken: getToken });
    await client.getSummary();
    assert.equal(seen[0]!.headers.get('authorization'), bearer(fresh), 'the expiring token is never sent');
    await client.getPointsHistory();
    assert.equal(getToken.calls.count, 1, 'the fresh token is kept');
  });

  it('keeps a short-lived token from the getter for 30 s instead of asking again on every request', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const getToken = getter(
      customerToken('c1', { expiresInSeconds: 45 }),
      customerToken('c1', { expiresInSeconds: 45 }),
    );
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    const client = makeClient({ getCustomerToken: getToken });
    await client.getSummary();
    await client.getSummary({ revalidate: true });
    await client.getSummary({ revalidate: true });
    assert.equal(getToken.calls.count, 1, 'one getter call for three requests');
    t.mock.timers.tick(31_000);
    await client.getSummary({ revalidate: true });
    assert.equal(getToken.calls.count, 2, 'replaced once it has been held for 30 s');
    assert.equal(seen.length, 4, 'every read was sent');
  });

  it('sends a token with more than a minute left as it is', async () => {
    const token = customerToken('c1', { expiresInSeconds: 120 });
    const getToken = getter(customerToken('c1'));
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    await makeClient({ customerToken: token, getCustomerToken: getToken }).getSummary();
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
    assert.equal(getToken.calls.count, 0);
  });

  it('sends an expiring token when there is no getter to replace it (the API decides)', async () => {
    const token = customerToken('c1', { expiresInSeconds: 30 });
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    await makeClient({ customerToken: token }).getSummary();
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
  });

  it('is signed_out, without a request, when there is no token or the getter answers null', async () => {
    const requests = watchRequests();
    for (const client of [makeClient(), makeClient({ getCustomerToken: () => null })]) {
      assert.equal((await failure(client.getSummary())).code, 'signed_out');
      assert.equal((await failure(client.claimBirthdayReward())).code, 'signed_out');
      assert.equal((await failure(client.setBirthday(birthday))).code, 'signed_out');
    }
    assert.deepEqual(requests, []);
  });

  it('takes the getter’s null (a guest) for 5 s, so widgets that start reading at different moments ask it once', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const requests = watchRequests();
    const getToken = getter(null, null, customerToken('c1'));
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    const client = makeClient({ getCustomerToken: getToken });
    assert.equal((await failure(client.getSummary())).code, 'signed_out');
    t.mock.timers.tick(4_000);
    assert.equal((await failure(client.getSummary())).code, 'signed_out');
    assert.equal(getToken.calls.count, 1, 'one getter call for both reads');
    t.mock.timers.tick(1_001);
    assert.equal((await failure(client.getSummary())).code, 'signed_out');
    assert.equal(getToken.calls.count, 2, 'asked again once the answer is 5 s old');
    assert.deepEqual(requests, [], 'a guest sends the API nothing');
    await client.identify(getToken);
    await client.getSummary();
    assert.equal(getToken.calls.count, 3, 'identify() asks at once');
    assert.equal(seen.length, 1, 'the signed-in shopper’s read was sent');
  });

  it('is unauthorized, without a request, when the getter fails', async () => {
    const requests = watchRequests();
    const cause = new Error('session backend down');
    const client = makeClient({
      getCustomerToken: () => {
        throw cause;
      },
    });
    const error = await failure(client.getSummary());
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.cause, cause);
    assert.deepEqual(requests, []);
  });
});

describe('a refused token', () => {
  for (const [code, finalCode] of [
    ['token_expired', 'token_expired'],
    ['token_invalid', 'unauthorized'],
  ] as const) {
    it(`after a 401 ${code}, is replaced once and the request retried once`, async () => {
      const [stale, fresh] = [customerToken('c1'), customerToken('c1')];
      const getToken = getter(stale, fresh);
      const seen = serve('get', paths.summary, ({ headers }) =>
        headers.get('authorization') === bearer(fresh) ? HttpResponse.json(summary) : problem(401, code),
      );
      const client = makeClient({ getCustomerToken: getToken });
      assert.deepEqual(await client.getSummary(), summary);
      assert.equal(getToken.calls.count, 2);
      assert.deepEqual(
        seen.map(({ headers }) => headers.get('authorization')),
        [bearer(stale), bearer(fresh)],
      );
    });

    it(`after a second 401 ${code}, fails with ${finalCode} without asking again`, async () => {
      const getToken = getter(customerToken('c1'), customerToken('c1'), customerToken('c1'));
      const seen = serve('get', paths.summary, () => problem(401, code));
      const client = makeClient({ getCustomerToken: getToken });
      const error = await failure(client.getSummary());
      assert.equal(error.code, finalCode);
      assert.equal(error.status, 401);
      assert.equal(error.problem?.code, code);
      assert.equal(getToken.calls.count, 2, 'the first token and one replacement, no loop');
      assert.equal(seen.length, 2);
    });
  }

  it('is replaced once for several requests it failed at the same time', async () => {
    const [stale, fresh] = [customerToken('c1'), customerToken('c1')];
    const getToken = getter(stale, fresh, customerToken('c1'));
    const answer = ({ headers }: { headers: Headers }) =>
      headers.get('authorization') === bearer(stale) ? problem(401, 'token_expired') : undefined;
    serve('get', paths.summary, (request) => answer(request) ?? HttpResponse.json(summary));
    serve('get', paths.pointsHistory, (request) => answer(request) ?? HttpResponse.json(pointsHistory));
    serve('get', surveyPaths.eligible, (request) => answer(request) ?? HttpResponse.json(eligibleSurvey));
    const client = makeClient({ getCustomerToken: getToken });
    await Promise.all([client.getSummary(), client.getPointsHistory(), client.getEligibleSurvey('post_purchase')]);
    assert.equal(getToken.calls.count, 2, 'one token, then one replacement for all three');
  });

  it('is not replaced again when a request it failed comes back after the replacement', async () => {
    const [stale, fresh] = [customerToken('c1'), customerToken('c1')];
    const getToken = getter(stale, fresh, customerToken('c1'));
    let summaryDone!: () => void;
    const summaryAnswered = new Promise<void>((resolve) => (summaryDone = resolve));
    serve('get', paths.summary, ({ headers }) => {
      if (headers.get('authorization') === bearer(stale)) return problem(401, 'token_expired');
      summaryDone();
      return HttpResponse.json(summary);
    });
    const histories = serve('get', paths.pointsHistory, async ({ headers }) => {
      if (headers.get('authorization') !== bearer(stale)) return HttpResponse.json(pointsHistory);
      await summaryAnswered; // this refusal arrives once the summary's retry already has the fresh token
      return problem(401, 'token_expired');
    });
    const client = makeClient({ getCustomerToken: getToken });
    await Promise.all([client.getSummary(), client.getPointsHistory()]);
    assert.equal(getToken.calls.count, 2, 'the history retries with the token the summary already replaced');
    assert.equal(histories.at(-1)!.headers.get('authorization'), bearer(fresh));
  });

  it('fails at once with a static token: token_expired, one request', async () => {
    const seen = serve('get', paths.summary, () => problem(401, 'token_expired'));
    const error = await failure(makeClient({ customerToken: customerToken('c1') }).getSummary());
    assert.equal(error.code, 'token_expired');
    assert.equal(seen.length, 1);
  });

  it('is not replaced for a 401 that is not about the token', async () => {
    const getToken = getter(customerToken('c1'), customerToken('c1'));
    const seen = serve('get', paths.summary, () => problem(401, 'publishable_key_invalid'));
    const error = await failure(makeClient({ getCustomerToken: getToken }).getSummary());
    assert.equal(error.code, 'unauthorized');
    assert.equal(getToken.calls.count, 1);
    assert.equal(seen.length, 1);
  });

  it('is replaced for a write too, which then goes through', async () => {
    const [stale, fresh] = [customerToken('c1'), customerToken('c1')];
    const seen = serve('put', paths.birthday, ({ headers }) =>
      headers.get('authorization') === bearer(fresh)
        ? HttpResponse.json(birthdayStatus)
        : problem(401, 'token_expired'),
    );
    const client = makeClient({ getCustomerToken: getter(stale, fresh) });
    assert.deepEqual(await client.setBirthday(birthday), { status: 'sent', result: birthdayStatus });
    assert.equal(seen.length, 2);
    assert.equal(await client.pendingWrites(), 0);
  });
});

describe('identify and logout', () => {
  it('identify(token) clears the caches, emits identity, and the next read uses the new token', async () => {
    const [first, second] = [customerToken('c1'), customerToken('c2')];
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    const programs = serve('get', paths.program, () => HttpResponse.json(program));
    const client = makeClient({ customerToken: first });
    await client.getSummary();
    await client.getProgram();
    const identity = nextChange(client, 'identity');
    await client.identify(second);
    await identity;
    await client.getSummary();
    await client.getProgram();
    assert.deepEqual(
      seen.map(({ headers }) => headers.get('authorization')),
      [bearer(first), bearer(second)],
    );
    assert.equal(programs.length, 2, 'every cache is cleared');
  });

  it('identify(getter) asks the new getter for the next read', async () => {
    const second = customerToken('c2');
    const getToken = getter(second);
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    const changes = recordChanges(client);
    await client.identify(getToken);
    assert.deepEqual(
      changes.filter(({ type }) => type === 'identity'),
      [{ type: 'identity' }],
    );
    await client.getSummary();
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.headers.get('authorization'), bearer(second));
  });

  it('logout() clears the caches and emits identity; customer calls are then signed_out', async () => {
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    serve('get', paths.program, () => HttpResponse.json(program));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.getSummary();
    const changes = recordChanges(client);
    await client.logout();
    assert.deepEqual(
      changes.filter(({ type }) => type === 'identity'),
      [{ type: 'identity' }],
    );
    assert.equal((await failure(client.getSummary())).code, 'signed_out');
    assert.equal(seen.length, 1, 'the previous customer’s summary is not served');
    assert.deepEqual(await client.getProgram(), program, 'a guest still reads the program');
  });

  it('does not keep the previous customer’s read that was in flight', async () => {
    const [first, second] = [customerToken('c1'), customerToken('c2')];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const seen = serve('get', paths.summary, async ({ headers }) => {
      if (headers.get('authorization') === bearer(first)) await released;
      return HttpResponse.json(summary);
    });
    const client = makeClient({ customerToken: first });
    const pending = client.getSummary();
    await settle();
    await client.identify(second);
    release();
    await pending;
    await client.getSummary();
    assert.deepEqual(
      seen.map(({ headers }) => headers.get('authorization')),
      [bearer(first), bearer(second)],
    );
  });

  it('gives the next customer a new idempotency key for the birthday claim', async () => {
    const seen = serve('post', paths.birthdayClaim, () => HttpResponse.json(birthdayClaimResult));
    const client = makeClient({ customerToken: customerToken('c1') });
    await client.claimBirthdayReward();
    await client.identify(customerToken('c2'));
    await client.claimBirthdayReward();
    const [first, second] = seen.map(({ headers }) => headers.get('idempotency-key'));
    assert.ok(first && second);
    assert.notEqual(first, second);
  });

  it('drops the previous customer’s queued writes and never sends them under the new token', async () => {
    let online = false;
    const [first, second] = [customerToken('c1'), customerToken('c2')];
    const seen = serve('put', paths.birthday, () =>
      online ? HttpResponse.json(birthdayStatus) : HttpResponse.error(),
    );
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: first, outboxStorage: storage });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    assert.equal(await client.pendingWrites(), 1);
    const attempts = seen.length;

    await client.identify(second);
    assert.equal(await client.pendingWrites(), 0);
    assert.deepEqual(await storage.list(), [], 'gone from the device too');
    online = true;
    await client.flush();
    assert.ok(
      seen.slice(attempts).every(({ headers }) => headers.get('authorization') === bearer(first)),
      'a write of the first customer never goes out with the second customer’s token',
    );
    assert.equal(seen.filter(({ headers }) => headers.get('authorization') === bearer(second)).length, 0);
  });

  it('tries once more to send the queued writes on logout', async () => {
    let online = false;
    const token = customerToken('c1');
    const delivered: Seen[] = [];
    serve('put', paths.birthday, (request) => {
      if (!online) return HttpResponse.error();
      delivered.push(request);
      return HttpResponse.json(birthdayStatus);
    });
    const client = makeClient({ customerToken: token });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    online = true;
    await client.logout();
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0]!.headers.get('authorization'), bearer(token));
  });

  it('drops the queued writes on logout', async () => {
    serve('put', paths.birthday, () => HttpResponse.error());
    const storage = new MemoryOutboxStorage();
    const client = makeClient({ customerToken: customerToken('c1'), outboxStorage: storage });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    await client.logout();
    assert.equal(await client.pendingWrites(), 0);
    assert.deepEqual(await storage.list(), []);
  });

  it('keeps the queued writes when identify switches to another token of the same customer, and sends them with it', async () => {
    let online = false;
    const [first, second] = [customerToken('c1'), customerToken('c1')];
    const delivered: Seen[] = [];
    serve('put', paths.birthday, (request) => {
      if (!online) return HttpResponse.error();
      delivered.push(request);
      return HttpResponse.json(birthdayStatus);
    });
    const client = makeClient({ customerToken: first });
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    await client.identify(second);
    assert.equal(await client.pendingWrites(), 1);
    online = true;
    await client.flush();
    assert.equal(await client.pendingWrites(), 0);
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0]!.headers.get('authorization'), bearer(second));
    assert.deepEqual(delivered[0]!.body, birthday);
  });
});

describe("a token from the merchant's token route (customerTokenFromUrl)", () => {
  const tokenPath = '/merchant/loyalty-token';
  const fromRoute = (respond: () => Response) => {
    serve('get', tokenPath, respond);
    return makeClient({ getCustomerToken: customerTokenFromUrl(url(tokenPath)) });
  };

  it('sends the token the route answers', async () => {
    const token = customerToken('cust_lin');
    const seen = serve('get', paths.summary, () => HttpResponse.json(summary));
    await fromRoute(() => HttpResponse.json({ token })).getSummary();
    assert.equal(seen[0]!.headers.get('authorization'), bearer(token));
  });

  for (const status of [401, 204]) {
    it(`is a guest (signed_out, no API request) when the route answers ${status}`, async () => {
      const requests = watchRequests();
      const error = await failure(fromRoute(() => new HttpResponse(null, { status })).getSummary());
      assert.equal(error.code, 'signed_out');
      assert.deepEqual(
        requests.map((request) => request.url.pathname),
        [tokenPath],
      );
    });
  }

  for (const [status, code] of [
    [500, 'server'],
    [503, 'server'],
    [429, 'rejected'],
    [403, 'unauthorized'],
  ] as const) {
    it(`fails with ${code} (status ${status}) when the route answers ${status}`, async () => {
      const error = await failure(fromRoute(() => new HttpResponse('down', { status })).getSummary());
      assert.equal(error.code, code);
      assert.equal(error.status, status);
    });
  }

  it('fails with unauthorized when the route answers no token (a sign-in page), and is a guest for a null one', async () => {
    for (const body of ['{"tok":"x"}', '{"token":""}', 'not json', '<!doctype html><title>Sign in</title>']) {
      const client = fromRoute(() => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }));
      assert.equal((await failure(client.getSummary())).code, 'unauthorized', body);
    }
    const guest = fromRoute(() => HttpResponse.json({ token: null }));
    assert.equal((await failure(guest.getSummary())).code, 'signed_out');
  });

  it('keeps a queued write while the route answers a sign-in page instead of a token', async () => {
    let signedIn = true;
    let apiUp = false;
    serve('get', paths.summary, () => HttpResponse.json(summary));
    serve('put', paths.birthday, () => {
      if (!apiUp) return HttpResponse.error();
      return signedIn ? HttpResponse.json(birthdayStatus) : problem(401, 'token_expired');
    });
    const storage = new MemoryOutboxStorage();
    serve('get', tokenPath, () =>
      signedIn
        ? HttpResponse.json({ token: customerToken('cust_lin') })
        : new HttpResponse('<!doctype html><title>Sign in</title>', { headers: { 'Content-Type': 'text/html' } }),
    );
    const client = makeClient({ getCustomerToken: customerTokenFromUrl(url(tokenPath)), outboxStorage: storage });
    const changes = recordChanges(client);
    assert.equal((await client.setBirthday(birthday)).status, 'queued');
    // The shopper's site session lapsed: the API refuses the token, and the route answers its sign-in page.
    signedIn = false;
    apiUp = true;
    await client.flush();
    assert.equal((await storage.list()).length, 1, 'kept until the shopper signs in again');
    assert.deepEqual(
      changes.filter((change) => change.type === 'write_failed'),
      [],
    );
    signedIn = true;
    await client.flush();
    assert.deepEqual(await storage.list(), []);
    client.close();
  });

  it('keeps a write queued when the route is down as the token needs replacing, and sends it once it is back', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    let routeUp = true;
    const expiring = customerToken('cust_lin', { expiresInSeconds: 50 });
    const fresh = customerToken('cust_lin');
    serve('get', paths.summary, () => HttpResponse.json(summary));
    const saved = serve('put', paths.birthday, () => HttpResponse.json(birthdayStatus));
    let handedOut = 0;
    const client = fromRoute(() => {
      if (!routeUp) return new HttpResponse(null, { status: 503 });
      handedOut += 1;
      return HttpResponse.json({ token: handedOut === 1 ? expiring : fresh });
    });
    await client.getSummary();
    t.mock.timers.tick(31_000);

    routeUp = false;
    const outcome = await client.setBirthday(birthday);
    assert.equal(outcome.status, 'queued');
    assert.equal(outcome.status === 'queued' && outcome.error.code, 'server');
    assert.equal(await client.pendingWrites(), 1);

    routeUp = true;
    await client.flush();
    assert.equal(await client.pendingWrites(), 0);
    assert.equal(saved.length, 1);
    assert.equal(saved[0]!.headers.get('authorization'), bearer(fresh));
    client.close();
  });
});
