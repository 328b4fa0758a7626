import type { LocalizedText } from '@loyalty-elements/contract';
import { en, type Strings } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Language = 'en' | 'zh-CN';

/** The languages offered, each named in itself. */
export const LANGUAGES: ReadonlyArray<{ tag: Language; name: string }> = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-CN', name: '简体中文' },
];

const STRINGS: Record<Language, Strings> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'loyalty-console-language';

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** The language chosen before, else the browser's first that the console speaks, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** A merchant's text in the language, else in English, else in any language it has. */
export function localized(text: LocalizedText, language: Language): string {
  return text[language] ?? text[language.split('-')[0]!] ?? text.en ?? Object.values(text)[0] ?? '';
}
