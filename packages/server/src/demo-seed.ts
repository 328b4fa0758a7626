import type { Birthday, LocalizedText, ReferralSettings, RewardDraft, TierMetric } from '@loyalty-elements/contract';
import type { BirthdayRule } from './domain/programs.ts';

/**
 * The demo program and its shoppers. Tests and examples read the expected numbers from here
 * instead of repeating them; `expected` is what the ledger adds up to (with the program's 12-month
 * points expiry and rolling 12-month tier window, counted from the moment of seeding).
 */
export const DEMO_SEED = {
  program: {
    id: 'demo',
    name: 'Demo Tea House',
    pointsName: { en: 'points', 'zh-CN': '积分' },
    tierWindowMonths: 12,
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    tierMetric: 'points',
    pointsExpiryMonths: 12,
    returnWindowDays: 14,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7, noticeDays: 30 },
    /** Friends land on the demo storefront. */
    referrals: { referrerPoints: 500, friendPoints: 300, monthlyCap: 10, landingUrl: 'http://localhost:8080/' },
  },
  tiers: [
    {
      id: 'member',
      name: { en: 'Member', 'zh-CN': '会员' },
      threshold: 0,
      benefits: [{ en: 'Birthday reward', 'zh-CN': '生日礼遇' }],
    },
    {
      id: 'silver',
      name: { en: 'Silver', 'zh-CN': '银卡' },
      threshold: 1_000,
      benefits: [
        { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
        { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
      ],
    },
    {
      id: 'gold',
      name: { en: 'Gold', 'zh-CN': '金卡' },
      threshold: 5_000,
      benefits: [
        { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
        { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
        { en: '5% off every order', 'zh-CN': '全场九五折' },
      ],
    },
    {
      id: 'diamond',
      name: { en: 'Diamond', 'zh-CN': '钻石卡' },
      threshold: 20_000,
      benefits: [
        { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
        { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
        { en: '10% off every order', 'zh-CN': '全场九折' },
        { en: 'Private tea tastings', 'zh-CN': '私享品茶会' },
      ],
    },
  ],
  customers: {
    'demo-shopper': {
      name: 'Lin Mei',
      locale: 'zh-CN',
      timezone: null,
      // 农历八月十五 (Mid-Autumn Festival).
      birthday: { month: 8, day: 15, calendar: 'chinese-lunar' },
      ledger: [
        { type: 'earn', points: 1_200, reason: 'Welcome tea set', daysAgo: 150 },
        { type: 'earn', points: 2_000, reason: 'Autumn oolong order', daysAgo: 30 },
        // Spends the soonest-expiring points: 300 of the 1 200.
        { type: 'redeem', points: 300, reason: 'Free pot of jasmine tea', daysAgo: 7 },
        // Pending until the 14-day return period ends.
        { type: 'earn', points: 180, reason: 'Spring Longjing pre-order', daysAgo: 2, pendingDays: 14 },
      ],
      expected: {
        balance: 2_900,
        pending: 180,
        lifetimeEarned: 3_380,
        // The pending 180 qualify for a tier once they are spendable.
        earnedInWindow: 3_200,
        tierId: 'silver',
        // 12 months after they became spendable: 900 of the welcome set's 1 200 (the redemption took 300), …
        expiring: [
          { points: 900, spendableDaysAgo: 150 },
          { points: 2_000, spendableDaysAgo: 30 },
          { points: 180, spendableDaysAgo: -12 },
        ],
        atRisk: null,
      },
    },
    'demo-gold': {
      name: 'Alex Chen',
      locale: 'en',
      timezone: 'America/Los_Angeles',
      birthday: { month: 11, day: 2, calendar: 'gregorian' },
      ledger: [
        // Expired 35 days before seeding (12 months after it was earned); no longer counts towards the tier.
        { type: 'earn', points: 3_000, reason: 'Tea ceremony workshop', daysAgo: 400 },
        { type: 'earn', points: 4_000, reason: 'Office tea subscription', daysAgo: 300 },
        { type: 'earn', points: 1_800, reason: 'Gift boxes', daysAgo: 20 },
        { type: 'redeem', points: 1_500, reason: 'Teapot', daysAgo: 5 },
      ],
      expected: {
        balance: 4_300,
        pending: 0,
        lifetimeEarned: 8_800,
        earnedInWindow: 5_800,
        tierId: 'gold',
        expiring: [
          { points: 2_500, spendableDaysAgo: 300 },
          { points: 1_800, spendableDaysAgo: 20 },
        ],
        // Gold at risk: when the 4 000 leave the window (65 days after seeding, inside the 90-day forecast) only
        // 1 800 are left, so 3 200 more must be earned before then to keep Gold.
        atRisk: { retainThreshold: 5_000, remaining: 3_200 },
      },
    },
    'demo-new': {
      name: 'Sam Lee',
      locale: null,
      timezone: null,
      birthday: null,
      ledger: [],
      expected: {
        balance: 0,
        pending: 0,
        lifetimeEarned: 0,
        earnedInWindow: 0,
        tierId: 'member',
        expiring: [],
        atRisk: null,
      },
    },
    'demo-diamond': {
      name: 'Wang Fang',
      locale: 'zh-CN',
      timezone: null,
      // A leap-day birthday: celebrated on 28 February in common years.
      birthday: { month: 2, day: 29, calendar: 'gregorian' },
      ledger: [
        { type: 'earn', points: 3_000, reason: 'Spring tea tasting', daysAgo: 200 },
        // Enough on its own to hold Diamond for the whole window: the top tier, not at risk.
        { type: 'earn', points: 21_000, reason: 'Company gift order', daysAgo: 15 },
        // Spends the soonest-expiring points: 2 000 of the 3 000.
        { type: 'redeem', points: 2_000, reason: 'Yixing teapot', daysAgo: 5 },
      ],
      expected: {
        balance: 22_000,
        pending: 0,
        lifetimeEarned: 24_000,
        earnedInWindow: 24_000,
        tierId: 'diamond',
        expiring: [
          { points: 1_000, spendableDaysAgo: 200 },
          { points: 21_000, spendableDaysAgo: 15 },
        ],
        atRisk: null,
      },
    },
    'demo-birthday': {
      name: 'Zhou Xin',
      locale: 'zh-CN',
      timezone: null,
      // The day of seeding in the program's time zone, so the reward is claimable after a fresh start.
      birthday: 'seed-day',
      ledger: [{ type: 'earn', points: 500, reason: 'First order', daysAgo: 40 }],
      expected: {
        balance: 500,
        pending: 0,
        lifetimeEarned: 500,
        earnedInWindow: 500,
        tierId: 'member',
        expiring: [{ points: 500, spendableDaysAgo: 40 }],
        atRisk: null,
      },
    },
  },
  /**
   * The demo catalogue, so each shopper sees a different mix: demo-shopper (Silver, 2 900) can afford the
   * tea and the discount, is locked out of express shipping by tier and is 600 short of the gift tin;
   * demo-new can afford nothing; demo-gold unlocks express shipping, demo-diamond the private tasting too.
   */
  rewards: [
    {
      id: 'free-jasmine-tea',
      name: { en: 'A free pot of jasmine tea', 'zh-CN': '免费茉莉花茶一壶' },
      description: {
        en: 'Any size, in the shop or with your next order.',
        'zh-CN': '任意规格，可到店享用或随下一单寄出。',
      },
      pointsCost: 300,
      requiredTierId: null,
      stock: null,
      validityDays: 30,
      availableFrom: null,
      availableUntil: null,
      active: true,
    },
    {
      id: 'ten-percent-off',
      name: { en: '10% off your next order', 'zh-CN': '下一单九折' },
      description: {
        en: 'Enter the code at checkout; one order, no minimum spend.',
        'zh-CN': '结账时输入兑换码即可，限一单，无最低消费。',
      },
      pointsCost: 1_000,
      requiredTierId: null,
      stock: null,
      validityDays: 30,
      availableFrom: null,
      availableUntil: null,
      active: true,
    },
    {
      id: 'free-express-shipping',
      name: { en: 'Free express shipping', 'zh-CN': '免费顺丰速运' },
      description: {
        en: 'Next-day delivery on one order, for Gold members and above.',
        'zh-CN': '一单次日达，金卡及以上会员专享。',
      },
      pointsCost: 800,
      requiredTierId: 'gold',
      stock: null,
      validityDays: 90,
      availableFrom: null,
      availableUntil: null,
      active: true,
    },
    {
      id: 'da-hong-pao-gift-tin',
      name: { en: 'Limited Da Hong Pao gift tin', 'zh-CN': '限量大红袍礼罐' },
      description: {
        en: 'Wuyi rock tea from this spring’s first picking, roasted over charcoal by hand for three days; only five tins, each with a tasting card.',
        'zh-CN': '今春头采武夷岩茶，手工炭焙三日；仅限五罐，每罐附品鉴卡。',
      },
      pointsCost: 3_500,
      requiredTierId: null,
      stock: 5,
      validityDays: 60,
      availableFrom: null,
      availableUntil: null,
      active: true,
    },
    {
      id: 'private-tasting',
      name: { en: 'Private tea tasting for two', 'zh-CN': '双人私享品茶会' },
      description: {
        en: 'An hour with our tea master, for Diamond members.',
        'zh-CN': '与茶艺师共度一小时，钻石卡会员专享。',
      },
      pointsCost: 8_000,
      requiredTierId: 'diamond',
      stock: null,
      validityDays: 180,
      availableFrom: null,
      availableUntil: null,
      active: true,
    },
  ],
} as const satisfies DemoSeedShape;

export type DemoCustomerId = keyof typeof DEMO_SEED.customers;
export const DEFAULT_DEMO_CUSTOMER_ID: DemoCustomerId = 'demo-shopper';

export interface DemoLedgerEntry {
  type: 'earn' | 'redeem' | 'adjust';
  /** Positive; an `adjust` may be negative. */
  points: number;
  reason: string;
  daysAgo: number;
  /** Credits: not spendable until this many days after they were earned. */
  pendingDays?: number;
}

export interface DemoSeedShape {
  program: {
    id: string;
    name: string;
    pointsName: LocalizedText;
    tierWindowMonths: number;
    timezone: string;
    currency: string;
    tierMetric: TierMetric;
    pointsExpiryMonths: number | null;
    returnWindowDays: number;
    birthday: BirthdayRule | null;
    referrals: ReferralSettings | null;
  };
  tiers: ReadonlyArray<{ id: string; name: LocalizedText; threshold: number; benefits: readonly LocalizedText[] }>;
  customers: Record<
    string,
    {
      name: string;
      locale: string | null;
      timezone: string | null;
      /** `seed-day`: the Gregorian date of the day the seed runs, in the program's time zone. */
      birthday: Birthday | 'seed-day' | null;
      ledger: readonly DemoLedgerEntry[];
      expected: {
        balance: number;
        pending: number;
        lifetimeEarned: number;
        earnedInWindow: number;
        tierId: string;
        /** The points held per expiry date, soonest first: each expires 12 months after it was earned. */
        expiring: ReadonlyArray<{ points: number; spendableDaysAgo: number }>;
        atRisk: { retainThreshold: number; remaining: number } | null;
      };
    }
  >;
  rewards: ReadonlyArray<{ id: string } & RewardDraft>;
}
