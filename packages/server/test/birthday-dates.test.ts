import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Birthday } from '@loyalty-elements/contract';
import { birthdayStanding, celebrationDate } from '../src/domain/birthday.ts';
import { formatDate, localDate } from '../src/domain/time.ts';

// Pure functions with "now" and the time zone passed in: no server, no global clock.

const lunar = (month: number, day: number): Birthday => ({ month, day, calendar: 'chinese-lunar' });
const gregorian = (month: number, day: number): Birthday => ({ month, day, calendar: 'gregorian' });
const date = (text: string) => {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};
const celebrated = (birthday: Birthday, year: number) => formatDate(celebrationDate(birthday, year));

describe('lunar birthdays resolve to the published Gregorian dates', () => {
  const published: Array<[string, Birthday, number, string]> = [
    ['农历正月初一 (Spring Festival) 2027', lunar(1, 1), 2027, '2027-02-06'],
    ['农历正月初一 2026', lunar(1, 1), 2026, '2026-02-17'],
    ['农历正月初一 2025', lunar(1, 1), 2025, '2025-01-29'],
    ['农历正月初一 2024', lunar(1, 1), 2024, '2024-02-10'],
    ['农历八月十五 (Mid-Autumn) 2026', lunar(8, 15), 2026, '2026-09-25'],
    ['农历八月十五 2025', lunar(8, 15), 2025, '2025-10-06'],
    ['农历八月十五 2024', lunar(8, 15), 2024, '2024-09-17'],
    ['农历五月初五 (Dragon Boat) 2026', lunar(5, 5), 2026, '2026-06-19'],
    // Lunar year 2026's twelfth month falls in January and February 2027.
    ['农历腊月二十 of lunar year 2026', lunar(12, 20), 2026, '2027-01-27'],
  ];
  for (const [name, birthday, year, expected] of published) {
    test(name, () => assert.equal(celebrated(birthday, year), expected));
  }

  test("a date handed out is the caller's own: changing it does not change the next answer", () => {
    const first = celebrationDate(lunar(8, 15), 2026);
    first.day = 1;
    assert.equal(celebrated(lunar(8, 15), 2026), '2026-09-25');
  });

  test('the first lunar month of 2027 is right where Intl is not (official tables, not ICU)', () => {
    // Every day of 正月 2027 from the official calendar: 初一 2027-02-06 … 廿九 2027-03-06.
    assert.equal(celebrated(lunar(1, 2), 2027), '2027-02-07');
    assert.equal(celebrated(lunar(1, 15), 2027), '2027-02-20');
    assert.equal(celebrated(lunar(1, 29), 2027), '2027-03-06');
  });

  test('a 30th in a 29-day month is celebrated on the 29th (除夕)', () => {
    // The twelfth months of lunar 2025 and 2026 have 29 days; New Year's Eve is their 29th.
    assert.equal(celebrated(lunar(12, 30), 2025), '2026-02-16');
    assert.equal(celebrated(lunar(12, 30), 2026), '2027-02-05');
  });
});

describe('29 February', () => {
  test('is celebrated on 28 February in common years and on the day in leap years', () => {
    assert.equal(celebrated(gregorian(2, 29), 2026), '2026-02-28');
    assert.equal(celebrated(gregorian(2, 29), 2027), '2027-02-28');
    assert.equal(celebrated(gregorian(2, 29), 2028), '2028-02-29');
  });

  test('the birthday window follows the celebration day', () => {
    const noSlack = { daysBefore: 0, daysAfter: 0 };
    assert.equal(birthdayStanding(gregorian(2, 29), date('2027-02-28'), noSlack).inWindow, true);
    assert.equal(birthdayStanding(gregorian(2, 29), date('2027-03-01'), noSlack).inWindow, false);
    assert.equal(birthdayStanding(gregorian(2, 29), date('2028-02-28'), noSlack).inWindow, false);
    assert.equal(birthdayStanding(gregorian(2, 29), date('2028-02-29'), noSlack).inWindow, true);
    assert.equal(
      formatDate(birthdayStanding(gregorian(2, 29), date('2026-03-01'), noSlack).nextBirthday),
      '2027-02-28',
    );
    assert.equal(
      formatDate(birthdayStanding(gregorian(2, 29), date('2027-03-01'), noSlack).nextBirthday),
      '2028-02-29',
    );
  });
});

