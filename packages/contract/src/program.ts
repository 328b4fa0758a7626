import * as z from 'zod/mini';
import { CurrencyCode, Identifier, LocalizedText, PositivePoints, TimeZoneName } from './primitives.ts';

/**
 * What a tier is measured on: `points` earned (earn entries and adjustments; never redemptions,
 * expiries or birthday bonuses), or `spend` in integer minor units of the program's currency.
 */
export const TierMetric = z.enum(['points', 'spend']);
export type TierMetric = z.infer<typeof TierMetric>;

/** The period tier-qualifying activity counts for: a rolling window of the last `months` months. */
export const QualificationWindow = z.object({
  type: z.literal('rolling'),
  months: z.int().check(z.gte(1), z.lte(120)),
});
export type QualificationWindow = z.infer<typeof QualificationWindow>;

/** One tier of `GET /v1/program`. */
export const ProgramTier = z.object({
  id: Identifier,
  name: LocalizedText,
  /** How much of `metric` inside `window` holds this tier: points, or minor units of the program currency. */
  threshold: z.int().check(z.gte(0)),
  metric: TierMetric,
  window: QualificationWindow,
  /** What the tier gives, one line per benefit, per language. */
  benefits: z.array(LocalizedText),
  /** Points from orders are multiplied by this in the tier (1: the program's earn rate). Absent from an API that predates it. */
  earnMultiplier: z.optional(z.number().check(z.gt(0))),
});
export type ProgramTier = z.infer<typeof ProgramTier>;

/**
 * The birthday reward: `points` granted once per birthday (each occurrence, by its celebration date),
 * claimable from `daysBefore` days before to `daysAfter` days after the birthday (inclusive), counted in
 * the customer's time zone.
 */
export const BirthdayReward = z.object({
  points: PositivePoints,
  daysBefore: z.int().check(z.gte(0), z.lte(31)),
  daysAfter: z.int().check(z.gte(0), z.lte(31)),
  /**
   * A birthday the customer sets or changes fewer than `noticeDays` days before a reward window opens is
   * saved, but that birthday pays nothing (the next one does); 0: no notice. A birthday the merchant sets
   * is not held back. Absent from an API that predates it.
   */
  noticeDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
});
export type BirthdayReward = z.infer<typeof BirthdayReward>;

/** How a customer earns points: what the ways-to-earn list is built from. */
export const ProgramEarning = z.object({
  /** Points per whole unit of the program's currency spent on an order, before the tier's `earnMultiplier`. */
  earnRate: z.number().check(z.gte(0)),
  /** Points credited once when a customer joins; 0: none. */
  welcomeBonus: z.int().check(z.gte(0)),
  /** The highest completion reward among the program's active surveys; 0: no active survey rewards its answers. */
  surveyPoints: z.int().check(z.gte(0)),
  /**
   * The referral program: points for the shopper who refers and for the friend, after the friend's first order; null
   * when the program has none. Absent from an API that predates it.
   */
  referral: z.optional(
    z.nullable(z.object({ referrerPoints: z.int().check(z.gte(0)), friendPoints: z.int().check(z.gte(0)) })),
  ),
});
export type ProgramEarning = z.infer<typeof ProgramEarning>;

/**
 * `GET /v1/program`: the program's public settings. Needs only the publishable key; answers a strong
 * `ETag` and `Cache-Control: public, max-age=300`.
 */
export const Program = z.object({
  name: z.string(),
  /** What the program calls its points, per language (`{ en: "points", "zh-CN": "积分" }`). */
  pointsName: LocalizedText,
  /** The program's time zone; a customer without their own uses it. */
  timezone: TimeZoneName,
  /** Currency of spend amounts (and of spend thresholds). */
  currency: CurrencyCode,
  /** Ordered by threshold, lowest first. The lowest tier is where every customer starts. */
  tiers: z.array(ProgramTier).check(z.minLength(1)),
  /** Months after which earned points expire by default; null when points never expire. */
  pointsExpiryMonths: z.nullable(z.int().check(z.gte(1))),
  /** The birthday reward, or null when the program has none. */
  birthday: z.nullable(BirthdayReward),
  /** How points are earned. Absent from an API that predates it. */
  earning: z.optional(ProgramEarning),
});
export type Program = z.infer<typeof Program>;
