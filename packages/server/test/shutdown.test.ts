import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, paths } from '@loyalty-elements/contract';
import { DEFAULT_DEMO_SECRET_KEY } from '../src/config.ts';
import { TEST_POSTGRES_URL, testDatabaseFor } from './support/postgres.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// Long enough for forty writes to one customer, taking turns on its row lock, on a loaded two-core machine.
const GRACE_MS = 20_000;

const tempDir = await mkdtemp(join(tmpdir(), 'loyalty-shutdown-'));
const database = TEST_POSTGRES_URL ? await testDatabaseFor(join(tempDir, 'pglite')) : null;
const store = database ? { DATABASE_URL: database.url } : { LOYALTY_DATA_DIR: join(tempDir, 'pglite') };
after(async () => {
  await database?.drop();
  await rm(tempDir, { recursive: true, force: true });
});

interface Api {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** The API as an operator runs it: `node src/main.ts`, resolved once it says where it listens. */
function startApi(): Promise<Api> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      ...store,
      PORT: '0',
      LOYALTY_LOG_LEVEL: 'silent',
      LOYALTY_RATE_LIMIT_PER_IP: '0',
      LOYALTY_RATE_LIMIT_PER_KEY: '0',
      LOYALTY_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The API exited with ${code} before it listened`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /Loyalty API listening on (\S+)/.exec(line);
      if (match) resolve({ child, url: match[1]!, exited });
    });
  });
}

/** POSTs an earn on `agent`'s sockets; resolves with the status and whether it was a replay, or the socket error. */
function earn(api: Api, agent: Agent, key: string): Promise<{ status: number; replayed: boolean } | Error> {
  return new Promise((resolve) => {
    const req = httpRequest(
      api.url + paths.customerTransactions('demo-shopper'),
      {
        agent,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${DEFAULT_DEMO_SECRET_KEY}`,
          'Content-Type': 'application/json',
          [IDEMPOTENCY_KEY_HEADER]: key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            replayed: res.headers[IDEMPOTENT_REPLAY_HEADER.toLowerCase()] === 'true',
          }),
        );
      },
    );
    req.on('error', (error) => resolve(error));
    req.end(JSON.stringify({ type: 'earn', points: 7, reason: `Order ${key}` }));
  });
}

test('SIGTERM finishes the requests in flight, refuses new ones, closes the database and exits 0', async () => {
  let api = await startApi();
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  try {
    // Warm the sockets, so the writes below are on connections the server already holds.
    await Promise.all(Array.from({ length: 20 }, () => earn(api, agent, randomUUID())));

    const keys = Array.from({ length: 40 }, () => randomUUID());
    const inFlight = keys.map((key) => earn(api, agent, key));
    await Promise.race(inFlight);
    const signalled = Date.now();
    api.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);

    const code = await api.exited;
    assert.equal(code, 0, 'a clean shutdown exits 0');
    assert.ok(Date.now() - signalled < GRACE_MS, 'within the grace period');
    const acknowledged = keys.filter((_, i) => {
      const answer = answers[i]!;
      return !(answer instanceof Error) && answer.status === 201;
    });
    const failed = answers.filter((answer) => !(answer instanceof Error) && answer.status !== 201);
    assert.deepEqual(failed, [], 'no request in flight got an error answer');
    assert.ok(acknowledged.length > 1, `requests in flight when SIGTERM came were finished (${acknowledged.length})`);

    const refused = await fetch(`${api.url}/healthz`).then(
      () => 'answered',
      () => 'refused',
    );
    assert.equal(refused, 'refused');

    // Everything acknowledged was committed: on the next start each of those keys replays, and the rest apply once.
    agent.destroy();
    api = await startApi();
    const retry = new Agent({ keepAlive: true, maxSockets: 10 });
    try {
      const retried = await Promise.all(keys.map((key) => earn(api, retry, key)));
      for (const [i, key] of keys.entries()) {
        const answer = retried[i]!;
        assert.ok(!(answer instanceof Error), String(answer));
        assert.equal(answer.status, 201);
        assert.equal(answer.replayed, acknowledged.includes(key), `key ${i}: replayed only if acknowledged before`);
      }
    } finally {
      retry.destroy();
    }
  } finally {
    agent.destroy();
    if (api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  }
});
