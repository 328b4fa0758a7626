import * as z from 'zod/mini';
import { PositivePoints } from './primitives.ts';
import { SurveyAnswers, SurveyDefinition, SurveyId, SurveyTrigger, SurveyVersionNumber } from './surveys.ts';

// What a shopper's widget asks and writes: the survey due at a trigger, responses, dismissals.

/** Query of `GET /v1/me/surveys/eligible`. */
export const EligibleSurveyQuery = z.object({ trigger: SurveyTrigger });
export type EligibleSurveyQuery = z.infer<typeof EligibleSurveyQuery>;

/** Why no survey was offered. */
export const IneligibleReason = z.enum([
  /** No active survey uses this trigger. */
  'no_survey',
  /** The customer is outside the survey's sample (sticky: asking again gives the same answer). */
  'not_sampled',
  /** The customer completed or dismissed the survey within its recontact period. */
  'recontact',
  /** The customer completed a survey recently; surveys pause for everyone in a cooldown. */
  'cooldown',
]);
export type IneligibleReason = z.infer<typeof IneligibleReason>;

/** `GET /v1/me/surveys/eligible?trigger=…`: at most one survey to ask now. */
export const EligibleSurvey = z.object({
  survey: z.nullable(SurveyDefinition),
  reason: z.optional(IneligibleReason),
});
export type EligibleSurvey = z.infer<typeof EligibleSurvey>;

/**
 * Body of `PUT /v1/me/surveys/responses/{responseId}`, where the client generates `responseId`
 * (a UUID) when the survey is shown.
 *
 * - `answers` is the client's whole current state: every answer given so far (a question left out
 *   is unanswered), so the write with the highest `sequence` says everything and an earlier one
 *   arriving late can be ignored.
 * - `sequence` grows with every write of the response. A write whose sequence is not above the
 *   stored one changes nothing and answers the stored state, so retries are harmless.
 * - The response is pinned to `surveyId` and `version` by its first write, which is accepted only
 *   while the survey is due for the customer (as `GET /v1/me/surveys/eligible` would offer it);
 *   otherwise it is refused (`survey_not_due`) and nothing is stored.
 * - Of a customer's responses to one survey, only the first to complete within its recontact period
 *   (at least a day) earns the completion reward and counts in results; a later one is kept.
 * - `complete: true` completes it, once: required shown questions must be answered; later writes
 *   with `complete: true` change nothing, other later writes are refused (`response_completed`).
 * - `contactConsent`: the shopper agrees to be contacted about their answers. Default false.
 * - `endMembership`: on the write that completes a `program_exit` survey, the shopper confirmed they want
 *   their membership to end; it ends in the same transaction, for the reason of the option they chose
 *   (`other` when none). Ignored on other writes and other surveys.
 */
export const SurveyResponseUpdate = z.object({
  surveyId: SurveyId,
  version: SurveyVersionNumber,
  sequence: z.int().check(z.gte(0)),
  answers: SurveyAnswers,
  complete: z.optional(z.boolean()),
  contactConsent: z.optional(z.boolean()),
  endMembership: z.optional(z.boolean()),
});
export type SurveyResponseUpdate = z.infer<typeof SurveyResponseUpdate>;

export const SurveyResponseStatus = z.enum(['partial', 'complete']);
export type SurveyResponseStatus = z.infer<typeof SurveyResponseStatus>;

/** A response as stored: the answer to every write and to `GET /v1/me/surveys/responses/{id}`. */
export const SurveyResponse = z.object({
  id: z.uuid(),
  surveyId: SurveyId,
  version: SurveyVersionNumber,
  sequence: z.int().check(z.gte(0)),
  answers: SurveyAnswers,
  contactConsent: z.boolean(),
  status: SurveyResponseStatus,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  completedAt: z.nullable(z.iso.datetime({ offset: true })),
  /** Points the completion earned (the survey's `completionReward`); null before completion or without one. */
  pointsAwarded: z.nullable(PositivePoints),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** Body of `POST /v1/me/surveys/{surveyId}/dismissals` (may be empty). Safe to repeat. */
export const SurveyDismissalRequest = z.object({
  version: z.optional(SurveyVersionNumber),
  responseId: z.optional(z.uuid()),
});
export type SurveyDismissalRequest = z.infer<typeof SurveyDismissalRequest>;

export const SurveyDismissal = z.object({
  surveyId: SurveyId,
  /** The version dismissed: the one sent, or the survey's current version. */
  version: SurveyVersionNumber,
  dismissedAt: z.iso.datetime({ offset: true }),
});
export type SurveyDismissal = z.infer<typeof SurveyDismissal>;
