import * as z from 'zod/mini';
import { BirthdayStatus } from './birthday.ts';
import { ExpiringPoints } from './points.ts';
import { TierMetric } from './program.ts';
import { Identifier, IsoDateTime, LocalizedText, Points, TimeZoneName } from './primitives.ts';
import { SurveyDefinition, SurveyTrigger } from './surveys.ts';

export const TierRef = z.object({
  id: Identifier,
  name: LocalizedText,
});
export type TierRef = z.infer<typeof TierRef>;

/** How far the customer is towards the next tier. */
export const TierProgress = z.object({
  metric: TierMetric,
  /** Tier-qualifying points (or spend, in minor units) inside the rolling window. */
  qualified: z.int().check(z.gte(0)),
  /** The next tier's threshold; null at the top tier. */
  nextThreshold: z.nullable(z.int().check(z.gte(0))),
  /** How much more reaches the next tier; 0 at the top tier. */
  remaining: z.int().check(z.gte(0)),
});
export type TierProgress = z.infer<typeof TierProgress>;

/** The current tier would be lost within the program's forecast horizon: when, how much keeps it, and what follows. */
export const TierRisk = z.object({
  /** The current tier's threshold. */
  retainThreshold: z.int().check(z.gte(0)),
  /** How much more must qualify before `at` to keep the current tier. */
  remaining: z.int().check(z.gte(1)),
  /** When the tier would be lost, as activity leaves the window. Absent from an API that predates it: `windowEndsAt`. */
  at: z.optional(IsoDateTime),
  /** The tier the customer would drop to then (possibly several levels down). Absent from an API that predates it. */
  dropsTo: z.optional(TierRef),
});
export type TierRisk = z.infer<typeof TierRisk>;

/**
 * Tier standing, kept apart from the spendable balance: redeeming never demotes. With a rolling
 * window, qualifying activity counts for the window's length after it happens.
 */
export const TierStatus = z.object({
  current: TierRef,
  /** The tier above; null at the top tier. */
  next: z.nullable(TierRef),
  progress: TierProgress,
  /**
   * When the oldest activity still counting leaves the window (the qualified amount falls then,
   * unless more is earned); null when nothing counts yet.
   */
  windowEndsAt: z.nullable(IsoDateTime),
  /** Non-null when, within the program's forecast horizon, what is left would fall below the current tier's threshold. */
  atRisk: z.nullable(TierRisk),
});
export type TierStatus = z.infer<typeof TierStatus>;

/**
 * `GET /v1/me/summary`: everything the widgets on one page need about the signed-in customer,
 * in one response.
 */
export const Summary = z.object({
  customer: z.object({
    id: Identifier,
    name: z.string(),
    locale: z.nullable(z.string()),
    /** The customer's time zone (the program's when they have none of their own). */
    timezone: TimeZoneName,
  }),
  program: z.object({
    name: z.string(),
    /** What the program calls its points, per language (`{ en: "points", "zh-CN": "积分" }`). */
    pointsName: LocalizedText,
  }),
  points: z.object({
    /** Spendable now: neither pending nor expired. */
    balance: Points,
    /** Credited but not yet spendable. */
    pending: Points,
    /** Every point ever credited (earned, birthday bonuses, positive adjustments). */
    lifetimeEarned: Points,
    /** The next few expiry dates of the points held (spendable or pending), soonest first. */
    expiring: z.array(ExpiringPoints),
  }),
  tier: TierStatus,
  /** Null until the customer's birthday is known. */
  birthday: z.nullable(BirthdayStatus),
  /**
   * The triggers at which a survey is due for the customer now, sorted (`GET /v1/me/surveys/eligible`
   * gives it). A survey widget whose trigger is not listed shows nothing and asks nothing more. Absent from
   * an API that predates it: then a client asks for the survey at its trigger.
   */
  surveysDue: z.optional(z.array(SurveyTrigger)),
  /**
   * Per trigger in `surveysDue`, the survey due there: the whole definition `GET /v1/me/surveys/eligible` would
   * give, so a survey widget shows it without asking. Absent from an API that predates it: then a client asks for
   * the survey at its trigger.
   */
  dueSurveys: z.optional(z.record(SurveyTrigger, SurveyDefinition)),
});
export type Summary = z.infer<typeof Summary>;
