import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PROBLEM_CONTENT_TYPE } from '@loyalty-elements/contract';
import { DEFAULT_DEMO_PUBLISHABLE_KEY } from '../src/config.ts';
import { demoToken, getSummary } from './support/http.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer({ LOYALTY_RATE_LIMIT_PER_IP: '8', LOYALTY_RATE_LIMIT_PER_KEY: '5' });
});
after(() => server.close());

async function statuses(count: number, headers: Record<string, string>): Promise<Response[]> {
  const responses: Response[] = [];
  for (let i = 0; i < count; i += 1) {
    responses.push(await fetch(`${server.baseUrl}/v1/program`, { headers }));
  }
  return responses;
}

test('a key over its limit gets 429 rate_limited with Retry-After, and the address limit still applies', async () => {
  const shopper = await demoToken(server, 'demo-shopper');
  const withKey: Response[] = [];
  for (let i = 0; i < 6; i += 1) {
    withKey.push(await getSummary(server, { token: shopper, publishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY }));
  }
  assert.deepEqual(
    withKey.map((r) => r.status),
    [200, 200, 200, 200, 200, 429],
  );
  const refused = withKey.at(-1)!;
  assert.equal(refused.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
  assert.equal((await refused.json()).code, 'rate_limited');
  const retryAfter = Number(refused.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);

  // Three more requests without a key take this address past its 8 per minute.
  const withoutKey = await statuses(3, {});
  assert.equal(withoutKey.at(-1)!.status, 429);
});

test('requests with the publishable key but no signed-in shopper leave the key’s limit to its shoppers', async () => {
  const own = await startTestServer({ LOYALTY_RATE_LIMIT_PER_IP: '12', LOYALTY_RATE_LIMIT_PER_KEY: '3' });
  try {
    const key = { 'X-Publishable-Key': own.config.demoPublishableKey };
    const anonymous: number[] = [];
    for (const path of ['/v1/program', '/v1/program', '/v1/program', '/v1/program', '/v1/me/nothing-here']) {
      const res = await fetch(own.baseUrl + path, { headers: key });
      await res.body?.cancel();
      anonymous.push(res.status);
    }
    assert.deepEqual(anonymous, [200, 200, 200, 200, 404], 'more than the key’s 3, none of them 429');
    const shopper = await demoToken(own, 'demo-shopper');
    const summaries: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await getSummary(own, { token: shopper, publishableKey: own.config.demoPublishableKey });
      await res.body?.cancel();
      summaries.push(res.status);
    }
    assert.deepEqual(summaries, [200, 200, 200, 429], 'the key’s 3 went to the signed-in shopper');
  } finally {
    await own.close();
  }
});

test('requests a token the API refuses do not use up the key’s limit; they still count against their address', async () => {
  const own = await startTestServer({ LOYALTY_RATE_LIMIT_PER_IP: '6', LOYALTY_RATE_LIMIT_PER_KEY: '3' });
  try {
    const publishableKey = own.config.demoPublishableKey;
    const summary = async (token: string) => {
      const res = await getSummary(own, { token, publishableKey });
      await res.body?.cancel();
      return res.status;
    };
    const refused: number[] = [];
    for (let i = 0; i < 5; i += 1) refused.push(await summary('not-a-token'));
    assert.deepEqual(refused, [401, 401, 401, 401, 401], 'more than the key’s 3, none of them 429');
    const shopper = await demoToken(own, 'demo-shopper');
    assert.equal(await summary(shopper), 200, 'the key’s limit is untouched');
    assert.equal(await summary(shopper), 429, 'the address’s 6 are used up, refusals included');
  } finally {
    await own.close();
  }
});
