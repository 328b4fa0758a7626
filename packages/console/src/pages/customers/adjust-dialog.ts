import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { ActionDialog, fieldValue, type CustomerChange } from './action-dialog.ts';

/** Adjusts a customer's points up or down, with the reason the ledger keeps. */
@customElement('console-adjust-dialog')
export class ConsoleAdjustDialog extends ActionDialog {
  @property({ attribute: false }) customerId = '';
  @state() private points = '';
  @state() private reason = '';

  protected override reset(): void {
    this.points = '';
    this.reason = '';
  }

  private get amount(): number {
    return Number(this.points);
  }

  protected override canSubmit(): boolean {
    return (
      this.points.trim() !== '' && Number.isSafeInteger(this.amount) && this.amount !== 0 && this.reason.trim() !== ''
    );
  }

  protected texts(strings: Strings) {
    return { heading: strings.customers.adjust, submit: strings.customers.adjustSubmit };
  }

  protected renderFields(strings: Strings) {
    return html`<label
        >${strings.customers.adjustPoints}
        <input
          name="points"
          type="number"
          step="1"
          required
          .value=${this.points}
          @input=${(event: Event) => (this.points = fieldValue(event))}
      /></label>
      <label
        >${strings.customers.adjustReason}
        <input
          name="reason"
          required
          maxlength="500"
          .value=${this.reason}
          @input=${(event: Event) => (this.reason = fieldValue(event))}
      /></label>`;
  }

  protected async perform(strings: Strings): Promise<CustomerChange> {
    await customersApi.adjust(this.customerId, this.amount, this.reason.trim(), this.idempotencyKey);
    return { message: strings.customers.adjusted };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-adjust-dialog': ConsoleAdjustDialog;
  }
}
