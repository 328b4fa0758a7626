import * as z from 'zod/mini';

/** Text in several languages, keyed by BCP 47 tag (`en`, `zh-CN`, …). */
export const LocalizedText = z.record(z.string(), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A whole, non-negative number of points. */
export const Points = z.int().check(z.gte(0));

/** An identifier chosen by the merchant (customer id, tier id, …). */
export const Identifier = z.string().check(z.minLength(1), z.maxLength(128));

/** A whole, positive number of points. */
export const PositivePoints = z.int().check(z.gte(1));

/** A calendar date without a time or zone, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** An instant with its UTC offset, `2026-06-03T00:00:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name (`Asia/Shanghai`, `America/Los_Angeles`, `UTC`). */
export const TimeZone = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'Not a known IANA time zone.'));

/** An ISO 4217 currency code (`CNY`, `USD`). */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as CNY.'));

/** An amount of money in integer minor units of its currency (fen, cents): `{ amount: 12800, currency: 'CNY' }`. */
export const Money = z.object({
  amount: z.int().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000)),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;
