import { Lunar, LunarMonth, Solar } from 'lunar-typescript';
import type { Birthday } from '@loyalty-elements/contract';
import { dayNumber, fromDayNumber, isLeapYear, type PlainDate } from './time.ts';

/**
 * Birthdays without a clock: every function takes "today" (already in the customer's time zone).
 *
 * A birthday year `k` is the celebration of year `k`: the Gregorian year for a Gregorian birthday,
 * the lunar year for a lunar one (the 15th of the 8th month of lunar year 2026 is 2026-09-25; the
 * 20th of the 12th month of lunar year 2026 falls in February 2027). Lunar dates come from
 * `lunar-typescript`, built on the official tables — not from `Intl`'s Chinese calendar, which
 * disagrees with them on some days (the whole first month of 2027, for one).
 */

/** The Gregorian date on which `birthday` is celebrated in birthday year `year`. */
export function celebrationDate(birthday: Birthday, year: number): PlainDate {
  if (birthday.calendar === 'gregorian') {
    // 29 February is celebrated on 28 February in common years.
    const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
    return { year, month: birthday.month, day };
  }
  const key = `${year}-${birthday.month}-${birthday.day}`;
  let date = lunarCelebrations.get(key);
  if (date === undefined) {
    date = lunarToGregorian(year, birthday.month, birthday.day);
    if (lunarCelebrations.size >= LUNAR_CACHE_LIMIT) lunarCelebrations.clear();
    lunarCelebrations.set(key, date);
  }
  return { ...date };
}

// A lunar conversion walks lunar-typescript's tables and costs milliseconds; every summary of a shopper with a
// lunar birthday needs five. The answers never change, so they are kept (at most a few years' worth of dates).
const LUNAR_CACHE_LIMIT = 4096;
const lunarCelebrations = new Map<string, PlainDate>();

function lunarToGregorian(year: number, lunarMonth: number, lunarDay: number): PlainDate {
  const month = LunarMonth.fromYm(year, lunarMonth);
  if (month === null) throw new RangeError(`No lunar month ${lunarMonth} in lunar year ${year}`);
  // A 30th in a 29-day month is celebrated on the month's last day.
  const day = Math.min(lunarDay, month.getDayCount());
  const solar = Lunar.fromYmd(year, lunarMonth, day).getSolar();
  return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
}

/**
 * The lunar month and day of a Gregorian date, or null in a leap month (no birthday is celebrated in one: a lunar
 * birthday names a regular month).
 */
export function lunarMonthDay(date: PlainDate): { month: number; day: number } | null {
  const lunar = Solar.fromYmd(date.year, date.month, date.day).getLunar();
  const month = lunar.getMonth();
  return month < 0 ? null : { month, day: lunar.getDay() };
}

export interface BirthdayWindowRule {
  daysBefore: number;
  daysAfter: number;
}

export interface BirthdayStanding {
  /**
   * The current birthday year: the latest whose reward window has opened by today. Its reward is
   * "this year's" until the next window opens.
   */
  birthdayYear: number;
  /** The current birthday year's celebration date. */
  celebration: PlainDate;
  /** Today is inside the current birthday year's window (both ends included). */
  inWindow: boolean;
  /** The next celebration on or after today. */
  nextBirthday: PlainDate;
  /** The first day of the next reward window that opens after today. */
  nextWindowOpens: PlainDate;
}

export function birthdayStanding(birthday: Birthday, today: PlainDate, rule: BirthdayWindowRule): BirthdayStanding {
  const todayNumber = dayNumber(today);
  // Celebrations increase with the birthday year; five around today cover every window of up to a month.
  const celebrations = [-2, -1, 0, 1, 2].map((offset) => {
    const year = today.year + offset;
    const date = celebrationDate(birthday, year);
    return { year, date, day: dayNumber(date) };
  });
  const current = celebrations.filter((c) => c.day - rule.daysBefore <= todayNumber).at(-1);
  const next = celebrations.find((c) => c.day >= todayNumber);
  const nextWindow = celebrations.find((c) => c.day - rule.daysBefore > todayNumber);
  if (current === undefined || next === undefined || nextWindow === undefined) {
    throw new Error('No birthday around today');
  }
  return {
    birthdayYear: current.year,
    celebration: current.date,
    inWindow: todayNumber <= current.day + rule.daysAfter,
    nextBirthday: next.date,
    nextWindowOpens: fromDayNumber(nextWindow.day - rule.daysBefore),
  };
}

