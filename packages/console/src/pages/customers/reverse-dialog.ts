import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MerchantLedgerEntry } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { ActionDialog, type CustomerChange } from './action-dialog.ts';
import { customerFormatters } from './customers-format.ts';

/** Reverses one ledger entry, once: what it credited is taken back, what it spent is given back. */
@customElement('console-reverse-dialog')
export class ConsoleReverseDialog extends ActionDialog {
  @property({ attribute: false }) customerId = '';
  @property({ attribute: false }) entry: MerchantLedgerEntry | null = null;
  /** What the entry is, as its row says it. */
  @property({ attribute: false }) what = '';

  protected texts(strings: Strings) {
    const heading =
      this.entry === null
        ? strings.customers.reverse
        : strings.customers.reverseEntry(this.what, customerFormatters(this.language).day(this.entry.createdAt));
    return { heading, submit: strings.customers.reverse };
  }

  protected renderFields(strings: Strings) {
    const points = Math.abs(this.entry?.points ?? 0);
    return html`<p>${strings.customers.reverseIntro(customerFormatters(this.language).number(points))}</p>`;
  }

  protected async perform(strings: Strings): Promise<CustomerChange> {
    if (this.entry !== null) await customersApi.reverse(this.customerId, this.entry.id);
    return { message: strings.customers.reversedDone };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-reverse-dialog': ConsoleReverseDialog;
  }
}
