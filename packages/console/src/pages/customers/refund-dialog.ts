import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { ActionDialog, fieldValue, ActionRefused, type CustomerChange } from './action-dialog.ts';
import { customerFormatters, minorDigits, toMinorUnits } from './customers-format.ts';

/**
 * Records a refund of one of the customer's orders: the amount is typed in the order's currency (major units) and
 * sent in minor units. The refund's id is made once per opening, so a resubmission records it once.
 */
@customElement('console-refund-dialog')
export class ConsoleRefundDialog extends ActionDialog {
  @property({ attribute: false }) customerId = '';
  @state() private orderId = '';
  @state() private amount = '';

  protected override reset(): void {
    this.orderId = '';
    this.amount = '';
  }

  protected override canSubmit(): boolean {
    return this.orderId.trim() !== '' && this.amount.trim() !== '';
  }

  protected texts(strings: Strings) {
    return { heading: strings.customers.refund, submit: strings.customers.refundSubmit };
  }

  protected renderFields(strings: Strings) {
    return html`<label
        >${strings.customers.orderId}
        <input
          name="orderId"
          required
          maxlength="128"
          .value=${this.orderId}
          @input=${(event: Event) => (this.orderId = fieldValue(event))}
      /></label>
      <label
        >${strings.customers.refundAmount}
        <input
          name="amount"
          inputmode="decimal"
          required
          aria-describedby="amount-hint"
          .value=${this.amount}
          @input=${(event: Event) => (this.amount = fieldValue(event))}
      /></label>
      <p id="amount-hint" class="hint">${strings.customers.refundAmountHint}</p>`;
  }

  protected async perform(strings: Strings): Promise<CustomerChange> {
    const orderId = this.orderId.trim();
    const order = await customersApi.order(orderId);
    if (order.customerId !== this.customerId) throw new ActionRefused(strings.customers.orderOfAnother);
    const digits = minorDigits(order.currency);
    const amount = toMinorUnits(this.amount, digits);
    if (amount === null) {
      const example = new Intl.NumberFormat(this.language, { minimumFractionDigits: digits }).format(1_250);
      throw new ActionRefused(strings.customers.amountPrecision(String(digits), example));
    }
    const result = await customersApi.refund(orderId, `console-${this.idempotencyKey}`, amount);
    const format = customerFormatters(this.language);
    return {
      message: strings.customers.refunded(
        format.money(result.refund.amount, order.currency),
        format.number(result.refund.points),
      ),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-refund-dialog': ConsoleRefundDialog;
  }
}
