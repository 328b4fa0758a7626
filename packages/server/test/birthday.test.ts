import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { IDEMPOTENT_REPLAY_HEADER, paths } from '@loyalty-elements/contract';
import { localDate, formatDate } from '../src/domain/time.ts';
import { DEMO_SEED } from '../src/seed.ts';
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
  test('has a birthday today in the program time zone, claimable once', async () => {
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
      },
    );
    if (seedDay === today) assert.equal(before.birthday?.nextBirthday, formatDate(seedDay));

    const key = randomUUID();
    const claim = await expectClaim(await claimBirthday(server, customerId, key));
    assert.equal(claim.entry.type, 'birthday_bonus');
    assert.equal(claim.entry.points, reward.points);
    assert.equal(claim.balance, before.points.balance + reward.points);
    assert.equal(claim.birthdayYear, seedDay.year);

    const replay = await claimBirthday(server, customerId, key);
    assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await expectClaim(replay), claim);

    await expectProblem(await claimBirthday(server, customerId), 409, 'birthday_already_claimed');

    const after = await summaryOf(server, customerId);
    assert.equal(after.points.balance, before.points.balance + reward.points);
    assert.equal(after.birthday?.claimable, false);
    assert.equal(after.birthday?.claimedThisYear, true);
    assert.equal(after.tier.progress.qualified, before.tier.progress.qualified, 'a bonus does not count towards tiers');
    assert.equal((await bonuses(customerId)).length, 1);
  });
});

describe('POST /v1/me/birthday/claim', () => {
  test('twenty concurrent claims with different keys make one bonus', async () => {
    clock.set('2026-05-10T04:00:00Z');
    const customerId = await createDemoCustomer(server);
    await setBirthday(api, customerId, { month: 5, day: 10, calendar: 'gregorian' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => claimBirthday(api, customerId)));
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
    await setBirthday(api, customerId, { month: 12, day: 30, calendar: 'gregorian' });
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
    const status = await setBirthday(api, customerId, { month: 8, day: 15, calendar: 'chinese-lunar' });
    assert.deepEqual([status.inWindow, status.claimable, status.nextBirthday], [true, true, '2026-09-25']);
    assert.equal((await expectClaim(await claimBirthday(api, customerId))).birthdayYear, 2026);

    clock.set('2026-10-20T04:00:00Z');
    assert.equal((await summaryOf(api, customerId)).birthday?.nextBirthday, '2027-09-15');
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
    await setBirthday(api, alice, { month: 6, day: 1, calendar: 'gregorian' });
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
    for (const id of [alice, bob]) await setBirthday(api, id, { month: 6, day: 1, calendar: 'gregorian' });
    const key = randomUUID();
    const first = await expectClaim(await claimBirthday(api, alice, key));
    const second = await expectClaim(await claimBirthday(api, bob, key));
    assert.notEqual(first.entry.id, second.entry.id);
    assert.equal((await bonuses(alice)).length, 1);
    assert.equal((await bonuses(bob)).length, 1);
  });
});
