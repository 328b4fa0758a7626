import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { IDEMPOTENT_REPLAY_HEADER, paths, type Birthday } from '@loyalty-elements/contract';
import { localDate, formatDate } from '../src/domain/time.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem, summaryOf } from './support/http.ts';
import {
  DAY_MS,
  asCustomer,
  claimBirthday,
  expectClaim,
  expectUpsert,
  fullHistory,
  putBirthday,
  clockedServerPerFile,
  setBirthday,
  upsertCustomer,
} from './support/loyalty.ts';

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));

const reward = DEMO_SEED.program.birthday;

async function bonuses(customerId: string) {
  return (await fullHistory(api, customerId)).filter((entry) => entry.type === 'birthday_bonus');
}

describe('the seeded demo-birthday', () => {
  test('has a birthday today in the program time zone, claimable (the merchant set it: no notice)', async () => {
    const customerId = 'demo-birthday';
    const before = await summaryOf(server, customerId);
    // Seeded moments ago: today in Shanghai (or yesterday, if midnight passed since).
    const now = new Date();
    const [today, yesterday] = [now, new Date(now.getTime() - DAY_MS)].map((t) =>
      localDate(t, DEMO_SEED.program.timezone),
    );
    const seedDay = [today, yesterday].find(
      (d) => d?.month === before.birthday?.month && d?.day === before.birthday?.day,
    );
    assert.ok(seedDay, `birthday ${JSON.stringify(before.birthday)} is the seeding day`);
    assert.deepEqual(
      { ...before.birthday, nextBirthday: undefined },
      {
        month: seedDay.month,
        day: seedDay.day,
        calendar: 'gregorian',
        inWindow: true,
        claimable: true,
        claimedThisYear: false,
        nextBirthday: undefined,
        firstRewardBirthday: null,
      },
    );
    if (seedDay === today) assert.equal(before.birthday?.nextBirthday, formatDate(seedDay));
  });
});

/** Sets the birthday as the merchant does (admin upsert): the merchant's record, not held back. */
async function merchantSets(customerId: string, birthday: Birthday): Promise<void> {
  await expectUpsert(await upsertCustomer(api, customerId, { name: 'Test', locale: 'en', birthday }), 200);
}

/** Runs `fn` with the demo program's notice period set to `days`, then puts the seeded one back. */
async function withNoticeDays(days: number, fn: () => Promise<void>): Promise<void> {
  const setNotice = (value: number) =>
    server.db.query('UPDATE programs SET birthday_notice_days = $1 WHERE id = $2', [value, DEMO_SEED.program.id]);
  await setNotice(days);
  try {
    await fn();
  } finally {
    await setNotice(reward.noticeDays);
  }
}

