import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CustomerTurns } from '../src/customer-turns.ts';
import { RequestAbandonedError, runForRequest } from '../src/store/request-signal.ts';

/** Work the test finishes by hand, recording when it started. */
function heldWork(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const work = () => {
    started.push(name);
    return done;
  };
  return { work, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

/** Lets every settled promise's reactions run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CustomerTurns', () => {
  test("runs at most its number of one customer's requests at once, the rest in the order they came", async () => {
    const turns = new CustomerTurns(2);
    const started: string[] = [];
    const works = ['a', 'b', 'c', 'd'].map((name) => heldWork(started, name));
    const results = works.map((held) => turns.run('p', 'shopper', held.work));
    await settle();
    assert.deepEqual(started, ['a', 'b']);
    assert.deepEqual(turns.size, { running: 2, waiting: 2 });
    works[1]!.finish();
    await settle();
    assert.deepEqual(started, ['a', 'b', 'c']);
    works[0]!.finish();
    await settle();
    assert.deepEqual(started, ['a', 'b', 'c', 'd']);
    works[2]!.finish();
    works[3]!.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.deepEqual(turns.size, { running: 0, waiting: 0 });
  });

  test("another customer's request does not wait behind a busy customer", async () => {
    const turns = new CustomerTurns(1);
    const started: string[] = [];
    const busy = heldWork(started, 'busy');
    const queued = heldWork(started, 'queued');
    const other = heldWork(started, 'other');
    const running = turns.run('p', 'busy', busy.work);
    const waiting = turns.run('p', 'busy', queued.work);
    const elsewhere = turns.run('p', 'other', other.work);
    // The same customer id in another program is another customer.
    const otherProgram = heldWork(started, 'other program');
    const inOtherProgram = turns.run('q', 'busy', otherProgram.work);
    await settle();
    assert.deepEqual(started, ['busy', 'other', 'other program']);
    other.finish();
    otherProgram.finish();
    assert.equal(await elsewhere, 'other');
    assert.equal(await inOtherProgram, 'other program');
    busy.finish();
    queued.finish();
    assert.deepEqual(await Promise.all([running, waiting]), ['busy', 'queued']);
  });

  test('a request that fails gives its turn to the next one', async () => {
    const turns = new CustomerTurns(1);
    const started: string[] = [];
    const failing = heldWork(started, 'failing');
    const next = heldWork(started, 'next');
    const first = turns.run('p', 'shopper', failing.work);
    const second = turns.run('p', 'shopper', next.work);
    failing.fail(new Error('the database went away'));
    await assert.rejects(first, /the database went away/);
    await settle();
    assert.deepEqual(started, ['failing', 'next']);
    next.finish();
    assert.equal(await second, 'next');
    assert.deepEqual(turns.size, { running: 0, waiting: 0 });
  });

  test('a waiting request whose client goes leaves the queue without running', async () => {
    const turns = new CustomerTurns(1);
    const started: string[] = [];
    const running = heldWork(started, 'running');
    const abandoned = heldWork(started, 'abandoned');
    const after = heldWork(started, 'after');
    const client = new AbortController();
    const first = turns.run('p', 'shopper', running.work);
    const gone = runForRequest({ gone: false, signal: () => client.signal }, () =>
      turns.run('p', 'shopper', abandoned.work),
    );
    const third = turns.run('p', 'shopper', after.work);
    await settle();
    assert.deepEqual(turns.size, { running: 1, waiting: 2 });
    client.abort();
    await assert.rejects(gone, RequestAbandonedError);
    assert.deepEqual(turns.size, { running: 1, waiting: 1 });
    running.finish();
    await settle();
    assert.deepEqual(started, ['running', 'after']);
    after.finish();
    assert.deepEqual(await Promise.all([first, third]), ['running', 'after']);
  });

  test('refuses a number of turns below one', () => {
    assert.throws(() => new CustomerTurns(0), RangeError);
    assert.throws(() => new CustomerTurns(1.5), RangeError);
  });
});
