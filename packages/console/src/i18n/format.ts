import type { Language } from './language.ts';

/** Numbers and dates in the console's language, through Intl. */
export function formatters(language: Language) {
  const number = new Intl.NumberFormat(language);
  const day = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    number: (value: number) => number.format(value),
    /** A plain date, `YYYY-MM-DD`. */
    date: (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`)),
    /** A calendar month, `YYYY-MM`. */
    month: (yearMonth: string) => month.format(new Date(`${yearMonth}-01T00:00:00Z`)),
  };
}

export type Formatters = ReturnType<typeof formatters>;
