import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.ts';
import type { Language } from '../i18n/language.ts';
import type { ColorScheme } from '../shell/color-scheme.ts';
import './overview/overview-page.ts';
import './exits/exits-page.ts';

/** What the shell tells every page: the language and the colour scheme in use. */
export interface PageView {
  language: Language;
  scheme: ColorScheme;
}

/** A page of the console: its address under /console/, its name in the navigation, and what it renders. */
export interface ConsolePage {
  path: string;
  label: (strings: Strings) => string;
  render: (view: PageView) => TemplateResult;
}

/** The console's pages, in the navigation's order; the first is where it opens. Each is one module of its own. */
export const PAGES: readonly ConsolePage[] = [
  {
    path: 'overview',
    label: (strings) => strings.nav.overview,
    render: ({ language, scheme }) =>
      html`<console-overview-page .language=${language} .scheme=${scheme}></console-overview-page>`,
  },
  {
    path: 'exits',
    label: (strings) => strings.nav.exits,
    render: ({ language, scheme }) =>
      html`<console-exits-page .language=${language} .scheme=${scheme}></console-exits-page>`,
  },
];
