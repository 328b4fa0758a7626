import type { Formatters } from '../i18n/format.ts';
import type { ChartData, TableData } from './chart-card.ts';

/** A chart of a page, with the table that says the same. */
export interface ChartView {
  id: string;
  heading: string;
  chart: ChartData;
  table: TableData;
}

/** A column of figures: in the table always, in the chart as a series unless `charted` is false. */
export interface Column<T> {
  label: string;
  value: (item: T) => number;
  charted?: boolean;
  /** The table's text, when it is not the value as a number (a range, a missing figure). */
  cell?: (item: T) => string;
}

export interface ChartSpec<T> {
  id: string;
  heading: string;
  /** The header of the column that names each row (and each bar group). */
  rowLabel: string;
  items: readonly T[];
  name: (item: T) => string;
  columns: Array<Column<T>>;
  horizontal?: boolean;
  stacked?: boolean;
}

/** A chart and the table that says the same in words and numbers, from one list of items. */
export function chartOf<T>(spec: ChartSpec<T>, format: Formatters): ChartView {
  const names = spec.items.map(spec.name);
  return {
    id: spec.id,
    heading: spec.heading,
    chart: {
      labels: names,
      series: spec.columns
        .filter((column) => column.charted !== false)
        .map((column) => ({ label: column.label, values: spec.items.map(column.value) })),
      horizontal: spec.horizontal ?? false,
      stacked: spec.stacked ?? false,
    },
    table: {
      columns: [spec.rowLabel, ...spec.columns.map((column) => column.label)],
      rows: spec.items.map((item, index) => ({
        header: names[index]!,
        cells: spec.columns.map((column) => column.cell?.(item) ?? format.number(column.value(item))),
      })),
    },
  };
}
