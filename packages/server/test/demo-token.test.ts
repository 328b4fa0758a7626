import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DemoCustomerToken, paths } from '@loyalty-elements/contract';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { DEFAULT_DEMO_CUSTOMER_ID, DEMO_SEED } from '../src/demo-seed.ts';
import { DEMO_TOKEN_TTL_SECONDS } from '../src/routes/demo-token.ts';
import { serveApp, type ServingApp } from '../src/server.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, getSummary, parseExactly } from './support/http.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function demoToken(query = ''): Promise<DemoCustomerToken> {
  const res = await fetch(server.baseUrl + paths.demoCustomerToken + query);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(DemoCustomerToken, await res.json());
}

describe('GET /v1/demo/customer-token', () => {
  test('issues a one-hour token that the summary route accepts', async () => {
    const customerId = 'demo-gold';
    const issued = await demoToken(`?customer=${customerId}`);
    assert.equal(issued.customerId, customerId);
    const ttlMs = Date.parse(issued.expiresAt) - Date.now();
    assert.ok(
      ttlMs > (DEMO_TOKEN_TTL_SECONDS - 60) * 1000 && ttlMs <= DEMO_TOKEN_TTL_SECONDS * 1000,
      `ttl ${ttlMs} ms`,
    );

    const res = await getSummary(server, { token: issued.token, publishableKey: server.config.demoPublishableKey });
    assert.equal(res.status, 200);
    const summary = (await res.json()) as { customer: { id: string }; points: { balance: number } };
    assert.equal(summary.customer.id, customerId);
    assert.equal(summary.points.balance, DEMO_SEED.customers[customerId].expected.balance);
  });

  test('defaults to the demo shopper', async () => {
    assert.equal((await demoToken()).customerId, DEFAULT_DEMO_CUSTOMER_ID);
  });

  test('an unknown customer is not found', async () => {
    const res = await fetch(`${server.baseUrl}${paths.demoCustomerToken}?customer=nobody-here`);
    await expectProblem(res, 404, 'customer_not_found');
  });

  test('is reachable from the allowed origins', async () => {
    const origin = server.config.allowedOrigins[0];
    assert.ok(origin);
    const res = await fetch(server.baseUrl + paths.demoCustomerToken, { headers: { Origin: origin } });
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    await res.body?.cancel();
  });
});

describe('outside demo mode', () => {
  let plain: ServingApp;
  before(async () => {
    plain = await serveApp(createApp({ db: server.db, demo: false, logger: createLogger('silent') }), {
      port: 0,
      host: '127.0.0.1',
    });
  });
  after(() => plain.close());

  test('the demo token route does not exist', async () => {
    await expectProblem(await fetch(plain.url + paths.demoCustomerToken), 404, 'not_found');
  });
});
