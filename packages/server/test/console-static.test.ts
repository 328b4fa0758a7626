import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { CONSOLE_CSP } from '../src/routes/console/static.ts';
import { MEMORY_DATA_DIR, openDatabase, type Database } from '../src/store/database.ts';

// The API serves the built console at /console/: its files, the app's page for its own routes, under a strict CSP.

describe('the console’s files at /console/', () => {
  let db: Database;
  let dist: string;
  before(async () => {
    db = await openDatabase(MEMORY_DATA_DIR);
    dist = await mkdtemp(join(tmpdir(), 'console-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Console</title>');
    await writeFile(join(dist, 'assets', 'index-abc123.js'), 'export {};');
  });
  after(async () => {
    await db.close();
    await rm(dist, { recursive: true, force: true });
  });
  const app = (distDir: string) => createApp({ db, logger: createLogger('silent'), console: { distDir } });

  test('the page for every route of the app, not cached, under the strict policy', async () => {
    for (const path of ['/console/', '/console/overview', '/console/some/deeper/route']) {
      const res = await app(dist).request(path);
      assert.equal(res.status, 200, path);
      assert.equal(await res.text(), '<!doctype html><title>Console</title>');
      assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/);
      assert.equal(res.headers.get('Cache-Control'), 'no-cache');
      assert.equal(res.headers.get('Content-Security-Policy'), CONSOLE_CSP);
    }
    assert.match(CONSOLE_CSP, /script-src 'self'; style-src 'self'/);
    assert.match(CONSOLE_CSP, /frame-ancestors 'none'/);
  });

  test('hashed assets cached for a year; a missing one is 404, not the page', async () => {
    const res = await app(dist).request('/console/assets/index-abc123.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.equal(res.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal((await app(dist).request('/console/assets/index-missing.js')).status, 404);
  });

  test('/console redirects to /console/; nothing outside the build is served', async () => {
    const res = await app(dist).request('/console');
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('Location'), '/console/');
    for (const path of [
      '/console/..%2f..%2fpackage.json',
      '/console/assets/..%2f..%2f..%2fpackage.json',
      '/console/%E0%A4%A',
    ]) {
      const text = await (await app(dist).request(path)).text();
      assert.doesNotMatch(text, /@loyalty-elements\/server/, path);
    }
  });

  test('without a build, 503 with the command that makes one', async () => {
    const res = await app(join(dist, 'missing')).request('/console/');
    assert.equal(res.status, 503);
    assert.match(await res.text(), /pnpm --filter @loyalty-elements\/console build/);
    assert.equal(res.headers.get('Content-Security-Policy'), CONSOLE_CSP);
  });
});
