// Start-up against storage that is not there: a PostgreSQL port nobody listens on, a server that
// accepts connections and never answers, and a PGlite data folder the process may not write. Each
// exits non-zero within seconds with one line naming where and why.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { apiThatFails, freePort, repoRoot, report, type ApiResult } from './support.ts';

const CONNECT_TIMEOUT_MS = 2_000;
const tempDir = mkdtempSync(join(tmpdir(), 'loyalty-chaos-startup-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

/**
 * Lets other users traverse (not list) the folders above the checkout, so the API can run as `nobody` from a
 * checkout in a private folder (`mktemp -d` makes one). Returns what puts the modes back.
 */
function letOthersReachCheckout(): () => void {
  const changed: Array<[string, number]> = [];
  for (let dir = repoRoot; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      changed.push([dir, mode]);
      chmodSync(dir, mode | 0o001);
    }
  }
  return () => {
    for (const [dir, mode] of changed) chmodSync(dir, mode);
  };
}

/** The one line the API printed about its failed start; asserts there is exactly one and no stack trace. */
function failureLine(result: ApiResult): string {
  const lines = result.output.filter((line) => line.startsWith('Loyalty API failed to start:'));
  assert.equal(lines.length, 1, result.output.join('\n'));
  assert.ok(!result.output.some((line) => /^\s+at /.test(line)), `no stack trace:\n${result.output.join('\n')}`);
  return lines[0]!;
}

test(
  'a PostgreSQL port nobody listens on: exits non-zero at once, naming host:port and the refusal',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const result = await apiThatFails({ DATABASE_URL: `postgres://loyalty@127.0.0.1:${port}/postgres` });
    assert.equal(result.code, 1);
    const line = failureLine(result);
    assert.ok(line.includes(`127.0.0.1:${port}`) && line.includes('ECONNREFUSED'), line);
    assert.ok(result.ms < 10_000, `took ${result.ms} ms`);
    report(`unreachable port: exit ${result.code} after ${result.ms} ms — "${line}"`);
  },
);

test(
  'a server that accepts and never answers: exits non-zero after the connect timeout, naming host:port',
  { timeout: 60_000 },
  async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const result = await apiThatFails({
        DATABASE_URL: `postgres://loyalty@127.0.0.1:${port}/postgres`,
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      });
      assert.equal(result.code, 1);
      const line = failureLine(result);
      assert.ok(line.includes(`127.0.0.1:${port}`) && /no answer within 2000 ms/.test(line), line);
      assert.ok(sockets.length >= 1, 'the API did connect');
      assert.ok(result.ms >= CONNECT_TIMEOUT_MS && result.ms < CONNECT_TIMEOUT_MS + 8_000, `took ${result.ms} ms`);
      report(`silent server: exit ${result.code} after ${result.ms} ms — "${line}"`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  },
);

test(
  'a PGlite data folder the process may not write: exits non-zero naming the folder and the permission',
  { timeout: 60_000 },
  async () => {
    const dataDir = join(tempDir, 'read-only', 'pglite');
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o555);
    chmodSync(tempDir, 0o755);
    // Root may write anywhere: run the API as nobody then.
    const asRoot = process.getuid?.() === 0;
    const restore = asRoot ? letOthersReachCheckout() : () => undefined;
    let result: ApiResult;
    try {
      result = await apiThatFails({ LOYALTY_DATA_DIR: dataDir }, 30_000, asRoot ? { uid: 65534, gid: 65534 } : {});
    } finally {
      restore();
    }
    assert.equal(result.code, 1);
    const line = failureLine(result);
    assert.ok(line.includes(dataDir) && /not writable/.test(line) && /EACCES/.test(line), line);
    report(`read-only data folder: exit ${result.code} after ${result.ms} ms — "${line}"`);
  },
);
