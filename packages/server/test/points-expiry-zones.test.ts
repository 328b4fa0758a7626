import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonthsIn, formatDate, localDate } from '../src/domain/time.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { admin, ownProgram } from './support/orders.ts';
import type { TestServer } from './support/server.ts';

// Points expire `pointsExpiryMonths` calendar months after they become spendable, as the shopper's calendar counts
// them: the same time of day on the same day of the month in the shopper's time zone (their own, else the program's),
// a day past the end of the month being its last day. The summary lists expiry dates of that calendar.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

async function shop(timezone: string, pointsExpiryMonths: number) {
  return admin(api, await ownProgram(api, { timezone, pointsExpiryMonths, returnWindowDays: 14, earnRate: 1 }));
}

/** An earn of `points` at `instant` with the program's default expiry; the instant it expires. */
async function earnAt(merchant: Awaited<ReturnType<typeof shop>>, customerId: string, instant: string, points = 100) {
  clock.set(instant);
  const { transaction } = await merchant.transact(customerId, { type: 'earn', points });
  assert.ok(transaction.expiresAt, 'the program default gives an expiry');
  return transaction.expiresAt;
}

describe('the default expiry counts calendar months in the shopper’s time zone', () => {
  test('earned on 28 February 2028 at 22:00 in New York: expires on 28 February 2029 at 22:00 there', async () => {
    const merchant = await shop('America/New_York', 12);
    const shopper = await merchant.customer();
    // 22:00 EST on the 28th is already the 29th in UTC; twelve months on from that would be the 27th in New York.
    const expiresAt = await earnAt(merchant, shopper, '2028-02-29T03:00:00.000Z');
    assert.equal(expiresAt, '2029-03-01T03:00:00.000Z');
    assert.equal(formatDate(localDate(new Date(expiresAt), 'America/New_York')), '2029-02-28');
  });

  // [what, program zone, months, earned at, expires at]
  const cases: Array<[string, string, number, string, string]> = [
    [
      '21:00 on 30 March in New York, one month: 30 April there, not the 29th',
      'America/New_York',
      1,
      '2027-03-31T01:00:00.000Z',
      '2027-05-01T01:00:00.000Z',
    ],
    // 00:30 BST (UTC+1) on 15 October; 00:30 GMT on 15 November. A month of UTC would end at 23:30 on the 14th.
    [
      '00:30 on 15 October in London, one month, across the end of summer time: 00:30 on 15 November',
      'Europe/London',
      1,
      '2027-10-14T23:30:00.000Z',
      '2027-11-15T00:30:00.000Z',
    ],
    // 23:30 EST (UTC−5) on 14 February; 23:30 EDT (UTC−4) on 14 March.
    [
      '23:30 on 14 February in New York, one month, across the start of summer time: 23:30 on 14 March',
      'America/New_York',
      1,
      '2027-02-15T04:30:00.000Z',
      '2027-03-15T03:30:00.000Z',
    ],
    [
      '00:30 on 16 October in New York, one month, across the end of summer time: 00:30 on 16 November',
      'America/New_York',
      1,
      '2027-10-16T04:30:00.000Z',
      '2027-11-16T05:30:00.000Z',
    ],
    [
      '10:00 on 31 January in UTC, one month: plain UTC months, the last day of February',
      'UTC',
      1,
      '2027-01-31T10:00:00.000Z',
      '2027-02-28T10:00:00.000Z',
    ],
  ];
  for (const [what, timezone, months, earnedAt, expected] of cases) {
    test(`earned at ${what}`, async () => {
      const merchant = await shop(timezone, months);
      assert.equal(await earnAt(merchant, await merchant.customer(), earnedAt), expected);
    });
  }

  test('the shopper’s own time zone wins over the program’s', async () => {
    const merchant = await shop('Asia/Shanghai', 12);
    const shopper = await merchant.customer('shopper', { timezone: 'America/New_York' });
    assert.equal(await earnAt(merchant, shopper, '2028-02-29T03:00:00.000Z'), '2029-03-01T03:00:00.000Z');
  });
});

