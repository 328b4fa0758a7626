// Answers of the API that satisfy the contract (client.test.ts checks each with its schema's `parse`).
import type {
  BirthdayClaimResult,
  BirthdayStatus,
  CustomerRewards,
  EligibleSurvey,
  PointsHistory,
  Program,
  RedeemResult,
  Referral,
  Summary,
  SurveyDefinition,
  SurveyDismissal,
  SurveyResponse,
  SurveyResponseUpdate,
} from '@loyalty-elements/contract';

export const program: Program = {
  name: 'Tea House',
  pointsName: { en: 'points', 'zh-CN': '积分' },
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
  tiers: [
    {
      id: 'silver',
      name: { en: 'Silver', 'zh-CN': '银卡' },
      threshold: 0,
      metric: 'points',
      window: { type: 'rolling', months: 12 },
      benefits: [{ en: '1 point per ¥1', 'zh-CN': '每消费1元积1分' }],
    },
    {
      id: 'gold',
      name: { en: 'Gold', 'zh-CN': '金卡' },
      threshold: 5000,
      metric: 'points',
      window: { type: 'rolling', months: 12 },
      benefits: [{ en: '2 points per ¥1' }, { en: 'Free delivery' }],
    },
  ],
  pointsExpiryMonths: 24,
  birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
};

export const birthdayStatus: BirthdayStatus = {
  month: 8,
  day: 15,
  calendar: 'chinese-lunar',
  inWindow: true,
  claimable: true,
  claimedThisYear: false,
  nextBirthday: '2026-09-25',
};

export const summary: Summary = {
  customer: { id: 'c1', name: 'Lin Mei', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
  program: { name: 'Tea House', pointsName: { en: 'points', 'zh-CN': '积分' } },
  points: {
    balance: 2900,
    pending: 180,
    lifetimeEarned: 3380,
    expiring: [{ points: 900, expiresAt: '2027-06-03T00:00:00.000Z' }],
  },
  tier: {
    current: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } },
    next: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
    progress: { metric: 'points', qualified: 3380, nextThreshold: 5000, remaining: 1620 },
    windowEndsAt: '2027-06-03T00:00:00.000Z',
    atRisk: { retainThreshold: 0, remaining: 1 },
  },
  birthday: birthdayStatus,
  surveysDue: ['post_purchase'],
};

/** The same customer after the birthday bonus: another answer, so a change listeners hear about. */
export const summaryAfterClaim: Summary = {
  ...summary,
  points: { ...summary.points, balance: 3100, lifetimeEarned: 3580 },
  birthday: { ...birthdayStatus, claimable: false, claimedThisYear: true },
};

export const pointsHistory: PointsHistory = {
  entries: [
    {
      id: 'e2',
      type: 'redeem',
      kind: 'redemption',
      references: {},
      shortfall: null,
      points: -500,
      reason: 'Free tea',
      createdAt: '2026-05-02T09:30:00.000+08:00',
      expiresAt: null,
      pendingUntil: null,
      spend: null,
      balanceAfter: 2900,
    },
    {
      id: 'e1',
      type: 'earn',
      kind: 'order',
      references: {},
      shortfall: null,
      points: 3400,
      reason: null,
      createdAt: '2026-05-01T10:00:00.000Z',
      expiresAt: '2028-05-01T10:00:00.000Z',
      pendingUntil: null,
      spend: { amount: 340000, currency: 'CNY' },
      balanceAfter: 3400,
    },
  ],
  nextCursor: 'cursor-2',
};

export const birthdayClaimResult: BirthdayClaimResult = {
  entry: {
    id: 'e3',
    type: 'birthday_bonus',
    kind: 'birthday',
    references: {},
    shortfall: null,
    points: 200,
    reason: 'Birthday',
    createdAt: '2026-09-20T00:00:00.000Z',
    expiresAt: '2028-09-20T00:00:00.000Z',
    pendingUntil: null,
    spend: null,
    balanceAfter: 3100,
  },
  balance: 3100,
  birthdayYear: 2026,
};

export const surveyDefinition: SurveyDefinition = {
  id: 'post-purchase-nps',
  trigger: 'post_purchase',
  status: 'active',
  samplingRate: 0.5,
  recontactDays: 90,
  version: 3,
  title: { en: 'How did we do?', 'zh-CN': '我们做得怎么样？' },
  intro: { en: 'Two quick questions.' },
  questions: [
    {
      kind: 'nps',
      id: 'nps',
      text: { en: 'How likely are you to recommend us?' },
      required: true,
      labels: { low: { en: 'Not at all likely' }, high: { en: 'Extremely likely' } },
    },
    {
      kind: 'multiple_choice',
      id: 'what-went-wrong',
      text: { en: 'What went wrong?' },
      showIf: { questionId: 'nps', max: 6 },
      maxSelections: 2,
      options: [
        { id: 'late', text: { en: 'Late delivery' }, dimension: 'reliability' },
        { id: 'rude', text: { en: 'Unfriendly staff' }, dimension: 'empathy' },
        { id: 'other', text: { en: 'Something else' }, other: true },
      ],
    },
    {
      kind: 'free_text',
      id: 'comment',
      text: { en: 'Anything else?' },
      maxLength: 500,
      contactConsent: { label: { en: 'You may contact me about this' } },
    },
    {
      kind: 'servqual',
      id: 'quality',
      text: { en: 'Rate us' },
      items: [
        { dimension: 'reliability', text: { en: 'On time' } },
        { dimension: 'tangibles', text: { en: 'Packaging' } },
      ],
    },
  ],
  thanks: { default: { en: 'Thank you!' }, detractor: { en: 'Sorry to hear that.' } },
};

