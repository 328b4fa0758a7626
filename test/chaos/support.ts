// Real processes for the chaos suite: the API as a child process, a PostgreSQL cluster of the
// suite's own, a write load of idempotent earns and redeems, and the checks that follow a fault.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverMain = join(repoRoot, 'packages/server/src/main.ts');
export const PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
export const SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';
const run = promisify(execFile);

/** Prints a line of what a scenario did and what held; the suite's output is its report. */
export function report(line: string): void {
  console.log(`  chaos: ${line}`);
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

// ─── The API process ───────────────────────────────────────────────────────────────────────────

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
  alive(): boolean;
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

export interface ApiResult {
  code: number | NodeJS.Signals;
  output: string[];
  ms: number;
}

function spawnApi(env: Record<string, string>, user: { uid?: number; gid?: number } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    ...user,
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOYALTY_RATE_LIMIT_PER_IP: '0',
      LOYALTY_RATE_LIMIT_PER_KEY: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => output.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, output, exited };
}

/** Starts `packages/server/src/main.ts` and resolves once it prints "Loyalty API listening on <url>". */
export async function startApi(env: Record<string, string>, timeoutMs = 180_000): Promise<ApiProcess> {
  const { child, output, exited } = spawnApi(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API did not start within ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited (${code}) before listening:\n${output.join('\n')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /Loyalty API listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return {
    url,
    child,
    output,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the API expecting it not to start: resolves with its exit code, its output and how long it took. */
export async function apiThatFails(
  env: Record<string, string>,
  timeoutMs = 30_000,
  user: { uid?: number; gid?: number } = {},
): Promise<ApiResult> {
  const started = Date.now();
  const { child, output, exited } = spawnApi(env, user);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, output, ms: Date.now() - started };
}

// ─── A PostgreSQL cluster of our own ───────────────────────────────────────────────────────────

/** The newest `/usr/lib/postgresql/<version>/bin` with `pg_ctl`, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user when we are root. */
function asPostgresUser(command: string): string[] {
  return process.getuid?.() === 0 ? ['su', 'postgres', '-c', command] : ['sh', '-c', command];
}

export interface Cluster {
  url: string;
  port: number;
  /** Runs one statement with psql as the superuser and returns its unaligned output. */
  sql(statement: string): Promise<string>;
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

/** initdb into a temporary folder and start it on a free port; never the machine's shared cluster. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinDir();
  assert.ok(bin, 'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin');
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-chaos-pg-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  const pgCtl = `${bin}/pg_ctl -D ${data} -l ${dir}/server.log -w -t 60`;
  const exec = async (command: string) => {
    const [file, ...args] = asPostgresUser(command);
    await run(file!, args, { timeout: 90_000 });
  };
  await exec(`${bin}/initdb -D ${data} -A trust -U loyalty -E UTF8 --no-sync > ${dir}/initdb.log`);
  // fsync off: the chaos is in processes, not in the machine's power; the OS keeps what was written.
  await exec(
    `${pgCtl} -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start`,
  );
  return {
    port,
    url: `postgres://loyalty@127.0.0.1:${port}/postgres`,
    restart: (mode) => exec(`${pgCtl} -m ${mode} restart`),
    async sql(statement) {
      const args = ['-h', '127.0.0.1', '-p', String(port), '-U', 'loyalty', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1'];
      const { stdout } = await run(`${bin}/psql`, [...args, '-Atc', statement], { timeout: 30_000 });
      return stdout.trim();
    },
    async stop() {
      await exec(`${pgCtl} -m immediate stop`).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ─── Requests ──────────────────────────────────────────────────────────────────────────────────

export function customerToken(customerId: string): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT()
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(PUBLISHABLE_KEY)
    .setSubject(customerId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600)
    .sign(new TextEncoder().encode(SECRET_KEY));
}

export interface Write {
  customerId: string;
  idempotencyKey: string;
  body: { type: 'earn' | 'redeem'; points: number };
  /** Signed change to the balance. */
  delta: number;
}

export type Outcome =
  | { kind: 'acknowledged'; transactionId: string; replayed: boolean }
  | { kind: 'unavailable'; retryAfter: string | null }
  | { kind: 'other'; status: number; text: string }
  | { kind: 'socket'; message: string };

export async function post(url: string, write: Write, timeoutMs = 20_000): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/v1/admin/customers/${encodeURIComponent(write.customerId)}/transactions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${SECRET_KEY}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': write.idempotencyKey,
      },
      body: JSON.stringify(write.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status === 201) {
      const { transaction } = JSON.parse(text) as { transaction: { id: string } };
      return {
        kind: 'acknowledged',
        transactionId: transaction.id,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
    }
    if (res.status === 503 && text.includes('"storage_unavailable"')) {
      return { kind: 'unavailable', retryAfter: res.headers.get('retry-after') };
    }
    return { kind: 'other', status: res.status, text: text.slice(0, 300) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'socket', message: cause?.code ?? cause?.message ?? String(error) };
  }
}

/** Creates `count` customers through the admin API and credits each `opening` points. */
export async function fundedCustomers(url: string, prefix: string, count: number, opening: number) {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}-${randomUUID().slice(0, 8)}`);
  const openings: Write[] = [];
  for (const id of ids) {
    const res = await fetch(`${url}/v1/admin/customers/${id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Chaos ${id}` }),
    });
    assert.equal(res.status, 201, await res.text());
    const opened: Write = {
      customerId: id,
      idempotencyKey: randomUUID(),
      body: { type: 'earn', points: opening },
      delta: opening,
    };
    const outcome = await post(url, opened);
    assert.equal(outcome.kind, 'acknowledged', JSON.stringify(outcome));
    openings.push(opened);
  }
  return { ids, openings };
}

/** `count` idempotent earns (1–100) and redeems (1–30) spread over the customers. */
export function plannedWrites(customerIds: string[], count: number): Write[] {
  return Array.from({ length: count }, () => {
    const customerId = customerIds[randomInt(customerIds.length)]!;
    const redeem = randomInt(3) === 0;
    const points = redeem ? randomInt(1, 31) : randomInt(1, 101);
    return {
      customerId,
      idempotencyKey: randomUUID(),
      body: { type: redeem ? 'redeem' : 'earn', points },
      delta: redeem ? -points : points,
    };
  });
}

/**
 * Sends the writes `concurrency` at a time; `onOutcome` sees each answer as it arrives. Once `stop`
 * returns true no more are sent: the outcomes of those are absent from the result (it is shorter).
 */
export async function sendAll(
  url: () => string,
  writes: Write[],
  concurrency: number,
  onOutcome: (outcome: Outcome, index: number) => void = () => undefined,
  stop: () => boolean = () => false,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < writes.length && !stop()) {
        const index = next++;
        outcomes[index] = await post(url(), writes[index]!);
        onOutcome(outcomes[index]!, index);
      }
    }),
  );
  return outcomes;
}

export interface RetryReport {
  /** Writes acknowledged before the fault; each replayed its own transaction on retry. */
  acknowledged: number;
  /** Writes not acknowledged that had committed anyway: the retry replayed them. */
  committedUnacknowledged: number;
  /** Writes not acknowledged and not committed: the retry applied them. */
  appliedOnRetry: number;
}

/**
 * Retries every write with its own Idempotency-Key, twice: the first round must create exactly the
 * writes that never committed and replay the others (an acknowledged write replays its own
 * transaction); the second round must replay every one.
 */
export async function retryAll(url: string, writes: Write[], before: Outcome[]): Promise<RetryReport> {
  const first = await sendAll(() => url, writes, 10);
  const report: RetryReport = { acknowledged: 0, committedUnacknowledged: 0, appliedOnRetry: 0 };
  first.forEach((outcome, i) => {
    assert.equal(outcome.kind, 'acknowledged', `retry of write ${i}: ${JSON.stringify(outcome)}`);
    if (outcome.kind !== 'acknowledged') return;
    const earlier = before[i]!;
    if (earlier.kind === 'acknowledged') {
      assert.ok(outcome.replayed, `write ${i} was acknowledged, its retry must replay`);
      assert.equal(outcome.transactionId, earlier.transactionId);
      report.acknowledged++;
    } else if (outcome.replayed) report.committedUnacknowledged++;
    else report.appliedOnRetry++;
  });
  const second = await sendAll(() => url, writes, 10);
  second.forEach((outcome, i) => {
    assert.ok(outcome.kind === 'acknowledged' && outcome.replayed, `second retry of write ${i} must replay`);
    const firstOutcome = first[i];
    assert.equal(outcome.transactionId, firstOutcome?.kind === 'acknowledged' ? firstOutcome.transactionId : '');
  });
  return report;
}

/**
 * For every customer: the balance the API reports equals the sum of their ledger, and the ledger
 * holds exactly one entry per write (the opening credit included) summing to what the writes add up to.
 */
export async function checkLedgers(url: string, writes: Write[]): Promise<{ customers: number; total: number }> {
  const byCustomer = new Map<string, Write[]>();
  for (const write of writes) byCustomer.set(write.customerId, [...(byCustomer.get(write.customerId) ?? []), write]);
  let total = 0;
  for (const [customerId, own] of byCustomer) {
    const headers = {
      Authorization: `Bearer ${await customerToken(customerId)}`,
      'X-Publishable-Key': PUBLISHABLE_KEY,
    };
    const summary = await fetch(`${url}/v1/me/summary`, { headers });
    assert.equal(summary.status, 200, await summary.clone().text());
    const balance = ((await summary.json()) as { points: { balance: number } }).points.balance;
    const entries: { points: number }[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
      const page: Response = await fetch(`${url}/v1/me/points/history?${query}`, { headers });
      assert.equal(page.status, 200, await page.clone().text());
      const body = (await page.json()) as { entries: { points: number }[]; nextCursor: string | null };
      entries.push(...body.entries);
      cursor = body.nextCursor;
    } while (cursor);
    const ledgerSum = entries.reduce((sum, entry) => sum + entry.points, 0);
    const expected = own.reduce((sum, write) => sum + write.delta, 0);
    assert.equal(balance, ledgerSum, `${customerId}: balance ${balance} ≠ ledger sum ${ledgerSum}`);
    assert.equal(entries.length, own.length, `${customerId}: ${entries.length} entries for ${own.length} writes`);
    assert.equal(ledgerSum, expected, `${customerId}: ledger ${ledgerSum}, writes add up to ${expected}`);
    total += balance;
  }
  return { customers: byCustomer.size, total };
}

export function tally(outcomes: Outcome[]): Record<Outcome['kind'], number> {
  const counts = { acknowledged: 0, unavailable: 0, other: 0, socket: 0 };
  for (const outcome of outcomes) counts[outcome.kind]++;
  return counts;
}
