import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CustomerProfile } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import type { ActionDialog, CustomerChange } from './action-dialog.ts';
import type { ConsoleCustomerLedger } from './customer-ledger.ts';
import { customerFormatters, type CustomerFormatters } from './customers-format.ts';
import './adjust-dialog.ts';
import './customer-ledger.ts';
import './membership-dialogs.ts';
import './refund-dialog.ts';

type Load = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; profile: CustomerProfile };
type Action = 'adjust' | 'refund' | 'end' | 'erase';

/**
 * One customer: the profile `GET /v1/admin/customers/{id}` returns, the actions that still apply to them, and their
 * ledger. After an action both are read again.
 */
@customElement('console-customer-profile')
export class ConsoleCustomerProfile extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
        gap: 0.75em var(--_space);
        margin: 0 0 var(--_space);
      }
      .facts dt {
        color: var(--_color-text-muted);
      }
      .facts dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .facts dd.figure {
        font-size: 1.5em;
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-bottom: var(--_space);
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 2.25rem;
        padding: 0.35em 0.7em;
        border: var(--_control-border-width) solid var(--_color-border);
        border-radius: calc(var(--_radius) * 0.5);
        color: inherit;
        text-decoration: none;
      }
      .message:empty {
        display: none;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) customerId = '';
  @state() private load: Load = { kind: 'loading' };
  @state() private message = '';
  @query('console-customer-ledger') private ledger?: ConsoleCustomerLedger;
  #loads = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) {
      this.message = '';
      void this.reload(true);
    }
  }

  private async reload(fresh = false): Promise<void> {
    const load = ++this.#loads;
    if (fresh || this.load.kind !== 'ready') this.load = { kind: 'loading' };
    try {
      const profile = await customersApi.profile(this.customerId);
      if (load === this.#loads) this.load = { kind: 'ready', profile };
    } catch {
      if (load === this.#loads) this.load = { kind: 'error' };
    }
  }

  private async changed(event: CustomEvent<CustomerChange>): Promise<void> {
    this.message = event.detail.message ?? '';
    void this.ledger?.reload();
    await this.reload();
    await this.updateComplete;
    // The button that opened the dialog may be gone (End membership, Erase): focus goes to the profile, not the page.
    if (this.shadowRoot?.activeElement == null) this.renderRoot.querySelector<HTMLElement>('#profile-heading')?.focus();
  }

  private open(event: Event, action: Action): void {
    const dialog = this.renderRoot.querySelector<ActionDialog>(`[data-action="${action}"]`);
    void dialog?.open(event.currentTarget as HTMLElement);
  }

  override render() {
    const strings = stringsFor(this.language);
    const load = this.load;
    if (load.kind === 'loading') return html`<p role="status" class="card">${strings.loading}</p>`;
    if (load.kind === 'error')
      return html`<div role="alert" class="card error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${() => void this.reload(true)}>${strings.retry}</button>
      </div>`;
    const { profile } = load;
    const { customer } = profile;
    const erased = customer.status === 'erased';
    const name = erased || customer.name === '' ? strings.customers.erasedName : customer.name;
    return html`<section class="card" aria-labelledby="profile-heading" @console-customer-changed=${this.changed}>
      <h2 id="profile-heading" tabindex="-1">${name}</h2>
      ${this.renderFacts(profile, strings, customerFormatters(this.language))}
      <p class="message" role="status">${this.message}</p>
      <div class="actions">
        ${
          erased
            ? nothing
            : html`<button type="button" @click=${(e: Event) => this.open(e, 'adjust')}>
                  ${strings.customers.adjust}
                </button>
                <button type="button" @click=${(e: Event) => this.open(e, 'refund')}>
                  ${strings.customers.refund}
                </button>`
        }
        <a class="button" href=${customersApi.exportUrl(customer.id)} download>${strings.customers.export}</a>
        ${
          customer.status === 'active'
            ? html`<button type="button" @click=${(e: Event) => this.open(e, 'end')}>
                ${strings.customers.endMembership}
              </button>`
            : nothing
        }
        ${
          erased
            ? nothing
            : html`<button type="button" @click=${(e: Event) => this.open(e, 'erase')}>
                ${strings.customers.erase}
              </button>`
        }
      </div>
      <console-customer-ledger
        .language=${this.language}
        .customerId=${customer.id}
        .actionable=${!erased}
      ></console-customer-ledger>
      <console-adjust-dialog
        data-action="adjust"
        .language=${this.language}
        .customerId=${customer.id}
      ></console-adjust-dialog>
      <console-refund-dialog
        data-action="refund"
        .language=${this.language}
        .customerId=${customer.id}
      ></console-refund-dialog>
      <console-end-membership-dialog
        data-action="end"
        .language=${this.language}
        .customerId=${customer.id}
      ></console-end-membership-dialog>
      <console-erase-dialog
        data-action="erase"
        .language=${this.language}
        .customerId=${customer.id}
        .customerName=${customer.name}
      ></console-erase-dialog>
    </section>`;
  }

  private renderFacts(profile: CustomerProfile, strings: Strings, format: CustomerFormatters) {
    const { customer, balance, tier } = profile;
    const text = strings.customers;
    const given = (value: string | null) => (value === null || value === '' ? text.notGiven : value);
    const birthday =
      customer.birthday === null
        ? text.notGiven
        : customer.birthday.calendar === 'chinese-lunar'
          ? text.lunar(format.birthday(customer.birthday))
          : format.birthday(customer.birthday);
    const facts: Array<[string, string, string]> = [
      ['spendable', text.spendable, format.number(balance.spendable)],
      ['pending', text.pending, format.number(balance.pending)],
      ['tier', text.tier, localized(tier.name, this.language)],
      ['status', text.status, text.statuses[customer.status]],
      ['id', text.id, customer.id],
      ['email', text.email, given(customer.email)],
      ['locale', text.locale, customer.locale === null ? text.notGiven : format.language(customer.locale)],
      ['timezone', text.timezone, customer.timezone ?? text.programTimezone],
      ['birthday', text.birthday, birthday],
      ['joined', text.joined, format.day(customer.joinedAt)],
    ];
    if (customer.endedAt !== null) facts.push(['ended', text.statuses.ended, format.day(customer.endedAt)]);
    return html`<dl class="facts">
      ${facts.map(
        ([key, label, value]) =>
          html`<div data-fact=${key}>
            <dt>${label}</dt>
            <dd class=${key === 'spendable' || key === 'pending' ? 'figure' : ''}>${value}</dd>
          </div>`,
      )}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-customer-profile': ConsoleCustomerProfile;
  }
}
