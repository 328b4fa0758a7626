import * as z from 'zod/mini';

/** A NUL character, or a UTF-16 surrogate without its pair. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for.
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for text no database can store as UTF-8: with a NUL character or an unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

/**
 * Text a person or a merchant wrote (a name, a reason, an answer, an id): any Unicode but NUL and unpaired
 * surrogates, which are refused with a message naming the field. Every string a request carries is one;
 * add length checks with `.check(z.maxLength(n))`.
 */
export const UserText = z
  .string()
  .check(z.refine(isStorableText, 'Text may not contain a NUL character (U+0000) or an unpaired surrogate.'));

/** Text in several languages, keyed by BCP 47 tag (`en`, `zh-CN`, …). */
export const LocalizedText = z.record(UserText, UserText);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A whole, non-negative number of points. */
export const Points = z.int().check(z.gte(0));

/** An identifier chosen by the merchant (customer id, tier id, …). */
export const Identifier = UserText.check(z.minLength(1), z.maxLength(128));

/** The largest value of a PostgreSQL `integer` column (version numbers, day counts). */
export const MAX_INT4 = 2_147_483_647;

/** A whole, positive number of points. */
export const PositivePoints = z.int().check(z.gte(1));

/** A calendar date without a time or zone, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** The instants the API stores and writes back: from 1900 to the end of 9999, in UTC. */
export const EARLIEST_INSTANT_MS = Date.UTC(1900, 0, 1);
export const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * An instant with its UTC offset, `2026-06-03T00:00:00.000Z`, from 1900 to the end of 9999 once in UTC: the text
 * alone allows years 0000–0099 (which PostgreSQL reads as other years, or not at all) and offsets that carry
 * 9999-12-31 into year 10000, which `toISOString()` writes in a form no instant here matches.
 */
export const IsoDateTime = z.iso.datetime({ offset: true }).check(
  z.refine((text) => {
    const ms = Date.parse(text);
    // Text that is no instant at all is the format's to report.
    return Number.isNaN(ms) || (ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS);
  }, 'An instant from 1900 to the end of 9999 (UTC).'),
);

/** Zones already checked: every response carries one, and building a formatter per check is costly. */
const checkedTimeZones = new Map<string, boolean>();
const MAX_CHECKED_TIME_ZONES = 256;

/**
 * The zones the runtime lists, read on the first check. Looking a name up there costs a few milliseconds once, where
 * the first formatter built for a zone loads its time-zone data: tens of milliseconds of a browser's main thread.
 */
let listedTimeZones: ReadonlySet<string> | undefined;

function isTimeZone(value: string): boolean {
  listedTimeZones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  // The list leaves out aliases and `UTC`, which a formatter accepts: those are checked by building one.
  if (listedTimeZones.has(value)) return true;
  let known = checkedTimeZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (checkedTimeZones.size >= MAX_CHECKED_TIME_ZONES) checkedTimeZones.clear();
    checkedTimeZones.set(value, known);
  }
  return known;
}

/** An IANA time zone name (`Asia/Shanghai`, `America/Los_Angeles`, `UTC`). */
export const TimeZone = /* @__PURE__ */ z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'Not a known IANA time zone.'));

/**
 * A time zone name as a response carries it: shaped like an IANA name, which the server checked when it was set.
 * It is not looked up again in the browser: that costs milliseconds of a page's main thread, and a browser whose
 * time-zone data lacks a newer zone should still show the rest (dates then fall back to the browser's zone).
 */
export const TimeZoneName = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'Not a time zone name.'),
  );

/** An ISO 4217 currency code (`CNY`, `USD`). */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as CNY.'));

/** An amount of money in integer minor units of its currency (fen, cents): `{ amount: 12800, currency: 'CNY' }`. */
export const Money = z.object({
  amount: z.int().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000)),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/**
 * The query fields of a cursor-paged list: `limit`, items per page from 1 to `maxLimit` (a query string's text, read
 * as a number), and `cursor`, the opaque `nextCursor` of the previous page.
 */
export function cursorPaging(maxLimit: number) {
  return {
    limit: z.optional(z.coerce.number().check(z.multipleOf(1), z.gte(1), z.lte(maxLimit))),
    cursor: z.optional(UserText.check(z.minLength(1), z.maxLength(400))),
  };
}
