import * as z from 'zod/mini';
import { UserText } from './primitives.ts';

// What the merchant's calls that name a referral code take and answer (orders, new customers).

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
