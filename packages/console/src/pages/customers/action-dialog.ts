import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ConsoleApiError } from '../../api/transport.ts';
import type { Strings } from '../../i18n/en.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { dialogStyles } from './dialog.styles.ts';
import { stackedFormStyles } from './form.styles.ts';

/** What an action on a customer reports when it is done: a sentence for the page to show, if it has one. */
export interface CustomerChange {
  message?: string;
}

declare global {
  interface HTMLElementEventMap {
    'console-customer-changed': CustomEvent<CustomerChange>;
  }
}

/**
 * One action on a customer in a native modal `<dialog>`: focus stays inside while it is open, Escape cancels, and
 * focus goes back to the control that opened it. A fresh idempotency key is made each time it opens and sent again
 * with every resubmission, so a double click or a retry after a lost answer changes the ledger once. While the
 * request is out the submit and Cancel buttons are disabled and Escape does nothing; the API's problem is shown in
 * words.
 */
export abstract class ActionDialog extends LitElement {
  static override styles = [pageStyles, stackedFormStyles, dialogStyles];

  @property({ attribute: false }) language: Language = 'en';
  @state() protected busy = false;
  @state() protected problem: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  /** Made when the dialog opens; the same for every submission until it closes. */
  protected idempotencyKey = '';
  #opener: HTMLElement | null = null;

  /** Opens the dialog; `opener` gets the focus back when it closes. */
  async open(opener: HTMLElement | null = null): Promise<void> {
    this.#opener = opener;
    this.idempotencyKey = crypto.randomUUID();
    this.problem = null;
    this.busy = false;
    this.reset();
    await this.updateComplete;
    this.dialog.showModal();
  }

  /** Empties the fields for a new opening. */
  protected reset(): void {}
  /** The dialog's heading and its submit button's label. */
  protected abstract texts(strings: Strings): { heading: string; submit: string };
  protected abstract renderFields(strings: Strings): TemplateResult;
  /** Whether the fields as they stand may be sent. */
  protected canSubmit(): boolean {
    return true;
  }
  /** Sends the request; a thrown error is shown as a problem and the dialog stays open. */
  protected abstract perform(strings: Strings): Promise<CustomerChange>;

  protected get strings(): Strings {
    return stringsFor(this.language);
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.canSubmit()) return;
    this.busy = true;
    this.problem = null;
    try {
      const change = await this.perform(this.strings);
      this.dialog.close();
      this.dispatchEvent(
        new CustomEvent('console-customer-changed', { detail: change, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.problem = problemText(error, this.strings);
    } finally {
      this.busy = false;
    }
  }

  private cancel(event: Event): void {
    // While the request is out the dialog stays, so its answer (or failure) is seen: reopened, it would get a new
    // idempotency key, and sending again would write twice.
    if (this.busy) event.preventDefault();
  }

  private returnFocus(): void {
    this.#opener?.focus();
    this.#opener = null;
  }

  override render() {
    const strings = this.strings;
    const texts = this.texts(strings);
    return html`<dialog aria-labelledby="heading" @cancel=${this.cancel} @close=${this.returnFocus}>
      <form novalidate @submit=${this.submit}>
        <h2 id="heading">${texts.heading}</h2>
        ${this.renderFields(strings)}
        <p class="problem" role="alert">${this.problem ?? nothing}</p>
        <div class="buttons">
          <button type="button" ?disabled=${this.busy} @click=${() => this.dialog.close()}>
            ${strings.customers.cancel}
          </button>
          <button type="submit" class="primary" ?disabled=${this.busy || !this.canSubmit()}>
            ${this.busy ? strings.customers.sending : texts.submit}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}

/** A failed request in words: the API's problem code where the page knows it, else its status. */
export function problemText(error: unknown, strings: Strings): string {
  const { problems } = strings.customers;
  if (error instanceof ActionRefused) return error.message;
  if (!(error instanceof ConsoleApiError)) return problems.network;
  const known = error.code === undefined ? undefined : (problems as Record<string, unknown>)[error.code];
  return typeof known === 'string' ? known : problems.other(String(error.status));
}

/** The value of the field an `input` or `change` event came from. */
export function fieldValue(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

/** An error whose message is already the sentence to show. */
export class ActionRefused extends Error {
  override readonly name = 'ActionRefused';
}