describe('POST /v1/me/birthday/claim', () => {
  test('pays once, replays by key, then refuses: on a fresh customer, not a seeded one', async () => {
    clock.set('2026-05-10T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 5, day: 10, calendar: 'gregorian' });
    const key = randomUUID();
    const claim = await expectClaim(await claimBirthday(api, customerId, key));
    assert.equal(claim.entry.type, 'birthday_bonus');
    assert.equal(claim.entry.points, reward.points);
    assert.equal(claim.balance, reward.points);
    assert.equal(claim.birthdayYear, 2026);

    const replay = await claimBirthday(api, customerId, key);
    assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await expectClaim(replay), claim);
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_already_claimed');

    const after = await summaryOf(api, customerId);
    assert.equal(after.points.balance, reward.points);
    assert.deepEqual([after.birthday?.claimable, after.birthday?.claimedThisYear], [false, true]);
    assert.equal(after.birthday?.firstRewardBirthday, null);
    assert.equal(after.tier.progress.qualified, 0, 'a bonus does not count towards tiers');
    assert.equal((await bonuses(customerId)).length, 1);
  });

  test('thirty concurrent claims with different keys make one bonus', async () => {
    clock.set('2026-05-10T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 5, day: 10, calendar: 'gregorian' });
    const responses = await Promise.all(Array.from({ length: 30 }, () => claimBirthday(api, customerId)));
    assert.equal(responses.filter((res) => res.status === 201).length, 1);
    for (const res of responses.filter((r) => r.status !== 201))
      await expectProblem(res, 409, 'birthday_already_claimed');
    for (const res of responses.filter((r) => r.status === 201)) await res.body?.cancel();
    assert.equal((await bonuses(customerId)).length, 1);
    assert.equal((await summaryOf(api, customerId)).points.balance, reward.points);
  });

  test('is refused outside the window, saying when the next one opens', async () => {
    clock.set('2026-05-10T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await setBirthday(api, customerId, { month: 8, day: 1, calendar: 'gregorian' });
    const problem = await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_outside_window');
    assert.match(problem.detail ?? '', /2026-07-25/);
    assert.equal((await bonuses(customerId)).length, 0);

    clock.set('2026-07-25T04:00:00Z'); // seven days before: the window is open
    await expectClaim(await claimBirthday(api, customerId));
    clock.set('2026-08-09T04:00:00Z'); // eight days after: closed again, and claimed anyway
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_outside_window');
  });

  test('is refused until a birthday is set', async () => {
    const customerId = await createDemoCustomer(server);
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_not_set');
    assert.equal((await summaryOf(api, customerId)).birthday, null);
  });

  test('needs an idempotency key', async () => {
    const res = await asCustomer(api, 'demo-shopper', paths.birthdayClaim, { method: 'POST' });
    await expectProblem(res, 400, 'idempotency_key_missing');
  });

  test('is once per birthday year: claimable again in next year’s window', async () => {
    clock.set('2026-12-30T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 12, day: 30, calendar: 'gregorian' });
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2026);

    clock.set('2027-01-05T04:00:00Z'); // still 2026's window, across New Year
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_already_claimed');
    let birthday = (await summaryOf(api, customerId)).birthday;
    assert.deepEqual([birthday?.inWindow, birthday?.claimedThisYear, birthday?.claimable], [true, true, false]);

    clock.set('2027-06-01T04:00:00Z');
    birthday = (await summaryOf(api, customerId)).birthday;
    assert.deepEqual(
      [birthday?.inWindow, birthday?.claimedThisYear, birthday?.nextBirthday],
      [false, true, '2027-12-30'],
    );

    clock.set('2027-12-24T04:00:00Z');
    birthday = (await summaryOf(api, customerId)).birthday;
    assert.deepEqual([birthday?.inWindow, birthday?.claimedThisYear, birthday?.claimable], [true, false, true]);
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2027);
    assert.equal((await bonuses(customerId)).length, 2);
  });

  test('the window is computed in the customer’s time zone', async () => {
    // 16:30 UTC on 17 May: 00:30 on the 18th in Shanghai (the 7-day window after 10 May has closed),
    // 09:30 on the 17th in Los Angeles (its last day).
    clock.set('2026-05-17T16:30:00Z');
    const shanghai = await createDemoCustomer(server, 'shanghai');
    const losAngeles = await createDemoCustomer(server, 'la');
    const birthday = { month: 5, day: 10, calendar: 'gregorian' } as const;
    await expectUpsert(
      await upsertCustomer(api, shanghai, { name: 'Shanghai', timezone: 'Asia/Shanghai', birthday }),
      200,
    );
    await expectUpsert(
      await upsertCustomer(api, losAngeles, { name: 'Los Angeles', timezone: 'America/Los_Angeles', birthday }),
      200,
    );
    assert.equal((await summaryOf(api, shanghai)).birthday?.inWindow, false);
    assert.equal((await summaryOf(api, losAngeles)).birthday?.inWindow, true);
    await expectProblem(await claimBirthday(api, shanghai), 409, 'birthday_outside_window');
    await expectClaim(await claimBirthday(api, losAngeles));
  });

  test('a lunar birthday is celebrated on this year’s Gregorian date', async () => {
    clock.set('2026-09-25T04:00:00Z'); // 农历八月十五 2026
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 8, day: 15, calendar: 'chinese-lunar' });
    const status = (await summaryOf(api, customerId)).birthday;
    assert.deepEqual([status?.inWindow, status?.claimable, status?.nextBirthday], [true, true, '2026-09-25']);
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2026);

    clock.set('2026-10-20T04:00:00Z');
    assert.equal((await summaryOf(api, customerId)).birthday?.nextBirthday, '2027-09-15');
    // The same lunar birthday comes round 355 days later, and pays again: no 365-day gap for an unchanged one.
    clock.set('2027-09-15T04:00:00Z');
    assert.equal((await summaryOf(api, customerId)).birthday?.claimable, true);
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2027);
    assert.equal((await bonuses(customerId)).length, 2);
  });
});

