import {
  SERVICE_QUALITY_DIMENSIONS,
  npsGroup,
  type DimensionResult,
  type NpsWeek,
  type SurveyFeedback,
} from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import { chartOf, type ChartView } from '../../shared/chart-of.ts';

/** A figure that may be missing: as a number in the table, or a dash. */
function maybe(value: number | null, format: Formatters, none: string): string {
  return value === null ? none : format.number(value);
}

/** NPS per week as bars; each week's label, and so its tooltip, carries its n; the table adds the groups and band. */
function weeklyChart(feedback: SurveyFeedback, strings: Strings, format: Formatters): ChartView {
  const s = strings.feedback;
  const answers = (week: NpsWeek) => week.promoters + week.passives + week.detractors;
  return chartOf(
    {
      id: 'weekly-nps',
      heading: s.weekly,
      rowLabel: s.weekStarting,
      items: feedback.weekly,
      name: (week) => s.weekLabel(format.date(week.weekStart), format.number(answers(week))),
      columns: [
        // A week without NPS answers draws no bar (NaN), rather than a bar at 0.
        { label: s.nps, value: (week) => week.nps ?? Number.NaN, cell: (week) => maybe(week.nps, format, s.none) },
        { label: s.responses, value: (week) => week.responses, charted: false },
        { label: s.answers, value: answers, charted: false },
        { label: s.promoters, value: (week) => week.promoters, charted: false },
        { label: s.passives, value: (week) => week.passives, charted: false },
        { label: s.detractors, value: (week) => week.detractors, charted: false },
        {
          label: s.band,
          value: () => Number.NaN,
          charted: false,
          cell: (week) =>
            week.low === null || week.high === null
              ? s.none
              : s.bandRange(format.number(week.low), format.number(week.high)),
        },
      ],
    },
    format,
  );
}

/**
 * The 0–10 scores as one bar each, stacked in three series — detractors, passives, promoters — so the legend and the
 * table name each bar's group, and colour is never the only sign of it.
 */
function distributionChart(feedback: SurveyFeedback, strings: Strings, format: Formatters): ChartView {
  const s = strings.feedback;
  const groupName = { detractor: s.detractors, passive: s.passives, promoter: s.promoters } as const;
  const countIn = (group: keyof typeof groupName) => (item: SurveyFeedback['distribution'][number]) =>
    npsGroup(item.score) === group ? item.count : 0;
  const view = chartOf(
    {
      id: 'nps-distribution',
      heading: s.distribution,
      rowLabel: s.score,
      items: feedback.distribution,
      name: (item) => format.number(item.score),
      columns: [
        { label: s.detractors, value: countIn('detractor') },
        { label: s.passives, value: countIn('passive') },
        { label: s.promoters, value: countIn('promoter') },
      ],
      stacked: true,
    },
    format,
  );
  return {
    ...view,
    table: {
      columns: [s.score, s.group, s.count],
      rows: feedback.distribution.map((item) => ({
        header: format.number(item.score),
        cells: [groupName[npsGroup(item.score)], format.number(item.count)],
      })),
    },
  };
}

/** The five dimensions side by side: the mean servqual rating in the chart, the mentions beside it in the table. */
function dimensionsChart(dimensions: readonly DimensionResult[], strings: Strings, format: Formatters): ChartView {
  const s = strings.feedback;
  const ordered = SERVICE_QUALITY_DIMENSIONS.flatMap((id) => dimensions.filter((item) => item.dimension === id));
  return chartOf(
    {
      id: 'dimensions',
      heading: s.dimensionsHeading,
      rowLabel: s.dimension,
      items: ordered,
      name: (item) => s.dimensions[item.dimension],
      columns: [
        {
          label: s.rating,
          value: (item) => item.rating.mean ?? Number.NaN,
          cell: (item) => maybe(item.rating.mean, format, s.none),
        },
        { label: s.ratings, value: (item) => item.rating.count, charted: false },
        { label: s.mentions, value: (item) => item.mentions.respondents, charted: false },
        {
          label: s.mentionShare,
          value: (item) => item.mentions.share ?? Number.NaN,
          charted: false,
          cell: (item) => (item.mentions.share === null ? s.none : `${format.number(item.mentions.share)} %`),
        },
        {
          label: s.mentionNps,
          value: (item) => item.mentions.meanNps ?? Number.NaN,
          charted: false,
          cell: (item) => maybe(item.mentions.meanNps, format, s.none),
        },
      ],
    },
    format,
  );
}

/** The Feedback page's charts, each with its table. */
export function feedbackCharts(
  feedback: SurveyFeedback,
  dimensions: readonly DimensionResult[],
  strings: Strings,
  format: Formatters,
): ChartView[] {
  return [
    weeklyChart(feedback, strings, format),
    distributionChart(feedback, strings, format),
    dimensionsChart(dimensions, strings, format),
  ];
}
