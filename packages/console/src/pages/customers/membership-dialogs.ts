import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, state } from 'lit/decorators.js';
import { MEMBERSHIP_END_REASONS, type MembershipEndReason } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { ActionDialog, fieldValue, type CustomerChange } from './action-dialog.ts';

/** Ends a membership with one of the six reasons members leave for, or "other", and an optional note. */
@customElement('console-end-membership-dialog')
export class ConsoleEndMembershipDialog extends ActionDialog {
  @property({ attribute: false }) customerId = '';
  @state() private reason: MembershipEndReason | '' = '';
  @state() private note = '';

  protected override reset(): void {
    this.reason = '';
    this.note = '';
  }

  protected override canSubmit(): boolean {
    return this.reason !== '';
  }

  protected texts(strings: Strings) {
    return { heading: strings.customers.endMembership, submit: strings.customers.endSubmit };
  }

  protected renderFields(strings: Strings) {
    return html`<label
        >${strings.customers.endReason}
        <select
          name="reason"
          required
          @change=${(event: Event) => (this.reason = fieldValue(event) as MembershipEndReason)}
        >
          <option value="" .selected=${live(this.reason === '')}>${strings.customers.chooseReason}</option>
          ${MEMBERSHIP_END_REASONS.map(
            (reason) =>
              html`<option value=${reason} .selected=${live(this.reason === reason)}>
                ${strings.customers.endReasons[reason]}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${strings.customers.endNote}
        <input
          name="note"
          maxlength="1000"
          .value=${this.note}
          @input=${(event: Event) => (this.note = fieldValue(event))}
        />
      </label>`;
  }

  protected async perform(strings: Strings): Promise<CustomerChange> {
    if (this.reason === '') return {};
    const note = this.note.trim();
    await customersApi.endMembership(this.customerId, { reason: this.reason, ...(note === '' ? {} : { note }) });
    return { message: strings.customers.ended };
  }
}

/** Erases a customer: the dialog names them, and the button works only once their id is typed. */
@customElement('console-erase-dialog')
export class ConsoleEraseDialog extends ActionDialog {
  @property({ attribute: false }) customerId = '';
  @property({ attribute: false }) customerName = '';
  @state() private typed = '';

  protected override reset(): void {
    this.typed = '';
  }

  protected override canSubmit(): boolean {
    return this.typed.trim() === this.customerId;
  }

  protected texts(strings: Strings) {
    return { heading: strings.customers.erase, submit: strings.customers.eraseSubmit };
  }

  protected renderFields(strings: Strings) {
    return html`<p>${strings.customers.eraseIntro(this.customerName, this.customerId)}</p>
      <label
        >${strings.customers.eraseConfirm(this.customerId)}
        <input
          name="confirm"
          autocomplete="off"
          spellcheck="false"
          .value=${this.typed}
          @input=${(event: Event) => (this.typed = fieldValue(event))}
      /></label>`;
  }

  protected async perform(strings: Strings): Promise<CustomerChange> {
    await customersApi.erase(this.customerId);
    return { message: strings.customers.erased };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-end-membership-dialog': ConsoleEndMembershipDialog;
    'console-erase-dialog': ConsoleEraseDialog;
  }
}
