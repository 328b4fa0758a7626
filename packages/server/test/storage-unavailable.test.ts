import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { IDEMPOTENT_REPLAY_HEADER } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { openDatabase, type Database } from '../src/store/database.ts';
import { StorageUnavailableError } from '../src/store/errors.ts';
import { expectProblem, postTransaction, summaryOf } from './support/http.ts';
import { TEST_POSTGRES_URL } from './support/postgres.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

const PROGRAM = DEMO_SEED.program.id;

async function expectUnavailable(res: Response): Promise<void> {
  await expectProblem(res, 503, 'storage_unavailable');
  assert.equal(res.headers.get('retry-after'), '2');
}

async function ledgerOf(db: Database, customerId: string): Promise<{ sum: number; entries: number }> {
  const [row] = await db.query<{ sum: unknown; entries: unknown }>(
    'SELECT COALESCE(sum(points), 0) AS sum, count(*) AS entries FROM ledger_entries WHERE program_id = $1 AND customer_id = $2',
    [PROGRAM, customerId],
  );
  return { sum: Number(row?.sum), entries: Number(row?.entries) };
}

/** A second session that holds the customer's row lock, so a ledger write for them waits inside its transaction. */
async function holdCustomerLock(databaseUrl: string, customerId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM customers WHERE program_id = $1 AND id = $2 FOR UPDATE', [PROGRAM, customerId]);
  return {
    client,
    /** Resolves once another session waits for a lock in this database. */
    async untilSomeoneWaits(): Promise<void> {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const { rows } = await client.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (Number(rows[0]?.waiting) > 0) return;
        assert.ok(Date.now() < deadline, 'the write never waited for the lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release(): Promise<void> {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

if (TEST_POSTGRES_URL) {
  describe('PostgreSQL connections that die or stall', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer();
    });
    after(() => server?.close());

    test('terminated backends: the write in flight gets 503, the process lives, the retry credits once', async () => {
      const customerId = await createDemoCustomer(server, 'terminated');
      const idempotencyKey = randomUUID();
      const body = { type: 'earn', points: 70 } as const;
      const lock = await holdCustomerLock(server.config.databaseUrl!, customerId);
      const inFlight = postTransaction(server, { customerId, body, idempotencyKey });
      await lock.untilSomeoneWaits();
      // Every connection of the API, the one in the write's transaction and the idle ones alike.
      const { rows } = await lock.client.query<{ terminated: boolean }>(
        `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      assert.ok(rows.length >= 1 && rows.every((row) => row.terminated));
      await expectUnavailable(await inFlight);
      await lock.release();

      // The pool connects anew: the very next request is served.
      assert.equal((await summaryOf(server, customerId)).points.balance, 0);
      const retried = await postTransaction(server, { customerId, body, idempotencyKey });
      assert.equal(retried.status, 201, await retried.clone().text());
      assert.equal(retried.headers.get(IDEMPOTENT_REPLAY_HEADER), null, 'the failed attempt wrote nothing');
      const again = await postTransaction(server, { customerId, body, idempotencyKey });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
      assert.deepEqual(await ledgerOf(server.db, customerId), { sum: 70, entries: 1 });
      assert.equal((await summaryOf(server, customerId)).points.balance, 70);
      assert.deepEqual(server.loggedErrors, [], 'no 500 was answered');
    });

    test('a statement past DATABASE_STATEMENT_TIMEOUT_MS is cancelled and answered 503', async () => {
      const slow = await startTestServer({ DATABASE_STATEMENT_TIMEOUT_MS: '300' });
      try {
        const customerId = await createDemoCustomer(slow, 'timeout');
        const idempotencyKey = randomUUID();
        const body = { type: 'earn', points: 40 } as const;
        const lock = await holdCustomerLock(slow.config.databaseUrl!, customerId);
        const started = Date.now();
        const res = await postTransaction(slow, { customerId, body, idempotencyKey });
        const waited = Date.now() - started;
        await lock.release();
        await expectUnavailable(res);
        assert.ok(waited >= 250 && waited < 3_000, `answered after ${waited} ms`);

        const retried = await postTransaction(slow, { customerId, body, idempotencyKey });
        assert.equal(retried.status, 201, await retried.clone().text());
        assert.deepEqual(await ledgerOf(slow.db, customerId), { sum: 40, entries: 1 });
        assert.deepEqual(slow.loggedErrors, []);
      } finally {
        await slow.close();
      }
    });
  });
} else {
  describe('PGlite data folder checks', () => {
    let tempDir: string;
    before(async () => {
      tempDir = await mkdtemp(join(tmpdir(), 'loyalty-storage-'));
    });
    after(() => rm(tempDir, { recursive: true, force: true }));

    test('a data folder that cannot be created is named with the cause', async () => {
      const file = join(tempDir, 'a-file');
      await writeFile(file, '');
      const dataDir = join(file, 'pglite');
      await assert.rejects(openDatabase(dataDir), (error: unknown) => {
        assert.ok(error instanceof StorageUnavailableError);
        assert.ok(error.message.includes(dataDir), error.message);
        assert.match(error.message, /not writable.*ENOTDIR|ENOTDIR/);
        return true;
      });
    });

    test('a data folder on a disk below the free-space floor is refused before PGlite replays its log', async () => {
      const dataDir = join(tempDir, 'pglite');
      // No file system has this much free: the floor is always crossed.
      await assert.rejects(openDatabase(dataDir, { minFreeBytes: Number.MAX_SAFE_INTEGER }), (error: unknown) => {
        assert.ok(error instanceof StorageUnavailableError);
        assert.ok(error.message.includes(dataDir), error.message);
        assert.match(error.message, /bytes free, less than LOYALTY_MIN_FREE_BYTES/);
        return true;
      });
    });
  });
}
