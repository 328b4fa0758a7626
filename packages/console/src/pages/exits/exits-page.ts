import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChurnMonth } from '@loyalty-elements/contract';
import { exitsApi } from '../../api/exits.ts';
import { formatters } from '../../i18n/format.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { chartCards } from '../../shared/chart-cards.ts';
import { loadInto, renderLoadState, type LoadState } from '../../shared/load-state.ts';
import { pageStyles } from '../page.styles.ts';
import { exitsCharts } from './exits-charts.ts';
import { exitsFormatters, lastMonths } from './exits-format.ts';
import './lapsed-members.ts';

/** How many months the charts cover, the current one included. */
const MONTHS_SHOWN = 12;

/** Exits and win-back: who left per month and why, the churn rate, and the lapsed members to win back. */
@customElement('console-exits-page')
export class ConsoleExitsPage extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        gap: var(--_space);
        margin-bottom: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private load: LoadState<ChurnMonth[]> = { kind: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetch();
  }

  private async fetch(): Promise<void> {
    this.load = { kind: 'loading' };
    const months = lastMonths(new Date(), MONTHS_SHOWN);
    this.load = await loadInto(async () => (await exitsApi.churn(months[0]!, months.at(-1)!)).months);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  override render() {
    const strings = stringsFor(this.language);
    return html`<h1>${strings.exits.title}</h1>
      ${renderLoadState(
        this.load,
        strings,
        () => void this.fetch(),
        (months) => this.renderCharts(months),
      )}
      <console-lapsed-members .language=${this.language}></console-lapsed-members>`;
  }

  private renderCharts(months: ChurnMonth[]) {
    const strings = stringsFor(this.language);
    const format = formatters(this.language);
    const charts = exitsCharts(months, strings, format, exitsFormatters(this.language).percent);
    return html`<div class="charts">
      ${chartCards(charts, { strings, format, scheme: this.scheme, emptyText: strings.exits.nothingYet })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-exits-page': ConsoleExitsPage;
  }
}
