import type { LocalizedText } from '@loyalty-elements/contract';
import { LANGUAGES } from '../../i18n/language.ts';

/** The languages a merchant's text is edited in: the console's own. */
export const EDITED_LANGUAGES = LANGUAGES;

/** The text without its blank languages (a box left empty says nothing in that language). */
export function withoutBlanks(text: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => value.trim() !== ''));
}

/** A list of texts (a tier's benefits) as the lines of one language. */
export function linesOf(list: readonly LocalizedText[], language: string): string {
  return list.map((text) => text[language] ?? '').join('\n');
}

/**
 * The list with one language's lines replaced by `lines` (line n is entry n in that language). Blank lines stay
 * while typing; `withoutBlankEntries` drops them when saving.
 */
export function textOfLines(list: readonly LocalizedText[], language: string, lines: string): LocalizedText[] {
  const typed = lines.split('\n');
  const length = Math.max(list.length, typed.length);
  return Array.from({ length }, (_, i) => ({ ...list[i], [language]: typed[i] ?? '' }));
}

/** The list without blank languages and without entries left blank in every language. */
export function withoutBlankEntries(list: readonly LocalizedText[]): LocalizedText[] {
  return list.map(withoutBlanks).filter((text) => Object.keys(text).length > 0);
}
