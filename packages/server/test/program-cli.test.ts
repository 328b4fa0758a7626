import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE_KEY_HEADER, paths, rewardPaths } from '@loyalty-elements/contract';
import { startTestServer, type TestServer } from './support/server.ts';
import { TEST_POSTGRES_URL, testDatabaseFor, type TestDatabase } from './support/postgres.ts';
import { getSummary, signCustomerToken } from './support/http.ts';

// The operator's CLI as a merchant runs it: real processes on the API's own database (a PGlite folder,
// or PostgreSQL when the suite runs there), and the API started on that database in production mode.

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('loyalty-api program and keys', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;

  function cli(...args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', CLI, ...args],
        { env: { ...process.env, ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  async function cliJson<T>(...args: string[]): Promise<T> {
    const result = await cli(...args, '--json');
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as T;
  }

  /** The API in production mode on the CLI's database, for the duration of `run`. */
  async function withApi<T>(run: (server: TestServer) => Promise<T>): Promise<T> {
    const server = await startTestServer({ LOYALTY_DEMO: 'false', LOYALTY_DATA_DIR: dataDir });
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  const admin = (server: TestServer, secret: string) =>
    fetch(server.baseUrl + rewardPaths.catalogue, { headers: { Authorization: `Bearer ${secret}` } });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loyalty-cli-'));
    if (TEST_POSTGRES_URL) {
      database = await testDatabaseFor(dataDir);
      env = { DATABASE_URL: database.url };
    } else {
      env = { LOYALTY_DATA_DIR: dataDir };
    }
  });

  after(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  let program: { programId: string; publishableKey: string; secretKey: string };

  test('production mode starts with no program; program create prints a publishable and a secret key', async () => {
    await withApi(async (server) => {
      const res = await fetch(server.baseUrl + paths.program, {
        headers: { [PUBLISHABLE_KEY_HEADER]: 'pk_demo_loyalty_elements' },
      });
      assert.equal(res.status, 401, 'no demo program in production mode');
    });
    const text = await cli(
      'program',
      'create',
      '--name',
      'Tea House',
      '--currency',
      'CNY',
      '--timezone',
      'Asia/Shanghai',
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Publishable key \(for your pages\): pk_\S+/);
    assert.match(text.stdout, /Secret key .*shown this once.*: sk_\S+/);
    program = await cliJson(
      'program',
      'create',
      '--name',
      '茶馆',
      '--id',
      'tea-house-2',
      '--currency',
      'CNY',
      '--timezone',
      'Asia/Shanghai',
      '--points-name',
      'en=leaves',
      '--points-name',
      'zh-CN=茶叶',
    );
    assert.equal(program.programId, 'tea-house-2');
    assert.match(program.publishableKey, /^pk_[\w-]{20,}$/);
    assert.match(program.secretKey, /^sk_[\w-]{40,}$/);

    await withApi(async (server) => {
      const res = await fetch(server.baseUrl + paths.program, {
        headers: { [PUBLISHABLE_KEY_HEADER]: program.publishableKey },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        name: string;
        currency: string;
        timezone: string;
        pointsName: Record<string, string>;
        tiers: unknown[];
      };
      assert.deepEqual(
        {
          name: body.name,
          currency: body.currency,
          timezone: body.timezone,
          pointsName: body.pointsName,
          tiers: body.tiers.length,
        },
        {
          name: '茶馆',
          currency: 'CNY',
          timezone: 'Asia/Shanghai',
          pointsName: { en: 'leaves', 'zh-CN': '茶叶' },
          tiers: 1,
        },
      );
      assert.equal((await admin(server, program.secretKey)).status, 200);
      const upsert = await fetch(server.baseUrl + paths.customer('lin'), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${program.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Lin Mei' }),
      });
      assert.ok(upsert.ok, `customer upsert: ${upsert.status}`);
      const token = await signCustomerToken({
        secret: program.secretKey,
        audience: program.publishableKey,
        sub: 'lin',
      });
      const summary = await getSummary(server, { token, publishableKey: program.publishableKey });
      assert.equal(summary.status, 200);
    });
  });

  test('refuses bad options and an existing id, naming what is wrong', async () => {
    const invalid = await cli('program', 'create', '--name', 'X', '--currency', 'cny', '--timezone', 'Mars/Base');
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /--currency: .*ISO 4217/);
    assert.match(invalid.stderr, /--timezone: .*time zone/);
    const again = await cli('program', 'create', '--name', 'Again', '--id', 'tea-house-2', '--currency', 'CNY');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /"tea-house-2" exists already/);
  });

  test('keys rotate and keys list print the new key and until when the old one works', async () => {
    const rotated = await cliJson<{ key: string; previous: { key: string; expiresAt: string } }>(
      'keys',
      'rotate',
      '--program',
      'tea-house-2',
      '--grace',
      '1h',
    );
    assert.match(rotated.key, /^sk_/);
    assert.equal(rotated.previous.key, program.secretKey);
    const graceMs = Date.parse(rotated.previous.expiresAt) - Date.now();
    assert.ok(graceMs > 59 * 60_000 && graceMs <= 3_600_000, `grace ends in ${graceMs} ms`);
    const current = await cli('keys', 'revoke', rotated.key);
    assert.equal(current.code, 2, 'the current key cannot be revoked alone');
    assert.match(current.stderr, /keys rotate --program tea-house-2 --kind secret --grace 0/);
    const listing = await cli('keys', 'list', '--program', 'tea-house-2');
    assert.match(listing.stdout, new RegExp(`secret\\t${rotated.key}\\tcurrent`));
    assert.match(listing.stdout, new RegExp(`secret\\t${program.secretKey}\\tworks until `));
  });

  test('with PGlite a command waits for the API to stop (one process per folder); with PostgreSQL it runs beside it', async () => {
    await withApi(async () => {
      const beside = await cli('program', 'list');
      if (TEST_POSTGRES_URL) {
        assert.equal(beside.code, 0, beside.stderr);
      } else {
        assert.equal(beside.code, 2);
        assert.match(beside.stderr, /in use by process \d+/);
      }
    });
    const listed = await cli('program', 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /tea-house-2/);
  });
});
