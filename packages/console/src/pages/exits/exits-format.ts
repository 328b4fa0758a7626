import type { Language } from '../../i18n/language.ts';

const DAY_MS = 86_400_000;

/** The shares and relative times of the Exits page in the console's language, through Intl. */
export function exitsFormatters(language: Language) {
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return {
    /** A share, 0.125 as "12.5%". */
    percent: (share: number) => percent.format(share),
    /** How long before `now` an instant was, in days, months or years ("3 months ago"). */
    ago: (instant: string, now: Date) => {
      const days = Math.round((now.getTime() - Date.parse(instant)) / DAY_MS);
      if (days < 60) return relative.format(-days, 'day');
      if (days < 730) return relative.format(-Math.round(days / 30.44), 'month');
      return relative.format(-Math.round(days / 365.25), 'year');
    },
  };
}

/** The `count` calendar months up to the one `now` is in (UTC), oldest first, as `YYYY-MM`. */
export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}
