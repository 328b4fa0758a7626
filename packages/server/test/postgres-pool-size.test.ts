import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { DEFAULT_STORAGE_SETTINGS } from '../src/config.ts';
import { openStore } from '../src/store/open.ts';
import { TEST_POSTGRES_URL, testDatabaseFor } from './support/postgres.ts';

describe('DATABASE_POOL_SIZE on PostgreSQL', { skip: !TEST_POSTGRES_URL }, () => {
  test('a process opens at most that many connections for reads and as many for writes', async () => {
    const database = await testDatabaseFor('memory://');
    const db = await openStore({
      databaseUrl: database.url,
      dataDir: 'memory://',
      storage: { ...DEFAULT_STORAGE_SETTINGS, poolSize: 2 },
    });
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    try {
      let most = 0;
      const count = async () => {
        const { rows } = await watcher.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        most = Math.max(most, rows[0]!.count);
      };
      const reads = Array.from({ length: 8 }, () => db.query('SELECT pg_sleep(0.05)'));
      const writes = Array.from({ length: 8 }, () => db.transaction((tx) => tx.query('SELECT pg_sleep(0.05)')));
      const all = Promise.all([...reads, ...writes]);
      let settled = false;
      void all.finally(() => (settled = true));
      while (!settled) {
        await count();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await all;
      assert.ok(most >= 3, `both pools were in use (${most} connections seen)`);
      assert.ok(most <= 4, `${most} connections: more than two pools of 2`);
    } finally {
      await watcher.end();
      await db.close();
      await database.drop();
    }
  });
});
