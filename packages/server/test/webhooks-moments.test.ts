import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { celebrationDate } from '../src/domain/birthday.ts';
import { formatDate } from '../src/domain/time.ts';
import { endMembershipOf, eraseCustomer } from './support/members.ts';
import { scheduledMomentsPerFile } from './support/moments.ts';

// Moments no write causes — points about to expire, a birthday coming — are found by the scheduler and written to the
// outbox once. The demo program's zone is Asia/Shanghai (UTC+8); its reminders are the defaults: 14 and 3 days before
// points expire, 7 days before a birthday. Each test works in its own stretch of time, later than the one before.

describe('scheduled moments: points.expiring and birthday.upcoming', () => {
  const { clock, api, member, transact, runAt, eventsOf } = scheduledMomentsPerFile();

  test('points.expiring 14 and 3 days before, once each, with the points left; nothing once they expired', async () => {
    clock.set('2027-05-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 100, reason: 'Tea', expiresAt: '2027-05-21T02:00:00.000Z' });
    await transact(id, { type: 'earn', points: 40, reason: 'Tea', expiresAt: '2027-05-21T09:00:00.000Z' });
    await runAt('2027-05-06T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'points.expiring'), [], '15 days before: not yet');
    await runAt('2027-05-07T02:00:00.000Z');
    await runAt('2027-05-07T05:00:00.000Z');
    await transact(id, { type: 'redeem', points: 30, reason: 'Cup' });
    await runAt('2027-05-18T02:00:00.000Z');
    await runAt('2027-05-19T02:00:00.000Z');
    await runAt('2027-05-22T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'points.expiring'), [
      {
        createdAt: '2027-05-07T02:00:00.000Z',
        data: { points: 140, expiresAt: '2027-05-21T02:00:00.000Z' },
      },
      {
        createdAt: '2027-05-18T02:00:00.000Z',
        data: { points: 110, expiresAt: '2027-05-21T02:00:00.000Z' },
      },
    ]);
  });

  test('a clock moved past several reminder days at once gives the nearest one only', async () => {
    clock.set('2027-06-01T02:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 60, reason: 'Tea', expiresAt: '2027-06-25T02:00:00.000Z' });
    await runAt('2027-06-23T02:00:00.000Z');
    await runAt('2027-06-24T02:00:00.000Z');
    assert.deepEqual(await eventsOf(id, 'points.expiring'), [
      { createdAt: '2027-06-23T02:00:00.000Z', data: { points: 60, expiresAt: '2027-06-25T02:00:00.000Z' } },
    ]);
  });

  test('points already spent or already expired are not reminded', async () => {
    clock.set('2027-07-01T02:00:00.000Z');
    const spent = await member();
    await transact(spent, { type: 'earn', points: 50, reason: 'Tea', expiresAt: '2027-07-10T02:00:00.000Z' });
    await transact(spent, { type: 'earn', points: 50, reason: 'Tea', expiresAt: null });
    await transact(spent, { type: 'redeem', points: 50, reason: 'Cup' });
    const lapsed = await member();
    await transact(lapsed, { type: 'earn', points: 50, reason: 'Tea', expiresAt: '2027-07-02T02:00:00.000Z' });
    await runAt('2027-07-03T02:00:00.000Z');
    assert.deepEqual(await eventsOf(spent, 'points.expiring'), []);
    assert.deepEqual(await eventsOf(lapsed, 'points.expiring'), []);
  });

  test('twice, then five runs at once: each moment is emitted once', async () => {
    clock.set('2027-08-01T02:00:00.000Z');
    const ids = [await member(), await member(), await member()];
    for (const id of ids) {
      await transact(id, { type: 'earn', points: 25, reason: 'Tea', expiresAt: '2027-08-04T02:00:00.000Z' });
    }
    const first = await runAt('2027-08-02T02:00:00.000Z');
    assert.ok(first >= 3, `the first run emits the three reminders (${first})`);
    assert.equal(await runAt('2027-08-02T02:00:00.000Z'), 0);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => runAt('2027-08-02T03:00:00.000Z')));
    assert.deepEqual(parallel, [0, 0, 0, 0, 0]);
    for (const id of ids) assert.equal((await eventsOf(id, 'points.expiring')).length, 1);
  });

  test('birthday.upcoming 7 days before, Gregorian and lunar (the 15th of the 8th month is 2027-09-15)', async () => {
    clock.set('2027-09-01T02:00:00.000Z');
    const lunar = await member({ birthday: { month: 8, day: 15, calendar: 'chinese-lunar' } });
    const gregorian = await member({ birthday: { month: 9, day: 16, calendar: 'gregorian' } });
    assert.equal(formatDate(celebrationDate({ month: 8, day: 15, calendar: 'chinese-lunar' }, 2027)), '2027-09-15');
    await runAt('2027-09-07T02:00:00.000Z');
    assert.deepEqual(await eventsOf(lunar, 'birthday.upcoming'), [], '8 days before: not yet');
    await runAt('2027-09-08T02:00:00.000Z');
    await runAt('2027-09-09T02:00:00.000Z');
    await runAt('2027-09-10T02:00:00.000Z');
    assert.deepEqual(await eventsOf(lunar, 'birthday.upcoming'), [
      { createdAt: '2027-09-08T02:00:00.000Z', data: { date: '2027-09-15', daysBefore: 7 } },
    ]);
    assert.deepEqual(await eventsOf(gregorian, 'birthday.upcoming'), [
      { createdAt: '2027-09-09T02:00:00.000Z', data: { date: '2027-09-16', daysBefore: 7 } },
    ]);
  });

  test('a member in Pacific/Auckland is reminded on their own day; a late reminder says the days left', async () => {
    clock.set('2027-10-01T02:00:00.000Z');
    const birthday = { month: 10, day: 20, calendar: 'gregorian' } as const;
    const auckland = await member({ birthday, timezone: 'Pacific/Auckland' });
    const shanghai = await member({ birthday });
    // 2027-10-12T12:00Z: the 13th in Auckland (UTC+13), still the 12th in Shanghai.
    await runAt('2027-10-12T12:00:00.000Z');
    assert.deepEqual(await eventsOf(auckland, 'birthday.upcoming'), [
      { createdAt: '2027-10-12T12:00:00.000Z', data: { date: '2027-10-20', daysBefore: 7 } },
    ]);
    assert.deepEqual(await eventsOf(shanghai, 'birthday.upcoming'), []);
    // The scheduler did not run again until the 15th in Shanghai: the reminder goes out late, with 5 days left.
    await runAt('2027-10-15T02:00:00.000Z');
    assert.deepEqual(await eventsOf(shanghai, 'birthday.upcoming'), [
      { createdAt: '2027-10-15T02:00:00.000Z', data: { date: '2027-10-20', daysBefore: 5 } },
    ]);
    await runAt('2027-10-21T02:00:00.000Z');
    assert.equal((await eventsOf(shanghai, 'birthday.upcoming')).length, 1, 'nothing after the day');
  });

  test('members whose membership ended or who were erased are not reminded', async () => {
    clock.set('2027-11-01T02:00:00.000Z');
    const birthday = { month: 11, day: 10, calendar: 'gregorian' } as const;
    const ended = await member({ birthday });
    const erased = await member({ birthday });
    assert.equal((await endMembershipOf(api(), ended, { reason: 'price' })).status, 200);
    assert.equal((await eraseCustomer(api(), erased)).status, 200);
    await runAt('2027-11-03T02:00:00.000Z');
    assert.deepEqual(await eventsOf(ended, 'birthday.upcoming'), []);
    assert.deepEqual(await eventsOf(erased, 'birthday.upcoming'), []);
  });
});
