import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ledgerEntryText, ledgerShortfallText } from '@loyalty-elements/components';
import type { MerchantLedgerEntry } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { customerFormatters, type CustomerFormatters } from './customers-format.ts';
import type { ConsoleReverseDialog } from './reverse-dialog.ts';
import './reverse-dialog.ts';

type Load =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; entries: MerchantLedgerEntry[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

/**
 * A customer's points ledger, newest first, as `GET /v1/admin/customers/{id}/history` pages it: what each entry is
 * (the sentences of the shopper's history widget), its points, when it is pending or expires, and a Reverse button
 * on the entries the API can reverse.
 */
@customElement('console-customer-ledger')
export class ConsoleCustomerLedger extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: start;
        font-weight: 700;
        font-size: 1.125em;
        padding-bottom: 0.5em;
      }
      th,
      td {
        text-align: start;
        padding: 0.4em 0.6em;
        border-bottom: var(--_border-width) solid var(--_color-border);
        vertical-align: top;
      }
      td.points,
      th.points {
        text-align: end;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .details {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .more {
        margin-top: 0.75em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) customerId = '';
  /** Whether actions on the customer are still possible (not erased). */
  @property({ attribute: false }) actionable = true;
  @state() private load: Load = { kind: 'loading' };
  @state() private reversing: { entry: MerchantLedgerEntry; what: string } | null = null;
  @query('console-reverse-dialog') private reverseDialog!: ConsoleReverseDialog;
  #loads = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) void this.reload();
  }

  /** Reads the first page again (after an action changed the ledger). */
  async reload(): Promise<void> {
    const load = ++this.#loads;
    if (this.load.kind !== 'ready') this.load = { kind: 'loading' };
    try {
      const page = await customersApi.history(this.customerId, null);
      if (load === this.#loads) this.load = { kind: 'ready', ...page, more: 'idle' };
    } catch {
      if (load === this.#loads) this.load = { kind: 'error' };
    }
  }

  private async showMore(): Promise<void> {
    const shown = this.load;
    if (shown.kind !== 'ready' || shown.nextCursor === null) return;
    const load = this.#loads;
    this.load = { ...shown, more: 'loading' };
    try {
      const page = await customersApi.history(this.customerId, shown.nextCursor);
      if (load === this.#loads)
        this.load = {
          kind: 'ready',
          entries: [...shown.entries, ...page.entries],
          nextCursor: page.nextCursor,
          more: 'idle',
        };
    } catch {
      if (load === this.#loads) this.load = { ...shown, more: 'error' };
    }
  }

  private async openReversal(event: Event, entry: MerchantLedgerEntry, what: string): Promise<void> {
    this.reversing = { entry, what };
    await this.updateComplete;
    await this.reverseDialog.open(event.currentTarget as HTMLElement);
  }

  override render() {
    const strings = stringsFor(this.language);
    const load = this.load;
    if (load.kind === 'loading') return html`<p role="status">${strings.loading}</p>`;
    if (load.kind === 'error')
      return html`<div role="alert" class="error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${() => void this.reload()}>${strings.retry}</button>
      </div>`;
    const format = customerFormatters(this.language);
    return html`<div class="scroll">
        <table>
          <caption>
            ${strings.customers.ledger}
          </caption>
          <thead>
            <tr>
              <th scope="col">${strings.customers.date}</th>
              <th scope="col">${strings.customers.what}</th>
              <th scope="col" class="points">${strings.customers.points}</th>
              <th scope="col">${strings.customers.details}</th>
              ${this.actionable ? html`<th scope="col">${strings.customers.actions}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${
              load.entries.length === 0
                ? html`<tr>
                    <td colspan=${this.actionable ? 5 : 4}>${strings.customers.noEntries}</td>
                  </tr>`
                : load.entries.map((entry) => this.renderRow(entry, strings, format))
            }
          </tbody>
        </table>
      </div>
      ${load.more === 'error' ? html`<p role="alert" class="error">${strings.errorLoading}</p>` : nothing}
      ${
        load.nextCursor === null
          ? nothing
          : html`<button
              type="button"
              class="more"
              ?disabled=${load.more === 'loading'}
              @click=${() => void this.showMore()}
            >
              ${load.more === 'loading' ? strings.loading : strings.customers.showMore}
            </button>`
      }
      <console-reverse-dialog
        .language=${this.language}
        .customerId=${this.customerId}
        .entry=${this.reversing?.entry ?? null}
        .what=${this.reversing?.what ?? ''}
      ></console-reverse-dialog>`;
  }

  private renderRow(entry: MerchantLedgerEntry, strings: Strings, format: CustomerFormatters) {
    const what = ledgerEntryText(entry, this.language);
    const details = entryDetails(entry, strings, format, this.language);
    return html`<tr data-entry-id=${entry.id}>
      <td>${format.instant(entry.createdAt)}</td>
      <td data-cell="what">${what}</td>
      <td class="points" data-cell="points">${format.signed(entry.points)}</td>
      <td>
        ${
          details.length === 0
            ? nothing
            : html`<ul class="details">
                ${details.map((detail) => html`<li>${detail}</li>`)}
              </ul>`
        }
      </td>
      ${
        this.actionable
          ? html`<td>
              ${
                entry.reversible
                  ? html`<button
                      type="button"
                      aria-label=${strings.customers.reverseEntry(what, format.day(entry.createdAt))}
                      @click=${(event: Event) => void this.openReversal(event, entry, what)}
                    >
                      ${strings.customers.reverse}
                    </button>`
                  : nothing
              }
            </td>`
          : nothing
      }
    </tr>`;
  }
}

/** The markers of an entry: pending, expiry or lapse, points a correction could not take back, reversed, reason. */
function entryDetails(
  entry: MerchantLedgerEntry,
  strings: Strings,
  format: CustomerFormatters,
  language: Language,
): string[] {
  const details: string[] = [];
  const now = Date.now();
  if (entry.pendingUntil !== null && Date.parse(entry.pendingUntil) > now)
    details.push(strings.customers.pendingUntil(format.day(entry.pendingUntil)));
  if (entry.expiresAt !== null && entry.kind === 'expiry')
    details.push(strings.customers.expired(format.day(entry.expiresAt)));
  else if (entry.expiresAt !== null && Date.parse(entry.expiresAt) > now)
    details.push(strings.customers.expires(format.day(entry.expiresAt)));
  const shortfall = ledgerShortfallText(entry, language);
  if (shortfall !== null) details.push(shortfall);
  if (entry.reversedByEntryId !== null) details.push(strings.customers.reversed);
  if (entry.reason !== null) details.push(strings.customers.reason(entry.reason));
  return details;
}

declare global {
  interface HTMLElementTagNameMap {
    'console-customer-ledger': ConsoleCustomerLedger;
  }
}
