import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  WIN_BACK_MAX_POINTS,
  WIN_BACK_NOTE_MAX_LENGTH,
  type LapsedMember,
  type Reward,
  type WinBackRequest,
  type WinBackResult,
} from '@loyalty-elements/contract';
import { exitsApi } from '../../api/exits.ts';
import { ConsoleApiError } from '../../api/transport.ts';
import type { Strings } from '../../i18n/en.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';

/** Sent when a win-back was given: the member it was given to and the API's answer. */
export type WinBackGivenEvent = CustomEvent<{ customerId: string; result: WinBackResult }>;

type Gift = 'points' | 'reward';

/**
 * The Win back dialog: points or an active reward, and a note. One Idempotency-Key is made each time the dialog
 * opens and reused when the same gift is sent again after a failure, so a retry never gives twice.
 */
@customElement('console-win-back-dialog')
export class ConsoleWinBackDialog extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dialog {
        width: min(32rem, calc(100vw - 2rem));
        border: var(--_border-width) solid var(--_color-border);
        border-radius: var(--_radius);
        background: var(--_color-surface);
        color: inherit;
        padding: var(--_space);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 50%);
      }
      form {
        display: grid;
        gap: 0.75em;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 1em;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      textarea {
        min-height: 4em;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.5em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @state() private member: LapsedMember | null = null;
  @state() private rewards: Reward[] = [];
  @state() private gift: Gift = 'points';
  @state() private sending = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  #idempotencyKey = '';

  /** Opens the dialog for `member`, offering `rewards`, with a fresh Idempotency-Key. */
  async open(member: LapsedMember, rewards: Reward[]): Promise<void> {
    this.member = member;
    this.rewards = rewards;
    this.gift = 'points';
    this.error = '';
    this.sending = false;
    this.#idempotencyKey = crypto.randomUUID();
    // The form is made afresh for each opening (it goes when the dialog closes): no reset, which would also
    // clear the chosen gift's radio.
    await this.updateComplete;
    this.dialog.showModal();
  }

  private cancel(event: Event): void {
    // While the gift is on its way the dialog stays, so its answer (or failure) is seen: reopened, it would get a
    // new Idempotency-Key, and giving again would give twice.
    if (this.sending) event.preventDefault();
  }

  private close(): void {
    this.dialog.close();
    this.member = null;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const member = this.member;
    if (member === null || this.sending) return;
    const strings = stringsFor(this.language).exits;
    const data = new FormData(event.target as HTMLFormElement);
    const note = String(data.get('note') ?? '').trim();
    let request: WinBackRequest;
    if (this.gift === 'points') {
      const points = Number(data.get('points'));
      if (!Number.isInteger(points) || points < 1 || points > WIN_BACK_MAX_POINTS) {
        this.error = strings.errors.points;
        return;
      }
      request = { points };
    } else {
      const rewardId = String(data.get('reward') ?? '');
      if (rewardId === '') {
        this.error = strings.errors.reward;
        return;
      }
      request = { rewardId };
    }
    if (note !== '') request.note = note;
    this.sending = true;
    this.error = '';
    try {
      const result = await exitsApi.winBack(member.customer.id, request, this.#idempotencyKey);
      const detail = { customerId: member.customer.id, result };
      this.dispatchEvent(new CustomEvent('win-back-given', { detail, bubbles: true, composed: true }));
      this.close();
    } catch (error) {
      // Another gift is another request: it needs a key of its own.
      if (error instanceof ConsoleApiError && error.code === 'idempotency_key_reused') {
        this.#idempotencyKey = crypto.randomUUID();
      }
      this.error = errorText(error, strings);
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const strings = stringsFor(this.language).exits;
    const member = this.member;
    return html`<dialog aria-labelledby="win-back-title" @cancel=${this.cancel} @close=${() => (this.member = null)}>
      ${
        member === null
          ? nothing
          : html`<form novalidate @submit=${(event: SubmitEvent) => void this.submit(event)}>
              <h2 id="win-back-title">${strings.dialogTitle(member.customer.name || member.customer.id)}</h2>
              <fieldset>
                <legend>${strings.give}</legend>
                ${(['points', 'reward'] as const).map(
                  (gift) =>
                    html`<label
                      ><input
                        type="radio"
                        name="gift"
                        value=${gift}
                        .checked=${this.gift === gift}
                        ?disabled=${gift === 'reward' && this.rewards.length === 0}
                        @change=${() => (this.gift = gift)}
                      />
                      ${gift === 'points' ? strings.points : strings.reward}</label
                    >`,
                )}
              </fieldset>
              ${
                this.gift === 'points'
                  ? html`<div class="field">
                      <label for="win-back-points">${strings.pointsAmount}</label>
                      <input
                        id="win-back-points"
                        name="points"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max=${WIN_BACK_MAX_POINTS}
                        step="1"
                        required
                      />
                    </div>`
                  : html`<div class="field">
                      <label for="win-back-reward">${strings.rewardChoice}</label>
                      <select id="win-back-reward" name="reward" required>
                        ${this.rewards.map(
                          (reward) =>
                            html`<option value=${reward.id}>${localized(reward.name, this.language)}</option>`,
                        )}
                      </select>
                    </div>`
              }
              ${this.rewards.length === 0 ? html`<p class="muted">${strings.noRewards}</p>` : nothing}
              <div class="field">
                <label for="win-back-note">${strings.note}</label>
                <textarea id="win-back-note" name="note" maxlength=${WIN_BACK_NOTE_MAX_LENGTH}></textarea>
              </div>
              ${this.error === '' ? nothing : html`<p role="alert" class="error">${this.error}</p>`}
              <div class="buttons">
                <button type="button" ?disabled=${this.sending} @click=${() => this.close()}>${strings.cancel}</button>
                <button type="submit" class="primary" ?disabled=${this.sending}>
                  ${this.sending ? strings.sending : strings.send}
                </button>
              </div>
            </form>`
      }
    </dialog>`;
  }
}

function errorText(error: unknown, strings: Strings['exits']): string {
  const code = error instanceof ConsoleApiError ? error.code : undefined;
  switch (code) {
    case 'membership_ended':
    case 'customer_erased':
      return strings.errors.ended;
    case 'reward_out_of_stock':
      return strings.errors.outOfStock;
    case 'reward_unavailable':
    case 'reward_not_found':
      return strings.errors.unavailable;
    default:
      return strings.errors.failed;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-win-back-dialog': ConsoleWinBackDialog;
  }
}
