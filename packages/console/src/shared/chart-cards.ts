import { html } from 'lit';
import type { Strings } from '../i18n/en.ts';
import type { Formatters } from '../i18n/format.ts';
import type { ColorScheme } from '../shell/color-scheme.ts';
import type { ChartView } from './chart-of.ts';
import './chart-card.ts';

/** A page's charts as chart cards, each with its table toggle, in the page's language and colour scheme. */
export function chartCards(
  charts: readonly ChartView[],
  view: { strings: Strings; format: Formatters; scheme: ColorScheme; emptyText: string },
) {
  return charts.map(
    (chart) =>
      html`<console-chart-card
        data-chart=${chart.id}
        heading=${chart.heading}
        .chart=${chart.chart}
        .table=${chart.table}
        .scheme=${view.scheme}
        .formatNumber=${view.format.number}
        .showTableLabel=${view.strings.showTable}
        .emptyText=${view.emptyText}
      ></console-chart-card>`,
  );
}