describe('the birthday window in the customer time zone', () => {
  const midAutumn = lunar(8, 15); // 2026-09-25
  const today = (iso: string, timeZone: string) => localDate(new Date(iso), timeZone);
  const noSlack = { daysBefore: 0, daysAfter: 0 };

  test('local dates around midnight differ between Shanghai and Los Angeles', () => {
    assert.deepEqual(today('2026-09-24T16:30:00Z', 'Asia/Shanghai'), date('2026-09-25'));
    assert.deepEqual(today('2026-09-24T16:30:00Z', 'America/Los_Angeles'), date('2026-09-24'));
    assert.deepEqual(today('2026-09-25T06:59:00Z', 'America/Los_Angeles'), date('2026-09-24'));
    assert.deepEqual(today('2026-09-25T07:00:00Z', 'America/Los_Angeles'), date('2026-09-25'));
  });

  test('opens at local midnight: Shanghai is already inside when Los Angeles is not', () => {
    const instant = '2026-09-24T16:30:00Z'; // 00:30 on the 25th in Shanghai, 09:30 on the 24th in Los Angeles
    assert.equal(birthdayStanding(midAutumn, today(instant, 'Asia/Shanghai'), noSlack).inWindow, true);
    const la = birthdayStanding(midAutumn, today(instant, 'America/Los_Angeles'), noSlack);
    assert.equal(la.inWindow, false);
    assert.equal(formatDate(la.nextBirthday), '2026-09-25');
  });

  test('closes at local midnight: Los Angeles is still inside when Shanghai is not', () => {
    const instant = '2026-09-25T16:30:00Z'; // 00:30 on the 26th in Shanghai, 09:30 on the 25th in Los Angeles
    assert.equal(birthdayStanding(midAutumn, today(instant, 'Asia/Shanghai'), noSlack).inWindow, false);
    assert.equal(birthdayStanding(midAutumn, today(instant, 'America/Los_Angeles'), noSlack).inWindow, true);
  });

  test('days before and after are inclusive', () => {
    const week = { daysBefore: 7, daysAfter: 7 };
    assert.equal(birthdayStanding(midAutumn, date('2026-09-17'), week).inWindow, false);
    assert.equal(birthdayStanding(midAutumn, date('2026-09-18'), week).inWindow, true);
    assert.equal(birthdayStanding(midAutumn, date('2026-10-02'), week).inWindow, true);
    assert.equal(birthdayStanding(midAutumn, date('2026-10-03'), week).inWindow, false);
  });
});

describe('the birthday year', () => {
  const week = { daysBefore: 7, daysAfter: 7 };

  test('starts when a window opens and lasts until the next one opens, across New Year', () => {
    const newYearsEve = gregorian(12, 30);
    const early = birthdayStanding(newYearsEve, date('2027-01-03'), week);
    assert.deepEqual([early.birthdayYear, early.inWindow], [2026, true]);
    const spring = birthdayStanding(newYearsEve, date('2027-03-01'), week);
    assert.deepEqual(
      [spring.birthdayYear, spring.inWindow, formatDate(spring.nextBirthday)],
      [2026, false, '2027-12-30'],
    );
    assert.equal(formatDate(spring.nextWindowOpens), '2027-12-23');
    const next = birthdayStanding(newYearsEve, date('2027-12-23'), week);
    assert.deepEqual([next.birthdayYear, next.inWindow], [2027, true]);
  });

  test('is the lunar year for a lunar birthday', () => {
    // 腊月二十 of lunar year 2026 is 2027-01-27.
    const standing = birthdayStanding(lunar(12, 20), date('2027-01-27'), week);
    assert.deepEqual(
      [standing.birthdayYear, standing.inWindow, formatDate(standing.celebration)],
      [2026, true, '2027-01-27'],
    );
  });
});
