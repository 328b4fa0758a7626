import * as z from 'zod/mini';
import { Points, UserText } from './primitives.ts';

/** The shopper's referral: their code, link and what it has earned them (customer token). */
export const referralPaths = {
  referral: '/v1/me/referral',
} as const;

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

/**
 * A referral code as a merchant passes it on (`referralCode` of an order or a new customer): 8 characters of
 * Crockford base32. Case, spaces and hyphens do not matter; `I`/`L` read as `1` and `O` as `0`.
 */
export const ReferralCodeInput = UserText.check(z.minLength(1), z.maxLength(64));

/**
 * `pending`: waiting for the friend's first order. `rewarded`: both sides credited. `refused`: not rewarded, or
 * the referrer not (see `reason`). `reversed`: a full refund of that first order took both credits back.
 */
export const ReferralStatus = z.enum(['pending', 'rewarded', 'refused', 'reversed']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/**
 * Why a referral was refused: the friend's own code (`self_referral`), a referrer with the friend's e-mail
 * (`same_email`), a referrer whose membership ended or was erased (`referrer_inactive`), or a referrer past the
 * program's `monthlyCap` (`monthly_cap`: the friend is rewarded, the referrer not).
 */
export const ReferralRefusedReason = z.enum(['self_referral', 'same_email', 'referrer_inactive', 'monthly_cap']);
export type ReferralRefusedReason = z.infer<typeof ReferralRefusedReason>;

/** What became of the referral a request named, as it stands after it. */
export const ReferralOutcome = z.object({
  status: ReferralStatus,
  reason: z.nullable(ReferralRefusedReason),
});
export type ReferralOutcome = z.infer<typeof ReferralOutcome>;

/** `GET /v1/me/referral`: the shopper's code and link, what each side gets, and what referring has brought. */
export const Referral = z.object({
  /** False when the program has no referral program: nothing else is set. */
  enabled: z.boolean(),
  /** 8 characters of Crockford base32; made on first read. Null when not `enabled`. */
  code: z.nullable(z.string()),
  /** The program's landing URL with `ref=<code>`; null when not `enabled` or the program has no landing URL. */
  link: z.nullable(z.string()),
  /** Points the shopper gets for each friend's first order. */
  referrerPoints: Points,
  /** Points the friend gets for their first order. */
  friendPoints: Points,
  /** Friends who came with the shopper's code (self-referrals and referrals refused as such left out). */
  friendsJoined: Points,
  /** Of them, friends whose first order rewarded the shopper, not taken back. */
  friendsRewarded: Points,
  /** Points the shopper was credited for referrals, not taken back (pending ones included). */
  pointsEarned: Points,
});
export type Referral = z.infer<typeof Referral>;
