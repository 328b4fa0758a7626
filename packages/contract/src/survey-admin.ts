import * as z from 'zod/mini';
import { LocalizedText } from './primitives.ts';
import {
  SurveyDefinition,
  SurveyDraft,
  SurveyId,
  SurveyStatus,
  SurveyTrigger,
  SurveyVersionNumber,
} from './surveys.ts';

/**
 * `PUT /v1/admin/surveys/{surveyId}`: a survey as its merchant defines it. `active: false` stops it being offered
 * (its status becomes `paused`) and keeps its results; `active: true` offers it again. A change of title, intro,
 * questions, thanks or completion reward publishes a new version; trigger, sampling, recontact and `active` apply
 * to the survey as a whole and keep the version. `id`, if given, must be the one in the path.
 */
export const SurveyDefinitionInput = z.strictObject({
  ...z.omit(SurveyDraft, { id: true, status: true }).shape,
  id: z.optional(SurveyId),
  active: z.boolean(),
});
export type SurveyDefinitionInput = z.infer<typeof SurveyDefinitionInput>;

/** A survey's current definition as its merchant reads it: the published definition and whether it is offered. */
export const AdminSurvey = z.extend(SurveyDefinition, {
  /** Offered to shoppers (`status` is `active`). */
  active: z.boolean(),
});
export type AdminSurvey = z.infer<typeof AdminSurvey>;

/** How many shoppers began a survey (all its versions) and how many completions count in its results. */
export const SurveyResponseCounts = z.object({
  started: z.int().check(z.gte(0)),
  completed: z.int().check(z.gte(0)),
});
export type SurveyResponseCounts = z.infer<typeof SurveyResponseCounts>;

/** One line of the merchant's survey list. */
export const SurveySummary = z.object({
  id: SurveyId,
  status: SurveyStatus,
  active: z.boolean(),
  trigger: SurveyTrigger,
  /** The version shoppers are asked now. */
  version: SurveyVersionNumber,
  title: LocalizedText,
  responses: SurveyResponseCounts,
});
export type SurveySummary = z.infer<typeof SurveySummary>;

/** `GET /v1/admin/surveys`: every survey of the program, oldest first. */
export const SurveyList = z.object({ surveys: z.array(SurveySummary) });
export type SurveyList = z.infer<typeof SurveyList>;
