import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, state } from 'lit/decorators.js';
import { tokenStyles } from '@loyalty-elements/components';
import type { ConsoleConfig, ConsoleSession } from '@loyalty-elements/contract';
import { ConsoleApiError, consoleApi } from '../api/console-api.ts';
import { SESSION_ENDED_EVENT } from '../api/transport.ts';
import { LANGUAGES, initialLanguage, rememberLanguage, stringsFor, type Language } from '../i18n/language.ts';
import { PAGES, type ConsolePage } from '../pages/pages.ts';
import '../pages/sign-in/sign-in-page.ts';
import { chosenScheme, onSystemSchemeChange, rememberScheme, systemScheme, type ColorScheme } from './color-scheme.ts';
import { controlStyles } from '../shared/control.styles.ts';
import { consoleAppStyles } from './console-app.styles.ts';
import { mayLeave } from './leave-guard.ts';

const BASE = import.meta.env.BASE_URL;

type SignInState =
  | { kind: 'checking' }
  | { kind: 'check-failed' }
  | { kind: 'signed-out'; config: ConsoleConfig }
  | { kind: 'signed-in'; session: ConsoleSession };

/** What the shell says above the page: why the merchant is back at sign-in, or that signing out failed. */
type Notice = 'session-ended' | 'sign-out-failed' | null;

/**
 * The console's shell: asks the API whether a session is signed in, shows the sign-in page or the navigation and
 * the current page, and keeps the language and colour scheme the person chose.
 */
@customElement('loyalty-console-app')
export class LoyaltyConsoleApp extends LitElement {
  static override styles = [tokenStyles, controlStyles, consoleAppStyles];

  @state() private language: Language = initialLanguage();
  @state() private scheme: ColorScheme | null = chosenScheme();
  @state() private systemDark = systemScheme() === 'dark';
  @state() private signIn: SignInState = { kind: 'checking' };
  @state() private notice: Notice = null;
  @state() private path = this.pathFromLocation();
  #signingOut = false;

  #stopWatchingScheme?: () => void;
  readonly #onPopState = () => {
    // The address already changed: staying puts the page's own address back.
    if (mayLeave()) this.path = this.pathFromLocation();
    else history.pushState(null, '', BASE + this.path);
  };
  /** Any call found the session ended: back to sign-in (the page stays the same address), saying why. */
  readonly #onSessionEnded = () => {
    if (this.signIn.kind !== 'signed-in' || this.#signingOut) return;
    this.notice = 'session-ended';
    void this.checkSession();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingScheme = onSystemSchemeChange(() => (this.systemDark = systemScheme() === 'dark'));
    addEventListener('popstate', this.#onPopState);
    addEventListener(SESSION_ENDED_EVENT, this.#onSessionEnded);
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingScheme?.();
    removeEventListener('popstate', this.#onPopState);
    removeEventListener(SESSION_ENDED_EVENT, this.#onSessionEnded);
  }

  private pathFromLocation(): string {
    return location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '';
  }

  private get page(): ConsolePage {
    return PAGES.find((page) => page.path === this.path) ?? PAGES[0]!;
  }

  private async checkSession(): Promise<void> {
    this.signIn = { kind: 'checking' };
    try {
      this.signIn = { kind: 'signed-in', session: await consoleApi.session() };
    } catch (error) {
      try {
        if (!(error instanceof ConsoleApiError && error.status === 401)) throw error;
        this.signIn = { kind: 'signed-out', config: await consoleApi.config() };
      } catch {
        this.signIn = { kind: 'check-failed' };
      }
    }
  }

  private async signOut(): Promise<void> {
    if (!mayLeave()) return;
    this.notice = null;
    this.#signingOut = true;
    try {
      await consoleApi.signOut();
    } catch (error) {
      // A session that has already ended or expired is signed out: only another failure keeps the merchant here.
      if (!(error instanceof ConsoleApiError && error.status === 401)) {
        this.notice = 'sign-out-failed';
        return;
      }
    } finally {
      this.#signingOut = false;
    }
    await this.checkSession();
  }

  private signedIn(): void {
    this.notice = null;
    void this.checkSession();
  }

  private navigate(event: MouseEvent, page: ConsolePage): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (page === this.page || !mayLeave()) return;
    history.pushState(null, '', BASE + page.path);
    this.path = page.path;
  }

  private chooseLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value as Language;
    rememberLanguage(this.language);
  }

  private get effectiveScheme(): ColorScheme {
    return this.scheme ?? (this.systemDark ? 'dark' : 'light');
  }

  private toggleScheme(): void {
    this.scheme = this.effectiveScheme === 'dark' ? 'light' : 'dark';
    rememberScheme(this.scheme);
  }

  protected override willUpdate(): void {
    // The tokens read the attribute; the page's own background follows through color-scheme.
    if (this.scheme === null) this.removeAttribute('color-scheme');
    else this.setAttribute('color-scheme', this.scheme);
    document.documentElement.lang = this.language;
    document.documentElement.style.colorScheme = this.effectiveScheme;
    document.title = stringsFor(this.language).appName;
  }

  override render() {
    const strings = stringsFor(this.language);
    const signedIn = this.signIn.kind === 'signed-in' ? this.signIn.session : undefined;
    return html`
      <header>
        <p class="brand">
          ${strings.appName}${signedIn ? html` · <span class="program">${signedIn.program.name}</span>` : nothing}
        </p>
        ${
          signedIn
            ? html`<nav aria-label=${strings.nav.label}>
                <ul>
                  ${PAGES.map(
                    (page) =>
                      html`<li>
                        <a
                          href=${BASE + page.path}
                          aria-current=${page === this.page ? 'page' : 'false'}
                          @click=${(event: MouseEvent) => this.navigate(event, page)}
                          >${page.label(strings)}</a
                        >
                      </li>`,
                  )}
                </ul>
              </nav>`
            : nothing
        }
        <div class="tools">
          <label
            >${strings.language}
            <select @change=${this.chooseLanguage}>
              ${LANGUAGES.map(
                ({ tag, name }) =>
                  html`<option value=${tag} lang=${tag} .selected=${live(tag === this.language)}>${name}</option>`,
              )}
            </select>
          </label>
          <button type="button" aria-pressed=${this.effectiveScheme === 'dark'} @click=${this.toggleScheme}>
            ${strings.darkTheme}
          </button>
          ${signedIn ? html`<button type="button" @click=${this.signOut}>${strings.signOut}</button>` : nothing}
        </div>
      </header>
      <main>${this.renderNotice()}${this.renderMain()}</main>
    `;
  }

  private renderNotice() {
    if (this.notice === null) return nothing;
    const strings = stringsFor(this.language);
    return html`<p class="notice" role="alert">
      ${this.notice === 'session-ended' ? strings.sessionEnded : strings.signOutFailed}
    </p>`;
  }

  private renderMain() {
    const strings = stringsFor(this.language);
    switch (this.signIn.kind) {
      case 'checking':
        return html`<p class="status" role="status">${strings.loading}</p>`;
      case 'check-failed':
        return html`<div class="status notice" role="alert">
          <p>${strings.sessionCheckFailed}</p>
          <button type="button" @click=${() => void this.checkSession()}>${strings.retry}</button>
        </div>`;
      case 'signed-out':
        return html`<console-sign-in-page
          .language=${this.language}
          .demoSecretKey=${this.signIn.config.demoSecretKey}
          @console-signed-in=${this.signedIn}
        ></console-sign-in-page>`;
      case 'signed-in':
        return this.page.render({ language: this.language, scheme: this.effectiveScheme });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-console-app': LoyaltyConsoleApp;
  }
}
