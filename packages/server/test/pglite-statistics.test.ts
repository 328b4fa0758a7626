// PGlite has no autovacuum, so nothing would ever ANALYZE its tables: the planner would go on assuming each is nearly
// empty, and a query for one customer among 100,000 rows could walk the whole program's index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../src/store/database.ts';

const reltuples = async (db: Awaited<ReturnType<typeof openDatabase>>, table: string) =>
  (
    await db.query<{ reltuples: number }>(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = $1`, [
      table,
    ])
  )[0]?.reltuples;

test('PGlite is analysed once enough rows changed, and not again until as many more change', async () => {
  const db = await openDatabase('memory://');
  try {
    await db.exec('CREATE TABLE readings (id int PRIMARY KEY, value text)');
    await db.query(`INSERT INTO readings SELECT i, 'x' FROM generate_series(1, 500) AS i`);
    assert.equal(await db.refreshStatistics!(), false, '500 changed rows are not yet worth an ANALYZE');
    assert.equal(await reltuples(db, 'readings'), -1, 'never analysed');

    await db.transaction((tx) => tx.query(`INSERT INTO readings SELECT i, 'x' FROM generate_series(501, 20000) AS i`));
    assert.equal(await db.refreshStatistics!(), true);
    assert.equal(await reltuples(db, 'readings'), 20_000);

    // Next time: 1,000 plus a tenth of the 20,000 rows counted.
    await db.query(`UPDATE readings SET value = 'y' WHERE id <= 2500`);
    assert.equal(await db.refreshStatistics!(), false);
    await db.query(`DELETE FROM readings WHERE id > 19000`);
    assert.equal(await db.refreshStatistics!(), true);
    assert.equal(await reltuples(db, 'readings'), 19_000);
  } finally {
    await db.close();
  }
});