/** A customer may change their own birthday once per this many days after setting it. */
export const BIRTHDAY_CHANGE_INTERVAL_DAYS = 365;

/** After a change of date or calendar, no occurrence pays within this many days of the last one claimed. */
export const BIRTHDAY_REWARD_GAP_DAYS = 365;

export interface BirthdayRewardRule extends BirthdayWindowRule {
  /** A birthday the customer set fewer than this many days before an occurrence's window opens: it pays nothing. */
  noticeDays: number;
}

/** The latest claim of a customer: the occurrence it celebrated and the birthday it was claimed for. */
export interface LastBirthdayClaim {
  celebration: PlainDate;
  /** Null for a claim whose birthday is not known (made before claims recorded it, birthday since removed). */
  birthday: Birthday | null;
}

export interface BirthdayRewardStanding extends BirthdayStanding {
  /** The current birthday year's occurrence was claimed. */
  claimed: boolean;
  /** The occurrence at hand (the current one while its window is open, else the next) pays nothing. */
  heldBack: boolean;
  /** When held back: the celebration date of the first later occurrence that pays. */
  firstRewardBirthday: PlainDate | null;
}

export function sameBirthday(a: Birthday | null, b: Birthday): boolean {
  return a !== null && a.month === b.month && a.day === b.day && a.calendar === b.calendar;
}

/**
 * Which occurrences of `birthday` pay. An occurrence is its Gregorian celebration date, whatever the
 * calendar: a lunar and a Gregorian birthday celebrated on the same day are the same occurrence.
 * - Claimed: the last claim celebrated it (or, for an unchanged birthday, a later or the same date).
 * - Held back by the notice: the customer set the birthday (on `noticeFrom`, in their time zone; null
 *   when the merchant did) fewer than `noticeDays` days before the occurrence's window opens.
 * - Held back by a change: the birthday differs from the one last claimed, and the occurrence is
 *   fewer than 365 days after the last claimed celebration date. An unchanged birthday pays every
 *   occurrence once (lunar years are shorter than 365 days).
 */
export function birthdayRewardStanding(
  birthday: Birthday,
  today: PlainDate,
  rule: BirthdayRewardRule,
  noticeFrom: PlainDate | null,
  lastClaim: LastBirthdayClaim | null,
): BirthdayRewardStanding {
  const standing = birthdayStanding(birthday, today, rule);
  const lastDay = lastClaim === null ? null : dayNumber(lastClaim.celebration);
  const changed = lastClaim !== null && !sameBirthday(lastClaim.birthday, birthday);
  const isClaimed = (day: number) => lastDay !== null && (changed ? day === lastDay : day <= lastDay);
  const isHeld = (day: number) => {
    const opens = day - rule.daysBefore;
    if (noticeFrom !== null && Math.max(0, opens - dayNumber(noticeFrom)) < rule.noticeDays) return true;
    return changed && lastDay !== null && day < lastDay + BIRTHDAY_REWARD_GAP_DAYS;
  };

  const currentDay = dayNumber(standing.celebration);
  const todayNumber = dayNumber(today);
  // The occurrence at hand: the current one until its window closes, then the next.
  let year = todayNumber <= currentDay + rule.daysAfter ? standing.birthdayYear : standing.birthdayYear + 1;
  let day = dayNumber(celebrationDate(birthday, year));
  const heldBack = !isClaimed(day) && isHeld(day);
  let firstRewardBirthday: PlainDate | null = null;
  if (heldBack) {
    // The notice and the gap each reach at most a year ahead: a few occurrences on, one pays.
    do {
      year += 1;
      day = dayNumber(celebrationDate(birthday, year));
    } while (isHeld(day) || isClaimed(day));
    firstRewardBirthday = fromDayNumber(day);
  }
  return { ...standing, claimed: isClaimed(currentDay), heldBack, firstRewardBirthday };
}
