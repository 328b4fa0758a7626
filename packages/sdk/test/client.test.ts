import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import type { Summary } from '@loyalty-elements/contract';
import { createLoyaltyClient, isLoyaltyError, LoyaltyError, type LoyaltyErrorCode } from '../src/index.ts';

const apiBase = 'https://loyalty.test';
const summaryUrl = `${apiBase}/v1/me/summary`;
const publishableKey = 'pk_test';

const summary: Summary = {
  customer: { id: 'c1', name: 'Lin Mei', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
  program: { name: 'Tea House', pointsName: { en: 'points', 'zh-CN': '积分' } },
  points: {
    balance: 2900,
    pending: 180,
    lifetimeEarned: 3380,
    expiring: [{ points: 900, expiresAt: '2027-06-03T00:00:00.000Z' }],
  },
  tier: {
    current: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } },
    next: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
    progress: { metric: 'points', qualified: 3380, nextThreshold: 5000, remaining: 1620 },
    windowEndsAt: '2027-06-03T00:00:00.000Z',
    atRisk: null,
  },
  birthday: {
    month: 8,
    day: 15,
    calendar: 'chinese-lunar',
    inWindow: false,
    claimable: false,
    claimedThisYear: false,
    nextBirthday: '2026-09-25',
  },
};

const problem = (status: number, code: string) =>
  HttpResponse.json(
    { type: `https://loyalty-elements.dev/problems/${code}`, title: code, status, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

const api = setupServer();
before(() => api.listen({ onUnhandledRequest: 'error' }));
afterEach(() => api.resetHandlers());
after(() => api.close());

async function failure(promise: Promise<unknown>): Promise<LoyaltyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isLoyaltyError(error), `expected a LoyaltyError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('createLoyaltyClient().getSummary', () => {
  it('sends the publishable key and customer token and returns the validated summary', async () => {
    let seen: Headers | undefined;
    api.use(
      http.get(summaryUrl, ({ request }) => {
        seen = request.headers;
        return HttpResponse.json({ ...summary, unknownFutureField: true });
      }),
    );
    const client = createLoyaltyClient({ apiBase, publishableKey, customerToken: 'tok' });
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(seen?.get('x-publishable-key'), publishableKey);
    assert.equal(seen?.get('authorization'), 'Bearer tok');
  });

  it('coalesces concurrent calls into one HTTP request', async () => {
    let requests = 0;
    api.use(
      http.get(summaryUrl, async () => {
        requests += 1;
        await delay(20);
        return HttpResponse.json(summary);
      }),
    );
    const client = createLoyaltyClient({ apiBase, publishableKey, customerToken: 'tok' });
    const results = await Promise.all([client.getSummary(), client.getSummary(), client.getSummary()]);
    assert.equal(requests, 1);
    assert.deepEqual(results, [summary, summary, summary]);
    await client.getSummary({ revalidate: true });
    assert.equal(requests, 2, 'a revalidating call makes a new request');
  });

  it('is signed_out without a customer token and makes no request', async () => {
    api.use(http.get(summaryUrl, () => assert.fail('no request expected')));
    const error = await failure(createLoyaltyClient({ apiBase, publishableKey }).getSummary());
    assert.equal(error.code, 'signed_out');
  });

  const cases: Array<[string, () => Response | Promise<Response>, LoyaltyErrorCode, number | undefined]> = [
    ['a 500 problem', () => problem(500, 'internal'), 'server', 500],
    ['a 502 without a body', () => new HttpResponse(null, { status: 502 }), 'server', 502],
    ['a 401 token_invalid', () => problem(401, 'token_invalid'), 'unauthorized', 401],
    ['a 400 problem', () => problem(400, 'validation_failed'), 'rejected', 400],
    ['a body that is not JSON', () => new HttpResponse('<html>', { status: 200 }), 'invalid_response', 200],
    [
      'JSON that breaks the contract',
      () => HttpResponse.json({ ...summary, points: { ...summary.points, balance: -1 } }),
      'invalid_response',
      200,
    ],
    ['a dead network', () => HttpResponse.error(), 'network', undefined],
  ];
  for (const [name, respond, code, status] of cases) {
    it(`turns ${name} into a LoyaltyError "${code}"`, async () => {
      api.use(http.get(summaryUrl, respond));
      const error = await failure(createLoyaltyClient({ apiBase, publishableKey, customerToken: 'tok' }).getSummary());
      assert.equal(error.code, code);
      assert.equal(error.status, status);
    });
  }

  it('keeps the problem details of an API error', async () => {
    api.use(http.get(summaryUrl, () => problem(400, 'validation_failed')));
    const error = await failure(createLoyaltyClient({ apiBase, publishableKey, customerToken: 'tok' }).getSummary());
    assert.equal(error.problem?.code, 'validation_failed');
  });

  it('times out with code "timeout"', async () => {
    api.use(
      http.get(summaryUrl, async () => {
        await delay(500);
        return HttpResponse.json(summary);
      }),
    );
    const client = createLoyaltyClient({ apiBase, publishableKey, customerToken: 'tok', timeoutMs: 50 });
    assert.equal((await failure(client.getSummary())).code, 'timeout');
  });

  it('asks for a fresh token once after token_expired and retries', async () => {
    const tokens = ['old', 'new'];
    let asked = 0;
    api.use(
      http.get(summaryUrl, ({ request }) =>
        request.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json(summary)
          : problem(401, 'token_expired'),
      ),
    );
    const client = createLoyaltyClient({ apiBase, publishableKey, getCustomerToken: () => tokens[asked++] });
    assert.deepEqual(await client.getSummary(), summary);
    assert.equal(asked, 2);
  });

  it('gives up with token_expired when the fresh token is expired too', async () => {
    let asked = 0;
    api.use(http.get(summaryUrl, () => problem(401, 'token_expired')));
    const client = createLoyaltyClient({
      apiBase,
      publishableKey,
      getCustomerToken: () => {
        asked += 1;
        return 'stale';
      },
    });
    assert.equal((await failure(client.getSummary())).code, 'token_expired');
    assert.equal(asked, 2, 'one initial token and one refresh, no loop');
  });

  it('asks for a fresh token once after token_invalid, and reports unauthorized if that fails too', async () => {
    let asked = 0;
    api.use(
      http.get(summaryUrl, ({ request }) =>
        request.headers.get('authorization') === 'Bearer good'
          ? HttpResponse.json(summary)
          : problem(401, 'token_invalid'),
      ),
    );
    const recovering = createLoyaltyClient({
      apiBase,
      publishableKey,
      getCustomerToken: () => (asked++ === 0 ? 'forged' : 'good'),
    });
    assert.deepEqual(await recovering.getSummary(), summary);
    assert.equal(asked, 2);

    const hopeless = createLoyaltyClient({ apiBase, publishableKey, getCustomerToken: () => 'forged' });
    assert.equal((await failure(hopeless.getSummary())).code, 'unauthorized');
  });

  it('rejects a configuration without a publishable key', () => {
    assert.throws(() => createLoyaltyClient({ apiBase, publishableKey: 'sk_secret' }), TypeError);
  });
});

describe('isLoyaltyError', () => {
  it('recognises LoyaltyErrors and nothing else', () => {
    assert.equal(isLoyaltyError(new LoyaltyError('network', 'x')), true);
    assert.equal(isLoyaltyError(new Error('x')), false);
    assert.equal(isLoyaltyError({ name: 'LoyaltyError', code: 'network' }), false);
    assert.equal(isLoyaltyError(null), false);
  });
});
