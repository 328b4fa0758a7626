import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ConsoleApiError, consoleApi } from '../../api/console-api.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';

/**
 * The sign-in form: the secret key goes to the API once, which answers with a session cookie the page cannot
 * read. In demo mode it also offers the demo program's key.
 *
 * @fires console-signed-in - A session was started.
 */
@customElement('console-sign-in-page')
export class ConsoleSignInPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .card {
        max-width: 28rem;
        margin: 2rem auto;
      }
      form {
        display: grid;
        gap: 0.75em;
      }
      label {
        display: grid;
        gap: 0.25em;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  /** The demo program's key, when the API runs in demo mode. */
  @property({ attribute: false }) demoSecretKey: string | undefined;

  @state() private busy = false;
  @state() private failure: 'wrong-key' | 'failed' | null = null;

  private async signIn(secretKey: string): Promise<void> {
    this.busy = true;
    this.failure = null;
    try {
      await consoleApi.signIn(secretKey);
      this.dispatchEvent(new CustomEvent('console-signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      this.failure = error instanceof ConsoleApiError && error.status === 401 ? 'wrong-key' : 'failed';
    } finally {
      this.busy = false;
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const key = new FormData(event.target as HTMLFormElement).get('secretKey');
    if (typeof key === 'string' && key.trim() !== '') void this.signIn(key.trim());
  }

  override render() {
    const strings = stringsFor(this.language).signIn;
    return html`<section class="card" aria-labelledby="title">
      <h1 id="title">${strings.title}</h1>
      <p class="muted">${strings.intro}</p>
      <form @submit=${this.submit}>
        <label
          >${strings.secretKey}
          <input name="secretKey" type="password" autocomplete="off" spellcheck="false" required />
        </label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${strings.submit}</button>
        ${
          this.demoSecretKey
            ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.signIn(this.demoSecretKey!)}>
                  ${strings.demo}
                </button>
                <p class="muted">${strings.demoNote}</p>`
            : nothing
        }
      </form>
      <div role="alert">
        ${
          this.failure
            ? html`<p class="error">${this.failure === 'wrong-key' ? strings.wrongKey : strings.failed}</p>`
            : nothing
        }
      </div>
      <div role="status">${this.busy ? html`<p class="muted">${strings.signingIn}</p>` : nothing}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-sign-in-page': ConsoleSignInPage;
  }
}
