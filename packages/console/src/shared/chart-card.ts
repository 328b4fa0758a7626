import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ColorScheme } from '../shell/color-scheme.ts';
import { pageStyles } from '../pages/page.styles.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Series colours that read at 3:1 or more on the card, per scheme. */
const PALETTES: Record<ColorScheme, readonly string[]> = {
  light: ['#1d4ed8', '#b45309', '#0f766e', '#7e22ce'],
  dark: ['#93b4ff', '#fbbf24', '#5eead4', '#d8b4fe'],
};

/** What a chart shows: one label per bar group and one series per dataset. */
export interface ChartData {
  labels: string[];
  series: Array<{ label: string; values: number[] }>;
  /** Bars along the horizontal axis (long labels such as reward names). */
  horizontal?: boolean;
  /** The series stacked in one bar per label (a series per kind of bar: each label has a value in one of them). */
  stacked?: boolean;
}

/** The table alternative: its column headers (the first heads the row headers) and rows, formatted. */
export interface TableData {
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
}

/**
 * A chart with its accessible alternative: a toggle button shows a table of the same figures instead
 * (with a caption and headers). The chart is drawn by Chart.js on a canvas described by the heading.
 */
@customElement('console-chart-card')
export class ConsoleChartCard extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5em;
      }
      .plot {
        position: relative;
        height: 16rem;
      }
      /* Chart.js sets the canvas's width in pixels and redraws it on the frames after a resize: until then the
         old width must not widen the page. */
      .plot canvas {
        max-width: 100%;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.5em;
      }
      th,
      td {
        padding: 0.35em 0.5em;
        border-bottom: var(--_border-width) solid var(--_color-border);
        text-align: end;
      }
      th:first-child {
        text-align: start;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  @property() heading = '';
  @property({ attribute: false }) chart: ChartData = { labels: [], series: [] };
  @property({ attribute: false }) table: TableData = { columns: [], rows: [] };
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @property({ attribute: false }) formatNumber: (value: number) => string = String;
  /** The toggle's label; pressed, it shows the table instead of the chart. */
  @property() showTableLabel = 'Show as table';
  /** Said instead of an empty chart. */
  @property() emptyText = 'Nothing yet.';

  @state() private asTable = false;
  @query('canvas') private canvas?: HTMLCanvasElement;
  #chart?: Chart;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#destroyChart();
  }

  #destroyChart(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.asTable || !this.canvas) {
      this.#destroyChart();
      return;
    }
    if (this.#chart === undefined || this.#chart.canvas !== this.canvas || changed.size > 0) {
      this.#destroyChart();
      this.#chart = new Chart(this.canvas, this.#configuration());
    }
  }

  #configuration(): ChartConfiguration<'bar'> {
    const palette = PALETTES[this.scheme];
    const style = getComputedStyle(this);
    const text = style.color;
    const grid = style.getPropertyValue('--_color-border').trim() || 'rgba(128,128,128,.3)';
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const stacked = this.chart.stacked ?? false;
    const valueAxis = {
      stacked,
      beginAtZero: true,
      ticks: { color: text, precision: 0, callback: (v: unknown) => this.formatNumber(Number(v)) },
      grid: { color: grid },
    };
    const labelAxis = { stacked, ticks: { color: text }, grid: { display: false } };
    return {
      type: 'bar',
      data: {
        labels: this.chart.labels,
        datasets: this.chart.series.map((series, index) => ({
          label: series.label,
          data: series.values,
          backgroundColor: palette[index % palette.length],
        })),
      },
      options: {
        indexAxis: this.chart.horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        plugins: {
          legend: { display: this.chart.series.length > 1, labels: { color: text } },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label ?? ''}: ${this.formatNumber(Number(item.raw))}`,
            },
          },
        },
        scales: this.chart.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    };
  }

  override render() {
    if (this.chart.labels.length === 0) {
      return html`<section class="card" aria-label=${this.heading}>
        <h2>${this.heading}</h2>
        <p class="muted">${this.emptyText}</p>
      </section>`;
    }
    return html`<section class="card" aria-label=${this.heading}>
      <div class="head">
        <h2>${this.heading}</h2>
        <button type="button" aria-pressed=${this.asTable} @click=${() => (this.asTable = !this.asTable)}>
          ${this.showTableLabel}
        </button>
      </div>
      ${this.asTable ? this.#renderTable() : html`<div class="plot"><canvas role="img" aria-label=${this.heading}></canvas></div>`}
    </section>`;
  }

  #renderTable() {
    const [first, ...others] = this.table.columns;
    // A table wider than its card scrolls: the region takes the keyboard focus, so it scrolls without a mouse too.
    return html`<div class="scroll" tabindex="0" role="group" aria-labelledby="table-caption">
      <table>
        <caption id="table-caption">
          ${this.heading}
        </caption>
        <thead>
          <tr>
            <th scope="col">${first ?? nothing}</th>
            ${others.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.table.rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.header}</th>
                ${row.cells.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-chart-card': ConsoleChartCard;
  }
}
