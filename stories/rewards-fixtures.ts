// The fixtures of `<loyalty-rewards>`, typed with the API contract: what `GET /v1/me/rewards` answers
// for the stories' shoppers, and what `POST /v1/me/rewards/{rewardId}/redeem` refuses. Dates are fixed
// (the fake API's "today" is 25 November 2026), so stories never drift.
import type { CustomerReward, CustomerRewards, Problem, Redemption } from '@loyalty-elements/contract';
import { summaries, tiers } from './fixtures.ts';

const reward = (fixture: CustomerReward): CustomerReward => fixture;
const rewards = (fixture: CustomerRewards): CustomerRewards => fixture;
const problem = (fixture: Problem): Problem => fixture;

/** The demo catalogue as Lin Mei (Silver, 2,900 points) sees it: one card of every kind. */
export const catalogue = {
  jasmineTea: reward({
    id: 'free-jasmine-tea',
    name: { en: 'A free pot of jasmine tea', 'zh-CN': '免费茉莉花茶一壶' },
    description: {
      en: 'Any size, in the shop or with your next order.',
      'zh-CN': '任意规格，可到店享用或随下一单寄出。',
    },
    pointsCost: 300,
    requiredTier: null,
    stock: null,
    validityDays: 30,
    availableUntil: null,
    lockedBy: null,
    pointsNeeded: 0,
  }),
  discount: reward({
    id: 'ten-percent-off',
    name: { en: '10% off your next order', 'zh-CN': '下一单九折' },
    description: {
      en: 'Enter the code at checkout; one order, no minimum spend.',
      'zh-CN': '结账时输入兑换码即可，限一单，无最低消费。',
    },
    pointsCost: 1_000,
    requiredTier: null,
    stock: null,
    validityDays: 30,
    availableUntil: '2026-12-31T15:59:59.000Z',
    lockedBy: null,
    pointsNeeded: 0,
  }),
  expressShipping: reward({
    id: 'free-express-shipping',
    name: { en: 'Free express shipping', 'zh-CN': '免费顺丰速运' },
    description: {
      en: 'Next-day delivery on one order, for Gold members and above.',
      'zh-CN': '一单次日达，金卡及以上会员专享。',
    },
    pointsCost: 800,
    requiredTier: tiers.gold,
    stock: null,
    validityDays: 90,
    availableUntil: null,
    lockedBy: 'tier',
    pointsNeeded: 0,
  }),
  giftTin: reward({
    id: 'da-hong-pao-gift-tin',
    name: { en: 'Limited Da Hong Pao gift tin', 'zh-CN': '限量大红袍礼罐' },
    description: {
      en: 'Wuyi rock tea from this spring’s first picking, roasted over charcoal by hand for three days; only five tins, each with a tasting card.',
      'zh-CN': '今春头采武夷岩茶，手工炭焙三日；仅限五罐，每罐附品鉴卡。',
    },
    pointsCost: 3_500,
    requiredTier: null,
    stock: 3,
    validityDays: 60,
    availableUntil: null,
    lockedBy: 'points',
    pointsNeeded: 600,
  }),
  teaSet: reward({
    id: 'celadon-tea-set',
    name: { en: 'Celadon tea set', 'zh-CN': '青瓷茶具套装' },
    description: { en: 'A pot and four cups from Longquan.', 'zh-CN': '龙泉青瓷，一壶四杯。' },
    pointsCost: 2_000,
    requiredTier: null,
    stock: 0,
    validityDays: null,
    availableUntil: null,
    lockedBy: 'out_of_stock',
    pointsNeeded: 0,
  }),
};

/** Redemptions Lin Mei made earlier: a code that never expires, and one that expired. */
export const redemptions = {
  teaSet: {
    id: '3f0e7c1a-52b4-4d7e-9a61-0c2d8b5e4f10',
    rewardId: 'celadon-tea-set',
    rewardName: { en: 'Celadon tea set', 'zh-CN': '青瓷茶具套装' },
    pointsSpent: 2_000,
    code: 'TEA-4M7Q-K2XD',
    redeemedAt: '2026-11-02T03:15:00.000Z',
    expiresAt: null,
  },
  discount: {
    id: '8a6d2b91-1c4e-4f3a-b7d5-2e9f0a1c3b47',
    rewardId: 'ten-percent-off',
    rewardName: { en: '10% off your next order', 'zh-CN': '下一单九折' },
    pointsSpent: 1_000,
    code: 'TEA-9P3W-H6NB',
    redeemedAt: '2026-08-14T09:40:00.000Z',
    expiresAt: '2026-09-13T09:40:00.000Z',
  },
} satisfies Record<string, Redemption>;

/** `GET /v1/me/rewards` answers. */
export const customerRewards = {
  /** Lin Mei: affordable, locked by tier, short of points, out of stock; nothing redeemed yet. */
  linMei: rewards({
    balance: summaries.linMei.points.balance,
    rewards: [catalogue.jasmineTea, catalogue.expressShipping, catalogue.discount, catalogue.teaSet, catalogue.giftTin],
    redemptions: [],
  }),
  /** Lin Mei with two earlier redemptions. */
  withHistory: rewards({
    balance: summaries.linMei.points.balance,
    rewards: [catalogue.jasmineTea, catalogue.expressShipping, catalogue.discount, catalogue.teaSet, catalogue.giftTin],
    redemptions: [redemptions.teaSet, redemptions.discount],
  }),
  /** No reward on offer (the catalogue is between seasons); one earlier redemption. */
  empty: rewards({ balance: summaries.linMei.points.balance, rewards: [], redemptions: [redemptions.teaSet] }),
};

/** What the redemption refuses (409, 404), as the reference API words it. */
export const refusals = {
  insufficientPoints: problem({
    type: 'https://loyalty-elements.dev/problems/insufficient_points',
    title: 'Insufficient points',
    status: 409,
    code: 'insufficient_points',
    detail: 'The reward costs 1000 points; the spendable balance is 400.',
  }),
  outOfStock: problem({
    type: 'https://loyalty-elements.dev/problems/reward_out_of_stock',
    title: 'Reward out of stock',
    status: 409,
    code: 'reward_out_of_stock',
    detail: 'The reward "free-jasmine-tea" is out of stock.',
  }),
  tierRequired: problem({
    type: 'https://loyalty-elements.dev/problems/reward_tier_required',
    title: 'Higher tier required',
    status: 409,
    code: 'reward_tier_required',
    detail: 'The reward "free-jasmine-tea" needs tier "gold" or higher; the customer is in tier "silver".',
  }),
  unavailable: problem({
    type: 'https://loyalty-elements.dev/problems/reward_unavailable',
    title: 'Reward not on offer',
    status: 409,
    code: 'reward_unavailable',
    detail: 'The reward "free-jasmine-tea" is not on offer now.',
  }),
};
