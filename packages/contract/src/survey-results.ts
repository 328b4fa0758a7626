import * as z from 'zod/mini';
import { Identifier } from './primitives.ts';
import {
  DepartureReason,
  OptionId,
  QuestionId,
  ServiceQualityDimension,
  SurveyId,
  SurveyVersionNumber,
} from './surveys.ts';

// ─── Admin: service-recovery follow-ups ─────────────────────────────────────────────────────────

export const FollowUpStatus = z.enum(['open', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/**
 * Raised when a response completes with an NPS detractor score (0–6), a free-text answer and
 * consent to be contacted: someone should get back to this shopper.
 */
export const FollowUp = z.object({
  id: z.uuid(),
  status: FollowUpStatus,
  customer: z.object({ id: Identifier, name: z.string(), locale: z.nullable(z.string()) }),
  surveyId: SurveyId,
  version: SurveyVersionNumber,
  responseId: z.uuid(),
  nps: z.int().check(z.gte(0), z.lte(10)),
  /** The free-text answers, in question order. */
  comments: z.array(z.object({ questionId: QuestionId, text: z.string() })),
  /** Dimensions of the options the shopper chose (what went wrong), without repeats. */
  dimensions: z.array(ServiceQualityDimension),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FollowUp = z.infer<typeof FollowUp>;

// ─── Admin: results ─────────────────────────────────────────────────────────────────────────────

/** Query of `GET /v1/admin/surveys/{surveyId}/results`: one version, or every version. */
export const SurveyResultsQuery = z.object({
  version: z.optional(z.string().check(z.regex(/^[1-9]\d{0,8}$/, 'A version number.'))),
});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

const Count = z.int().check(z.gte(0));
/** Percentages have one decimal, means two; null when nothing was answered. */
const Stat = z.nullable(z.number());
const Distribution = z.array(z.object({ value: z.int(), count: Count }));

export const NpsResult = z.object({
  answered: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  /** Promoters % − detractors %, −100 … 100. */
  score: Stat,
  distribution: Distribution,
});
export type NpsResult = z.infer<typeof NpsResult>;

export const CsatResult = z.object({
  answered: Count,
  /** Answers of 4 or 5. */
  satisfied: Count,
  satisfiedPercent: Stat,
  mean: Stat,
  distribution: Distribution,
});
export type CsatResult = z.infer<typeof CsatResult>;

export const CesResult = z.object({ answered: Count, mean: Stat, distribution: Distribution });
export type CesResult = z.infer<typeof CesResult>;

const ChoiceResultShape = {
  answered: Count,
  options: z.array(z.object({ optionId: OptionId, dimension: z.nullable(ServiceQualityDimension), count: Count })),
  /** Answers that came with an "other" text. */
  otherTexts: Count,
};
const MeanOf = z.object({ count: Count, mean: Stat });

export const QuestionResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nps'), questionId: QuestionId, ...NpsResult.shape }),
  z.object({ kind: z.literal('csat'), questionId: QuestionId, ...CsatResult.shape }),
  z.object({ kind: z.literal('ces'), questionId: QuestionId, ...CesResult.shape }),
  z.object({ kind: z.literal('single_choice'), questionId: QuestionId, ...ChoiceResultShape }),
  z.object({ kind: z.literal('multiple_choice'), questionId: QuestionId, ...ChoiceResultShape }),
  z.object({ kind: z.literal('free_text'), questionId: QuestionId, answered: Count }),
  z.object({
    kind: z.literal('servqual'),
    questionId: QuestionId,
    answered: Count,
    dimensions: z.array(z.extend(MeanOf, { dimension: ServiceQualityDimension })),
  }),
]);
export type QuestionResult = z.infer<typeof QuestionResult>;

/** One service-quality dimension, from the servqual ratings and from the options tagged with it. */
export const DimensionResult = z.object({
  dimension: ServiceQualityDimension,
  /** Servqual ratings (1–5) of this dimension. */
  rating: MeanOf,
  mentions: z.object({
    /** Times an option tagged with this dimension was chosen. */
    count: Count,
    /** Responses that chose at least one such option. */
    respondents: Count,
    /** `respondents` as a % of the responses that answered a question offering such an option. */
    share: Stat,
    /** Mean NPS of those respondents: how much this dimension hurts (or helps). */
    meanNps: Stat,
  }),
});
export type DimensionResult = z.infer<typeof DimensionResult>;

export const SurveyVersionResults = z.object({
  version: SurveyVersionNumber,
  /** Every response counts once; scores use the answers of complete and partial responses alike. */
  responses: z.object({ total: Count, complete: Count, partial: Count }),
  dismissals: Count,
  /** Of the version's first question of that kind; null when it has none. */
  nps: z.nullable(NpsResult),
  csat: z.nullable(CsatResult),
  ces: z.nullable(CesResult),
  questions: z.array(QuestionResult),
  dimensions: z.array(DimensionResult),
  /**
   * Why customers left, from choice options that name a `departureReason`: every reason, in the order of
   * DEPARTURE_REASONS, with how many respondents chose it and their share (%) of `respondents`. Null when no
   * question of the version names a reason.
   */
  departures: z.nullable(
    z.object({
      /** Respondents who chose at least one reason. */
      respondents: Count,
      reasons: z.array(z.object({ reason: DepartureReason, count: Count, share: Stat })),
    }),
  ),
});
export type SurveyVersionResults = z.infer<typeof SurveyVersionResults>;

/**
 * The versions given in `versions` pooled: every response scored by the questions of the version it answered, so
 * a score stays comparable across a change of wording. Per-question results differ between versions and are only
 * given per version.
 */
export const SurveyCombinedResults = z.extend(z.omit(SurveyVersionResults, { version: true, questions: true }), {
  versions: z.array(SurveyVersionNumber),
});
export type SurveyCombinedResults = z.infer<typeof SurveyCombinedResults>;

/**
 * `GET /v1/admin/surveys/{surveyId}/results`: per version, oldest first, and those versions combined (with
 * `?version=`, that one version).
 */
export const SurveyResults = z.object({
  surveyId: SurveyId,
  currentVersion: z.int().check(z.gte(1)),
  versions: z.array(SurveyVersionResults),
  combined: SurveyCombinedResults,
});
export type SurveyResults = z.infer<typeof SurveyResults>;
