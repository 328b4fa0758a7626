import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from '../src/domain/webhooks/retry-policy.ts';

const HOUR = 60 * 60 * 1000;

describe('webhook retry policy', () => {
  test('starts at five seconds, grows fourfold, and stays at eight hours', () => {
    const seconds = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((attempt) => retryDelayMs(attempt) / 1000);
    assert.deepEqual(seconds, [5, 20, 80, 320, 1280, 5120, 20480, 28800, 28800]);
  });

  test('varies each delay by at most a fifth, at random', () => {
    const first = new Date('2027-01-01T00:00:00.000Z');
    const after = (random: number) => nextAttemptAt(first, 3, first, 5_000, () => random)!.getTime() - first.getTime();
    assert.equal(after(0), 64_000);
    assert.equal(after(0.5), 80_000);
    assert.equal(after(0.999_999), 96_000);
  });

  test('retries for three days from the first attempt, the last one at the three-day mark, then gives up', () => {
    const first = new Date('2027-01-01T00:00:00.000Z');
    const nearlyOver = new Date(first.getTime() + RETRY_WINDOW_MS - HOUR);
    assert.equal(nextAttemptAt(first, 12, nearlyOver)?.getTime(), first.getTime() + RETRY_WINDOW_MS);
    assert.equal(nextAttemptAt(first, 13, new Date(first.getTime() + RETRY_WINDOW_MS)), null);
  });
});
