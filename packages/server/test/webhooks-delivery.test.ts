import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { webhookPaths, type WebhookDelivery } from '@loyalty-elements/contract';
import { verifyWebhook } from '@loyalty-elements/sdk/server';
import { startDeliveryWorker } from '../src/domain/webhooks/delivery-worker.ts';
import { WEBHOOK_USER_AGENT, describeOutcome, postEvent, type PostOutcome } from '../src/domain/webhooks/post-event.ts';
import { createLogger } from '../src/logger.ts';
import { postTransaction } from './support/http.ts';
import { DAY_MS, TestClock } from './support/loyalty.ts';
import { admin } from './support/members.ts';
import { eventually, startReceiver, type Receiver, type Reply } from './support/receiver.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { allDeliveries, createEndpoint } from './support/webhooks.ts';

// The delivery worker against real HTTP receivers on loopback, with the app clock under the test's control.

const RETRY_BASE_MS = 300;
// Generous: PGlite runs on the test's own thread, and a busy event loop must not turn answers into timeouts.
const TIMEOUT_MS = 10_000;

describe('webhook delivery', () => {
  const clock = new TestClock();
  let server: TestServer;
  const cleanups: (() => Promise<unknown>)[] = [];

  before(async () => {
    server = await startTestServer(
      {
        LOYALTY_WEBHOOKS_POLL_MS: '25',
        LOYALTY_WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_MS),
        LOYALTY_WEBHOOKS_RETRY_BASE_MS: String(RETRY_BASE_MS),
      },
      { now: clock.now },
    );
  });
  after(() => server.close());
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    clock.reset();
  });

  /** A receiver and an endpoint for points.earned pointing at it, both removed after the test. */
  const receiving = async (reply: (index: number) => Reply = () => 200, answerAfterMs = 0) => {
    const receiver = await startReceiver(reply, answerAfterMs);
    const endpoint = await createEndpoint(server, { url: receiver.url, events: ['points.earned'] });
    cleanups.push(
      () => receiver.close(),
      () => admin(server, webhookPaths.endpoint(endpoint.id), { method: 'DELETE' }),
    );
    return { receiver, endpoint };
  };
  const earn = async (points = 10) => {
    const customerId = await createDemoCustomer(server, 'delivery');
    const res = await postTransaction(server, { customerId, body: { type: 'earn', points, reason: 'Tea' } });
    assert.equal(res.status, 201, await res.clone().text());
    return customerId;
  };
  const onlyDelivery = async (endpointId: string): Promise<WebhookDelivery> => {
    const [delivery, ...rest] = await allDeliveries(server, endpointId);
    assert.ok(delivery);
    assert.equal(rest.length, 0);
    return delivery;
  };
  const settledAfter = async (endpointId: string, attempts: number): Promise<WebhookDelivery> => {
    let delivery: WebhookDelivery | undefined;
    await eventually(async () => {
      delivery = await onlyDelivery(endpointId);
      return delivery.attempts >= attempts && delivery.nextAttemptAt !== null
        ? new Date(delivery.nextAttemptAt) > clock.now()
        : delivery.attempts >= attempts;
    }, `attempt ${attempts} to be recorded`);
    return delivery!;
  };

  test('an event arrives signed with the three Standard Webhooks headers and verifies with verifyWebhook', async () => {
    const { receiver, endpoint } = await receiving();
    const customerId = await earn(120);
    await receiver.waitFor(1);
    const [request] = receiver.received;
    assert.ok(request);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['user-agent'], WEBHOOK_USER_AGENT);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) assert.ok(request.headers[name], name);
    const event = verifyWebhook(request.body, request.headers, endpoint.secret);
    assert.equal(event.type, 'points.earned');
    assert.equal(event.customerId, customerId);
    assert.equal(request.headers['webhook-id'], event.id);
    const delivery = await settledAfter(endpoint.id, 1);
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts, 1);
    assert.equal(delivery.responseCode, 200);
    assert.equal(typeof delivery.durationMs, 'number');
    assert.equal(delivery.nextAttemptAt, null);
  });

  test('a receiver answering 500 then 200 gets the same webhook-id twice; the list shows the retry to come', async () => {
    const { receiver, endpoint } = await receiving((index) => (index === 0 ? 500 : 200));
    clock.set('2027-04-01T09:00:00.000Z');
    await earn();
    const failed = await settledAfter(endpoint.id, 1);
    assert.equal(failed.status, 'pending');
    assert.equal(failed.responseCode, 500);
    assert.equal(typeof failed.durationMs, 'number');
    const wait = new Date(failed.nextAttemptAt!).getTime() - clock.now().getTime();
    assert.ok(wait >= RETRY_BASE_MS * 0.8 && wait <= RETRY_BASE_MS * 1.2, `first retry after ${wait} ms`);
    assert.equal(receiver.received.length, 1, 'nothing more is sent before the retry is due');

    clock.advance(wait);
    const succeeded = await settledAfter(endpoint.id, 2);
    assert.equal(succeeded.status, 'succeeded');
    assert.equal(succeeded.attempts, 2);
    assert.equal(succeeded.responseCode, 200);
    assert.deepEqual(
      receiver.received.map((request) => request.headers['webhook-id']),
      [succeeded.eventId, succeeded.eventId],
    );
  });

  test('three days of failures make the delivery failed and turn the endpoint off; turning it on sends what waited', async () => {
    const { receiver, endpoint } = await receiving(() => 500);
    const start = new Date('2027-05-01T09:00:00.000Z');
    clock.set(start);
    await earn();
    let later: string | undefined;
    // Each due retry in turn: move the app clock to it and wait until the worker has recorded it.
    for (let round = 0; round < 100; round += 1) {
      const deliveries = await allDeliveries(server, endpoint.id);
      const first = deliveries.at(-1)!;
      if (first.status === 'failed') break;
      if (later === undefined && clock.now().getTime() >= start.getTime() + DAY_MS) {
        later = await earn();
        continue;
      }
      const due = Math.min(
        ...deliveries.filter((d) => d.status === 'pending').map((d) => new Date(d.nextAttemptAt!).getTime()),
      );
      const attempts = deliveries.reduce((sum, d) => sum + d.attempts, 0);
      clock.set(new Date(Math.max(due, clock.now().getTime())));
      await eventually(async () => {
        const now = await allDeliveries(server, endpoint.id);
        return now.reduce((sum, d) => sum + d.attempts, 0) > attempts;
      }, 'the next attempt');
    }
    const [pending, failed] = await allDeliveries(server, endpoint.id);
    assert.equal(failed?.status, 'failed');
    assert.equal(clock.now().getTime() - start.getTime(), 3 * DAY_MS, 'the last attempt is at the three-day mark');
    assert.ok(failed.attempts > 8 && failed.attempts < 30, `${failed.attempts} attempts`);
    assert.equal(failed.nextAttemptAt, null);
    assert.equal(pending?.status, 'pending');
    assert.equal(pending.event.customerId, later);

    const off = await admin(server, webhookPaths.endpoint(endpoint.id));
    const disabled = (await off.json()) as { enabled: boolean; disabledReason: string | null };
    assert.equal(disabled.enabled, false);
    assert.equal(disabled.disabledReason, 'Every delivery failed for 3 days; the last answer was HTTP 500.');

    // Off: the pending delivery is not sent, however long it waits.
    const sent = receiver.received.length;
    clock.advance(DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(receiver.received.length, sent);

    receiver.reply(() => 200);
    const on = await admin(server, webhookPaths.endpoint(endpoint.id), { method: 'PATCH', body: { enabled: true } });
    assert.equal(on.status, 200, await on.clone().text());
    assert.equal(((await on.json()) as { disabledReason: string | null }).disabledReason, null);
    await receiver.waitFor(sent + 1);
    await eventually(async () => (await allDeliveries(server, endpoint.id))[0]?.status === 'succeeded', 'success');
    assert.equal(receiver.received.at(-1)?.headers['webhook-id'], pending.eventId);
  });

  test('a delivery to an endpoint turned off or deleted after a failed attempt is not retried', async () => {
    clock.set('2027-06-01T10:00:00.000Z');
    const off = await receiving((index) => (index === 0 ? 500 : 200));
    const deleted = await receiving((index) => (index === 0 ? 500 : 200));
    await earn();
    await off.receiver.waitFor(1);
    await deleted.receiver.waitFor(1);
    const pending = await settledAfter(off.endpoint.id, 1);
    await settledAfter(deleted.endpoint.id, 1);
    const patched = await admin(server, webhookPaths.endpoint(off.endpoint.id), {
      method: 'PATCH',
      body: { enabled: false },
    });
    assert.equal(patched.status, 200);
    const removed = await admin(server, webhookPaths.endpoint(deleted.endpoint.id), { method: 'DELETE' });
    assert.equal(removed.status, 200);

    clock.advance(60 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(off.receiver.received.length, 1);
    assert.equal(deleted.receiver.received.length, 1);
    assert.equal((await onlyDelivery(off.endpoint.id)).status, 'pending');

    const on = await admin(server, webhookPaths.endpoint(off.endpoint.id), {
      method: 'PATCH',
      body: { enabled: true },
    });
    assert.equal(on.status, 200);
    await off.receiver.waitFor(2);
    assert.equal(off.receiver.received[1]?.headers['webhook-id'], pending.eventId);
    assert.equal(deleted.receiver.received.length, 1);
  });

  test('several workers on one database never send one delivery twice at once, nor twice at all', async () => {
    const { receiver, endpoint } = await receiving(() => 200, 30);
    const logger = createLogger('silent');
    const workers = [1, 2].map(() =>
      startDeliveryWorker(server.db, {
        pollMs: 10,
        timeoutMs: TIMEOUT_MS,
        retryBaseMs: RETRY_BASE_MS,
        now: clock.now,
        logger,
        // The receiver is on this machine, as the server's own worker is told in its test mode.
        allowLoopback: true,
      }),
    );
    cleanups.push(() => Promise.all(workers.map((worker) => worker.stop())));
    const count = 30;
    await Promise.all(Array.from({ length: count }, () => earn()));
    await receiver.waitFor(count);
    await eventually(
      async () => (await allDeliveries(server, endpoint.id)).every((d) => d.status === 'succeeded'),
      'every delivery to succeed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    assert.equal(ids.length, count);
    assert.equal(new Set(ids).size, count);
    assert.equal(receiver.maxConcurrentPerId(), 1);
  });
});

describe('webhook delivery on demand', () => {
  const timeoutMs = 500;
  let server: TestServer;
  before(async () => {
    // A poll too slow to matter here: only the routes' nudges send.
    server = await startTestServer({
      LOYALTY_WEBHOOKS_POLL_MS: '600000',
      LOYALTY_WEBHOOKS_TIMEOUT_MS: String(timeoutMs),
    });
  });
  after(() => server.close());

  /** A pending delivery of a new points.earned event to `receiver`, not sent yet. */
  const pendingDelivery = async (receiver: Receiver) => {
    const endpoint = await createEndpoint(server, { url: receiver.url, events: ['points.earned'] });
    const customerId = await createDemoCustomer(server, 'nudge');
    const res = await postTransaction(server, { customerId, body: { type: 'earn', points: 5, reason: 'Tea' } });
    assert.equal(res.status, 201);
    const [delivery] = await allDeliveries(server, endpoint.id);
    assert.equal(delivery?.status, 'pending');
    assert.equal(receiver.received.length, 0);
    const retry = await admin(server, webhookPaths.retry(endpoint.id, delivery.id), { method: 'POST' });
    assert.equal(retry.status, 200);
    return { endpoint, delivery };
  };

  test('the retry route sends the delivery at once, without waiting for the next poll', async () => {
    const receiver = await startReceiver();
    try {
      const { delivery } = await pendingDelivery(receiver);
      await receiver.waitFor(1, 5_000);
      assert.equal(receiver.received[0]?.headers['webhook-id'], delivery.eventId);
    } finally {
      await receiver.close();
    }
  });

  test('a receiver that does not answer is recorded as a timeout: no response code, the time waited', async () => {
    const receiver = await startReceiver(() => 'hang');
    try {
      const { endpoint } = await pendingDelivery(receiver);
      await receiver.waitFor(1, 5_000);
      let delivery: WebhookDelivery | undefined;
      await eventually(async () => {
        [delivery] = await allDeliveries(server, endpoint.id);
        return delivery?.attempts === 1;
      }, 'the timeout to be recorded');
      assert.equal(delivery?.status, 'pending');
      assert.equal(delivery.responseCode, null);
      assert.ok(delivery.durationMs! >= timeoutMs * 0.9, `waited ${delivery.durationMs} ms`);
      assert.ok(delivery.nextAttemptAt !== null);
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook delivery to private addresses', () => {
  const signed = {
    headers: { 'webhook-id': 'msg_private', 'webhook-timestamp': '0', 'webhook-signature': 'v1,none' },
    body: '{}',
  };
  const post = (url: string, allowLoopback: boolean) =>
    postEvent(url, signed, { timeoutMs: 2_000, stopSignal: new AbortController().signal, allowLoopback });

  test('a host that resolves to this machine is not connected to unless loopback is allowed', async () => {
    const receiver = await startReceiver();
    try {
      const byName = receiver.url.replace('127.0.0.1', 'localhost');
      const refused = await post(byName, false);
      assert.deepEqual({ ...refused, durationMs: 0 }, { kind: 'no_answer', cause: 'private', durationMs: 0 });
      assert.match(describeOutcome(refused as Exclude<PostOutcome, { kind: 'stopped' }>), /private or local/);
      assert.equal((await post(receiver.url, false)).kind, 'no_answer', 'nor a literal address');
      assert.equal(receiver.received.length, 0, 'nothing reached the receiver');
      assert.deepEqual(
        { ...(await post(byName, true)), durationMs: 0 },
        { kind: 'answered', status: 200, durationMs: 0 },
      );
      assert.equal(receiver.received.length, 1);
    } finally {
      await receiver.close();
    }
  });
});
