import type { Language } from '../../i18n/language.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Ages and moments of follow-ups in the console's language, through Intl. */
export function recoveryFormatters(language: Language) {
  const unit = (name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
  const minutes = unit('minute');
  const hours = unit('hour');
  const days = unit('day');
  const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    /** How long ago `iso` was, in its largest whole unit: "40 min", "3 hr", "2 days". */
    age(iso: string, now: number = Date.now()): string {
      const elapsed = Math.max(0, now - Date.parse(iso));
      if (elapsed < HOUR_MS) return minutes.format(Math.floor(elapsed / MINUTE_MS));
      if (elapsed < 2 * DAY_MS) return hours.format(Math.floor(elapsed / HOUR_MS));
      return days.format(Math.floor(elapsed / DAY_MS));
    },
    /** A date and time in the browser's time zone. */
    moment: (iso: string) => moment.format(new Date(iso)),
  };
}

export type RecoveryFormatters = ReturnType<typeof recoveryFormatters>;
