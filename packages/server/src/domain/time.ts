/** Date arithmetic the domain shares. Pure functions: "now" is always passed in. */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date without a time or zone (Gregorian). */
export interface PlainDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a Gregorian month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `instant` plus `months` calendar months, counted in UTC; a day past the end of the target month
 * becomes its last day (31 January + 1 month = 28 or 29 February), as PostgreSQL does.
 */
export function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  result.setUTCDate(Math.min(day, daysInMonth(result.getUTCFullYear(), result.getUTCMonth() + 1)));
  return result;
}

/**
 * `instant` plus `months` calendar months on the wall clock of `timeZone`: the same time of day on the same day of the
 * month there, a day past the end of the target month becoming its last day; what a shopper's calendar says "N months
 * later" is.
 */
export function addMonthsIn(instant: Date, months: number, timeZone: string): Date {
  return onWallClock(instant, timeZone, (wallClock) => addMonths(wallClock, months));
}

/** `instant` plus `days` calendar days on the wall clock of `timeZone`: the same time of day there, summer time or not. */
export function addDaysIn(instant: Date, days: number, timeZone: string): Date {
  return onWallClock(instant, timeZone, (wallClock) => new Date(wallClock.getTime() + days * DAY_MS));
}

/**
 * Moves `instant`'s wall-clock time in `timeZone` (given to `move` as if it were UTC) and answers the instant of the
 * wall-clock time it moved to. A time that a change to summer time skips is read as the time that far past the change;
 * a time the end of summer time repeats, as its first occurrence.
 */
function onWallClock(instant: Date, timeZone: string, move: (wallClock: Date) => Date): Date {
  const wallClock = move(new Date(instant.getTime() + offsetAt(instant, timeZone))).getTime();
  // The zone's offsets a day either side: the ones under which the wall-clock time reads right (the larger, so the
  // earlier instant, if both do), else the offset before the change.
  const offsets = [offsetAt(new Date(wallClock - DAY_MS), timeZone), offsetAt(new Date(wallClock + DAY_MS), timeZone)];
  const fitting = offsets.filter((offset) => offsetAt(new Date(wallClock - offset), timeZone) === offset);
  return new Date(wallClock - Math.max(...(fitting.length > 0 ? fitting : offsets.slice(0, 1))));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The Gregorian date and time of day it is at `instant` in `timeZone` (an IANA name), to the second. */
function wallClockAt(instant: Date, timeZone: string): PlainDate & { hour: number; minute: number; second: number } {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The Gregorian date it is at `instant` in `timeZone` (an IANA name). */
export function localDate(instant: Date, timeZone: string): PlainDate {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return { year, month, day };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds (to the second). */
export function offsetAt(instant: Date, timeZone: string): number {
  const clock = wallClockAt(instant, timeZone);
  const local = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Days since 1970-01-01: plain dates compare and subtract as numbers. */
export function dayNumber(date: PlainDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function fromDayNumber(days: number): PlainDate {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The Monday of the week (Monday to Sunday) `date` falls in. */
export function mondayOf(date: PlainDate): PlainDate {
  return addDays(date, -((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7));
}

/** A `YYYY-MM-DD` text (already checked by the contract) as a plain date. */
export function parseDate(text: string): PlainDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** `YYYY-MM-DD`. */
export function formatDate(date: PlainDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
