import { html, nothing, type TemplateResult } from 'lit';
import { isLoyaltyError } from '@loyalty-elements/sdk';
import type { Translation } from '../locales/en.ts';

/** Plain words for a failure every widget can meet (the network, a timeout, the session), or undefined. */
export function commonErrorMessage(t: Translation, error: unknown): string | undefined {
  if (!isLoyaltyError(error)) return undefined;
  switch (error.code) {
    case 'network':
      return t.errorNetwork;
    case 'timeout':
      return t.errorTimeout;
    case 'unauthorized':
    case 'token_expired':
    case 'signed_out':
      return t.errorSession;
    default:
      return undefined;
  }
}

/** Plain words for what went wrong: the network, the session, or else `fallback`. */
export function errorMessage(t: Translation, error: unknown, fallback: string = t.errorOther): string {
  return commonErrorMessage(t, error) ?? fallback;
}

/** An http(s) or relative URL for a link; anything else (`javascript:`, `data:` …) is dropped. */
export function safeUrl(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const base = typeof document !== 'undefined' ? document.baseURI : 'https://invalid.invalid/';
    const { protocol } = new URL(trimmed, base);
    return protocol === 'https:' || protocol === 'http:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** "Sign in": a link to `signInUrl`, or a button calling `onSignIn` when the page gave no (safe) URL. */
export function renderSignIn(options: {
  t: Translation;
  signInUrl: string | null | undefined;
  onSignIn: () => void;
}): TemplateResult {
  const { t } = options;
  const href = safeUrl(options.signInUrl);
  return href
    ? html`<a part="link" class="link" href=${href}>${t.signIn}</a>`
    : html`<button part="button" class="button" type="button" @click=${options.onSignIn}>${t.signIn}</button>`;
}

/**
 * A guest's compact line: a sign-in invitation linking to `signInUrl`, or a button calling `onSignIn`
 * when the page gave no (safe) URL. Parts: base, message, link or button.
 */
export function renderGuestNotice(options: {
  t: Translation;
  locale: string;
  signInUrl: string | null | undefined;
  onSignIn: () => void;
  /** What to say instead of the shared invitation. */
  message?: string | undefined;
}): TemplateResult {
  return html`
    <div part="base" class="base base--notice base--guest" tabindex="-1" lang=${options.locale}>
      <p part="message" class="message">${options.message ?? options.t.guestMessage}</p>
      ${renderSignIn(options)}
    </div>
  `;
}

/** An error card: the message as an alert, and a retry button when `onRetry` is given. */
export function renderErrorNotice(options: {
  t: Translation;
  locale: string;
  message: string;
  onRetry?: (() => void) | undefined;
}): TemplateResult {
  const { t, locale, onRetry } = options;
  return html`
    <div part="base" class="base base--notice" tabindex="-1" lang=${locale}>
      <p part="message" class="message" role="alert">${options.message}</p>
      ${
        onRetry
          ? html`<button part="button" class="button" type="button" @click=${onRetry}>${t.retry}</button>`
          : nothing
      }
    </div>
  `;
}

/** After a retry re-rendered the card, puts focus on its first action, or on the card itself. */
export function focusFirstAction(root: ParentNode, actions = '[part~="button"], [part~="link"]'): void {
  (root.querySelector<HTMLElement>(actions) ?? root.querySelector<HTMLElement>('[part~="base"]'))?.focus();
}

/** A widget's one polite live region, kept across its states, so what it says is announced when it changes. */
export function renderAnnouncement(locale: string, text: string): TemplateResult {
  return html`<span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" lang=${locale}
    >${text}</span
  >`;
}
