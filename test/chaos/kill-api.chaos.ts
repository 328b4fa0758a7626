// kill -9 of the API process under a parallel write load, then a restart on the same data: no write
// is half-applied, and every write retried with its own Idempotency-Key credits exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  checkLedgers,
  formatCount,
  fundedCustomers,
  plannedWrites,
  report,
  retryAll,
  sendAll,
  startApi,
  startCluster,
  tally,
  type ApiProcess,
  type Cluster,
} from './support.ts';

const WRITES = 200;
const KILL_AFTER_ACKNOWLEDGED = 60;

const dataDir = mkdtempSync(join(tmpdir(), 'loyalty-chaos-kill-'));
let api: ApiProcess | undefined;
let cluster: Cluster | undefined;
after(async () => {
  await api?.stop('SIGKILL');
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function killUnderLoad(store: string, env: Record<string, string>): Promise<void> {
  api = await startApi(env);
  const { ids, openings } = await fundedCustomers(api.url, `kill-${store}`, 8, 5_000);
  const writes = plannedWrites(ids, WRITES);
  let acknowledged = 0;
  const victim = api;
  const outcomes = await sendAll(
    () => victim.url,
    writes,
    20,
    (outcome) => {
      if (outcome.kind === 'acknowledged' && ++acknowledged === KILL_AFTER_ACKNOWLEDGED) victim.child.kill('SIGKILL');
    },
  );
  assert.equal(await victim.exited, 'SIGKILL');
  const during = tally(outcomes);
  assert.equal(during.other, 0, 'before the kill, no answer but 201');

  api = await startApi(env);
  const retried = await retryAll(api.url, writes, outcomes);
  const ledgers = await checkLedgers(api.url, [...openings, ...writes]);
  report(
    `kill -9 under ${WRITES} writes (${store}): ${during.acknowledged} acknowledged before the kill, ` +
      `${during.socket} cut off; after restart ${retried.acknowledged} acknowledged replayed their own entry, ` +
      `${retried.committedUnacknowledged} committed-but-unacknowledged replayed, ${retried.appliedOnRetry} applied once; ` +
      `${ledgers.customers} balances = ledger sums (${formatCount(ledgers.total)} points)`,
  );
  await api.stop();
  api = undefined;
}

test(
  'kill -9 of the API on PGlite: restart, retries credit once, balances equal ledgers',
  { timeout: 240_000 },
  async () => {
    await killUnderLoad('PGlite', { LOYALTY_DATA_DIR: join(dataDir, 'pglite') });
  },
);

test(
  'kill -9 of the API on PostgreSQL: restart, retries credit once, balances equal ledgers',
  { timeout: 240_000 },
  async () => {
    cluster = await startCluster();
    await killUnderLoad('PostgreSQL', { DATABASE_URL: cluster.url });
  },
);
