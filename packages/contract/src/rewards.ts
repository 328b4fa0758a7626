import * as z from 'zod/mini';
import { LedgerEntry } from './points.ts';
import { Identifier, IsoDateTime, LocalizedText, Points, PositivePoints } from './primitives.ts';

/** Id of a reward, unique in its program (`free-coffee`). */
export const RewardId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use 1–64 lowercase letters, digits, "_" or "-".'));
export type RewardId = z.infer<typeof RewardId>;

/** Longest validity of an issued reward code: ten years. */
export const MAX_REWARD_VALIDITY_DAYS = 3650;

/**
 * The headers of a create-only `PUT /v1/admin/rewards/{rewardId}`: `If-None-Match: *` (RFC 9110 §13.1.2) makes
 * the PUT create the reward only; when a reward already has that id nothing is written and the answer is 412
 * `reward_exists`.
 */
export const CREATE_ONLY_HEADERS = { 'If-None-Match': '*' } as const;

/**
 * A reward of the program's catalogue as the merchant manages it: body of `PUT /v1/admin/rewards/{rewardId}`
 * (which creates or replaces it, or with `CREATE_ONLY_HEADERS` only creates it). A reward is never deleted, since
 * redemptions name it: set `active: false`.
 */
export const RewardDraft = z.object({
  /** Per language (`{ en: "Free coffee", "zh-CN": "免费咖啡" }`). */
  name: LocalizedText,
  description: LocalizedText,
  /** What redeeming it costs, in spendable points. */
  pointsCost: PositivePoints,
  /** Only customers in this tier or a higher one may redeem it; null: everyone. */
  requiredTierId: z.nullable(Identifier),
  /**
   * How many codes may be issued in all, those already `redeemed` included (so replacing a reward with the same
   * draft never restocks it); null: unlimited. Never oversold, whatever the concurrency. At or below `redeemed`,
   * the reward is out of stock.
   */
  stock: z.nullable(Points),
  /** How many days an issued code stays valid; null: no expiry. */
  validityDays: z.nullable(z.int().check(z.gte(1), z.lte(MAX_REWARD_VALIDITY_DAYS))),
  /** Offered from / until (null: open-ended). */
  availableFrom: z.nullable(IsoDateTime),
  availableUntil: z.nullable(IsoDateTime),
  active: z.boolean(),
});
export type RewardDraft = z.infer<typeof RewardDraft>;

/** A catalogue reward, as `GET /v1/admin/rewards` lists it and `PUT` answers it. */
export const Reward = z.extend(RewardDraft, {
  id: RewardId,
  /** Codes issued so far. */
  redeemed: z.int().check(z.gte(0)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Reward = z.infer<typeof Reward>;

/** `GET /v1/admin/rewards`: the whole catalogue, active or not, by points cost then id. */
export const RewardCatalogue = z.object({ rewards: z.array(Reward) });
export type RewardCatalogue = z.infer<typeof RewardCatalogue>;

/** Why a shopper cannot redeem a reward now, the first that applies in this order. */
export const RewardLock = z.enum(['tier', 'out_of_stock', 'points']);
export type RewardLock = z.infer<typeof RewardLock>;

/** One reward of `GET /v1/me/rewards`: an active reward on offer now, seen by this shopper. */
export const CustomerReward = z.object({
  id: RewardId,
  name: LocalizedText,
  description: LocalizedText,
  pointsCost: PositivePoints,
  /** The tier it needs, null when it needs none. */
  requiredTier: z.nullable(z.object({ id: Identifier, name: LocalizedText })),
  /** Codes left; null: unlimited. */
  stock: z.nullable(Points),
  validityDays: z.nullable(z.int().check(z.gte(1))),
  availableUntil: z.nullable(IsoDateTime),
  /** Null when the shopper can redeem it now. */
  lockedBy: z.nullable(RewardLock),
  /** Spendable points still missing (0 when the balance covers the cost). */
  pointsNeeded: Points,
});
export type CustomerReward = z.infer<typeof CustomerReward>;

/** A reward the shopper redeemed, and the code it issued. */
export const Redemption = z.object({
  id: z.uuid(),
  rewardId: RewardId,
  /** The reward's name when it was redeemed. */
  rewardName: LocalizedText,
  /** 0 for a reward the merchant gave (a win-back), which spent no points. */
  pointsSpent: Points,
  /** What the shopper shows or types at checkout. */
  code: z.string().check(z.minLength(4), z.maxLength(64)),
  redeemedAt: IsoDateTime,
  /** Null: the code does not expire. */
  expiresAt: z.nullable(IsoDateTime),
});
export type Redemption = z.infer<typeof Redemption>;

/** How many redemptions `GET /v1/me/rewards` lists, newest first. */
export const REDEMPTIONS_LISTED = 20;

/** `GET /v1/me/rewards`: what this shopper can afford and unlock, and what they redeemed. */
export const CustomerRewards = z.object({
  /** Spendable points now. */
  balance: Points,
  /** Active rewards on offer now, by points cost then id. */
  rewards: z.array(CustomerReward),
  /** The latest redemptions, newest first. */
  redemptions: z.array(Redemption),
});
export type CustomerRewards = z.infer<typeof CustomerRewards>;

/**
 * Response of `POST /v1/me/rewards/{rewardId}/redeem` (also when its idempotency key is replayed): the code issued
 * and the `redeem` ledger entry, which spent the soonest-expiring points first. Refusals: `reward_not_found`,
 * `reward_unavailable` (inactive or not on offer now), `reward_tier_required`, `reward_out_of_stock`,
 * `insufficient_points`.
 */
export const RedeemResult = z.object({
  redemption: Redemption,
  entry: LedgerEntry,
  /** The spendable balance after the redemption. */
  balance: Points,
});
export type RedeemResult = z.infer<typeof RedeemResult>;
