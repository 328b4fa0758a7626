import type { LocalizedText } from '@loyalty-elements/sdk';
import { en, type Translation } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** The locales the elements ship strings for. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type LoyaltyLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: LoyaltyLocale = 'en';

const translations: Record<LoyaltyLocale, Translation> = { en, 'zh-CN': zhCN };

/**
 * A widget's own strings, in every supported locale. The English table's type is the shape every
 * other locale must fill, so a missing string is a type error:
 * `const strings = { en, 'zh-CN': zhCN } satisfies StringTable<typeof en>`.
 */
export type StringTable<T> = Readonly<Record<LoyaltyLocale, T>>;

/** The string table for a supported locale. */
export function getTranslation(locale: LoyaltyLocale): Translation {
  return translations[locale];
}

/**
 * Maps any BCP 47 tag to a supported locale: Simplified Chinese (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-SG`, `zh-Hans-*`) → `zh-CN`; everything else (Traditional Chinese included, for now) → `en`.
 */
export function normalizeLocale(tag: string | null | undefined): LoyaltyLocale {
  const subtags = (tag ?? '').trim().replace(/_/g, '-').toLowerCase().split('-');
  if (subtags[0] !== 'zh') return DEFAULT_LOCALE;
  const rest = subtags.slice(1);
  if (rest.includes('hant')) return DEFAULT_LOCALE;
  if (rest.length === 0 || rest.includes('hans') || rest[0] === 'cn' || rest[0] === 'sg') return 'zh-CN';
  return DEFAULT_LOCALE;
}

/** The nearest non-empty `lang`, from `element` itself up through its ancestors and shadow hosts. */
export function closestLang(element: Element): string | undefined {
  // A server's DOM shim (Lit SSR) has attributes but no tree.
  if (typeof element.closest !== 'function') return element.getAttribute('lang')?.trim() || undefined;
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) {
      const value = found.getAttribute('lang')?.trim();
      if (value) return value;
      node = found.parentElement ?? hostOf(found);
      continue;
    }
    node = hostOf(node);
  }
  return undefined;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root.host : null;
}

/**
 * The language an element should speak: its own `lang`, else the closest ancestor's `lang`, else
 * `document.documentElement.lang`, else `navigator.language`; then normalized to a supported locale.
 */
export function resolveLocale(element?: Element | null): LoyaltyLocale {
  const tag =
    (element ? closestLang(element) : undefined) ||
    (typeof document !== 'undefined' ? (document.documentElement?.lang.trim() ?? '') : '') ||
    (typeof navigator !== 'undefined' ? navigator.language : '') ||
    DEFAULT_LOCALE;
  return normalizeLocale(tag);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Locales whose integers below 1,000 are their plain Latin digits (no numbering system asked for with `-u-`). */
const PLAIN_SMALL_INTEGERS = /^(en|zh)(-(?!u-)[a-z0-9]+)*$/i;

/**
 * Formats a number for a locale (`2900` → `"2,900"`), reusing one `Intl.NumberFormat` per locale. Integers below
 * 1,000 in English and Chinese are written without one: a page's first number formatter loads ICU's number data,
 * tens of milliseconds of main thread, which a survey's 0–10 scale never needs.
 */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  if (!options && Number.isInteger(value) && Math.abs(value) < 1000 && !Object.is(value, -0)) {
    if (PLAIN_SMALL_INTEGERS.test(locale)) return String(value);
  }
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant for a locale (`2027-06-03T04:00:00Z` → "Jun 3, 2027" / "2027年6月3日"), by default as a
 * medium date. Pass the customer's `timeZone` so the day is theirs, not the browser's.
 */
export function formatDate(
  value: Date | string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = dateFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A formatter for `options`; in the browser's own zone when its time-zone data does not know `options.timeZone`. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch (error) {
    if (!(error instanceof RangeError) || options.timeZone === undefined) throw error;
    const { timeZone: _unknown, ...inBrowserZone } = options;
    return new Intl.DateTimeFormat(locale, inBrowserZone);
  }
}

/**
 * Picks the text for `locale` from API text in several languages: the exact tag (any case), then
 * the same language (`zh` for `zh-CN`, or another `zh-*`), then English, then whatever comes first.
 */
export function pickLocalized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return '';
  const entries = Object.entries(text);
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const lower = (key: string) => key.toLowerCase();
  const found =
    entries.find(([key]) => lower(key) === wanted) ??
    entries.find(([key]) => lower(key) === language) ??
    entries.find(([key]) => lower(key).split('-')[0] === language) ??
    entries.find(([key]) => lower(key) === 'en') ??
    entries.find(([key]) => lower(key).startsWith('en-')) ??
    entries[0];
  return found?.[1] ?? '';
}
