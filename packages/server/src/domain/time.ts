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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The Gregorian date it is at `instant` in `timeZone` (an IANA name). */
export function localDate(instant: Date, timeZone: string): PlainDate {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
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
