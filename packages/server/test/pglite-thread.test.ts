// PGlite runs on a thread of its own: a long statement holds that thread, not the one that answers requests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isUniqueViolation, openDatabase } from '../src/store/database.ts';

test('a long statement leaves the API thread free: timers keep firing while it runs', async () => {
  const db = await openDatabase('memory://');
  try {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    await db.query('SELECT pg_sleep(0.3)');
    clearInterval(timer);
    assert.ok(performance.now() - started >= 290, 'the statement took its 300 ms');
    assert.ok(ticks >= 20, `the thread ran ${ticks} timers of 5 ms during 300 ms`);
  } finally {
    await db.close();
  }
});

test("PostgreSQL's errors cross with their code, severity and message", async () => {
  const db = await openDatabase('memory://');
  try {
    await db.exec('CREATE TABLE keys (id int PRIMARY KEY)');
    await db.query('INSERT INTO keys VALUES (1)');
    const duplicate = await db.query('INSERT INTO keys VALUES (1)').catch((error: unknown) => error);
    assert.ok(isUniqueViolation(duplicate));
    assert.match((duplicate as Error).message, /duplicate key/);
    const syntax = await db.query('SELEC 1').catch((error: unknown) => error);
    assert.equal((syntax as { code?: string }).code, '42601');
    assert.equal((syntax as { severity?: string }).severity, 'ERROR');
    assert.ok(syntax instanceof Error);
    // A refused statement leaves the database usable.
    assert.deepEqual(await db.query('SELECT count(*)::int AS n FROM keys'), [{ n: 1 }]);
  } finally {
    await db.close();
  }
});

test('a process whose database is still open exits once nothing is under way', async () => {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(new URL('../src/store/database.ts', import.meta.url).href)});
    const db = await openDatabase('memory://');
    const [row] = await db.query('SELECT 41 + 1 AS answer');
    console.log(row.answer);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  assert.equal(code, 0, 'it exited by itself, not killed after 30 s');
  assert.equal(output.trim(), '42');
});
