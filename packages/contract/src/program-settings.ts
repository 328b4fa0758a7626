import * as z from 'zod/mini';
import { CurrencyCode, Identifier, LocalizedText, MAX_INT4, PositivePoints, TimeZone, UserText } from './primitives.ts';
import { TierMetric } from './program.ts';

/** Where the merchant reads and changes the program's settings (secret key). */
export const programSettingsPath = '/v1/admin/program';

/** A tier as the merchant defines it. */
export const TierSettings = z.strictObject({
  id: Identifier,
  name: LocalizedText,
  /** How much of the tier metric inside the window holds this tier. The lowest tier's is 0. */
  threshold: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
  /** What the tier gives, one line per benefit, per language. */
  benefits: z.array(LocalizedText).check(z.maxLength(20)),
  /** Points from orders are multiplied by this (1: as the earn rate says; 1.5: half as many again). */
  earnMultiplier: z.number().check(z.gt(0), z.lte(100)),
});
export type TierSettings = z.infer<typeof TierSettings>;

/** The birthday reward and its guard against a birthday set just in time for a gift. */
export const BirthdaySettings = z.strictObject({
  points: PositivePoints.check(z.lte(MAX_INT4)),
  daysBefore: z.int().check(z.gte(0), z.lte(31)),
  daysAfter: z.int().check(z.gte(0), z.lte(31)),
  /** A birthday the shopper sets fewer than this many days before its reward window opens pays from the next one. */
  noticeDays: z.int().check(z.gte(0), z.lte(365)),
});
export type BirthdaySettings = z.infer<typeof BirthdaySettings>;

/** Distinct whole numbers of days in `min`–`max`, at most five. */
function reminderDays(min: number, max: number) {
  return z.array(z.int().check(z.gte(min), z.lte(max))).check(
    z.maxLength(5),
    z.refine((days) => new Set(days).size === days.length, 'Each number of days may appear once.'),
  );
}

/** When the scheduled webhook events remind ahead of a moment, in days before it. */
export const ReminderSettings = z.strictObject({
  /** `points.expiring` this many days before points expire (1–365 each; default `[14, 3]`). */
  pointsExpiringDays: reminderDays(1, 365),
  /** `birthday.upcoming` this many days before a birthday, in the customer's time zone (0–60 each; default `[7]`). */
  birthdayUpcomingDays: reminderDays(0, 60),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/** Most points a referral may give either side. */
export const MAX_REFERRAL_POINTS = 1_000_000;

const ReferralPoints = z.int().check(z.gte(0), z.lte(MAX_REFERRAL_POINTS));

/**
 * The referral program: what a referred friend's first order gives each side, and how many referrals a
 * referrer is rewarded for per calendar month (in the program's time zone).
 */
export const ReferralSettings = z.strictObject({
  /** Points for the shopper whose code brought the friend. */
  referrerPoints: ReferralPoints,
  /** Points for the friend. */
  friendPoints: ReferralPoints,
  /** Rewarded referrals per referrer per calendar month; past it the friend is still rewarded. */
  monthlyCap: z.int().check(z.gte(1), z.lte(1000)),
  /** Where a shared link lands (`https:`); the link is this URL with `ref=<code>` added. Null: codes only. */
  landingUrl: z.nullable(UserText.check(z.maxLength(2000), z.url({ protocol: /^https?$/ }))),
});
export type ReferralSettings = z.infer<typeof ReferralSettings>;

/** `GET /v1/admin/program`: every setting of the program. */
export const ProgramSettings = z.strictObject({
  name: UserText.check(z.minLength(1), z.maxLength(200)),
  /** What the program calls its points, per language (`{ en: "points", "zh-CN": "积分" }`). */
  pointsName: LocalizedText,
  timezone: TimeZone,
  currency: CurrencyCode,
  /** Months after which earned points expire; null: never. */
  pointsExpiryMonths: z.nullable(z.int().check(z.gte(1), z.lte(120))),
  /** What tiers are measured on: points earned, or spend in minor units of `currency`. */
  tierMetric: TierMetric,
  /** The rolling window, in months, in which qualifying activity counts. */
  tierWindowMonths: z.int().check(z.gte(1), z.lte(120)),
  /** How many days ahead a member's tier is forecast: within them, a coming fall below its threshold is a risk. */
  tierRiskHorizonDays: z.int().check(z.gte(1), z.lte(366)),
  /** Lowest first, thresholds ascending; the first has threshold 0. */
  tiers: z.array(TierSettings).check(z.minLength(1), z.maxLength(20)),
  birthday: z.nullable(BirthdaySettings),
  /** Points credited once when a customer joins; 0: none. */
  welcomeBonus: z.int().check(z.gte(0), z.lte(MAX_INT4)),
  /** Points per whole unit of `currency` spent on an order (1: a point per ¥1), before the tier's multiplier. */
  earnRate: z.number().check(z.gte(0), z.lte(10_000)),
  /** Points from an order stay pending for this many days after it was placed, while it can still be returned. */
  returnWindowDays: z.int().check(z.gte(0), z.lte(365)),
  reminders: ReminderSettings,
  /** Hours within which a service-recovery follow-up should be resolved; after them an open one is overdue. */
  followUpTargetHours: z.int().check(z.gte(1), z.lte(720)),
  /** Days without activity after which an active member counts as lapsed (7–730). */
  lapsedAfterDays: z.int().check(z.gte(7), z.lte(730)),
  /** The referral program; null (the default): none. */
  referrals: z.nullable(ReferralSettings),
});
export type ProgramSettings = z.infer<typeof ProgramSettings>;

/**
 * `PATCH /v1/admin/program`: the settings to change; the others stay. `tiers` replaces the whole list. A tier left
 * out that members hold, or that a reward requires, needs a target in `tierReplacements` (`{ "silver": "gold" }`):
 * rewards requiring it then require the target. `reminders` changes the lists it names.
 */
export const ProgramSettingsPatch = z.strictObject({
  ...z.partial(ProgramSettings).shape,
  reminders: z.optional(z.partial(ReminderSettings)),
  tierReplacements: z.optional(z.record(Identifier, Identifier)),
});
export type ProgramSettingsPatch = z.infer<typeof ProgramSettingsPatch>;
