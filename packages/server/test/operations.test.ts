import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as httpRequest, Agent } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER, paths } from '@loyalty-elements/contract';
import { createApp, MAX_BODY_BYTES } from '../src/app.ts';
import { serveApp, isLoopback, type ServingApp } from '../src/server.ts';
import { startTestServer, createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem } from './support/http.ts';

let server: TestServer;
let app: ServingApp;
const logLines: Record<string, unknown>[] = [];
let stopping = false;

before(async () => {
  server = await startTestServer();
  // The same database served by an app whose log lines the tests read.
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  app = await serveApp(
    createApp({ db: server.db, demo: true, logger, logError: () => undefined, isStopping: () => stopping }),
    { port: 0, host: '127.0.0.1' },
  );
});
after(async () => {
  await app?.close();
  await server?.close();
});

describe('probes', () => {
  test('GET /healthz answers while the process runs; GET /readyz while the database answers too', async () => {
    const health = await fetch(`${app.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  test('GET /readyz is 503 storage_unavailable once the server is shutting down', async () => {
    stopping = true;
    try {
      const res = await fetch(`${app.url}/readyz`);
      await expectProblem(res, 503, 'storage_unavailable');
      assert.equal(res.headers.get('retry-after'), '5');
    } finally {
      stopping = false;
    }
  });
});

describe('request log', () => {
  test('one JSON line per request, with the request id the response echoes', async () => {
    logLines.length = 0;
    const res = await fetch(app.url + paths.customerTransactions('demo-shopper'), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.config.demoSecretKey}`,
        'Content-Type': 'application/json',
        [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
      },
      body: JSON.stringify({ type: 'earn', points: 1 }),
    });
    await res.body?.cancel();
    const requestId = res.headers.get('x-request-id');
    assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
    const lines = logLines.filter((line) => line.requestId === requestId);
    assert.equal(lines.length, 1, JSON.stringify(logLines));
    const [line] = lines;
    assert.equal(line!.method, 'POST');
    assert.equal(line!.route, '/v1/admin/customers/:customerId/transactions');
    assert.equal(line!.path, paths.customerTransactions('demo-shopper'));
    assert.equal(line!.status, res.status);
    assert.equal(typeof line!.durationMs, 'number');
  });

  test("a caller's own X-Request-Id is kept; a hostile one is replaced", async () => {
    const mine = await fetch(`${app.url}/healthz`, { headers: { 'X-Request-Id': 'order-1001-retry-2' } });
    assert.equal(mine.headers.get('x-request-id'), 'order-1001-retry-2');
    const hostile = await fetch(`${app.url}/healthz`, { headers: { 'X-Request-Id': 'a"b<script>' } });
    assert.match(hostile.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});

describe('browser-facing headers', () => {
  for (const path of ['/healthz', paths.program, '/openapi.json', '/docs', '/no-such-route']) {
    test(`${path} is not sniffed, sends no referrer and cannot be framed`, async () => {
      const res = await fetch(app.url + path, {
        headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
      });
      await res.body?.cancel();
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    });
  }

  test('an admin request from a web page (with Origin) is refused, and nothing is written', async () => {
    const customerId = await createDemoCustomer(server, 'origin');
    const res = await fetch(app.url + paths.customerTransactions(customerId), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.config.demoSecretKey}`,
        'Content-Type': 'application/json',
        [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
        Origin: 'https://shop.example',
      },
      body: JSON.stringify({ type: 'earn', points: 10 }),
    });
    await expectProblem(res, 403, 'secret_key_in_browser');
    const rows = await server.db.query('SELECT 1 FROM ledger_entries WHERE customer_id = $1', [customerId]);
    assert.equal(rows.length, 0);
  });

  test('the demo token route signs only for the seeded demo shoppers', async () => {
    const seeded = await fetch(`${app.url}${paths.demoCustomerToken}?customer=demo-shopper`);
    assert.equal(seeded.status, 200);
    await seeded.body?.cancel();
    const added = await createDemoCustomer(server, 'merchant-added');
    const res = await fetch(`${app.url}${paths.demoCustomerToken}?customer=${encodeURIComponent(added)}`);
    await expectProblem(res, 404, 'customer_not_found');
  });

  test('loopback addresses are told apart from the rest', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]'])
      assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.0.2.7', 'shop.example']) assert.equal(isLoopback(host), false, host);
  });
});

describe('a body over the limit', () => {
  test('is 413 and closes its connection, so the next request on a new one succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string | null) =>
      new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
        const req = httpRequest(
          app.url + (body === null ? '/healthz' : paths.customerTransactions('demo-shopper')),
          {
            agent,
            method: body === null ? 'GET' : 'POST',
            headers:
              body === null
                ? {}
                : {
                    Authorization: `Bearer ${server.config.demoSecretKey}`,
                    'Content-Type': 'application/json',
                    [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
                  },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
          },
        );
        req.on('error', reject);
        req.end(body ?? undefined);
      });
    try {
      const large = JSON.stringify({ type: 'earn', points: 1, reason: 'x'.repeat(MAX_BODY_BYTES) });
      for (let round = 0; round < 5; round += 1) {
        const refused = await send(large);
        assert.equal(refused.status, 413, refused.text);
        assert.equal(refused.connection, 'close');
        const next = await send(null);
        assert.equal(next.status, 200, next.text);
      }
    } finally {
      agent.destroy();
    }
  });
});
