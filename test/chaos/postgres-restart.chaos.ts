// PostgreSQL restarted under a write load, fast and immediate, several times: the API process stays
// up, every answer during the outage is a 201 or a 503 storage_unavailable with Retry-After (never a
// 500 or a dropped socket), and after recovery every write retried with its key credits once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import {
  checkLedgers,
  fundedCustomers,
  plannedWrites,
  post,
  report,
  retryAll,
  sendAll,
  startApi,
  startCluster,
  tally,
  type ApiProcess,
  type Cluster,
  type Outcome,
  type Write,
} from './support.ts';

const RESTARTS = ['fast', 'immediate', 'fast', 'immediate', 'fast', 'immediate', 'fast', 'immediate'] as const;
const WRITES_PER_RESTART = 50;

let api: ApiProcess | undefined;
let cluster: Cluster | undefined;
after(async () => {
  await api?.stop('SIGKILL');
  await cluster?.stop();
});

async function untilServed(url: string, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await fetch(`${url}/v1/program?key=pk_demo_loyalty_elements`).catch(() => undefined);
    if (res?.status === 200) return Date.now() - started;
    await res?.body?.cancel();
    assert.ok(Date.now() - started < timeoutMs, `not served again within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test(
  'PostgreSQL restarted under load: the API stays up, answers 503 meanwhile, and nothing is lost or doubled',
  { timeout: 240_000 },
  async () => {
    cluster = await startCluster();
    api = await startApi({ DATABASE_URL: cluster.url, DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    const { url } = api;
    const { ids, openings } = await fundedCustomers(url, 'restart', 8, 5_000);

    const writes: Write[] = [];
    const outcomes: Outcome[] = [];
    let recoveryMs = 0;
    for (const mode of RESTARTS) {
      const batch = plannedWrites(ids, WRITES_PER_RESTART);
      let acknowledged = 0;
      let restarting: Promise<void> | undefined;
      const batchOutcomes = await sendAll(
        () => url,
        batch,
        10,
        (outcome) => {
          if (outcome.kind === 'acknowledged' && ++acknowledged === 10) restarting = cluster!.restart(mode);
        },
      );
      await restarting;
      assert.ok(api.alive(), `the API process ended during a ${mode} restart:\n${api.output.join('\n')}`);
      recoveryMs = Math.max(recoveryMs, await untilServed(url));
      writes.push(...batch);
      outcomes.push(...batchOutcomes);
    }

    const counts = tally(outcomes);
    const bad = outcomes.filter((outcome) => outcome.kind === 'other' || outcome.kind === 'socket');
    assert.deepEqual(bad, [], 'only 201 or 503 storage_unavailable while PostgreSQL restarts');
    const withoutRetryAfter = outcomes.filter((outcome) => outcome.kind === 'unavailable' && !outcome.retryAfter);
    assert.equal(withoutRetryAfter.length, 0, 'every 503 carries Retry-After');
    assert.ok(api.alive());

    const retried = await retryAll(url, writes, outcomes);
    const ledgers = await checkLedgers(url, [...openings, ...writes]);
    report(
      `PostgreSQL restarted ${RESTARTS.length} times under load (fast and immediate): API pid ${api.child.pid} alive; ` +
        `${writes.length} writes: ${counts.acknowledged} acknowledged, ${counts.unavailable} answered 503 storage_unavailable ` +
        `with Retry-After, 0 other answers or dropped sockets; served again within ${recoveryMs} ms of each restart; ` +
        `retried with their keys: ${retried.acknowledged} replayed, ${retried.committedUnacknowledged} committed ` +
        `before their 503 replayed, ${retried.appliedOnRetry} applied once; ${ledgers.customers} balances = ledger sums`,
    );
    const stderr = api.output.filter((line) => /connection lost|Unhandled|57P01/.test(line));
    report(
      `the API logged ${stderr.length} connection-loss lines (at most one a second), for example: ${stderr[0] ?? '—'}`,
    );
  },
);

test(
  'a write whose COMMIT loses its connection after committing answers 503, and its retry replays it: credited once',
  { timeout: 120_000 },
  async () => {
    cluster ??= await startCluster();
    if (!api?.alive()) api = await startApi({ DATABASE_URL: cluster.url, DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    const { url } = api;
    const { ids, openings } = await fundedCustomers(url, 'commit', 1, 1_000);
    // A synchronous standby that never comes: COMMIT is durable here, then waits for it (wait event
    // SyncRep) — the moment to cut the connection, so the API cannot know the write committed.
    await cluster.sql(`ALTER SYSTEM SET synchronous_standby_names = 'absent_standby'`);
    await cluster.sql('SELECT pg_reload_conf()');
    const write: Write = {
      customerId: ids[0]!,
      idempotencyKey: randomUUID(),
      body: { type: 'earn', points: 77 },
      delta: 77,
    };
    try {
      const pending = post(url, write);
      let pid = '';
      const deadline = Date.now() + 10_000;
      while (!pid) {
        assert.ok(Date.now() < deadline, 'the COMMIT never waited for the standby');
        pid = await cluster.sql(`SELECT pid FROM pg_stat_activity WHERE wait_event = 'SyncRep' LIMIT 1`);
        if (!pid) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cluster.sql(`SELECT pg_terminate_backend(${Number(pid)})`);
      const outcome = await pending;
      assert.deepEqual(outcome, { kind: 'unavailable', retryAfter: '2' });
    } finally {
      await cluster.sql('ALTER SYSTEM RESET synchronous_standby_names');
      await cluster.sql('SELECT pg_reload_conf()');
    }
    assert.ok(api.alive());
    const retried = await retryAll(url, [write], [{ kind: 'unavailable', retryAfter: '2' }]);
    assert.deepEqual(retried, { acknowledged: 0, committedUnacknowledged: 1, appliedOnRetry: 0 });
    const ledgers = await checkLedgers(url, [...openings, write]);
    report(
      `COMMIT cut off after it committed (backend terminated while waiting for a synchronous standby): answered 503 ` +
        `storage_unavailable with Retry-After; the retry with its key replayed the committed entry; ` +
        `balance ${ledgers.total} = ledger sum = 1,000 + 77, credited once`,
    );
  },
);
