import type { AdminOverview, LocalizedText } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import type { ChartData, TableData } from '../../shared/chart-card.ts';

export interface OverviewChart {
  id: string;
  heading: string;
  chart: ChartData;
  table: TableData;
}

/** A column of figures: in the table always, in the chart as a series unless `charted` is false. */
interface Column<T> {
  label: string;
  value: (item: T) => number;
  charted?: boolean;
}

interface ChartSpec<T> {
  id: string;
  heading: string;
  /** The header of the column that names each row (and each bar group). */
  rowLabel: string;
  items: readonly T[];
  name: (item: T) => string;
  columns: Array<Column<T>>;
  horizontal?: boolean;
}

/** A chart and the table that says the same in words and numbers, from one list of items. */
function chartOf<T>(spec: ChartSpec<T>, format: Formatters): OverviewChart {
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
    },
    table: {
      columns: [spec.rowLabel, ...spec.columns.map((column) => column.label)],
      rows: spec.items.map((item, index) => ({
        header: names[index]!,
        cells: spec.columns.map((column) => format.number(column.value(item))),
      })),
    },
  };
}

/** The Overview's charts, each with its table. */
export function overviewCharts(
  overview: AdminOverview,
  strings: Strings,
  format: Formatters,
  localized: (text: LocalizedText) => string,
): OverviewChart[] {
  const s = strings.overview;
  return [
    chartOf(
      {
        id: 'members-by-tier',
        heading: s.byTier,
        rowLabel: s.tier,
        items: overview.members.byTier,
        name: (tier) => localized(tier.name),
        columns: [{ label: s.count, value: (tier) => tier.count }],
      },
      format,
    ),
    chartOf(
      {
        id: 'weekly-points',
        heading: s.weekly,
        rowLabel: s.weekStarting,
        items: overview.weekly,
        name: (week) => format.date(week.weekStart),
        columns: [
          { label: s.earned, value: (week) => week.earned },
          { label: s.redeemed, value: (week) => week.redeemed },
        ],
      },
      format,
    ),
    chartOf(
      {
        id: 'redemptions-by-reward',
        heading: s.redemptions,
        rowLabel: s.reward,
        items: overview.redemptionsByReward,
        name: (reward) => localized(reward.name),
        columns: [
          { label: s.redemptionCount, value: (reward) => reward.count },
          { label: s.pointsSpent, value: (reward) => reward.points, charted: false },
        ],
        horizontal: true,
      },
      format,
    ),
    chartOf(
      {
        id: 'memberships',
        heading: s.memberships,
        rowLabel: s.month,
        items: overview.memberships,
        name: (month) => format.month(month.month),
        columns: [
          { label: s.joined, value: (month) => month.joined },
          { label: s.ended, value: (month) => month.ended },
        ],
      },
      format,
    ),
  ];
}
