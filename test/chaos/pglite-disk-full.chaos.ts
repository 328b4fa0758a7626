// PGlite on a disk that fills up, for real: a small tmpfs holds the data folder and a filler file
// takes its free space. Below LOYALTY_MIN_FREE_BYTES writes are refused with 503 and reads still
// served, and writes resume when space returns; with the floor off, the write that hits ENOSPC gets
// a 503, one line names the folder and the error, and the process exits 1 (PGlite's next statement
// would spin forever); a restart with space replays the log, and nothing acknowledged is lost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  apiThatFails,
  checkLedgers,
  fundedCustomers,
  plannedWrites,
  post,
  report,
  retryAll,
  sendAll,
  startApi,
  tally,
  type ApiProcess,
  type Outcome,
  type Write,
} from './support.ts';

const MiB = 1024 * 1024;
const mountPoint = mkdtempSync(join(tmpdir(), 'loyalty-chaos-disk-'));
const dataDir = join(mountPoint, 'pglite');
const filler = join(mountPoint, 'filler');
let api: ApiProcess | undefined;

before(() => {
  // A file system of its own, so "full" is real and harms nothing else on the machine.
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mountPoint], { encoding: 'utf8' });
  assert.equal(mounted.status, 0, `mounting a tmpfs needs root (or CAP_SYS_ADMIN): ${mounted.stderr}`);
  mkdirSync(dataDir);
});
after(async () => {
  await api?.stop('SIGKILL');
  spawnSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const freeBytes = () => {
  const stats = statfsSync(mountPoint);
  return stats.bavail * stats.bsize;
};

/** Fills the file system until `leave` bytes are free. */
function fillLeaving(leave: number): void {
  rmSync(filler, { force: true });
  const size = freeBytes() - leave;
  assert.ok(size > 0, `only ${freeBytes()} bytes free`);
  const filled = spawnSync('fallocate', ['-l', String(size), filler], { encoding: 'utf8' });
  assert.equal(filled.status, 0, filled.stderr);
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    assert.ok(Date.now() - started < timeoutMs, `${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const allWrites: Write[] = [];
const firstOutcomes: Outcome[] = [];
let customers: string[] = [];

test(
  'below LOYALTY_MIN_FREE_BYTES writes get 503 with Retry-After, reads are served, and writes resume with space',
  { timeout: 240_000 },
  async () => {
    api = await startApi({ LOYALTY_DATA_DIR: dataDir, LOYALTY_MIN_FREE_BYTES: String(64 * MiB) });
    const funded = await fundedCustomers(api.url, 'disk', 6, 5_000);
    customers = funded.ids;
    allWrites.push(...funded.openings);
    firstOutcomes.push(
      ...funded.openings.map(() => ({ kind: 'acknowledged' as const, transactionId: '', replayed: false })),
    );

    fillLeaving(32 * MiB);
    const url = api.url;
    const refused = await eventually('writes refused', async () => {
      const write = plannedWrites(customers, 1)[0]!;
      const outcome = await post(url, write);
      allWrites.push(write);
      firstOutcomes.push(outcome);
      return outcome.kind === 'unavailable' ? outcome : undefined;
    });
    assert.equal(refused.retryAfter, '2');
    const batch = plannedWrites(customers, 40);
    const outcomes = await sendAll(() => url, batch, 10);
    allWrites.push(...batch);
    firstOutcomes.push(...outcomes);
    assert.deepEqual(tally(outcomes), { acknowledged: 0, unavailable: 40, other: 0, socket: 0 });
    const program = await fetch(`${url}/v1/program?key=pk_demo_loyalty_elements`);
    assert.equal(program.status, 200, 'reads are served');
    const lowLines = api.output.filter((line) => line.includes(dataDir) && line.includes('LOYALTY_MIN_FREE_BYTES'));
    assert.equal(lowLines.length, 1, api.output.join('\n'));

    rmSync(filler);
    await eventually('writes taken again', async () => {
      const write = plannedWrites(customers, 1)[0]!;
      const outcome = await post(url, write);
      allWrites.push(write);
      firstOutcomes.push(outcome);
      return outcome.kind === 'acknowledged' ? outcome : undefined;
    });
    assert.ok(api.alive());
    report(
      `free space under the floor: 41 writes answered 503 storage_unavailable with Retry-After, reads served, ` +
        `one line "${lowLines[0]}"; space back: writes taken again, same process`,
    );
    await api.stop();
    api = undefined;
  },
);

test(
  'a real ENOSPC with the floor off: 503, one line naming the folder, exit 1; a restart with space loses nothing',
  { timeout: 240_000 },
  async () => {
    api = await startApi({ LOYALTY_DATA_DIR: dataDir, LOYALTY_MIN_FREE_BYTES: '0' });
    const victim = api;
    fillLeaving(256 * 1024);
    const batch = plannedWrites(customers, 400);
    let faulted = false;
    const outcomes = await sendAll(
      () => victim.url,
      batch,
      8,
      (outcome) => {
        if (outcome.kind !== 'acknowledged') faulted = true;
      },
      // Once a write failed, what is in flight finishes and nothing more is sent.
      () => faulted,
    );
    batch.length = outcomes.length;
    const code = await Promise.race([
      victim.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
    ]);
    assert.equal(code, 1, `the API exits 1 after the fault:\n${victim.output.join('\n')}`);
    allWrites.push(...batch);
    firstOutcomes.push(...outcomes);
    const counts = tally(outcomes);
    assert.ok(counts.unavailable >= 1, `the fault was answered 503: ${JSON.stringify(counts)}`);
    assert.equal(counts.other, 0, 'never a 500');
    const faultLines = victim.output.filter((line) => line.includes(dataDir));
    assert.equal(faultLines.length, 1, victim.output.join('\n'));
    assert.match(faultLines[0]!, /No space left on device|53100/);

    // A supervisor's restart while the disk is still full is refused before PGlite touches the folder.
    const early = await apiThatFails({ LOYALTY_DATA_DIR: dataDir });
    assert.equal(early.code, 1);
    const refusal = early.output.find((line) => line.startsWith('Loyalty API failed to start:')) ?? '';
    assert.ok(refusal.includes(dataDir) && refusal.includes('LOYALTY_MIN_FREE_BYTES'), early.output.join('\n'));

    rmSync(filler);
    api = await startApi({ LOYALTY_DATA_DIR: dataDir });
    const retried = await retryAll(api.url, allWrites.slice(customers.length), firstOutcomes.slice(customers.length));
    const ledgers = await checkLedgers(api.url, allWrites);
    report(
      `ENOSPC under ${batch.length} writes: ${counts.acknowledged} acknowledged, ${counts.unavailable} answered 503, ` +
        `${counts.socket} cut off by the exit (sending stopped at the first failure); exit code 1 with "${faultLines[0]}"; after a restart with space ` +
        `${retried.acknowledged} acknowledged replayed, ${retried.committedUnacknowledged} committed-unacknowledged replayed, ` +
        `${retried.appliedOnRetry} applied once; ${ledgers.customers} balances = ledger sums; ` +
        `a restart on the still-full disk exited ${early.code} in ${early.ms} ms: "${refusal}"`,
    );
  },
);
