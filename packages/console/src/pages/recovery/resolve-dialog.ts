import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MAX_INT4, type FollowUpCase, type FollowUpResolutionRequest } from '@loyalty-elements/contract';
import { recoveryApi } from '../../api/recovery.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { dialogStyles } from './dialog.styles.ts';
import { describeFailure } from './recovery-errors.ts';
import { recoveryStyles } from './recovery.styles.ts';
import { followUpChanged } from './follow-up-events.ts';

/**
 * The form that resolves a follow-up with its outcome and, optionally, goodwill points. Each opening of the form makes
 * one Idempotency-Key, sent again with every submission of that form: a double click, or a retry after the network
 * failed, resolves (and credits) once.
 *
 * @fires console-follow-up-changed - The follow-up was resolved; `detail` is the closed follow-up.
 * @fires console-resolve-closed - The form was closed, resolved or not.
 */
@customElement('console-resolve-dialog')
export class ConsoleResolveDialog extends LitElement {
  static override styles = [
    pageStyles,
    recoveryStyles,
    dialogStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 2rem));
      }
      form {
        display: grid;
        gap: 0.9em;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) followUp!: FollowUpCase;

  @state() private sending = false;
  @state() private failure: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;
  #idempotencyKey = '';

  /** Opens the form with a fresh Idempotency-Key; what was typed before stays. */
  open(): void {
    this.#idempotencyKey = crypto.randomUUID();
    this.failure = null;
    this.dialog.showModal();
  }

  private cancel(event: Event): void {
    // While the resolution is on its way the form stays, so its answer (or failure) is seen.
    if (this.sending) event.preventDefault();
  }

  private request(): FollowUpResolutionRequest | string {
    const strings = stringsFor(this.language).recovery;
    const data = new FormData(this.form);
    const outcome = String(data.get('outcome') ?? '').trim();
    const pointsText = String(data.get('goodwillPoints') ?? '').trim();
    const reason = String(data.get('reason') ?? '').trim();
    const points = pointsText === '' ? 0 : Number(pointsText);
    if (!Number.isInteger(points) || points < 0 || points > MAX_INT4) return strings.resolve.pointsInvalid;
    return { outcome, ...(points > 0 ? { goodwillPoints: points } : {}), ...(reason ? { reason } : {}) };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const request = this.request();
    if (typeof request === 'string') {
      this.failure = request;
      return;
    }
    this.sending = true;
    this.failure = null;
    try {
      const resolved = await recoveryApi.resolve(this.followUp.id, request, this.#idempotencyKey);
      this.dialog.close();
      this.dispatchEvent(followUpChanged(resolved));
    } catch (error) {
      this.failure = describeFailure(error, stringsFor(this.language).recovery.errors);
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const strings = stringsFor(this.language).recovery.resolve;
    return html`<dialog
      aria-labelledby="resolve-title"
      @cancel=${this.cancel}
      @close=${() => this.dispatchEvent(new Event('console-resolve-closed'))}
    >
      <h2 id="resolve-title">${strings.title}</h2>
      <form @submit=${this.submit}>
        <div class="field">
          <label for="outcome">${strings.outcome}</label>
          <textarea id="outcome" name="outcome" required maxlength="2000" aria-describedby="outcome-hint"></textarea>
          <p class="hint" id="outcome-hint">${strings.outcomeHint}</p>
        </div>
        <div class="field">
          <label for="points">${strings.points}</label>
          <input
            id="points"
            name="goodwillPoints"
            type="number"
            inputmode="numeric"
            min="0"
            max=${MAX_INT4}
            step="1"
            aria-describedby="points-hint"
          />
          <p class="hint" id="points-hint">${strings.pointsHint}</p>
        </div>
        <div class="field">
          <label for="reason">${strings.reason}</label>
          <input id="reason" name="reason" type="text" maxlength="500" />
        </div>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.sending}>
            ${this.sending ? strings.sending : strings.submit}
          </button>
          <button type="button" ?disabled=${this.sending} @click=${() => this.dialog.close()}>${strings.cancel}</button>
        </div>
      </form>
      <div role="alert">${this.failure ? html`<p class="error">${this.failure}</p>` : nothing}</div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-resolve-dialog': ConsoleResolveDialog;
  }
}
