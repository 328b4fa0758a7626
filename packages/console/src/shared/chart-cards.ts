import { html, type TemplateResult } from 'lit';
import type { ColorScheme } from '../shell/color-scheme.ts';
import type { ChartData, TableData } from './chart-card.ts';
import './chart-card.ts';

/** A chart of a page, with its table alternative. */
export interface PageChart {
  id: string;
  heading: string;
  chart: ChartData;
  table: TableData;
}

export interface ChartCardsOptions {
  scheme: ColorScheme;
  formatNumber: (value: number) => string;
  showTableLabel: string;
  emptyText: string;
}

/** One `<console-chart-card>` per chart, marked `data-chart` with its id. */
export function chartCards(charts: readonly PageChart[], options: ChartCardsOptions): TemplateResult[] {
  return charts.map(
    (chart) =>
      html`<console-chart-card
        data-chart=${chart.id}
        heading=${chart.heading}
        .chart=${chart.chart}
        .table=${chart.table}
        .scheme=${options.scheme}
        .formatNumber=${options.formatNumber}
        .showTableLabel=${options.showTableLabel}
        .emptyText=${options.emptyText}
      ></console-chart-card>`,
  );
}
