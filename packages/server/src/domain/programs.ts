import type { BirthdayReward, LocalizedText, ReferralSettings, TierMetric } from '@loyalty-elements/contract';
import { jsonValue, toNumber, type Queryable } from '../store/database.ts';

export interface Tier {
  id: string;
  name: LocalizedText;
  /** Tier-qualifying points (or spend, in minor units) inside the qualification window needed to hold the tier. */
  threshold: number;
  benefits: LocalizedText[];
  /** Points from orders are multiplied by this. */
  earnMultiplier: number;
}

/** The birthday reward with its notice period (always known on the server). */
export interface BirthdayRule extends BirthdayReward {
  /**
   * A birthday the customer sets or changes fewer than this many days before a reward window opens is saved, but
   * that occurrence pays nothing; 0: no notice. Birthdays the merchant sets are not held back.
   */
  noticeDays: number;
}

export interface Program {
  id: string;
  name: string;
  pointsName: LocalizedText;
  /** The current publishable key. */
  publishableKey: string;
  /** The current secret key. */
  secretKey: string;
  /** Publishable keys rotated out and still inside their grace period, at the moment the program was read. */
  gracePublishableKeys: string[];
  /** Secret keys rotated out and still inside their grace period: they still verify tokens and admin calls. */
  graceSecretKeys: string[];
  timezone: string;
  currency: string;
  /** What every tier of the program is measured on. */
  tierMetric: TierMetric;
  /** Length of the rolling window in which qualifying activity counts towards a tier. */
  tierWindowMonths: number;
  /** How many days ahead a member's tier is forecast for the at-risk warning. */
  tierRiskHorizonDays: number;
  /** Default lifetime of earned points; null: they never expire. */
  pointsExpiryMonths: number | null;
  birthday: BirthdayRule | null;
  /** Points credited once when a customer joins; 0: none. */
  welcomeBonus: number;
  /** Points per whole unit of `currency` spent on an order, before the tier's multiplier. */
  earnRate: number;
  /** Points from an order stay pending this many days after it was placed. */
  returnWindowDays: number;
  /** Days before a moment that the scheduled webhook events remind of it. */
  reminders: Reminders;
  /** Hours within which a follow-up should be resolved; after them an open one is overdue. */
  followUpTargetHours: number;
  /** Days without activity after which an active member counts as lapsed. */
  lapsedAfterDays: number;
  /** The referral program; null: none. */
  referrals: ReferralSettings | null;
  /** Ordered by threshold, lowest first. */
  tiers: Tier[];
  /** Bumped by every write of the program's settings, tiers, keys or surveys: a cached copy is current while it matches. */
  settingsVersion: number;
  /** When the first rotated-out key still in its grace period stops working; null when none is. */
  graceEndsAt: Date | null;
}

export interface Reminders {
  /** `points.expiring` this many days before points expire. */
  pointsExpiringDays: number[];
  /** `birthday.upcoming` this many days before a birthday. */
  birthdayUpcomingDays: number[];
}

interface ProgramRow {
  id: string;
  name: string;
  points_name: LocalizedText;
  publishable_key: string;
  secret_key: string;
  timezone: string;
  currency: string;
  tier_metric: TierMetric;
  tier_window_months: number;
  tier_risk_horizon_days: number;
  points_expiry_months: number | null;
  birthday_points: number | null;
  birthday_days_before: number;
  birthday_days_after: number;
  birthday_notice_days: number;
  welcome_bonus: number;
  earn_rate: number | string;
  return_window_days: number;
  points_expiring_days: Array<number | string>;
  birthday_upcoming_days: Array<number | string>;
  follow_up_target_hours: number;
  lapsed_after_days: number;
  referral_settings: ReferralSettings | string | null;
  tiers: Array<{
    id: string;
    name: LocalizedText;
    threshold: number | string;
    benefits: LocalizedText[];
    earn_multiplier: number | string;
  }>;
  grace_keys: Array<{ key: string; kind: 'publishable' | 'secret' }>;
  grace_ends_at: Date | string | null;
  settings_version: number | string;
}

