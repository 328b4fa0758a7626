import { MEMBERSHIP_END_REASONS, type ChurnMonth } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import type { ChartView } from '../../shared/chart-of.ts';
import type { exitsFormatters } from './exits-format.ts';

export type ExitsChart = ChartView;

/** One chart series and table column: the figure of each row, and how its table cell reads. */
function single(
  id: string,
  heading: string,
  header: string,
  rows: Array<{ name: string; value: number; cell: string }>,
  label: string,
  horizontal = false,
): ExitsChart {
  return {
    id,
    heading,
    chart: {
      labels: rows.map((row) => row.name),
      series: [{ label, values: rows.map((row) => row.value) }],
      horizontal,
    },
    table: { columns: [header, label], rows: rows.map((row) => ({ header: row.name, cells: [row.cell] })) },
  };
}

/** The page's charts from the churn report: members who left and the churn rate per month, and why they left. */
export function exitsCharts(
  months: readonly ChurnMonth[],
  strings: Strings,
  format: Formatters,
  share: ReturnType<typeof exitsFormatters>['percent'],
): ExitsChart[] {
  const s = strings.exits;
  const percent = (rate: number | null) => (rate === null ? s.none : share(rate));
  return [
    single(
      'left-per-month',
      s.leftPerMonth,
      s.month,
      months.map((m) => ({ name: format.month(m.month), value: m.ended, cell: format.number(m.ended) })),
      s.left,
    ),
    single(
      'churn-rate',
      s.churnRate,
      s.month,
      months.map((m) => ({ name: format.month(m.month), value: (m.churnRate ?? 0) * 100, cell: percent(m.churnRate) })),
      s.rate,
    ),
    single(
      'reasons',
      s.reasons,
      s.reason,
      MEMBERSHIP_END_REASONS.map((reason) => {
        const total = months.reduce((sum, m) => sum + m.byReason[reason], 0);
        return { name: s.reasonNames[reason], value: total, cell: format.number(total) };
      }),
      s.members,
      true,
    ),
  ];
}
