import * as z from 'zod/mini';
import { IsoDate } from './primitives.ts';
import { LedgerEntry } from './points.ts';

/** `gregorian`, or `chinese-lunar` (the official Chinese calendar: 农历). */
export const BirthdayCalendar = z.enum(['gregorian', 'chinese-lunar']);
export type BirthdayCalendar = z.infer<typeof BirthdayCalendar>;

/** Longest day of each month: 29 February is a birthday (celebrated on 28 February in common years). */
const GREGORIAN_MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Lunar months have 29 or 30 days; a 30th in a 29-day month is celebrated on the 29th. */
const LUNAR_MAX_DAY = 30;

const birthdayFields = {
  month: z.int().check(z.gte(1), z.lte(12)),
  day: z.int().check(z.gte(1), z.lte(31)),
  calendar: BirthdayCalendar,
};

function dayExists(value: { month: number; day: number; calendar: BirthdayCalendar }): boolean {
  const max = value.calendar === 'gregorian' ? (GREGORIAN_MAX_DAY[value.month - 1] ?? 31) : LUNAR_MAX_DAY;
  return value.day <= max;
}

/**
 * A birthday as month and day, no year. Lunar birthdays name a regular lunar month (a birthday in a
 * leap month is celebrated in the regular month of the same number).
 */
export const Birthday = z
  .object(birthdayFields)
  .check(z.refine(dayExists, { message: 'That month has no such day.', path: ['day'] }));
export type Birthday = z.infer<typeof Birthday>;

/**
 * Body of `PUT /v1/me/birthday`. Changing a birthday is allowed once per 365 days after it is first set.
 * A birthday set fewer than the program's `noticeDays` before its reward window opens pays from the next one.
 */
export const BirthdayRequest = Birthday;
export type BirthdayRequest = z.infer<typeof BirthdayRequest>;

/**
 * The customer's birthday and reward state, in their time zone. A "birthday year" starts when a
 * birthday's reward window opens; the reward can be claimed once per occurrence of the birthday (its
 * celebration date). A birthday the customer set shortly before a window opens pays from a later
 * occurrence (`firstRewardBirthday`), and after a change of date or calendar no occurrence pays within
 * 365 days of the last one claimed.
 */
export const BirthdayStatus = z.object({
  ...birthdayFields,
  /** Today (in the customer's time zone) is inside this birthday year's reward window. */
  inWindow: z.boolean(),
  /**
   * The reward can be claimed now: inside the window, not yet claimed, not held back (see
   * `firstRewardBirthday`), and the program has a reward.
   */
  claimable: z.boolean(),
  /** The reward of the current birthday year was already claimed. */
  claimedThisYear: z.boolean(),
  /** The next celebration on or after today, as a Gregorian date (lunar birthdays resolved). */
  nextBirthday: IsoDate,
  /**
   * When the birthday at hand (the one whose window is open, else the next) pays nothing because the
   * birthday was set or changed too recently: the celebration date (Gregorian) of the first birthday that
   * will pay. Null when nothing is held back. Absent from an API that predates it.
   */
  firstRewardBirthday: z.optional(z.nullable(IsoDate)),
});
export type BirthdayStatus = z.infer<typeof BirthdayStatus>;

/** Response of `POST /v1/me/birthday/claim` (also when an idempotency key is replayed). */
export const BirthdayClaimResult = z.object({
  /** The `birthday_bonus` ledger entry. */
  entry: LedgerEntry,
  /** The spendable balance after the bonus. */
  balance: z.int().check(z.gte(0)),
  /**
   * The birthday year claimed: the Gregorian year of a Gregorian birthday, the lunar year of a lunar one.
   * A label only: a claim is unique by the occurrence's celebration date, not by this number.
   */
  birthdayYear: z.int(),
});
export type BirthdayClaimResult = z.infer<typeof BirthdayClaimResult>;
