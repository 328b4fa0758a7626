import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { programSettingsPath } from '@loyalty-elements/contract';
import { expectProblem, summaryOf } from './support/http.ts';
import { claimBirthday, DAY_MS, expectClaim, putBirthday, setBirthday } from './support/loyalty.ts';
import { admin } from './support/members.ts';
import { scheduledMomentsPerFile } from './support/moments.ts';

// Birthdays at the edges of the calendar, on the demo program (Asia/Shanghai; a gift claimable 7 days either side of
// the birthday; 7-day birthday.upcoming reminders). Birthdays here are the merchant's record (no notice period) unless
// a test sets one as the shopper. Each test works in its own stretch of time.

describe('birthdays at the edges of the calendar', () => {
  const { clock, api, member, runAt, eventsOf } = scheduledMomentsPerFile();

  describe('the window and the claim', () => {
    test('a 1 January birthday claimed on 28 December is next year’s gift, once, and comes round again', async () => {
      clock.set('2027-12-28T04:00:00.000Z');
      const id = await member({ birthday: { month: 1, day: 1, calendar: 'gregorian' } });
      const before = (await summaryOf(api(), id)).birthday;
      assert.deepEqual(
        [before?.inWindow, before?.claimable, before?.nextBirthday],
        [true, true, '2028-01-01'],
        'the window that opened on 25 December is 2028’s',
      );
      assert.equal((await expectClaim(await claimBirthday(api(), id))).birthdayYear, 2028);

      clock.set('2028-01-08T04:00:00.000Z'); // the last day of the window, in the new year
      await expectProblem(await claimBirthday(api(), id), 409, 'birthday_already_claimed');
      clock.set('2028-12-24T04:00:00.000Z'); // the day before 2029's window opens
      const waiting = await expectProblem(await claimBirthday(api(), id), 409, 'birthday_outside_window');
      assert.match(waiting.detail ?? '', /2028-12-25/);
      clock.set('2028-12-25T04:00:00.000Z');
      assert.equal((await expectClaim(await claimBirthday(api(), id))).birthdayYear, 2029);
    });

    test('29 February is celebrated on the 28th in a common year: its window closes on 7 March', async () => {
      clock.set('2027-03-07T04:00:00.000Z');
      const id = await member({ birthday: { month: 2, day: 29, calendar: 'gregorian' } });
      const status = (await summaryOf(api(), id)).birthday;
      assert.deepEqual([status?.inWindow, status?.nextBirthday], [true, '2028-02-29']);
      assert.equal((await expectClaim(await claimBirthday(api(), id))).birthdayYear, 2027);

      clock.set('2028-02-22T04:00:00.000Z'); // 2028's window opens seven days before the 29th
      assert.equal((await summaryOf(api(), id)).birthday?.claimable, true);
      clock.set('2028-03-08T04:00:00.000Z'); // and closes seven days after it
      assert.equal((await summaryOf(api(), id)).birthday?.inWindow, false);
    });

    test('a shopper ahead of the program’s zone is inside the window from their own midnight', async () => {
      // 11:30 UTC on 3 October: 00:30 on the 4th in Auckland (UTC+13), 19:30 on the 3rd in Shanghai. The window of an
      // 11 October birthday opens on the 4th.
      clock.set('2027-10-03T11:30:00.000Z');
      const birthday = { month: 10, day: 11, calendar: 'gregorian' } as const;
      const auckland = await member({ birthday, timezone: 'Pacific/Auckland' });
      const shanghai = await member({ birthday });
      assert.equal((await summaryOf(api(), shanghai)).birthday?.inWindow, false);
      await expectProblem(await claimBirthday(api(), shanghai), 409, 'birthday_outside_window');
      await expectClaim(await claimBirthday(api(), auckland));
    });

    test('a shopper may change their birthday again exactly 365 days after setting it, not a moment before', async () => {
      clock.set('2027-04-01T04:00:00.000Z');
      const id = await member();
      await setBirthday(api(), id, { month: 6, day: 1, calendar: 'gregorian' });
      const changeAt = Date.parse('2027-04-01T04:00:00.000Z') + 365 * DAY_MS;
      clock.set(new Date(changeAt - 1));
      const refused = await expectProblem(
        await putBirthday(api(), id, { month: 6, day: 2, calendar: 'gregorian' }),
        409,
        'birthday_change_limited',
      );
      assert.match(refused.detail ?? '', /2028-03-31/, '365 days on, across 29 February 2028');
      clock.set(new Date(changeAt));
      assert.equal((await setBirthday(api(), id, { month: 6, day: 2, calendar: 'gregorian' })).day, 2);
    });
  });

  describe('birthday.upcoming', () => {
    test('a 29 February birthday is reminded seven days before the 28th in a common year', async () => {
      const id = await member({ birthday: { month: 2, day: 29, calendar: 'gregorian' } });
      await runAt('2029-02-20T04:00:00.000Z');
      assert.deepEqual(await eventsOf(id, 'birthday.upcoming'), [], 'eight days before: not yet');
      await runAt('2029-02-21T04:00:00.000Z');
      assert.deepEqual(await eventsOf(id, 'birthday.upcoming'), [
        { createdAt: '2029-02-21T04:00:00.000Z', data: { date: '2029-02-28', daysBefore: 7 } },
      ]);
    });

    test('a shopper two dates from the program, ahead or behind, is reminded on their own calendar', async () => {
      const setProgramZone = async (timezone: string) => {
        const res = await admin(api(), programSettingsPath, { method: 'PATCH', body: { timezone } });
        assert.equal(res.status, 200, await res.text());
      };
      try {
        // The program in UTC−12, the shopper in UTC+14: at 10:30 UTC on 10 June it is 22:30 on the 9th for the
        // program and 00:30 on the 11th for the shopper, whose 18 June birthday is seven days off that day.
        await setProgramZone('Etc/GMT+12');
        const ahead = await member({
          birthday: { month: 6, day: 18, calendar: 'gregorian' },
          timezone: 'Pacific/Kiritimati',
        });
        await runAt('2030-06-10T10:30:00.000Z');
        assert.deepEqual(await eventsOf(ahead, 'birthday.upcoming'), [
          { createdAt: '2030-06-10T10:30:00.000Z', data: { date: '2030-06-18', daysBefore: 7 } },
        ]);

        // The other way round, at the same moment it is 00:30 on the 11th for the program and 22:30 on the 9th for
        // a shopper whose birthday is that day: the reminder the scheduler did not send in time still goes, late.
        await setProgramZone('Pacific/Kiritimati');
        const behind = await member({ birthday: { month: 6, day: 9, calendar: 'gregorian' }, timezone: 'Etc/GMT+12' });
        await runAt('2031-06-10T10:30:00.000Z');
        assert.deepEqual(await eventsOf(behind, 'birthday.upcoming'), [
          { createdAt: '2031-06-10T10:30:00.000Z', data: { date: '2031-06-09', daysBefore: 0 } },
        ]);
      } finally {
        await setProgramZone('Asia/Shanghai');
      }
    });

    test('a 1 January birthday is reminded on 25 December, for the new year’s date', async () => {
      const id = await member({ birthday: { month: 1, day: 1, calendar: 'gregorian' } });
      await runAt('2029-12-25T04:00:00.000Z');
      await runAt('2029-12-26T04:00:00.000Z');
      assert.deepEqual(await eventsOf(id, 'birthday.upcoming'), [
        { createdAt: '2029-12-25T04:00:00.000Z', data: { date: '2030-01-01', daysBefore: 7 } },
      ]);
    });
  });
});