describe('PUT /v1/me/birthday', () => {
  test('sets once, repeats harmlessly, and limits changes to once per 365 days', async () => {
    clock.set('2026-03-01T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    const first = await setBirthday(api, customerId, { month: 3, day: 10, calendar: 'gregorian' });
    assert.deepEqual(first, {
      month: 3,
      day: 10,
      calendar: 'gregorian',
      inWindow: false,
      claimable: false,
      claimedThisYear: false,
      nextBirthday: '2026-03-10',
      // Its window opens on 3 March, two days after it was set: the first gift comes next year.
      firstRewardBirthday: '2027-03-10',
    });
    await setBirthday(api, customerId, { month: 3, day: 10, calendar: 'gregorian' }); // the same: fine

    clock.advance(30 * DAY_MS);
    const refused = await expectProblem(
      await putBirthday(api, customerId, { month: 4, day: 1, calendar: 'gregorian' }),
      409,
      'birthday_change_limited',
    );
    assert.match(refused.detail ?? '', /2027-03-01/, 'says when it may change next');
    assert.equal((await summaryOf(api, customerId)).birthday?.month, 3);

    clock.set('2027-03-01T05:00:00Z');
    const changed = await setBirthday(api, customerId, { month: 4, day: 1, calendar: 'chinese-lunar' });
    assert.deepEqual([changed.month, changed.day, changed.calendar], [4, 1, 'chinese-lunar']);
    await expectProblem(
      await putBirthday(api, customerId, { month: 5, day: 1, calendar: 'gregorian' }),
      409,
      'birthday_change_limited',
    );
  });

  test('a birthday the merchant imported can be corrected once by the customer', async () => {
    const customerId = await createDemoCustomer(server);
    await expectUpsert(
      await upsertCustomer(api, customerId, {
        name: 'Imported',
        birthday: { month: 1, day: 2, calendar: 'gregorian' },
      }),
      200,
    );
    await setBirthday(api, customerId, { month: 2, day: 1, calendar: 'gregorian' });
    await expectProblem(
      await putBirthday(api, customerId, { month: 2, day: 2, calendar: 'gregorian' }),
      409,
      'birthday_change_limited',
    );
  });

  test('rejects days that do not exist, naming the field', async () => {
    const customerId = await createDemoCustomer(server);
    const cases: Array<[unknown, string]> = [
      [{ month: 2, day: 30, calendar: 'gregorian' }, 'body.day'],
      [{ month: 4, day: 31, calendar: 'gregorian' }, 'body.day'],
      [{ month: 1, day: 31, calendar: 'chinese-lunar' }, 'body.day'],
      [{ month: 13, day: 1, calendar: 'gregorian' }, 'body.month'],
      [{ month: 1, day: 0, calendar: 'gregorian' }, 'body.day'],
      [{ month: 1, day: 1, calendar: 'hebrew' }, 'body.calendar'],
      [{ month: 1, day: 1 }, 'body.calendar'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await putBirthday(api, customerId, body), 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${JSON.stringify(body)} → ${JSON.stringify(problem.errors)}`,
      );
    }
    await setBirthday(api, customerId, { month: 2, day: 29, calendar: 'gregorian' });
  });
});

describe("one customer's token never touches another's birthday", () => {
  test('setting and claiming act on the token’s customer only', async () => {
    clock.set('2026-06-01T04:00:00Z');
    const alice = await createDemoCustomer(server, 'alice');
    const bob = await createDemoCustomer(server, 'bob');
    await setBirthday(api, bob, { month: 12, day: 24, calendar: 'gregorian' });
    await merchantSets(alice, { month: 6, day: 1, calendar: 'gregorian' });
    await expectClaim(await claimBirthday(api, alice));

    const bobs = await summaryOf(api, bob);
    assert.deepEqual([bobs.birthday?.month, bobs.birthday?.day, bobs.birthday?.claimedThisYear], [12, 24, false]);
    assert.equal(bobs.points.balance, 0);
    assert.equal((await bonuses(bob)).length, 0);
    // Bob can still set his own (his first set is not Alice's).
    await setBirthday(api, bob, { month: 12, day: 24, calendar: 'gregorian' });
  });

  test('an idempotency key one customer used means nothing to another', async () => {
    clock.set('2026-06-01T04:00:00Z');
    const alice = await createDemoCustomer(server, 'alice');
    const bob = await createDemoCustomer(server, 'bob');
    for (const id of [alice, bob]) await merchantSets(id, { month: 6, day: 1, calendar: 'gregorian' });
    const key = randomUUID();
    const first = await expectClaim(await claimBirthday(api, alice, key));
    const second = await expectClaim(await claimBirthday(api, bob, key));
    assert.notEqual(first.entry.id, second.entry.id);
    assert.equal((await bonuses(alice)).length, 1);
    assert.equal((await bonuses(bob)).length, 1);
  });
});

describe('the birthday gift guard', () => {
  test('a birthday set today is saved, but pays from next year: 409 birthday_recently_set, nothing credited', async () => {
    clock.set('2026-06-01T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    const saved = await setBirthday(api, customerId, { month: 6, day: 1, calendar: 'gregorian' });
    assert.deepEqual(
      [saved.inWindow, saved.claimable, saved.claimedThisYear, saved.firstRewardBirthday],
      [true, false, false, '2027-06-01'],
    );
    assert.deepEqual((await summaryOf(api, customerId)).birthday, saved, 'the summary says the same');

    const problem = await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_recently_set');
    assert.match(problem.detail ?? '', /2027-06-01/, 'names the first birthday that pays');
    assert.equal((await bonuses(customerId)).length, 0);
    assert.equal((await summaryOf(api, customerId)).points.balance, 0);

    // Thirty tries at once change nothing either.
    const responses = await Promise.all(Array.from({ length: 30 }, () => claimBirthday(api, customerId)));
    for (const res of responses) await expectProblem(res, 409, 'birthday_recently_set');
    assert.equal((await bonuses(customerId)).length, 0);

    // Next year's birthday pays, once.
    clock.set('2027-05-30T04:00:00Z');
    const next = (await summaryOf(api, customerId)).birthday;
    assert.deepEqual([next?.claimable, next?.firstRewardBirthday], [true, null]);
    await expectClaim(await claimBirthday(api, customerId));
    assert.equal((await bonuses(customerId)).length, 1);
  });

  test('a birthday set two days ahead (inside the window before it opens) is held back too', async () => {
    clock.set('2026-06-01T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    const saved = await setBirthday(api, customerId, { month: 6, day: 3, calendar: 'gregorian' });
    assert.deepEqual([saved.inWindow, saved.claimable, saved.firstRewardBirthday], [true, false, '2027-06-03']);
    clock.set('2026-06-03T04:00:00Z');
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_recently_set');
    assert.equal((await bonuses(customerId)).length, 0);
  });

  test('a birthday set at least the notice period before its window opens pays; a day less does not', async () => {
    // 7 April: the window opens on 31 March; 30 days before is 1 March.
    const birthday = { month: 4, day: 7, calendar: 'gregorian' } as const;
    clock.set('2026-03-01T04:00:00Z');
    const early = await createDemoCustomer(server, 'early');
    assert.equal((await setBirthday(api, early, birthday)).firstRewardBirthday, null);
    clock.set('2026-03-02T04:00:00Z');
    const late = await createDemoCustomer(server, 'late');
    assert.equal((await setBirthday(api, late, birthday)).firstRewardBirthday, '2027-04-07');

    clock.set('2026-04-07T04:00:00Z');
    await expectClaim(await claimBirthday(api, early));
    const problem = await expectProblem(await claimBirthday(api, late), 409, 'birthday_recently_set');
    assert.match(problem.detail ?? '', /2027-04-07/);
    assert.equal((await bonuses(early)).length, 1);
    assert.equal((await bonuses(late)).length, 0);
  });

  test('the notice is the program’s setting: with 0 days a birthday set today pays at once', async () => {
    await withNoticeDays(0, async () => {
      clock.set('2026-06-01T04:00:00Z');
      const customerId = await createDemoCustomer(server);
      const saved = await setBirthday(api, customerId, { month: 6, day: 1, calendar: 'gregorian' });
      assert.deepEqual([saved.claimable, saved.firstRewardBirthday], [true, null]);
      await expectClaim(await claimBirthday(api, customerId));
    });
    await withNoticeDays(60, async () => {
      // 45 days before the window opens: enough for 30, not for 60.
      clock.set('2026-06-01T04:00:00Z');
      const customerId = await createDemoCustomer(server);
      const saved = await setBirthday(api, customerId, { month: 7, day: 23, calendar: 'gregorian' });
      assert.equal(saved.firstRewardBirthday, '2027-07-23');
    });
  });

  test('a birthday the merchant sets is its record and is not held back; re-sending the same one keeps a hold', async () => {
    clock.set('2026-06-01T04:00:00Z');
    const imported = await createDemoCustomer(server, 'imported');
    await merchantSets(imported, { month: 6, day: 1, calendar: 'gregorian' });
    assert.deepEqual(
      [
        (await summaryOf(api, imported)).birthday?.claimable,
        (await summaryOf(api, imported)).birthday?.firstRewardBirthday,
      ],
      [true, null],
    );
    await expectClaim(await claimBirthday(api, imported));

    // The customer set it today; the merchant's system echoes the same birthday back: still held back.
    const echoed = await createDemoCustomer(server, 'echoed');
    await setBirthday(api, echoed, { month: 6, day: 2, calendar: 'gregorian' });
    await merchantSets(echoed, { month: 6, day: 2, calendar: 'gregorian' });
    await expectProblem(await claimBirthday(api, echoed), 409, 'birthday_recently_set');

    // The merchant corrects what the customer entered: the merchant's date is on file, and it pays.
    const corrected = await createDemoCustomer(server, 'corrected');
    await setBirthday(api, corrected, { month: 6, day: 2, calendar: 'gregorian' });
    await merchantSets(corrected, { month: 6, day: 1, calendar: 'gregorian' });
    await expectClaim(await claimBirthday(api, corrected));
    assert.equal((await bonuses(echoed)).length, 0);
  });

  test('a change of date around New Year cannot pay twice within 365 days', async () => {
    // The merchant imported 30 December; the reward is claimed; the customer then "corrects" it to 2 January.
    clock.set('2026-12-30T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 12, day: 30, calendar: 'gregorian' });
    await expectClaim(await claimBirthday(api, customerId));

    await withNoticeDays(0, async () => {
      // Without any notice period, the 365-day gap alone refuses it.
      clock.set('2026-12-31T04:00:00Z');
      const saved = await setBirthday(api, customerId, { month: 1, day: 2, calendar: 'gregorian' });
      assert.deepEqual([saved.inWindow, saved.claimable, saved.firstRewardBirthday], [true, false, '2028-01-02']);
      clock.set('2027-01-02T04:00:00Z');
      const problem = await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_recently_set');
      assert.match(problem.detail ?? '', /2028-01-02/);
      assert.equal((await bonuses(customerId)).length, 1);

      // 2 January 2028 is 368 days after the claimed 30 December 2026: it pays.
      clock.set('2028-01-02T04:00:00Z');
      await expectClaim(await claimBirthday(api, customerId));
      assert.equal((await bonuses(customerId)).length, 2);
    });
  });

  test('a change of calendar around New Year cannot pay twice within 365 days', async () => {
    // 农历冬月十二 of lunar year 2025 is 31 December 2025; the customer switches to Gregorian 5 January.
    clock.set('2025-12-31T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 11, day: 12, calendar: 'chinese-lunar' });
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2025);

    clock.set('2026-01-01T04:00:00Z');
    const saved = await setBirthday(api, customerId, { month: 1, day: 5, calendar: 'gregorian' });
    assert.deepEqual([saved.inWindow, saved.firstRewardBirthday], [true, '2027-01-05']);
    clock.set('2026-01-05T04:00:00Z');
    await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_recently_set');
    await withNoticeDays(0, async () => {
      await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_recently_set');
    });
    assert.equal((await bonuses(customerId)).length, 1);

    clock.set('2027-01-05T04:00:00Z');
    await expectClaim(await claimBirthday(api, customerId));
    assert.equal((await bonuses(customerId)).length, 2);
  });

  test('a lunar and a Gregorian birthday on the same day are the same occurrence', async () => {
    await withNoticeDays(0, async () => {
      // 农历八月十五 2026 is 25 September 2026.
      clock.set('2026-09-25T04:00:00Z');
      const customerId = await createDemoCustomer(server);
      await merchantSets(customerId, { month: 8, day: 15, calendar: 'chinese-lunar' });
      await expectClaim(await claimBirthday(api, customerId));

      const saved = await setBirthday(api, customerId, { month: 9, day: 25, calendar: 'gregorian' });
      assert.deepEqual([saved.inWindow, saved.claimable, saved.claimedThisYear], [true, false, true]);
      assert.equal(saved.firstRewardBirthday, null, 'already claimed, not held back');
      await expectProblem(await claimBirthday(api, customerId), 409, 'birthday_already_claimed');
      assert.equal((await bonuses(customerId)).length, 1);
    });
  });

  test('thirty parallel claims after a change of date make no second bonus', async () => {
    clock.set('2026-12-30T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await merchantSets(customerId, { month: 12, day: 30, calendar: 'gregorian' });
    await expectClaim(await claimBirthday(api, customerId));
    await merchantSets(customerId, { month: 1, day: 2, calendar: 'gregorian' });
    clock.set('2027-01-02T04:00:00Z');
    const responses = await Promise.all(Array.from({ length: 30 }, () => claimBirthday(api, customerId)));
    for (const res of responses) await expectProblem(res, 409, 'birthday_recently_set');
    assert.equal((await bonuses(customerId)).length, 1);
    assert.equal((await summaryOf(api, customerId)).points.balance, reward.points);
  });
});
