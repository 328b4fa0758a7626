import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SERVICE_QUALITY_DIMENSIONS, type Verbatim } from '@loyalty-elements/contract';
import { feedbackApi, type VerbatimFilters } from '../../api/feedback.ts';
import { formatters } from '../../i18n/format.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';

type Listing =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'backwards' }
  | { kind: 'ready'; verbatims: Verbatim[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

const GROUPS = ['promoter', 'passive', 'detractor'] as const;

/** What shoppers wrote, newest first, narrowed by NPS group, dimension and days, a page at a time. */
@customElement('console-feedback-verbatims')
export class ConsoleFeedbackVerbatims extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        align-items: end;
        margin-bottom: var(--_space);
      }
      label {
        display: grid;
        gap: 0.25em;
      }
      ol {
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
      }
      li {
        border-bottom: var(--_border-width) solid var(--_color-border);
        padding: 0.75em 0;
      }
      blockquote {
        margin: 0 0 0.35em;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        font-size: 0.875em;
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) surveyId = '';
  @property({ attribute: false }) version: number | undefined;
  @state() private filters: VerbatimFilters = {};
  @state() private listing: Listing = { kind: 'loading' };
  #loads = new AbortController();

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('surveyId') || changed.has('version')) void this.fetchFirst();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loads.abort();
  }

  private async fetchFirst(): Promise<void> {
    this.#loads.abort();
    const loads = (this.#loads = new AbortController());
    const { from, to } = this.filters;
    // Dates as the inputs give them (YYYY-MM-DD) compare as text; a range that ends before it starts asks nothing.
    if (from !== undefined && to !== undefined && from > to) {
      this.listing = { kind: 'backwards' };
      return;
    }
    this.listing = { kind: 'loading' };
    try {
      const page = await feedbackApi.verbatims(this.surveyId, this.version, this.filters);
      if (!loads.signal.aborted) this.listing = { kind: 'ready', ...page, more: 'idle' };
    } catch {
      if (!loads.signal.aborted) this.listing = { kind: 'error' };
    }
  }

  private async fetchMore(): Promise<void> {
    const listing = this.listing;
    if (listing.kind !== 'ready' || listing.nextCursor === null) return;
    const loads = this.#loads;
    this.listing = { ...listing, more: 'loading' };
    try {
      const page = await feedbackApi.verbatims(this.surveyId, this.version, this.filters, listing.nextCursor);
      if (loads.signal.aborted) return;
      this.listing = {
        kind: 'ready',
        verbatims: [...listing.verbatims, ...page.verbatims],
        nextCursor: page.nextCursor,
        more: 'idle',
      };
    } catch {
      if (!loads.signal.aborted) this.listing = { ...listing, more: 'error' };
    }
  }

  private filter(change: Partial<VerbatimFilters>): void {
    this.filters = { ...this.filters, ...change };
    void this.fetchFirst();
  }

  override render() {
    const s = stringsFor(this.language).feedback;
    const groupName = { promoter: s.promoters, passive: s.passives, detractor: s.detractors };
    const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value || undefined;
    return html`<section class="card" aria-labelledby="verbatims-heading">
      <h2 id="verbatims-heading">${s.verbatims}</h2>
      <div class="filters">
        <label
          >${s.group}
          <select
            name="group"
            @change=${(event: Event) => this.filter({ group: value(event) as VerbatimFilters['group'] })}
          >
            <option value="">${s.allGroups}</option>
            ${GROUPS.map((group) => html`<option value=${group}>${groupName[group]}</option>`)}
          </select>
        </label>
        <label
          >${s.dimension}
          <select
            name="dimension"
            @change=${(event: Event) => this.filter({ dimension: value(event) as VerbatimFilters['dimension'] })}
          >
            <option value="">${s.allDimensions}</option>
            ${SERVICE_QUALITY_DIMENSIONS.map(
              (dimension) => html`<option value=${dimension}>${s.dimensions[dimension]}</option>`,
            )}
          </select>
        </label>
        <label
          >${s.from}
          <input
            type="date"
            name="from"
            max=${this.filters.to ?? nothing}
            @change=${(event: Event) => this.filter({ from: value(event) })}
          />
        </label>
        <label
          >${s.to}
          <input
            type="date"
            name="to"
            min=${this.filters.from ?? nothing}
            @change=${(event: Event) => this.filter({ to: value(event) })}
          />
        </label>
      </div>
      ${this.renderListing(groupName)}
    </section>`;
  }

  private renderListing(groupName: Record<(typeof GROUPS)[number], string>) {
    const strings = stringsFor(this.language);
    const s = strings.feedback;
    const listing = this.listing;
    if (listing.kind === 'loading') return html`<p role="status">${strings.loading}</p>`;
    if (listing.kind === 'backwards') return html`<p role="alert" data-state="backwards">${s.rangeBackwards}</p>`;
    if (listing.kind === 'error') {
      return html`<div role="alert" class="error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${() => void this.fetchFirst()}>${strings.retry}</button>
      </div>`;
    }
    if (listing.verbatims.length === 0) return html`<p class="muted" data-state="no-verbatims">${s.noVerbatims}</p>`;
    const format = formatters(this.language);
    const when = new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<ol>
        ${listing.verbatims.map(
          (verbatim) =>
            html`<li data-group=${verbatim.group ?? 'none'} data-response=${verbatim.responseId}>
              <blockquote>${verbatim.text}</blockquote>
              <p class="meta muted">
                ${verbatim.customer.name} ·
                ${
                  verbatim.nps === null || verbatim.group === null
                    ? s.noScore
                    : `${s.scoreOf(format.number(verbatim.nps))} (${groupName[verbatim.group]})`
                }
                ${verbatim.dimensions.map((dimension) => html` · ${s.dimensions[dimension]}`)} ·
                <time datetime=${verbatim.answeredAt}>${when.format(new Date(verbatim.answeredAt))}</time>
              </p>
            </li>`,
        )}
      </ol>
      ${listing.more === 'error' ? html`<p role="alert">${strings.errorLoading}</p>` : nothing}
      ${
        listing.nextCursor === null
          ? nothing
          : html`<button type="button" ?disabled=${listing.more === 'loading'} @click=${() => void this.fetchMore()}>
              ${s.showMore}
            </button>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-feedback-verbatims': ConsoleFeedbackVerbatims;
  }
}
