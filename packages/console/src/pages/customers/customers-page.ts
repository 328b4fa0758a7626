import { LitElement, css, html, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, state } from 'lit/decorators.js';
import { CustomerStatus, type CustomerRecord } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { pageStyles } from '../page.styles.ts';
import { stackedFormStyles } from './form.styles.ts';
import { fieldValue } from './action-dialog.ts';
import { PagedList } from './paged-list.ts';
import './customer-profile.ts';

/** How long typing pauses before the search is sent. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Find a customer by id, name or e-mail (and status), then see their profile and ledger and act on them. The
 * results come from `GET /v1/admin/customers`, a page at a time.
 */
@customElement('console-customers-page')
export class ConsoleCustomersPage extends LitElement {
  static override styles = [
    pageStyles,
    stackedFormStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
        gap: var(--_space);
        align-items: start;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      form {
        margin-bottom: var(--_space);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25em;
      }
      .result {
        display: grid;
        width: 100%;
        text-align: start;
        gap: 0.1em;
      }
      .result[aria-current='true'] {
        border-color: var(--_color-primary);
        border-width: 2px;
      }
      .result .name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .result .muted {
        font-size: 0.875em;
        overflow-wrap: anywhere;
      }
      .more {
        margin-top: 0.5em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private query = '';
  @state() private status: CustomerStatus | '' = '';
  @state() private selected: string | null = null;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  readonly #results = new PagedList<CustomerRecord>(this, async (cursor) => {
    const page = await customersApi.search(this.query.trim(), this.status, cursor);
    return { items: page.customers, nextCursor: page.nextCursor };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.search();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  private search(): Promise<void> {
    clearTimeout(this.#debounce);
    return this.#results.reload();
  }

  private searchSoon(): void {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.search(), SEARCH_DEBOUNCE_MS);
  }

  override render() {
    const strings = stringsFor(this.language);
    const text = strings.customers;
    return html`<h1>${text.title}</h1>
      <div class="layout">
        <section aria-labelledby="results-heading">
          <form role="search" @submit=${(event: Event) => (event.preventDefault(), void this.search())}>
            <label
              >${text.search}
              <input
                type="search"
                name="query"
                autocomplete="off"
                maxlength="200"
                .value=${this.query}
                @input=${(event: Event) => {
                  this.query = fieldValue(event);
                  this.searchSoon();
                }}
            /></label>
            <label
              >${text.status}
              <select
                name="status"
                @change=${(event: Event) => {
                  this.status = fieldValue(event) as CustomerStatus | '';
                  void this.search();
                }}
              >
                <option value="" .selected=${live(this.status === '')}>${text.anyStatus}</option>
                ${CustomerStatus.options.map(
                  (status) =>
                    html`<option value=${status} .selected=${live(this.status === status)}>
                      ${text.statuses[status]}
                    </option>`,
                )}
              </select>
            </label>
          </form>
          <h2 id="results-heading">${text.results}</h2>
          ${this.renderResults()}
        </section>
        <div>
          ${
            this.selected === null
              ? html`<p class="card muted">${text.noneSelected}</p>`
              : html`<console-customer-profile
                  .language=${this.language}
                  .customerId=${this.selected}
                  @console-customer-changed=${() => void this.#results.reload(false)}
                ></console-customer-profile>`
          }
        </div>
      </div>`;
  }

  private renderResults() {
    const strings = stringsFor(this.language);
    const text = strings.customers;
    const results = this.#results.state;
    if (results.kind !== 'ready') return this.#results.renderPending(strings, text.searching);
    if (results.items.length === 0) return html`<p role="status">${text.noResults}</p>`;
    return html`<ul>
        ${results.items.map(
          (customer) =>
            html`<li>
              <button
                type="button"
                class="result"
                data-customer-id=${customer.id}
                aria-current=${customer.id === this.selected ? 'true' : 'false'}
                @click=${() => (this.selected = customer.id)}
              >
                <span class="name">${customer.name === '' ? text.erasedName : customer.name}</span>
                <span class="muted">${customer.id}${customer.email ? ` · ${customer.email}` : ''}</span>
                <span class="muted">${text.statuses[customer.status]}</span>
              </button>
            </li>`,
        )}
      </ul>
      ${this.#results.renderMore(strings)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-customers-page': ConsoleCustomersPage;
  }
}