const SELECT_PROGRAM = `
  SELECT p.id, p.name, p.points_name, p.publishable_key, p.secret_key, p.timezone, p.currency, p.tier_metric,
         p.tier_window_months, p.points_expiry_months, p.birthday_points, p.birthday_days_before,
         p.birthday_days_after, p.birthday_notice_days, p.welcome_bonus, p.earn_rate,
         p.tier_risk_horizon_days, p.return_window_days, p.points_expiring_days, p.birthday_upcoming_days,
         p.follow_up_target_hours, p.lapsed_after_days, p.referral_settings, p.settings_version,
         COALESCE(
           (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'threshold', t.threshold,
                                              'benefits', t.benefits, 'earn_multiplier', t.earn_multiplier)
                            ORDER BY t.threshold)
              FROM tiers t WHERE t.program_id = p.id),
           '[]'::json) AS tiers,
         COALESCE(
           (SELECT json_agg(json_build_object('key', k.key, 'kind', k.kind) ORDER BY k.retired_at DESC)
              FROM retired_keys k WHERE k.program_id = p.id AND k.expires_at > $2),
           '[]'::json) AS grace_keys,
         (SELECT min(k.expires_at) FROM retired_keys k WHERE k.program_id = p.id AND k.expires_at > $2) AS grace_ends_at
    FROM programs p`;

export function findProgramById(db: Queryable, id: string, at: Date = new Date()): Promise<Program | undefined> {
  return findOne(db, 'p.id = $1', id, at);
}

/** The program whose current publishable key is `key`, or one rotated out whose grace period lasts past `at`. */
export function findProgramByPublishableKey(
  db: Queryable,
  key: string,
  at: Date = new Date(),
): Promise<Program | undefined> {
  return findOne(db, keyMatches('publishable'), key, at);
}

/** The program whose current secret key is `key`, or one rotated out whose grace period lasts past `at`. */
export function findProgramBySecretKey(
  db: Queryable,
  key: string,
  at: Date = new Date(),
): Promise<Program | undefined> {
  return findOne(db, keyMatches('secret'), key, at);
}

function keyMatches(kind: 'publishable' | 'secret'): string {
  return `(p.${kind}_key = $1 OR p.id = (SELECT k.program_id FROM retired_keys k
                                            WHERE k.key = $1 AND k.kind = '${kind}' AND k.expires_at > $2))`;
}

async function findOne(db: Queryable, where: string, value: string, at: Date): Promise<Program | undefined> {
  const [row] = await db.query<ProgramRow>(`${SELECT_PROGRAM} WHERE ${where}`, [value, at]);
  return row && toProgram(row);
}

function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    name: row.name,
    pointsName: row.points_name,
    publishableKey: row.publishable_key,
    secretKey: row.secret_key,
    gracePublishableKeys: row.grace_keys.filter((k) => k.kind === 'publishable').map((k) => k.key),
    graceSecretKeys: row.grace_keys.filter((k) => k.kind === 'secret').map((k) => k.key),
    timezone: row.timezone,
    currency: row.currency,
    tierMetric: row.tier_metric,
    tierWindowMonths: toNumber(row.tier_window_months),
    tierRiskHorizonDays: toNumber(row.tier_risk_horizon_days),
    pointsExpiryMonths: row.points_expiry_months === null ? null : toNumber(row.points_expiry_months),
    birthday:
      row.birthday_points === null
        ? null
        : {
            points: toNumber(row.birthday_points),
            daysBefore: toNumber(row.birthday_days_before),
            daysAfter: toNumber(row.birthday_days_after),
            noticeDays: toNumber(row.birthday_notice_days),
          },
    welcomeBonus: toNumber(row.welcome_bonus),
    earnRate: Number(row.earn_rate),
    returnWindowDays: toNumber(row.return_window_days),
    reminders: {
      pointsExpiringDays: row.points_expiring_days.map(toNumber),
      birthdayUpcomingDays: row.birthday_upcoming_days.map(toNumber),
    },
    followUpTargetHours: toNumber(row.follow_up_target_hours),
    lapsedAfterDays: toNumber(row.lapsed_after_days),
    referrals: jsonValue(row.referral_settings),
    tiers: row.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      threshold: toNumber(tier.threshold),
      benefits: tier.benefits ?? [],
      earnMultiplier: Number(tier.earn_multiplier),
    })),
    settingsVersion: toNumber(row.settings_version),
    graceEndsAt: row.grace_ends_at === null ? null : new Date(row.grace_ends_at),
  };
}
