import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { WebhookDelivery, WebhookEndpoint, WebhookEndpointList, webhookPaths } from '@loyalty-elements/contract';
import { createProgram } from '../src/domain/program-setup.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { expectUpsert, upsertCustomer } from './support/loyalty.ts';
import { admin } from './support/members.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { allDeliveries, createEndpoint, deliveryPageOf, RECEIVER_URL } from './support/webhooks.ts';

describe('webhook endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  const joinCustomer = async () =>
    expectUpsert(await upsertCustomer(server, `hook-${randomUUID()}`, { name: 'Hook Han' }), 201);

  test('created with a whsec_ secret shown once, then listed, read, changed and deleted without it', async () => {
    const created = await createEndpoint(server, { events: ['member.joined', 'points.earned'], description: 'CRM' });
    assert.match(created.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.deepEqual(
      [created.url, created.events, created.description, created.enabled, created.disabledReason],
      [RECEIVER_URL, ['member.joined', 'points.earned'], 'CRM', true, null],
    );

    const listed = parseExactly(WebhookEndpointList, await (await admin(server, webhookPaths.endpoints)).json());
    const { secret: _secret, ...endpoint } = created;
    assert.deepEqual(
      listed.endpoints.find((item) => item.id === created.id),
      endpoint,
    );
    const read = await admin(server, webhookPaths.endpoint(created.id));
    assert.deepEqual(parseExactly(WebhookEndpoint, await read.json()), endpoint);

    const patched = await admin(server, webhookPaths.endpoint(created.id), {
      method: 'PATCH',
      body: { events: ['member.left'], enabled: false, description: null },
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(parseExactly(WebhookEndpoint, await patched.json()), {
      ...endpoint,
      events: ['member.left'],
      enabled: false,
      description: null,
    });

    const deleted = await admin(server, webhookPaths.endpoint(created.id), { method: 'DELETE' });
    assert.equal(deleted.status, 200);
    await expectProblem(await admin(server, webhookPaths.endpoint(created.id)), 404, 'webhook_endpoint_not_found');
    await expectProblem(
      await admin(server, webhookPaths.endpoint(created.id), { method: 'DELETE' }),
      404,
      'webhook_endpoint_not_found',
    );
  });

  test('a disabled endpoint gets no deliveries; enabled again, it gets the next events', async () => {
    const endpoint = await createEndpoint(server, { events: ['member.joined'] });
    const off = await admin(server, webhookPaths.endpoint(endpoint.id), { method: 'PATCH', body: { enabled: false } });
    assert.equal(off.status, 200);
    await joinCustomer();
    assert.equal((await allDeliveries(server, endpoint.id)).length, 0);

    await admin(server, webhookPaths.endpoint(endpoint.id), { method: 'PATCH', body: { enabled: true } });
    const { customer } = await joinCustomer();
    const deliveries = await allDeliveries(server, endpoint.id);
    assert.deepEqual(
      deliveries.map((delivery) => [delivery.eventType, delivery.event.customerId, delivery.status]),
      [['member.joined', customer.id, 'pending']],
    );
  });

  test('deliveries come newest first in cursor pages, and a retry makes one pending again now', async () => {
    const endpoint = await createEndpoint(server, { events: ['member.joined'] });
    const joined: string[] = [];
    for (let i = 0; i < 5; i++) joined.push((await joinCustomer()).customer.id);

    const first = await deliveryPageOf(server, endpoint.id, '?limit=2');
    assert.equal(first.deliveries.length, 2);
    assert.ok(first.nextCursor);
    const all = await allDeliveries(server, endpoint.id);
    assert.deepEqual(
      all.map((delivery) => delivery.event.customerId),
      [...joined].reverse(),
    );
    assert.deepEqual(
      first.deliveries.map((delivery) => delivery.id),
      all.slice(0, 2).map((delivery) => delivery.id),
    );
    assert.equal(new Set(all.map((delivery) => delivery.eventId)).size, 5);

    const target = all[3]!;
    const retried = await admin(server, webhookPaths.retry(endpoint.id, target.id), { method: 'POST' });
    assert.equal(retried.status, 200, await retried.clone().text());
    const delivery = parseExactly(WebhookDelivery, await retried.json());
    assert.equal(delivery.status, 'pending');
    assert.equal(delivery.eventId, target.eventId);
    assert.ok(delivery.nextAttemptAt !== null && delivery.nextAttemptAt >= target.createdAt);

    await expectProblem(
      await admin(server, webhookPaths.retry(endpoint.id, 'no-such-delivery'), { method: 'POST' }),
      404,
      'webhook_delivery_not_found',
    );
    const other = await createEndpoint(server, { events: ['member.left'] });
    await expectProblem(
      await admin(server, webhookPaths.retry(other.id, target.id), { method: 'POST' }),
      404,
      'webhook_delivery_not_found',
    );
    await expectProblem(
      await admin(server, webhookPaths.retry('no-such-endpoint', target.id), { method: 'POST' }),
      404,
      'webhook_endpoint_not_found',
    );
    await expectProblem(
      await admin(server, webhookPaths.deliveries('no-such-endpoint')),
      404,
      'webhook_endpoint_not_found',
    );
    await expectProblem(
      await admin(server, webhookPaths.deliveries(endpoint.id) + '?cursor=d1.x'),
      400,
      'validation_failed',
    );
  });

  test('hostile bodies are a 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: RECEIVER_URL, events: [] }, 'body.events'],
      [{ url: RECEIVER_URL, events: ['member.joined', 'member.joined'] }, 'body.events'],
      [{ url: RECEIVER_URL, events: ['points.vanished'] }, 'body.events.0'],
      [{ url: RECEIVER_URL, events: 'member.joined' }, 'body.events'],
      [{ url: 'not a url', events: ['member.joined'] }, 'body.url'],
      [{ url: `https://example.com/${'a'.repeat(3000)}`, events: ['member.joined'] }, 'body.url'],
      [{ url: 'https://example.com/\u0000', events: ['member.joined'] }, 'body.url'],
      [{ url: RECEIVER_URL, events: ['member.joined'], secret: 'mine' }, 'body'],
      [{ url: RECEIVER_URL, events: ['member.joined'], description: 42 }, 'body.description'],
      [{ url: 'ftp://example.com/hooks', events: ['member.joined'] }, 'body.url'],
      [{ url: 'https://user:pass@example.com/hooks', events: ['member.joined'] }, 'body.url'],
      [{ url: 'http://example.com/hooks', events: ['member.joined'] }, 'body.url'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(
        await admin(server, webhookPaths.endpoints, { method: 'POST', body }),
        400,
        'validation_failed',
      );
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(problem.errors)}`,
      );
    }
    const endpoint = await createEndpoint(server, { events: ['member.joined'] });
    const patch = await admin(server, webhookPaths.endpoint(endpoint.id), {
      method: 'PATCH',
      body: { enabled: 'yes' },
    });
    const problem = await expectProblem(patch, 400, 'validation_failed');
    assert.equal(problem.errors?.[0]?.path, 'body.enabled');
  });

  test('every route needs the secret key', async () => {
    for (const [path, method] of [
      [webhookPaths.endpoints, 'GET'],
      [webhookPaths.endpoints, 'POST'],
      [webhookPaths.endpoint('x'), 'GET'],
      [webhookPaths.endpoint('x'), 'PATCH'],
      [webhookPaths.endpoint('x'), 'DELETE'],
      [webhookPaths.deliveries('x'), 'GET'],
      [webhookPaths.retry('x', 'y'), 'POST'],
    ] as const) {
      await expectProblem(await admin(server, path, { method, secretKey: 'sk_wrong' }), 401, 'secret_key_invalid');
    }
  });
});

describe('webhook URLs outside demo mode', () => {
  const secure = async (env: Record<string, string>) => {
    const server = await startTestServer({ LOYALTY_DEMO: 'false', ...env });
    return server;
  };

  test('only https:, unless loopback http: is allowed by LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK', async () => {
    const strict = await secure({});
    const allowing = await secure({ LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK: '1' });
    try {
      for (const [server, loopbackStatus] of [
        [strict, 400],
        [allowing, 201],
      ] as const) {
        const key = await secretKeyOf(server);
        const post = (url: string) =>
          admin(server, webhookPaths.endpoints, {
            method: 'POST',
            secretKey: key,
            body: { url, events: ['member.joined'] },
          });
        assert.equal((await post('https://merchant.example/hooks')).status, 201);
        const loopback = await post('http://127.0.0.1:4000/hooks');
        assert.equal(loopback.status, loopbackStatus, await loopback.clone().text());
        if (loopbackStatus === 400) {
          const problem = await expectProblem(loopback, 400, 'validation_failed');
          assert.equal(problem.errors?.[0]?.path, 'body.url');
        }
        await expectProblem(await post('http://merchant.example/hooks'), 400, 'validation_failed');
        // The network the API runs in is no place for a program's webhooks, https: or not.
        for (const url of [
          'https://10.0.0.5/hooks',
          'https://172.16.4.1/hooks',
          'https://192.168.1.20/hooks',
          'https://169.254.169.254/latest/meta-data',
          'https://[fd00::1]/hooks',
          'https://[::ffff:10.0.0.5]/hooks',
          'https://0.0.0.0/hooks',
        ]) {
          const problem = await expectProblem(await post(url), 400, 'validation_failed');
          assert.equal(problem.errors?.[0]?.path, 'body.url', url);
        }
        const local = await post('https://127.0.0.1:4000/hooks');
        assert.equal(local.status, loopbackStatus, 'this machine, as for http:');
        await local.body?.cancel();
      }
    } finally {
      await strict.close();
      await allowing.close();
    }
  });
});

async function secretKeyOf(server: TestServer): Promise<string> {
  const created = await createProgram(server.db, { name: 'Hooks', currency: 'CNY', timezone: 'UTC' });
  return created.secretKey;
}
