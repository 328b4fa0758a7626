// Webhook delivery between real processes: the API as a child process on a PostgreSQL cluster of its own, and HTTP
// receivers on loopback that fail, hold a request open while the API is killed, or never answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startReceiver, eventually, type Receiver, type Reply } from '../../packages/server/test/support/receiver.ts';
import {
  fundedCustomers,
  report,
  SECRET_KEY,
  startApi,
  startCluster,
  type ApiProcess,
  type Cluster,
} from './support.ts';

const TIMEOUT_MS = 2_000;
const API_ENV = {
  LOYALTY_LOG_LEVEL: 'warn',
  LOYALTY_WEBHOOKS_POLL_MS: '100',
  LOYALTY_WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_MS),
  LOYALTY_WEBHOOKS_RETRY_BASE_MS: '200',
};

let cluster: Cluster | undefined;
let api: ApiProcess | undefined;
const receivers: Receiver[] = [];
before(async () => {
  cluster = await startCluster();
});
after(async () => {
  await api?.stop('SIGKILL');
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await cluster?.stop();
});

const startOnCluster = () => startApi({ ...API_ENV, DATABASE_URL: cluster!.url });

async function adminCall(path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const res = await fetch(`${api!.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return res.status === 204 ? undefined : res.json();
}

interface Delivery {
  status: string;
  attempts: number;
  responseCode: number | null;
  durationMs: number | null;
  eventId: string;
}

/** A receiver, an endpoint for points.earned pointing at it, and one points.earned event on its way. */
async function eventTo(reply: (index: number) => Reply, prefix: string) {
  const receiver = await startReceiver(reply);
  receivers.push(receiver);
  const endpoint = (await adminCall('/v1/admin/webhooks', {
    method: 'POST',
    body: { url: receiver.url, events: ['points.earned'] },
  })) as { id: string };
  await fundedCustomers(api!.url, prefix, 1, 10);
  const deliveries = async () =>
    ((await adminCall(`/v1/admin/webhooks/${endpoint.id}/deliveries`)) as { deliveries: Delivery[] }).deliveries;
  const remove = () => adminCall(`/v1/admin/webhooks/${endpoint.id}`, { method: 'DELETE' });
  return { receiver, deliveries, remove };
}

test('a receiver answering 500 then 200 gets the event twice with one id', { timeout: 120_000 }, async () => {
  api = await startOnCluster();
  const { receiver, deliveries, remove } = await eventTo((index) => (index === 0 ? 500 : 200), 'retry');
  await receiver.waitFor(2, 30_000);
  await eventually(async () => (await deliveries())[0]?.status === 'succeeded', 'the delivery to succeed', 30_000);
  const [delivery] = await deliveries();
  const ids = receiver.received.map((request) => request.headers['webhook-id']);
  assert.deepEqual(ids, [delivery!.eventId, delivery!.eventId]);
  assert.equal(delivery!.attempts, 2);
  report(
    `500 then 200: the receiver got ${ids.length} requests with one webhook-id; the delivery succeeded on attempt 2`,
  );
  await remove();
  await api.stop();
  api = undefined;
});

test(
  'the API killed with SIGKILL while the receiver holds the request delivers the event after restart',
  { timeout: 180_000 },
  async () => {
    api = await startOnCluster();
    const { receiver, deliveries, remove } = await eventTo((index) => (index === 0 ? 'hang' : 200), 'killed');
    await receiver.waitFor(1, 30_000);
    api.child.kill('SIGKILL');
    assert.equal(await api.exited, 'SIGKILL');
    const killedAt = Date.now();

    api = await startOnCluster();
    await receiver.waitFor(2, 60_000);
    const waitedMs = Date.now() - killedAt;
    await eventually(async () => (await deliveries())[0]?.status === 'succeeded', 'the delivery to succeed', 30_000);
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    assert.equal(ids[0], ids[1]);
    report(
      `SIGKILL while the receiver held the request: after restart the same event (one webhook-id) arrived again ` +
        `${(waitedMs / 1000).toFixed(1)} s after the kill, once the lease ended; the delivery succeeded`,
    );
    await remove();
    await api.stop();
    api = undefined;
  },
);

/** The median time of `count` reads of the program, one after another. */
async function medianReadMs(count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(`${api!.url}/v1/admin/program`, { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
    await res.arrayBuffer();
    assert.equal(res.status, 200);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

test(
  'a receiver that never answers does not hold up the API, and the attempt is recorded as a timeout',
  {
    timeout: 120_000,
  },
  async () => {
    api = await startOnCluster();
    await medianReadMs(20);
    const alone = await medianReadMs(60);
    const { receiver, deliveries, remove } = await eventTo(() => 'hang', 'slow');
    await receiver.waitFor(1, 30_000);
    const meanwhile = await medianReadMs(60);
    assert.ok(meanwhile < alone * 3 + 5, `p50 ${meanwhile.toFixed(1)} ms while delivering vs ${alone.toFixed(1)} ms`);
    await eventually(async () => (await deliveries())[0]?.attempts === 1, 'the timeout to be recorded', 30_000);
    const [delivery] = await deliveries();
    assert.equal(delivery!.status, 'pending');
    assert.equal(delivery!.responseCode, null);
    assert.ok(delivery!.durationMs! >= TIMEOUT_MS * 0.9, `${delivery!.durationMs} ms`);
    report(
      `a receiver that never answers: API p50 ${meanwhile.toFixed(1)} ms while the request hung vs ` +
        `${alone.toFixed(1)} ms without it; the attempt was recorded as a timeout after ${delivery!.durationMs} ms`,
    );
    await remove();
    await api.stop();
    api = undefined;
  },
);
