import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PUBLISHABLE_KEY_HEADER, paths } from '@loyalty-elements/contract';
import type { Database } from '../src/store/database.ts';
import { RequestAbandonedError } from '../src/store/request-signal.ts';
import { demoToken, summaryOf } from './support/http.ts';
import { TEST_POSTGRES_URL } from './support/postgres.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

/** Every statement the app started outside a transaction, and how it ended. */
const outcomes: Array<{ sql: string; ended: 'ran' | 'abandoned' | 'failed' }> = [];

function recording(db: Database): Database {
  return {
    ...db,
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
    async query(sql, params) {
      try {
        const rows = await db.query(sql, params);
        outcomes.push({ sql, ended: 'ran' });
        return rows as never;
      } catch (error) {
        outcomes.push({ sql, ended: error instanceof RequestAbandonedError ? 'abandoned' : 'failed' });
        throw error;
      }
    },
  };
}

let server: TestServer;
before(async () => {
  server = await startTestServer({}, { wrapDatabase: recording });
});
after(() => server.close());

/** Starts a summary request for `customerId` that the test can walk away from. */
async function summaryRequest(customerId: string): Promise<{ settled: Promise<unknown>; leave(): void }> {
  return summaryRequestWith(await demoToken(server, customerId));
}

function summaryRequestWith(token: string): { settled: Promise<unknown>; leave(): void } {
  const client = new AbortController();
  const settled = fetch(server.baseUrl + paths.summary, {
    headers: {
      Authorization: `Bearer ${token}`,
      [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
    },
    signal: client.signal,
  }).catch((error: unknown) => error);
  return { settled, leave: () => client.abort() };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what} after ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe('on PGlite', { skip: Boolean(TEST_POSTGRES_URL) }, () => {
  test('a read waiting its turn is never started once its client has gone, and the server serves on', async () => {
    const customerId = await createDemoCustomer(server, 'gone');
    const other = await createDemoCustomer(server, 'stays');
    await summaryOf(server, other);
    // On PGlite statements run one at a time: a transaction held open here queues the request's reads behind it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const holdingNow = new Promise<void>((resolve) => (holding = resolve));
    const transaction = server.db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      holding();
      await held;
    });
    await holdingNow;
    const before = outcomes.length;
    const request = await summaryRequest(customerId);
    // The request reaches the store and queues behind the transaction.
    await sleep(300);
    request.leave();
    await request.settled;
    await sleep(100);
    release();
    await transaction;
    await until(async () => outcomes.slice(before).some((o) => o.ended === 'abandoned'), 'the read to be abandoned');
    const ofRequest = outcomes.slice(before);
    assert.deepEqual(
      ofRequest.filter((o) => o.ended !== 'abandoned'),
      [],
      'no statement of the request ran after its client left',
    );
    assert.equal((await summaryOf(server, customerId)).customer.id, customerId);
    assert.equal((await fetch(server.baseUrl + '/readyz')).status, 200);
  });
});

describe('on PostgreSQL', { skip: !TEST_POSTGRES_URL }, () => {
  test('a running read is cancelled in the server when its client goes, and the server serves on', async () => {
    const customerId = await createDemoCustomer(server, 'cancelled');
    const token = await demoToken(server, customerId);
    const locker = new pg.Client({ connectionString: server.config.databaseUrl ?? '' });
    // pg_stat_activity is read outside the locking transaction, which would see one snapshot of it throughout.
    const watcher = new pg.Client({ connectionString: server.config.databaseUrl ?? '' });
    await Promise.all([locker.connect(), watcher.connect()]);
    try {
      // A migration-sized lock: the request's first read of the customer waits on it inside the server.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE customers IN ACCESS EXCLUSIVE MODE');
      const waiting = async () => {
        const { rows } = await watcher.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
        );
        return rows[0]!.count;
      };
      const request = summaryRequestWith(token);
      await until(async () => (await waiting()) === 1, 'the read to wait on the lock');
      request.leave();
      await request.settled;
      await until(async () => (await waiting()) === 0, 'the read to be cancelled', 3_000);
      await locker.query('COMMIT');
    } finally {
      await Promise.all([locker.end(), watcher.end()]);
    }
    assert.equal((await fetch(server.baseUrl + '/readyz')).status, 200);
    assert.equal((await summaryOf(server, customerId)).customer.id, customerId);
    assert.deepEqual(server.loggedErrors, []);
  });
});
