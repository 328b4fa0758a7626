import * as z from 'zod/mini';
import { cursorPaging, Identifier, IsoDate, IsoDateTime } from './primitives.ts';
import { SurveyResultsQuery } from './survey-results.ts';
import { QuestionId, ServiceQualityDimension, SurveyId, SurveyVersionNumber } from './surveys.ts';

// ─── Admin: a survey's feedback over time, and what shoppers wrote ─────────────────────────────

/** Weeks `GET …/feedback` covers without `from`: the current one and the eleven before it. */
export const FEEDBACK_DEFAULT_WEEKS = 12;
/** The longest range `GET …/feedback` answers, in weeks. */
export const FEEDBACK_MAX_WEEKS = 104;
export const VERBATIM_LIST_DEFAULT_LIMIT = 20;
export const VERBATIM_LIST_MAX_LIMIT = 100;

export const feedbackPaths = {
  feedbackPattern: '/v1/admin/surveys/:surveyId/feedback',
  feedback: (surveyId: string) => `/v1/admin/surveys/${encodeURIComponent(surveyId)}/feedback`,
  verbatimsPattern: '/v1/admin/surveys/:surveyId/verbatims',
  verbatims: (surveyId: string) => `/v1/admin/surveys/${encodeURIComponent(surveyId)}/verbatims`,
} as const;

/** A range of the program's calendar days, both included. */
const DateRange = {
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
};

/**
 * Query of `GET /v1/admin/surveys/{surveyId}/feedback`: one version or all together, and the days (in the program's
 * time zone) whose counted responses are weighed; by default the last 12 weeks up to today, at most 104 weeks.
 */
export const SurveyFeedbackQuery = z.object({ version: SurveyResultsQuery.shape.version, ...DateRange });
export type SurveyFeedbackQuery = z.infer<typeof SurveyFeedbackQuery>;

const Count = z.int().check(z.gte(0));

/** One week (Monday to Sunday in the program's time zone) of NPS answers. */
export const NpsWeek = z.object({
  weekStart: IsoDate,
  /** Counted responses answered that week (as the results API counts them), with an NPS answer or not. */
  responses: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  /** Promoters % − detractors % of the week's NPS answers; null without any. */
  nps: z.nullable(z.number()),
  /**
   * The 95 % confidence band of `nps` (normal approximation over the −1/0/+1 scores, within −100…100, one decimal);
   * null with fewer than two NPS answers.
   */
  low: z.nullable(z.number()),
  high: z.nullable(z.number()),
});
export type NpsWeek = z.infer<typeof NpsWeek>;

/** `GET /v1/admin/surveys/{surveyId}/feedback`: weekly NPS with its band, and the 0–10 distribution of the range. */
export const SurveyFeedback = z.object({
  surveyId: SurveyId,
  /** The version asked for; null: every version together. */
  version: z.nullable(SurveyVersionNumber),
  from: IsoDate,
  to: IsoDate,
  /** Every week the range touches, oldest first (the first and last cut at `from` and `to`). */
  weekly: z.array(NpsWeek),
  /** How many NPS answers gave each score, 0 to 10, zeros included. */
  distribution: z.array(z.object({ score: z.int().check(z.gte(0), z.lte(10)), count: Count })),
});
export type SurveyFeedback = z.infer<typeof SurveyFeedback>;

export const NpsGroupName = z.enum(['promoter', 'passive', 'detractor']);

/**
 * Query of `GET /v1/admin/surveys/{surveyId}/verbatims`: the free-text answers of counted responses, newest first,
 * narrowed by version, NPS group, a dimension the response touched and the days it was answered on.
 */
export const VerbatimListQuery = z.object({
  version: SurveyResultsQuery.shape.version,
  group: z.optional(NpsGroupName),
  dimension: z.optional(ServiceQualityDimension),
  ...DateRange,
  /** `limit`: 1–100, default 20. */
  ...cursorPaging(VERBATIM_LIST_MAX_LIMIT),
});
export type VerbatimListQuery = z.infer<typeof VerbatimListQuery>;

/** One free-text answer, with the response it belongs to. */
export const Verbatim = z.object({
  responseId: z.uuid(),
  version: SurveyVersionNumber,
  customer: z.object({ id: Identifier, name: z.string() }),
  /** The response's NPS answer and its group; null when it has none. */
  nps: z.nullable(z.int().check(z.gte(0), z.lte(10))),
  group: z.nullable(NpsGroupName),
  questionId: QuestionId,
  text: z.string(),
  /** Dimensions of the options the response chose, without repeats. */
  dimensions: z.array(ServiceQualityDimension),
  answeredAt: IsoDateTime,
});
export type Verbatim = z.infer<typeof Verbatim>;

export const VerbatimPage = z.object({
  verbatims: z.array(Verbatim),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type VerbatimPage = z.infer<typeof VerbatimPage>;
