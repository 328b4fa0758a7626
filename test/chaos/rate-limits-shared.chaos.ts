// Two API processes count their rate limits together in one Redis: 60 requests a minute from an address means
// 60 across both, not 60 each. When Redis dies the API keeps answering (each process counts alone and warns), and
// once Redis is back the count is shared again.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { startRedis, type RedisServer } from './redis.ts';
import { PUBLISHABLE_KEY, report, startApi, type ApiProcess } from './support.ts';

const PER_MINUTE = 60;
/** The per-address count of requests from this machine. */
const ADDRESS_KEY = 'loyalty:rl:ip:127.0.0.1';
const apis: ApiProcess[] = [];
let redis: RedisServer | undefined;
after(async () => {
  for (const api of apis) await api.stop('SIGKILL');
  await redis?.kill();
});

/** Sends `count` requests to each API in turn and counts the answers by status. */
async function burst(count: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    for (const api of apis) {
      const res = await fetch(`${api.url}/v1/program`, { headers: { 'X-Publishable-Key': PUBLISHABLE_KEY } });
      await res.arrayBuffer();
      if (res.status === 429) assert.ok(Number(res.headers.get('Retry-After')) >= 1, '429 says when to retry');
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }
  return statuses;
}

test('two API processes share one Redis-backed limit, and keep answering while Redis is down', async () => {
  redis = await startRedis();
  const env = {
    LOYALTY_DATA_DIR: 'memory://',
    LOYALTY_RATE_LIMIT_PER_IP: String(PER_MINUTE),
    LOYALTY_RATE_LIMIT_PER_KEY: '0',
    LOYALTY_RATE_LIMIT_REDIS_URL: redis.url,
    LOYALTY_SCHEDULER_INTERVAL_MS: '0',
    LOYALTY_WEBHOOKS_POLL_MS: '0',
  };
  apis.push(...(await Promise.all([startApi(env), startApi(env)])));

  const shared = await burst(50);
  report(
    `one Redis, two processes, ${PER_MINUTE}/min per address: 100 requests → ${shared.get(200)} × 200, ${shared.get(429)} × 429`,
  );
  assert.equal(shared.get(200), PER_MINUTE, 'the limit holds across both processes');
  assert.equal(shared.get(429), 100 - PER_MINUTE);
  assert.equal(await redis.get(ADDRESS_KEY), '100', 'the count lives in Redis');

  await redis.kill();
  const started = Date.now();
  const whileDown = await burst(10);
  const ms = Date.now() - started;
  report(`Redis killed: 20 requests → ${whileDown.get(200)} × 200 in ${ms} ms`);
  assert.equal(whileDown.get(200), 20, 'each process counts alone meanwhile: nothing refused, nothing failed');
  assert.ok(ms < 10_000, `requests do not wait for Redis (${ms} ms for 20)`);
  for (const api of apis) {
    assert.ok(
      api.output.some((line) => line.includes('Redis does not answer')),
      'each process warns that it counts alone',
    );
  }

  await redis.start();
  // The clients reconnect with a back-off of at most 5 s; until then they still count alone.
  const deadline = Date.now() + 20_000;
  for (const api of apis) {
    while (!(await countedInRedis(api))) {
      assert.ok(Date.now() < deadline, 'each process counted in Redis again within 20 s of its return');
      await sleep(250);
    }
  }
  const again = await burst(40);
  report(`Redis back: 80 more requests → ${again.get(200) ?? 0} × 200, ${again.get(429) ?? 0} × 429`);
  assert.ok((again.get(429) ?? 0) > 0, 'the shared count refuses again once Redis is back');
  assert.ok((again.get(200) ?? 0) <= PER_MINUTE, 'at most one minute’s allowance across both processes');
});

/** True when one request to `api` was counted in Redis. */
async function countedInRedis(api: ApiProcess): Promise<boolean> {
  const before = Number((await redis!.get(ADDRESS_KEY)) || 0);
  await (await fetch(`${api.url}/v1/program`, { headers: { 'X-Publishable-Key': PUBLISHABLE_KEY } })).arrayBuffer();
  return Number((await redis!.get(ADDRESS_KEY)) || 0) === before + 1;
}
