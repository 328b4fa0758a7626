import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FollowUpCase } from '@loyalty-elements/contract';
import { QUEUE_FILTERS, recoveryApi, type QueueFilter } from '../../api/recovery.ts';
import { formatters } from '../../i18n/format.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { pageStyles } from '../page.styles.ts';
import type { RecoveryView } from './follow-up-sections.ts';
import { queueTable } from './queue-table.ts';
import { recoveryFormatters } from './recovery-format.ts';
import { recoveryStyles } from './recovery.styles.ts';
import './follow-up-detail.ts';

type Load = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error' };

/**
 * Service recovery: the queue of follow-ups raised by complaining shoppers, the most overdue first, with filters and
 * paging; a follow-up opens in a panel where it is assigned, noted and resolved.
 */
@customElement('console-recovery-page')
export class ConsoleRecoveryPage extends LitElement {
  static override styles = [
    pageStyles,
    recoveryStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-bottom: var(--_space);
      }
      .table-scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      caption {
        text-align: start;
        font-weight: 700;
        padding-bottom: 0.5em;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.5em;
        border-bottom: var(--_border-width) solid var(--_color-border);
      }
      tbody th {
        font-weight: 400;
      }
      tr.overdue > * {
        font-weight: 600;
      }
      tr.overdue > th {
        border-inline-start: 4px solid var(--_color-danger);
      }
      button.open {
        color: var(--_color-primary-text);
        text-decoration: underline;
        border-color: transparent;
        background: transparent;
        padding-inline: 0;
        font-weight: inherit;
        text-align: start;
        max-inline-size: 16rem;
        overflow-wrap: anywhere;
      }
      .customer-id {
        display: block;
        max-inline-size: 16rem;
        font-size: 0.875em;
        overflow-wrap: anywhere;
      }
      .comment {
        min-width: 12rem;
        max-width: 24rem;
        overflow-wrap: anywhere;
      }
      .status {
        display: grid;
        gap: 0.25em;
        justify-items: start;
        min-width: 9rem;
      }
      .more {
        margin-top: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private filter: QueueFilter = 'open';
  @state() private load: Load = { kind: 'loading' };
  @state() private followUps: FollowUpCase[] = [];
  @state() private nextCursor: string | null = null;
  @state() private more: 'idle' | 'loading' | 'error' = 'idle';
  @state() private selectedId: string | null = null;
  #generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  private async fetch(): Promise<void> {
    const generation = ++this.#generation;
    this.load = { kind: 'loading' };
    this.more = 'idle';
    try {
      const page = await recoveryApi.queue(this.filter);
      if (generation !== this.#generation) return;
      this.followUps = page.followUps;
      this.nextCursor = page.nextCursor;
      this.load = { kind: 'ready' };
    } catch {
      if (generation === this.#generation) this.load = { kind: 'error' };
    }
  }

  private async showMore(): Promise<void> {
    if (this.nextCursor === null || this.more === 'loading') return;
    const generation = this.#generation;
    this.more = 'loading';
    try {
      const page = await recoveryApi.queue(this.filter, this.nextCursor);
      if (generation !== this.#generation) return;
      const shown = new Set(this.followUps.map((followUp) => followUp.id));
      this.followUps = [...this.followUps, ...page.followUps.filter((followUp) => !shown.has(followUp.id))];
      this.nextCursor = page.nextCursor;
      this.more = 'idle';
    } catch {
      if (generation === this.#generation) this.more = 'error';
    }
  }

  private choose(filter: QueueFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    void this.fetch();
  }

  /** A change answered by the API shows in its row at once; the row keeps its place until the queue is reloaded. */
  private changed(event: CustomEvent<FollowUpCase>): void {
    const changed = event.detail;
    this.followUps = this.followUps.map((followUp) => (followUp.id === changed.id ? changed : followUp));
  }

  private async closeDetail(): Promise<void> {
    const id = this.selectedId;
    this.selectedId = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-open="${id}"]`)?.focus();
  }

  override render() {
    const strings = stringsFor(this.language).recovery;
    return html`<h1>${strings.title}</h1>
      <p class="muted">${strings.intro}</p>
      <div class="filters" role="group" aria-label=${strings.filterLabel}>
        <span aria-hidden="true">${strings.filterLabel}:</span>
        ${QUEUE_FILTERS.map(
          (filter) =>
            html`<button
              type="button"
              data-filter=${filter}
              aria-pressed=${filter === this.filter}
              @click=${() => this.choose(filter)}
            >
              ${strings.filters[filter]}
            </button>`,
        )}
      </div>
      ${this.renderQueue()} ${this.renderDetail()}`;
  }

  private renderQueue() {
    const all = stringsFor(this.language);
    const strings = all.recovery;
    if (this.load.kind === 'loading') return html`<p role="status" class="card">${all.loading}</p>`;
    if (this.load.kind === 'error')
      return html`<div role="alert" class="card error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${() => void this.fetch()}>${all.retry}</button>
      </div>`;
    if (this.followUps.length === 0) return html`<p class="card" role="status">${strings.empty[this.filter]}</p>`;
    const view: RecoveryView = { strings, format: formatters(this.language), when: recoveryFormatters(this.language) };
    return html`${queueTable(this.followUps, view, (id) => (this.selectedId = id))}
      <div class="more">
        ${
          this.nextCursor !== null
            ? html`<button type="button" ?disabled=${this.more === 'loading'} @click=${() => void this.showMore()}>
                ${this.more === 'loading' ? strings.loadingMore : strings.showMore}
              </button>`
            : nothing
        }
        <div role="alert">${this.more === 'error' ? html`<p class="error">${strings.errorLoading}</p>` : nothing}</div>
      </div>`;
  }

  private renderDetail() {
    const selected = this.followUps.find((followUp) => followUp.id === this.selectedId);
    if (!selected) return nothing;
    return keyed(
      selected.id,
      html`<console-follow-up-detail
        .language=${this.language}
        .followUp=${selected}
        @console-follow-up-changed=${this.changed}
        @console-follow-up-closed=${() => void this.closeDetail()}
      ></console-follow-up-detail>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-recovery-page': ConsoleRecoveryPage;
  }
}
