import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.ts';
import type { Language } from '../i18n/language.ts';
import type { ColorScheme } from '../shell/color-scheme.ts';
import './overview/overview-page.ts';
import './feedback/feedback-page.ts';
import './recovery/recovery-page.ts';
import './exits/exits-page.ts';
import './customers/customers-page.ts';

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
    path: 'feedback',
    label: (strings) => strings.nav.feedback,
    render: ({ language, scheme }) =>
      html`<console-feedback-page .language=${language} .scheme=${scheme}></console-feedback-page>`,
  },
  {
    path: 'recovery',
    label: (strings) => strings.nav.recovery,
    render: ({ language, scheme }) =>
      html`<console-recovery-page .language=${language} .scheme=${scheme}></console-recovery-page>`,
  },
  {
    path: 'exits',
    label: (strings) => strings.nav.exits,
    render: ({ language, scheme }) =>
      html`<console-exits-page .language=${language} .scheme=${scheme}></console-exits-page>`,
  },
  {
    path: 'customers',
    label: (strings) => strings.nav.customers,
    render: ({ language, scheme }) =>
      html`<console-customers-page .language=${language} .scheme=${scheme}></console-customers-page>`,
  },
  {
    path: 'program',
    label: (strings) => strings.nav.program,
    // Its forms, schemas and live preview are chunks of their own: the element upgrades when its module arrives.
    render: ({ language, scheme }) => {
      void import('./program/program-page.ts');
      return html`<console-program-page .language=${language} .scheme=${scheme}></console-program-page>`;
    },
  },
];