export const eligibleSurvey: EligibleSurvey = { survey: surveyDefinition };

export const responseId = '0b5f4c4e-8d1e-4d0a-9a57-3c0f3f8f2a11';

export const surveyUpdate: SurveyResponseUpdate = {
  surveyId: surveyDefinition.id,
  version: surveyDefinition.version,
  sequence: 1,
  answers: { nps: 4, 'what-went-wrong': { options: ['late', 'other'], otherText: 'Cold tea' } },
};

export const surveyResponse: SurveyResponse = {
  id: responseId,
  surveyId: surveyDefinition.id,
  version: surveyDefinition.version,
  sequence: 1,
  answers: surveyUpdate.answers,
  contactConsent: false,
  status: 'partial',
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T08:00:05.000Z',
  completedAt: null,
  pointsAwarded: null,
};

export const completedSurveyResponse: SurveyResponse = {
  ...surveyResponse,
  sequence: 2,
  answers: { ...surveyResponse.answers, comment: 'Please call me', quality: { reliability: 2, tangibles: 4 } },
  contactConsent: true,
  status: 'complete',
  updatedAt: '2026-06-01T08:01:00.000Z',
  completedAt: '2026-06-01T08:01:00.000Z',
};

export const surveyDismissal: SurveyDismissal = {
  surveyId: surveyDefinition.id,
  version: surveyDefinition.version,
  dismissedAt: '2026-06-01T08:00:00.000Z',
};

/** The response the API stores for `update`. */
export function storedResponse(update: SurveyResponseUpdate): SurveyResponse {
  const complete = update.complete === true;
  return {
    ...surveyResponse,
    sequence: update.sequence,
    answers: update.answers,
    contactConsent: update.contactConsent ?? false,
    status: complete ? 'complete' : 'partial',
    completedAt: complete ? '2026-06-01T08:01:00.000Z' : null,
  };
}

/** `GET /v1/me/rewards` for the summary's customer (2,900 points, Silver): one reward of each kind. */
export const customerRewards: CustomerRewards = {
  balance: 2900,
  rewards: [
    {
      id: 'free-coffee',
      name: { en: 'Free coffee', 'zh-CN': '免费咖啡' },
      description: { en: 'Any size, any blend.', 'zh-CN': '任意杯型。' },
      pointsCost: 500,
      requiredTier: null,
      stock: null,
      validityDays: 30,
      availableUntil: null,
      lockedBy: null,
      pointsNeeded: 0,
    },
    {
      id: 'tea-set',
      name: { en: 'Tea set' },
      description: { en: 'Four cups and a pot.' },
      pointsCost: 3200,
      requiredTier: null,
      stock: 12,
      validityDays: null,
      availableUntil: '2027-01-31T16:00:00.000Z',
      lockedBy: 'points',
      pointsNeeded: 300,
    },
    {
      id: 'gold-tasting',
      name: { en: 'Private tasting' },
      description: { en: 'For Gold members.' },
      pointsCost: 1000,
      requiredTier: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
      stock: null,
      validityDays: 90,
      availableUntil: null,
      lockedBy: 'tier',
      pointsNeeded: 0,
    },
  ],
  redemptions: [],
};

export const redeemResult: RedeemResult = {
  redemption: {
    id: '6f1b8a5e-3c2d-4e1f-9a0b-7c8d9e0f1a2b',
    rewardId: 'free-coffee',
    rewardName: { en: 'Free coffee', 'zh-CN': '免费咖啡' },
    pointsSpent: 500,
    code: 'TEA-7K2M-Q9XD',
    redeemedAt: '2026-06-01T08:00:00.000Z',
    expiresAt: '2026-07-01T08:00:00.000Z',
  },
  entry: {
    id: 'e4',
    type: 'redeem',
    kind: 'redemption',
    references: { rewardId: 'free-coffee', rewardName: { en: 'Free coffee', 'zh-CN': '免费咖啡' } },
    shortfall: null,
    points: -500,
    reason: 'Free coffee',
    createdAt: '2026-06-01T08:00:00.000Z',
    expiresAt: null,
    pendingUntil: null,
    spend: null,
    balanceAfter: 2400,
  },
  balance: 2400,
};

/** The rewards after `redeemResult`: 500 points fewer, the redemption listed. */
export const rewardsAfterRedeem: CustomerRewards = {
  ...customerRewards,
  balance: 2400,
  rewards: customerRewards.rewards.map((reward) =>
    reward.id === 'tea-set' ? { ...reward, pointsNeeded: 800 } : reward,
  ),
  redemptions: [redeemResult.redemption],
};

/** The summary after `redeemResult`. */
export const summaryAfterRedeem: Summary = {
  ...summary,
  points: { ...summary.points, balance: 2400 },
};

/** A shopper who brought three friends, two of whose first orders rewarded them. */
export const referral: Referral = {
  enabled: true,
  code: '7K3QX9MA',
  link: 'https://shop.example/join?ref=7K3QX9MA',
  referrerPoints: 500,
  friendPoints: 300,
  friendsJoined: 3,
  friendsRewarded: 2,
  pointsEarned: 1000,
};
