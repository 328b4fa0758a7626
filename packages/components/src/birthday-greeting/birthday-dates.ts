import { html, nothing, type TemplateResult } from 'lit';
import type { BirthdayRequest } from '@loyalty-elements/sdk';
import { chineseLunarDate, type BirthdayGreetingStrings } from './birthday-greeting.strings.ts';

export type Calendar = BirthdayRequest['calendar'];

/** Longest day of each Gregorian month (29 February is a birthday too). */
const GREGORIAN_MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Lunar months have 29 or 30 days; a 30th in a short month is celebrated on the 29th. */
const LUNAR_MAX_DAY = 30;

export const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/** The days a birthday can fall on in `month` of `calendar` (any month's when none is picked yet). */
export function daysIn(calendar: Calendar, month: number | null): number {
  if (calendar === 'chinese-lunar') return LUNAR_MAX_DAY;
  return month ? (GREGORIAN_MAX_DAY[month - 1] ?? 31) : 31;
}

/** A Gregorian month's name in `locale`: "September" / "9月". */
export function gregorianMonthName(month: number, locale: string, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** A Gregorian birthday as a plain `YYYY-MM-DD` date in a leap year (so 29 February exists). */
export function leapYearDate(month: number, day: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `2000-${pad(month)}-${pad(day)}`;
}

/**
 * A plain `YYYY-MM-DD` date as "September 15" / "9月15日". Read and formatted in UTC, so the day
 * never shifts with the browser's time zone.
 */
export function formatIsoDate(iso: string, locale: string): string {
  return formatUtc(iso, locale, { month: 'long', day: 'numeric' });
}

/** A plain `YYYY-MM-DD` date with its year, "March 15, 2027" / "2027年3月15日"; the day never shifts (UTC). */
export function formatIsoDateWithYear(iso: string, locale: string): string {
  return formatUtc(iso, locale, { year: 'numeric', month: 'long', day: 'numeric' });
}

function formatUtc(iso: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const [year = 2000, month = 1, day = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** The birthday itself in words: "September 15" / "9月15日", or "8th lunar month, day 15" / "八月十五". */
export function birthdayText(s: BirthdayGreetingStrings, locale: string, birthday: BirthdayRequest): string {
  if (birthday.calendar === 'chinese-lunar') return s.lunarDate(birthday.month, birthday.day);
  return formatIsoDate(leapYearDate(birthday.month, birthday.day), locale);
}

/** In English, a lunar date is followed by its Chinese name in its own `lang`: "(农历八月十五)". */
export function lunarAside(s: BirthdayGreetingStrings, birthday: BirthdayRequest): TemplateResult | typeof nothing {
  if (birthday.calendar !== 'chinese-lunar' || !s.explainLunar) return nothing;
  return html` (<span lang="zh-CN">${chineseLunarDate(birthday.month, birthday.day)}</span>)`;
}
