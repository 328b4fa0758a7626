import type { AdminOverview, LocalizedText } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import type { ChartData, TableData } from './chart-card.ts';

export interface OverviewChart {
  id: string;
  heading: string;
  chart: ChartData;
  table: TableData;
}

/** The Overview's charts, each with the table that says the same in words and numbers. */
export function overviewCharts(
  overview: AdminOverview,
  strings: Strings,
  format: Formatters,
  name: (text: LocalizedText) => string,
): OverviewChart[] {
  const s = strings.overview;
  const { byTier } = overview.members;
  return [
    {
      id: 'members-by-tier',
      heading: s.byTier,
      chart: {
        labels: byTier.map((tier) => name(tier.name)),
        series: [{ label: s.count, values: byTier.map((tier) => tier.count) }],
      },
      table: {
        columns: [s.tier, s.count],
        rows: byTier.map((tier) => ({ header: name(tier.name), cells: [format.number(tier.count)] })),
      },
    },
    {
      id: 'weekly-points',
      heading: s.weekly,
      chart: {
        labels: overview.weekly.map((week) => format.date(week.weekStart)),
        series: [
          { label: s.earned, values: overview.weekly.map((week) => week.earned) },
          { label: s.redeemed, values: overview.weekly.map((week) => week.redeemed) },
        ],
      },
      table: {
        columns: [s.weekStarting, s.earned, s.redeemed],
        rows: overview.weekly.map((week) => ({
          header: format.date(week.weekStart),
          cells: [format.number(week.earned), format.number(week.redeemed)],
        })),
      },
    },
    {
      id: 'redemptions-by-reward',
      heading: s.redemptions,
      chart: {
        labels: overview.redemptionsByReward.map((reward) => name(reward.name)),
        series: [{ label: s.redemptionCount, values: overview.redemptionsByReward.map((reward) => reward.count) }],
        horizontal: true,
      },
      table: {
        columns: [s.reward, s.redemptionCount, s.pointsSpent],
        rows: overview.redemptionsByReward.map((reward) => ({
          header: name(reward.name),
          cells: [format.number(reward.count), format.number(reward.points)],
        })),
      },
    },
    {
      id: 'memberships',
      heading: s.memberships,
      chart: {
        labels: overview.memberships.map((month) => format.month(month.month)),
        series: [
          { label: s.joined, values: overview.memberships.map((month) => month.joined) },
          { label: s.ended, values: overview.memberships.map((month) => month.ended) },
        ],
      },
      table: {
        columns: [s.month, s.joined, s.ended],
        rows: overview.memberships.map((month) => ({
          header: format.month(month.month),
          cells: [format.number(month.joined), format.number(month.ended)],
        })),
      },
    },
  ];
}
