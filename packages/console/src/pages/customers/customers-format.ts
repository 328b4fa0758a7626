import type { Birthday } from '@loyalty-elements/contract';
import type { Language } from '../../i18n/language.ts';

/** The Customers page's numbers, instants, birthdays and amounts of money in the console's language, through Intl. */
export function customerFormatters(language: Language) {
  const number = new Intl.NumberFormat(language);
  const signed = new Intl.NumberFormat(language, { signDisplay: 'exceptZero' });
  const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const monthDay = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const languageNames = new Intl.DisplayNames(language, { type: 'language' });
  return {
    /** A language tag by its name ("Chinese (China)"), or the tag itself when Intl does not know it. */
    language: (tag: string) => {
      try {
        return languageNames.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    number: (value: number) => number.format(value),
    /** Points with their sign: `+25`, `−30`. */
    signed: (value: number) => signed.format(value),
    instant: (iso: string) => instant.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
    /** A birthday's month and day (its calendar is told apart by the caller). */
    birthday: (birthday: Birthday) => monthDay.format(Date.UTC(2000, birthday.month - 1, birthday.day)),
    /** An amount in minor units of `currency`, as money. */
    money: (minorUnits: number, currency: string) => {
      const format = new Intl.NumberFormat(language, { style: 'currency', currency });
      return format.format(minorUnits / 10 ** minorDigits(currency));
    },
  };
}

export type CustomerFormatters = ReturnType<typeof customerFormatters>;

/** How many decimal places the currency's minor unit has (CNY 2, JPY 0), as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * An amount typed in major units ("12.5", "1,012.50", as the console's languages write numbers: commas group
 * thousands, a point starts the decimals) as minor units of a currency with `digits` decimal places (1250), or null
 * when it is not a positive amount with at most that many decimals.
 */
export function toMinorUnits(typed: string, digits: number): number | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(typed.trim());
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]!.replaceAll(',', '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}
