import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LocalizedText } from '@loyalty-elements/sdk';
import type { Translation } from '../locales/en.ts';
import {
  DEFAULT_LOCALE,
  formatDate,
  formatNumber,
  getTranslation,
  normalizeLocale,
  pickLocalized,
  resolveLocale,
  type LoyaltyLocale,
  type StringTable,
} from '../locales/locales.ts';

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole document (any `lang` attribute in the light DOM, `<html lang>`
// included) and the browser's language, shared by every connected controller.
const watchers = new Set<LocaleController>();
let documentObserver: MutationObserver | undefined;

function notifyAll(): void {
  for (const watcher of watchers) watcher.refresh();
}

function watch(controller: LocaleController): void {
  // A server (Lit SSR, even with a global DOM shim) has no document to watch, nor languages that change.
  if (isServer) return;
  watchers.add(controller);
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(notifyAll);
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  window.addEventListener('languagechange', notifyAll);
}

function unwatch(controller: LocaleController): void {
  watchers.delete(controller);
  if (watchers.size > 0 || !documentObserver) return;
  documentObserver.disconnect();
  documentObserver = undefined;
  window.removeEventListener('languagechange', notifyAll);
}

/**
 * Resolves the host's locale (its `lang`, an ancestor's, the document's, the browser's) and
 * re-renders the host when any of them changes. Gives the host its strings and number formatting.
 */
export class LocaleController implements ReactiveController {
  readonly #host: Host;
  #locale: LoyaltyLocale;
  // Sees the host's own `lang` even when the host lives in another component's shadow root.
  #hostObserver: MutationObserver | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#locale = resolveLocale(host);
    host.addController(this);
  }

  /**
   * The resolved locale: `en` or `zh-CN`. While the host renders what a server can know (see
   * `LoyaltyElement.serverRendering`), only its own `lang`: a server sees no ancestors and no browser.
   */
  get locale(): LoyaltyLocale {
    if ((this.#host as Host & { serverRendering?: boolean }).serverRendering) {
      return normalizeLocale(this.#host.getAttribute('lang')?.trim() || DEFAULT_LOCALE);
    }
    return this.#locale;
  }

  /** The string table for the resolved locale. */
  get t(): Translation {
    return getTranslation(this.locale);
  }

  /** A widget's own strings in the resolved locale. */
  strings<T>(table: StringTable<T>): T {
    return table[this.locale];
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }

  /** A date in the resolved locale; pass `timeZone` (the customer's) in `options`. */
  formatDate(value: Date | string, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(value, this.locale, options);
  }

  pick(text: LocalizedText | null | undefined): string {
    return pickLocalized(text, this.locale);
  }

  /** Re-resolves the locale and asks the host to render again when it changed. */
  refresh(): void {
    const next = resolveLocale(this.#host);
    if (next !== this.#locale) {
      this.#locale = next;
      this.#host.requestUpdate();
    }
  }

  hostConnected(): void {
    this.#locale = resolveLocale(this.#host);
    watch(this);
    if (typeof MutationObserver !== 'undefined') {
      this.#hostObserver ??= new MutationObserver(() => this.refresh());
      this.#hostObserver.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    unwatch(this);
    this.#hostObserver?.disconnect();
  }

  hostUpdate(): void {
    // Cheap, and catches a `lang` change that happened while nothing was observing.
    this.#locale = resolveLocale(this.#host);
  }
}
