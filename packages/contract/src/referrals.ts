import * as z from 'zod/mini';
import { Points } from './primitives.ts';

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

/** The answer of a program without a referral program: no code, no link, zeros. */
export const REFERRALS_OFF: Referral = {
  enabled: false,
  code: null,
  link: null,
  referrerPoints: 0,
  friendPoints: 0,
  friendsJoined: 0,
  friendsRewarded: 0,
  pointsEarned: 0,
};
