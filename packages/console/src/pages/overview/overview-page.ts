import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminOverview } from '@loyalty-elements/contract';
import { consoleApi } from '../../api/console-api.ts';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { pageStyles } from '../page.styles.ts';
import { overviewCharts } from './overview-charts.ts';
import { chartCards } from '../../shared/chart-cards.ts';

type Load = { kind: 'loading' } | { kind: 'ready'; overview: AdminOverview } | { kind: 'error' };

/** The program at a glance: figure cards for members and points, and charts with their tables. */
@customElement('console-overview-page')
export class ConsoleOverviewPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: var(--_space);
        margin-bottom: var(--_space);
      }
      .figure {
        margin: 0;
      }
      .figure dt {
        color: var(--_color-text-muted);
      }
      .figure dd {
        margin: 0;
        font-size: 1.75em;
        font-weight: 700;
      }
      .figure dd.small {
        font-size: 1em;
        font-weight: 400;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        gap: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private load: Load = { kind: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  private async fetch(): Promise<void> {
    this.load = { kind: 'loading' };
    try {
      this.load = { kind: 'ready', overview: await consoleApi.overview() };
    } catch {
      this.load = { kind: 'error' };
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  override render() {
    const strings = stringsFor(this.language);
    return html`<h1>${strings.overview.title}</h1>
      ${
        this.load.kind === 'loading'
          ? html`<p role="status" class="card">${strings.loading}</p>`
          : this.load.kind === 'error'
            ? html`<div role="alert" class="card error">
                <p>${strings.errorLoading}</p>
                <button type="button" @click=${() => void this.fetch()}>${strings.retry}</button>
              </div>`
            : this.renderOverview(this.load.overview)
      }`;
  }

  private renderOverview(overview: AdminOverview) {
    const strings = stringsFor(this.language);
    const format = formatters(this.language);
    const { expiring } = overview.points;
    return html`<div class="figures">
        <dl class="card figure" data-figure="members-total">
          <dt>${strings.overview.members}</dt>
          <dd>${format.number(overview.members.total)}</dd>
        </dl>
        <dl class="card figure" data-figure="active-30-days">
          <dt>${strings.overview.active30Days}</dt>
          <dd>${format.number(overview.members.active30Days)}</dd>
        </dl>
        <dl class="card figure" data-figure="points-outstanding">
          <dt>${strings.overview.outstanding}</dt>
          <dd>${format.number(overview.points.outstanding)}</dd>
          <dd class="small muted">${strings.overview.outstandingNote}</dd>
        </dl>
        <dl class="card figure" data-figure="points-expiring">
          <dt>${strings.overview.expiring}</dt>
          ${([30, 60, 90] as const).map(
            (days) =>
              html`<dd class="small">
                ${strings.overview.expiringWithin(format.number(days))}:
                <strong>${format.number(expiring[`days${days}`])}</strong>
              </dd>`,
          )}
        </dl>
      </div>
      <div class="charts">
        ${chartCards(
          overviewCharts(overview, strings, format, (text) => localized(text, this.language)),
          {
            scheme: this.scheme,
            formatNumber: format.number,
            showTableLabel: strings.showTable,
            emptyText: strings.overview.nothingYet,
          },
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-overview-page': ConsoleOverviewPage;
  }
}
