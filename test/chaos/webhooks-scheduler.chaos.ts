// Two API processes on one PostgreSQL database both run the scheduler of webhook moments every few hundred
// milliseconds and both deliver, and one of them restarts: every moment that is due (points expiring in three days,
// a birthday in six) is in the outbox once per endpoint, and each endpoint's receiver gets it once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { startReceiver, eventually, type Receiver } from '../../packages/server/test/support/receiver.ts';
import { report, SECRET_KEY, startApi, startCluster, type ApiProcess, type Cluster } from './support.ts';

const MEMBERS = 6;
const SCHEDULER_INTERVAL_MS = '200';
const RUNS_WAIT_MS = 2_500;
const DAY_MS = 24 * 60 * 60 * 1000;

let cluster: Cluster | undefined;
const apis: ApiProcess[] = [];
const receivers: Receiver[] = [];
after(async () => {
  for (const api of apis) await api.stop('SIGKILL');
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await cluster?.stop();
});

/** The events a receiver got for these members, by webhook-id: each must have come once. */
function receivedOnce(receiver: Receiver, members: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const { headers, body } of receiver.received) {
    const event = JSON.parse(body) as { customerId: string };
    if (!members.includes(event.customerId)) continue;
    const id = String(headers['webhook-id']);
    times.set(id, (times.get(id) ?? 0) + 1);
  }
  return times;
}

interface Delivery {
  event: { id: string; type: string; customerId: string; data: unknown };
}

async function admin(url: string, path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const res = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

async function deliveries(url: string, endpointId: string): Promise<Delivery[]> {
  const all: Delivery[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = (await admin(url, `/v1/admin/webhooks/${endpointId}/deliveries${query}`)) as {
      deliveries: Delivery[];
      nextCursor: string | null;
    };
    all.push(...page.deliveries);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** The calendar date `days` from now in the demo program's zone (Asia/Shanghai). */
function shanghaiDate(days: number): { month: number; day: number } {
  const [, month, day] = new Date(Date.now() + days * DAY_MS)
    .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number);
  return { month: month!, day: day! };
}

/** Each member's moments at the endpoint, checked to be there once each. */
async function checkOnce(url: string, endpointId: string, members: readonly string[]): Promise<number> {
  const ours = (await deliveries(url, endpointId)).filter((delivery) => members.includes(delivery.event.customerId));
  const ids = ours.map((delivery) => delivery.event.id);
  assert.equal(new Set(ids).size, ids.length, 'no event twice at one endpoint');
  for (const customerId of members) {
    for (const type of ['points.expiring', 'birthday.upcoming']) {
      const found = ours.filter((d) => d.event.customerId === customerId && d.event.type === type);
      assert.equal(found.length, 1, `${type} of ${customerId}: ${JSON.stringify(found.map((d) => d.event.data))}`);
    }
  }
  return ours.length;
}

test(
  'two API instances on one PostgreSQL, one restarted: each scheduled moment once per endpoint',
  { timeout: 240_000 },
  async () => {
    cluster = await startCluster();
    const env = {
      DATABASE_URL: cluster.url,
      LOYALTY_SCHEDULER_INTERVAL_MS: SCHEDULER_INTERVAL_MS,
      LOYALTY_WEBHOOKS_POLL_MS: '100',
    };
    const first = await startApi(env);
    apis.push(first);
    let second = await startApi(env);
    apis.push(second);

    const events = ['points.expiring', 'birthday.upcoming', 'tier.at_risk', 'tier.changed'];
    const endpoints: string[] = [];
    for (let n = 0; n < 2; n += 1) {
      const receiver = await startReceiver();
      receivers.push(receiver);
      const body = { url: receiver.url, events };
      endpoints.push(((await admin(first.url, '/v1/admin/webhooks', 'POST', body)) as { id: string }).id);
    }
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      const id = `scheduled-${i}-${randomUUID().slice(0, 8)}`;
      const birthday = { ...shanghaiDate(6), calendar: 'gregorian' };
      await admin(second.url, `/v1/admin/customers/${id}`, 'PUT', { name: `Member ${i}`, birthday });
      const earn = { type: 'earn', points: 50 + i, reason: 'Tea', expiresAt: new Date(Date.now() + 3 * DAY_MS) };
      const res = await fetch(`${first.url}/v1/admin/customers/${id}/transactions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${SECRET_KEY}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
        },
        body: JSON.stringify(earn),
      });
      assert.equal(res.status, 201, await res.text());
      members.push(id);
    }

    await sleep(RUNS_WAIT_MS);
    const counts = [];
    for (const endpointId of endpoints) counts.push(await checkOnce(second.url, endpointId, members));

    // Everything delivered before the restart, so none is in flight when it stops (a request cut short is sent
    // again after its lease: delivery is at least once, which is not what this test is about).
    for (const receiver of receivers) {
      await eventually(() => receivedOnce(receiver, members).size >= MEMBERS * 2, 'every moment delivered', 30_000);
    }
    await second.stop();
    second = await startApi(env);
    apis.push(second);
    await sleep(RUNS_WAIT_MS);
    for (const [i, endpointId] of endpoints.entries()) {
      assert.equal(await checkOnce(second.url, endpointId, members), counts[i], 'the restart added nothing');
    }
    // Both instances deliver: each receiver got every moment, each once, the restart adding none.
    for (const receiver of receivers) {
      const times = receivedOnce(receiver, members);
      assert.equal(times.size, MEMBERS * 2);
      assert.deepEqual(
        [...times.values()].filter((count) => count !== 1),
        [],
        'no moment delivered twice',
      );
    }
    const claimed = await cluster.sql(`SELECT count(*) FROM scheduled_moments WHERE customer_id LIKE 'scheduled-%'`);
    assert.equal(Number(claimed), MEMBERS * 2);
    const failures = apis.flatMap((api) => api.output.filter((line) => line.includes('scheduled-moments')));
    assert.deepEqual(failures, [], 'no run of the scheduler failed');
    report(
      `2 API instances, scheduler every ${SCHEDULER_INTERVAL_MS} ms, one restarted: ${MEMBERS * 2} moments of ` +
        `${MEMBERS} members (points expiring in 3 days, a birthday in 6) are each at both endpoints once ` +
        `(${counts.join(' and ')} deliveries) and delivered once to each receiver, ${claimed} claims`,
    );
    for (const api of apis) await api.stop();
  },
);
