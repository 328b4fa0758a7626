import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ledgerEntryText, ledgerShortfallText } from '@loyalty-elements/components';
import type { MerchantLedgerEntry } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import type { Strings } from '../../i18n/en.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { customerFormatters, type CustomerFormatters } from './customers-format.ts';
import { PagedList } from './paged-list.ts';
import type { ConsoleReverseDialog } from './reverse-dialog.ts';
import './reverse-dialog.ts';

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
  @state() private reversing: { entry: MerchantLedgerEntry; what: string } | null = null;
  @query('console-reverse-dialog') private reverseDialog!: ConsoleReverseDialog;
  readonly #entries = new PagedList<MerchantLedgerEntry>(this, async (cursor) => {
    const page = await customersApi.history(this.customerId, cursor);
    return { items: page.entries, nextCursor: page.nextCursor };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) void this.#entries.reload();
  }

  /** Reads the first page again (after an action changed the ledger), keeping the rows shown until it arrives. */
  reload(): Promise<void> {
    return this.#entries.reload(false);
  }

  private async openReversal(event: Event, entry: MerchantLedgerEntry, what: string): Promise<void> {
    this.reversing = { entry, what };
    await this.updateComplete;
    await this.reverseDialog.open(event.currentTarget as HTMLElement);
  }

  override render() {
    const strings = stringsFor(this.language);
    const load = this.#entries.state;
    if (load.kind !== 'ready') return this.#entries.renderPending(strings, strings.loading);
    const format = customerFormatters(this.language);
    // A table wider than the screen scrolls: the region takes the keyboard focus, so it scrolls without a mouse too.
    return html`<div class="scroll" tabindex="0" role="group" aria-labelledby="ledger-caption">
        <table>
          <caption id="ledger-caption">
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
              load.items.length === 0
                ? html`<tr>
                    <td colspan=${this.actionable ? 5 : 4}>${strings.customers.noEntries}</td>
                  </tr>`
                : load.items.map((entry) => this.renderRow(entry, strings, format))
            }
          </tbody>
        </table>
      </div>
      ${this.#entries.renderMore(strings)}
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
