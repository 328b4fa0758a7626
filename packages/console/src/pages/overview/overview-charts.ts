import type { AdminOverview, LocalizedText } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import { chartOf, type ChartView } from '../../shared/chart-of.ts';

export type OverviewChart = ChartView;

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
