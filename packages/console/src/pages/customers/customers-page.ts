import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CustomerStatus, type CustomerRecord } from '@loyalty-elements/contract';
import { customersApi } from '../../api/customers.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { pageStyles } from '../page.styles.ts';
import './customer-profile.ts';

/** How long typing pauses before the search is sent. */
const SEARCH_DEBOUNCE_MS = 300;

type Results =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; customers: CustomerRecord[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

/**
 * Find a customer by id, name or e-mail (and status), then see their profile and ledger and act on them. The
 * results come from `GET /v1/admin/customers`, a page at a time.
 */
@customElement('console-customers-page')
export class ConsoleCustomersPage extends LitElement {
  static override styles = [
    pageStyles,
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
        display: grid;
        gap: 0.5em;
        margin-bottom: var(--_space);
      }
      label {
        display: grid;
        gap: 0.25em;
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
  @state() private results: Results = { kind: 'loading' };
  @state() private selected: string | null = null;
  #searches = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

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

  private async search(): Promise<void> {
    const search = ++this.#searches;
    this.results = { kind: 'loading' };
    try {
      const page = await customersApi.search(this.query.trim(), this.status, null);
      if (search === this.#searches) this.results = { kind: 'ready', ...page, more: 'idle' };
    } catch {
      if (search === this.#searches) this.results = { kind: 'error' };
    }
  }

  private searchSoon(): void {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.search(), SEARCH_DEBOUNCE_MS);
  }

  private async showMore(): Promise<void> {
    const shown = this.results;
    if (shown.kind !== 'ready' || shown.nextCursor === null) return;
    const search = this.#searches;
    this.results = { ...shown, more: 'loading' };
    try {
      const page = await customersApi.search(this.query.trim(), this.status, shown.nextCursor);
      if (search === this.#searches)
        this.results = {
          kind: 'ready',
          customers: [...shown.customers, ...page.customers],
          nextCursor: page.nextCursor,
          more: 'idle',
        };
    } catch {
      if (search === this.#searches) this.results = { ...shown, more: 'error' };
    }
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
                @input=${(event: InputEvent) => {
                  this.query = (event.target as HTMLInputElement).value;
                  this.searchSoon();
                }}
            /></label>
            <label
              >${text.status}
              <select
                name="status"
                @change=${(event: Event) => {
                  this.status = (event.target as HTMLSelectElement).value as CustomerStatus | '';
                  void this.search();
                }}
              >
                <option value="" ?selected=${this.status === ''}>${text.anyStatus}</option>
                ${CustomerStatus.options.map(
                  (status) =>
                    html`<option value=${status} ?selected=${this.status === status}>${text.statuses[status]}</option>`,
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
                  @console-customer-changed=${() => void this.search()}
                ></console-customer-profile>`
          }
        </div>
      </div>`;
  }

  private renderResults() {
    const strings = stringsFor(this.language);
    const text = strings.customers;
    const results = this.results;
    if (results.kind === 'loading') return html`<p role="status">${text.searching}</p>`;
    if (results.kind === 'error')
      return html`<div role="alert" class="error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${() => void this.search()}>${strings.retry}</button>
      </div>`;
    if (results.customers.length === 0) return html`<p role="status">${text.noResults}</p>`;
    return html`<ul>
        ${results.customers.map(
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
      ${results.more === 'error' ? html`<p role="alert" class="error">${strings.errorLoading}</p>` : nothing}
      ${
        results.nextCursor === null
          ? nothing
          : html`<button
              type="button"
              class="more"
              ?disabled=${results.more === 'loading'}
              @click=${() => void this.showMore()}
            >
              ${results.more === 'loading' ? strings.loading : text.showMore}
            </button>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-customers-page': ConsoleCustomersPage;
  }
}
