import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startPeriodic } from '../src/periodic.ts';
import { StorageFailedError } from '../src/store/errors.ts';

const quiet = { error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodic', () => {
  it('never overlaps runs, even when asked to run now while one is in progress', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const task = startPeriodic(
      'test',
      5,
      async () => {
        active += 1;
        most = Math.max(most, active);
        await sleep(20);
        active -= 1;
        runs += 1;
      },
      quiet,
    );
    await Promise.all([task.runNow(), task.runNow(), task.runNow()]);
    await task.stop();
    assert.equal(most, 1);
    assert.ok(runs >= 3);
  });

  it('logs a failing run and runs again', async () => {
    const logged: unknown[] = [];
    let calls = 0;
    const task = startPeriodic(
      'flaky',
      5,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('first run fails');
      },
      { error: (entry: unknown) => void logged.push(entry) },
    );
    while (calls < 2) await sleep(5);
    await task.stop();
    assert.equal(logged.length, 1);
  });

  it('runs no more once stopped', async () => {
    let calls = 0;
    const task = startPeriodic('stopped', 5, async () => void (calls += 1), quiet);
    await task.stop();
    const after = calls;
    await sleep(30);
    await task.runNow();
    assert.equal(calls, after);
  });
  it('leaves the embedded database’s fatal fault to the server, which reports it once', async () => {
    const logged: unknown[] = [];
    const task = startPeriodic(
      'delivery',
      5,
      async () => {
        throw new StorageFailedError('PGlite in /data failed: No space left on device');
      },
      { error: (entry: unknown) => void logged.push(entry) },
    );
    await task.runNow();
    await task.runNow();
    await task.stop();
    assert.deepEqual(logged, []);
  });
});
