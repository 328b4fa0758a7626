import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CUSTOMER_TOKEN_QUERY, PUBLISHABLE_KEY_HEADER, PUBLISHABLE_KEY_QUERY, paths } from '@loyalty-elements/contract';
import { startTestServer, type TestServer } from './support/server.ts';
import { demoToken, expectProblem, summaryOf } from './support/http.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

/** `path` with the publishable key and `token` in its query, as a browser's preflight-free GET sends them. */
function inUrl(path: string, token: string, key = server.config.demoPublishableKey): string {
  const query = new URLSearchParams({ [PUBLISHABLE_KEY_QUERY]: key, [CUSTOMER_TOKEN_QUERY]: token });
  return `${server.baseUrl}${path}?${query}`;
}

describe('a customer GET with its credentials in the URL (no CORS preflight)', () => {
  test('answers as with the headers, privately', async () => {
    const token = await demoToken(server, 'demo-shopper');
    const response = await fetch(inUrl(paths.summary, token), { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('cache-control') ?? '', /^private/);
    assert.deepEqual(await response.json(), await summaryOf(server, 'demo-shopper'));
  });

  test('refuses a token that fails its checks as the header would', async () => {
    const forged = await demoToken(server, 'demo-shopper', { secret: 'sk_someone_else' });
    await expectProblem(await fetch(inUrl(paths.summary, forged)), 401, 'token_invalid');
    const token = await demoToken(server, 'demo-shopper');
    await expectProblem(await fetch(inUrl(paths.summary, token, 'pk_unknown')), 401, 'publishable_key_invalid');
    await expectProblem(await fetch(inUrl(paths.summary, '')), 401, 'token_missing');
  });

  test('lets the Authorization header win over the query', async () => {
    const token = await demoToken(server, 'demo-shopper');
    const response = await fetch(inUrl(paths.summary, 'not-a-token'), {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, await response.clone().text());
    await response.body?.cancel();
  });

  test('is never taken by a write: a write sends its token in the Authorization header', async () => {
    const token = await demoToken(server, 'demo-shopper');
    const response = await fetch(inUrl(paths.birthday, token), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
      body: JSON.stringify({ month: 8, day: 15, calendar: 'gregorian' }),
    });
    await expectProblem(response, 401, 'token_missing');
  });
});