describe('points lapse at their expiry instant', () => {
  test('spendable a millisecond before, gone at it, with one expire entry', async () => {
    const merchant = await shop('America/New_York', 1);
    const shopper = await merchant.customer();
    const expiresAt = await earnAt(merchant, shopper, '2027-06-10T14:00:00.000Z');
    clock.set(new Date(Date.parse(expiresAt) - 1));
    assert.equal((await merchant.summary(shopper)).points.balance, 100);
    clock.set(expiresAt);
    const summary = await merchant.summary(shopper);
    assert.deepEqual([summary.points.balance, summary.points.expiring], [0, []]);
    const expiries = (await merchant.history(shopper)).filter((entry) => entry.type === 'expire');
    assert.deepEqual(
      expiries.map((entry) => [entry.points, entry.expiresAt]),
      [[-100, expiresAt]],
    );
  });
});

describe('the summary lists expiry dates of the shopper’s calendar', () => {
  test('points expiring on one day in New York make one line, with the first instant and all their points', async () => {
    const merchant = await shop('America/New_York', 12);
    const shopper = await merchant.customer();
    // 09:00 and 21:00 EDT on 3 June 2027 (21:00 is already 4 June in UTC), and 10:00 EDT on 4 June.
    await earnAt(merchant, shopper, '2027-06-03T13:00:00.000Z', 100);
    await earnAt(merchant, shopper, '2027-06-04T01:00:00.000Z', 40);
    await earnAt(merchant, shopper, '2027-06-04T14:00:00.000Z', 7);
    const { expiring } = (await merchant.summary(shopper)).points;
    assert.deepEqual(expiring, [
      { points: 140, expiresAt: '2028-06-03T13:00:00.000Z' },
      { points: 7, expiresAt: '2028-06-04T14:00:00.000Z' },
    ]);
  });

  test('two days of New York that share a UTC date stay two lines', async () => {
    const merchant = await shop('America/New_York', 12);
    const shopper = await merchant.customer();
    // 21:00 EDT on 2 June and 16:00 EDT on 3 June: both 3 June in UTC.
    await earnAt(merchant, shopper, '2027-06-03T01:00:00.000Z', 30);
    await earnAt(merchant, shopper, '2027-06-03T20:00:00.000Z', 20);
    const { expiring } = (await merchant.summary(shopper)).points;
    assert.deepEqual(
      expiring.map((line) => [formatDate(localDate(new Date(line.expiresAt), 'America/New_York')), line.points]),
      [
        ['2028-06-02', 30],
        ['2028-06-03', 20],
      ],
    );
  });

  test('five dates at most, soonest first, however many batches share them', async () => {
    const merchant = await shop('Asia/Shanghai', 12);
    const shopper = await merchant.customer();
    for (let day = 1; day <= 6; day += 1) {
      for (const hour of [1, 9]) {
        const at = `2027-07-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
        await earnAt(merchant, shopper, at, day);
      }
    }
    const { expiring } = (await merchant.summary(shopper)).points;
    assert.deepEqual(
      expiring.map((line) => [line.expiresAt, line.points]),
      [1, 2, 3, 4, 5].map((day) => [`2028-07-0${day}T01:00:00.000Z`, 2 * day]),
    );
  });
});

describe('calendar months on a wall clock that skips or repeats an hour', () => {
  const plus = (iso: string, months: number, zone: string) => addMonthsIn(new Date(iso), months, zone).toISOString();

  test('a time summer time skips is read that far past the change: 02:30 on 14 March 2027 in New York is 03:30 EDT', () => {
    assert.equal(plus('2027-02-14T07:30:00.000Z', 1, 'America/New_York'), '2027-03-14T07:30:00.000Z');
  });

  test('a time the end of summer time repeats is its first occurrence: 01:30 EDT on 7 November 2027', () => {
    assert.equal(plus('2027-10-07T05:30:00.000Z', 1, 'America/New_York'), '2027-11-07T05:30:00.000Z');
  });

  test('a zone without summer time clamps to its own month end, milliseconds kept', () => {
    // 01:00 on 31 January in Shanghai is still the 30th in UTC: a month later is 01:00 on 28 February there.
    assert.equal(plus('2027-01-30T17:00:00.123Z', 1, 'Asia/Shanghai'), '2027-02-27T17:00:00.123Z');
    assert.equal(plus('2028-02-29T20:00:00.000Z', -12, 'Asia/Shanghai'), '2027-02-28T20:00:00.000Z');
  });
});
