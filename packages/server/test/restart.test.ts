import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { loadMigrations } from '../src/store/migrate.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { postTransaction, summaryOf } from './support/http.ts';

const tempDir = await mkdtemp(join(tmpdir(), 'loyalty-restart-'));
// Nested and missing: the first start has to create it.
const dataDir = join(tempDir, 'nested', 'pglite');
let running: TestServer | undefined;
after(async () => {
  await running?.close();
  await rm(tempDir, { recursive: true, force: true });
});

async function rowCounts(server: TestServer) {
  const [row] = await server.db.query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM programs) AS programs,
            (SELECT count(*) FROM tiers) AS tiers,
            (SELECT count(*) FROM customers) AS customers,
            (SELECT count(*) FROM ledger_entries) AS ledger_entries,
            (SELECT count(*) FROM schema_migrations) AS migrations`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}

test('a restart on the same data folder keeps the data and does not reseed', async () => {
  const customerId = 'demo-new';
  const earned = 250;

  running = await startTestServer({ LOYALTY_DATA_DIR: dataDir });
  assert.equal(running.seeded, true);
  const seededCounts = await rowCounts(running);
  assert.equal(seededCounts.programs, 1);
  assert.equal(seededCounts.customers, Object.keys(DEMO_SEED.customers).length);
  assert.equal(seededCounts.migrations, (await loadMigrations()).length);
  const res = await postTransaction(running, { customerId, body: { type: 'earn', points: earned } });
  assert.equal(res.status, 201);
  await res.body?.cancel();
  await running.close();
  running = undefined;

  running = await startTestServer({ LOYALTY_DATA_DIR: dataDir });
  assert.equal(running.seeded, false);
  assert.deepEqual(await rowCounts(running), { ...seededCounts, ledger_entries: seededCounts.ledger_entries! + 1 });
  assert.equal(
    (await summaryOf(running, customerId)).points.balance,
    DEMO_SEED.customers[customerId].expected.balance + earned,
  );
});
