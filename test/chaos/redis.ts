// A Redis server of the chaos suite's own, on a free port, from Debian's `redis-server` package.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from './support.ts';

const run = promisify(execFile);
const REDIS_SERVER = process.env.LOYALTY_REDIS_SERVER ?? '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';

export interface RedisServer {
  url: string;
  /** The value at `key` (redis-cli GET), or '' when there is none. */
  get(key: string): Promise<string>;
  /** SIGKILL: gone at once, without a goodbye to its clients. */
  kill(): Promise<void>;
  /** A new, empty server on the same port. */
  start(): Promise<void>;
}

/** Starts an in-memory Redis (no snapshots, no append-only file) on loopback. */
export async function startRedis(): Promise<RedisServer> {
  assert.ok(
    existsSync(REDIS_SERVER),
    `redis-server not found at ${REDIS_SERVER} (Debian: apt-get install redis-server)`,
  );
  const port = await freePort();
  let child: ChildProcess | undefined;
  const cli = async (...args: string[]) =>
    (await run(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 10_000 })).stdout.trim();
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      { stdio: 'ignore' },
    );
    for (let tries = 0; tries < 100; tries++) {
      if ((await cli('PING').catch(() => '')) === 'PONG') return;
      await sleep(50);
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    get: (key) => cli('GET', key),
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
