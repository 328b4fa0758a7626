// Every fixture the stories show, in one file, typed with the API contract: when the contract
// grows (tiers, pending points, birthdays, …) the type checker points at each fixture to update,
// and the fake API (support/fake-api.ts) serves whatever is here.
import type {
  BirthdayClaimResult,
  Problem,
  Program,
  Summary,
  SurveyDefinition,
  TierRef,
} from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '@loyalty-elements/server/demo-surveys';

type ProgramFixture = Summary['program'];

// Each fixture goes through one of these, so a fixture the contract no longer accepts is reported
// here, at the fixture, and everything that uses it keeps the contract's own type. A shopper has no survey
// due; a survey scenario lists its survey's trigger (support/fake-api.ts).
const summary = (fixture: Omit<Summary, 'surveysDue'>): Summary => ({ ...fixture, surveysDue: [] });
const problem = (fixture: Problem): Problem => fixture;
const program = (fixture: Program): Program => fixture;

/** The demo program of the reference API (Demo Tea House: 积分 / points). */
export const teaHouse: ProgramFixture = {
  name: 'Demo Tea House',
  pointsName: { en: 'points', 'zh-CN': '积分' },
};

export const tiers = {
  member: { id: 'member', name: { en: 'Member', 'zh-CN': '会员' } },
  silver: { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' } },
  gold: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
  diamond: { id: 'diamond', name: { en: 'Diamond', 'zh-CN': '钻石卡' } },
} satisfies Record<string, TierRef>;

const benefit = {
  birthday: { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
  shipping: { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
  fivePercentOff: { en: '5% off every order', 'zh-CN': '全场九五折' },
  tenPercentOff: { en: '10% off every order', 'zh-CN': '全场九折' },
  tastings: { en: 'Private tea tastings', 'zh-CN': '私享品茶会' },
};

/** The tea house's four tiers over a rolling 12 months: each tier's threshold of `metric`, and its earn multiplier. */
function teaHouseTiers(
  metric: 'points' | 'spend',
  thresholds: [number, number, number, number],
  earnMultipliers?: [number, number, number, number],
): Program['tiers'] {
  const benefits = [
    [benefit.birthday],
    [benefit.birthday, benefit.shipping],
    [benefit.birthday, benefit.shipping, benefit.fivePercentOff],
    [benefit.birthday, benefit.shipping, benefit.tenPercentOff, benefit.tastings],
  ];
  return [tiers.member, tiers.silver, tiers.gold, tiers.diamond].map((tier, index) => ({
    ...tier,
    ...(earnMultipliers ? { earnMultiplier: earnMultipliers[index]! } : {}),
    threshold: thresholds[index]!,
    metric,
    window: { type: 'rolling', months: 12 },
    benefits: benefits[index]!,
  }));
}

/** `GET /v1/program` answers: the demo program, and one whose tiers go by spend. */
export const programs = {
  /** Like the reference API's demo program: tiers by points earned in a rolling 12 months. */
  teaHouse: program({
    ...teaHouse,
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    pointsExpiryMonths: 12,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
    /** 1 point per ¥1 (Gold 1.5×, Diamond 2×), 100 for joining, up to 50 for a survey. */
    earning: {
      earnRate: 1,
      welcomeBonus: 100,
      surveyPoints: 50,
      referral: { referrerPoints: 500, friendPoints: 300 },
    },
    tiers: teaHouseTiers('points', [0, 1_000, 5_000, 20_000], [1, 1, 1.5, 2]),
  }),
  /** The same tea house with tiers by spend (fen, CNY) in a rolling 12 months: Silver ¥2,000, Gold ¥8,000, Diamond ¥30,000. */
  teaHouseBySpend: program({
    ...teaHouse,
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    pointsExpiryMonths: 12,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
    tiers: teaHouseTiers('spend', [0, 200_000, 800_000, 3_000_000]),
  }),
};

/** `GET /v1/me/summary` answers, one per shopper the stories show. Dates are fixed, so stories never drift. */
export const summaries = {
  /** Like the demo shopper `demo-shopper`: a Silver member with a few thousand points, some pending. */
  linMei: summary({
    customer: { id: 'demo-shopper', name: 'Lin Mei', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    program: teaHouse,
    points: {
      balance: 2_900,
      pending: 180,
      lifetimeEarned: 3_380,
      expiring: [
        { points: 900, expiresAt: '2027-06-03T04:00:00.000Z' },
        { points: 2_000, expiresAt: '2027-10-01T04:00:00.000Z' },
        { points: 180, expiresAt: '2027-10-29T04:00:00.000Z' },
      ],
    },
    tier: {
      current: tiers.silver,
      next: tiers.gold,
      progress: { metric: 'points', qualified: 3_380, nextThreshold: 5_000, remaining: 1_620 },
      windowEndsAt: '2027-06-03T04:00:00.000Z',
      atRisk: null,
    },
    birthday: {
      month: 8,
      day: 15,
      calendar: 'chinese-lunar',
      inWindow: false,
      claimable: false,
      claimedThisYear: false,
      nextBirthday: '2027-09-15',
    },
  }),
  /** Like `demo-gold`, with a balance big enough to test the layout (and digit grouping); at risk of dropping a tier. */
  alexChen: summary({
    customer: { id: 'demo-gold', name: 'Alex Chen', locale: 'en', timezone: 'America/Los_Angeles' },
    program: teaHouse,
    points: {
      balance: 1_234_567,
      pending: 0,
      lifetimeEarned: 1_500_000,
      expiring: [{ points: 2_500, expiresAt: '2027-07-03T04:00:00.000Z' }],
    },
    tier: {
      current: tiers.diamond,
      next: null,
      progress: { metric: 'points', qualified: 24_000, nextThreshold: null, remaining: 0 },
      windowEndsAt: '2027-07-03T04:00:00.000Z',
      atRisk: { retainThreshold: 20_000, remaining: 3_200 },
    },
    birthday: {
      month: 11,
      day: 2,
      calendar: 'gregorian',
      inWindow: true,
      claimable: true,
      claimedThisYear: false,
      nextBirthday: '2026-11-02',
    },
  }),
  /** Like `demo-new`: just joined, zero points, no birthday yet — the "empty" state. */
  samLee: summary({
    customer: { id: 'demo-new', name: 'Sam Lee', locale: null, timezone: 'Asia/Shanghai' },
    program: teaHouse,
    points: { balance: 0, pending: 0, lifetimeEarned: 0, expiring: [] },
    tier: {
      current: tiers.member,
      next: tiers.silver,
      progress: { metric: 'points', qualified: 0, nextThreshold: 1_000, remaining: 1_000 },
      windowEndsAt: null,
      atRisk: null,
    },
    birthday: null,
  }),
  /** Names and labels longer than any card: they must truncate, never overflow or wrap the layout. */
  longNames: summary({
    customer: {
      id: 'long-names',
      name: 'Maximiliana Alexandra Featherstonehaugh-Worthington',
      locale: 'en',
      timezone: 'Europe/London',
    },
    program: {
      name: 'The Grand Imperial Tea Emporium Loyalty Programme',
      pointsName: { en: 'Imperial Reward Stars', 'zh-CN': '皇家茶园奖励星星积分' },
    },
    points: { balance: 987_654, pending: 12_345, lifetimeEarned: 1_999_999, expiring: [] },
    tier: {
      current: {
        id: 'ambassador',
        name: { en: 'Diamond Elite Ambassador Circle', 'zh-CN': '钻石精英大使尊享会员圈' },
      },
      next: null,
      progress: { metric: 'points', qualified: 987_654, nextThreshold: null, remaining: 0 },
      windowEndsAt: '2027-01-15T04:00:00.000Z',
      atRisk: null,
    },
    birthday: null,
  }),
  /** Like `demo-gold` in the reference API: Gold, on the way to Diamond, but Gold is at risk when old points leave the window. */
  goldAtRisk: summary({
    customer: { id: 'demo-gold', name: 'Alex Chen', locale: 'en', timezone: 'America/Los_Angeles' },
    program: teaHouse,
    points: {
      balance: 4_300,
      pending: 0,
      lifetimeEarned: 8_800,
      expiring: [{ points: 2_500, expiresAt: '2027-03-10T18:00:00.000Z' }],
    },
    tier: {
      current: tiers.gold,
      next: tiers.diamond,
      progress: { metric: 'points', qualified: 5_800, nextThreshold: 20_000, remaining: 14_200 },
      windowEndsAt: '2026-12-31T20:00:00.000Z',
      atRisk: { retainThreshold: 5_000, remaining: 3_200 },
    },
    birthday: null,
  }),
  /** At the top tier and safely there: a full bar. */
  diamondTop: summary({
    customer: { id: 'diamond-shopper', name: 'Chen Jing', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    program: teaHouse,
    points: { balance: 18_400, pending: 0, lifetimeEarned: 52_000, expiring: [] },
    tier: {
      current: tiers.diamond,
      next: null,
      progress: { metric: 'points', qualified: 26_500, nextThreshold: null, remaining: 0 },
      windowEndsAt: '2027-02-14T04:00:00.000Z',
      atRisk: null,
    },
    birthday: null,
  }),
  /** Tiers by spend (`programs.teaHouseBySpend`): ¥3,380 of ¥8,000 toward Gold. */
  spendSilver: summary({
    customer: { id: 'spend-shopper', name: 'Li Na', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    program: teaHouse,
    points: { balance: 3_380, pending: 0, lifetimeEarned: 3_380, expiring: [] },
    tier: {
      current: tiers.silver,
      next: tiers.gold,
      progress: { metric: 'spend', qualified: 338_000, nextThreshold: 800_000, remaining: 462_000 },
      windowEndsAt: '2027-04-30T04:00:00.000Z',
      atRisk: null,
    },
    birthday: null,
  }),
  /** Tiers by spend, Gold at risk: ¥380 more by 31 December keeps it. */
  spendAtRisk: summary({
    customer: { id: 'spend-gold', name: 'Zhang Wei', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    program: teaHouse,
    points: { balance: 9_100, pending: 0, lifetimeEarned: 9_100, expiring: [] },
    tier: {
      current: tiers.gold,
      next: tiers.diamond,
      progress: { metric: 'spend', qualified: 910_000, nextThreshold: 3_000_000, remaining: 2_090_000 },
      windowEndsAt: '2026-12-31T04:00:00.000Z',
      atRisk: { retainThreshold: 800_000, remaining: 38_000 },
    },
    birthday: null,
  }),
};

/** Error answers (RFC 9457 problem details), as the reference API sends them. */
export const problems = {
  internal: problem({
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    code: 'internal',
    detail: 'Something went wrong on our side.',
  }),
  tokenExpired: problem({
    type: 'about:blank',
    title: 'Unauthorized',
    status: 401,
    code: 'token_expired',
    detail: 'The customer token has expired.',
  }),
  /** A response to a survey no longer due for the shopper (answered or dismissed in another tab). */
  surveyNotDue: problem({
    type: 'https://loyalty-elements.dev/problems/survey_not_due',
    title: 'Survey not due',
    status: 409,
    code: 'survey_not_due',
    detail:
      'Survey "post-purchase-nps" is not due for you now (you answered a survey recently): it takes no new response.',
  }),
};

/**
 * `<loyalty-birthday-greeting>`: summaries around a birthday, what `PUT /v1/me/birthday` and
 * `POST /v1/me/birthday/claim` answer, and what they refuse. "Today" is 2026-11-25 in Asia/Shanghai.
 */
export const birthdays = {
  /** Lin Mei's birthday is today: the reward can be claimed. */
  inWindow: summary({
    ...summaries.linMei,
    birthday: {
      month: 11,
      day: 25,
      calendar: 'gregorian',
      inWindow: true,
      claimable: true,
      claimedThisYear: false,
      nextBirthday: '2026-11-25',
    },
  }),
  /** The same day, after the claim: 200 more points. */
  claimed: summary({
    ...summaries.linMei,
    points: { ...summaries.linMei.points, balance: 3_100, lifetimeEarned: 3_580 },
    birthday: {
      month: 11,
      day: 25,
      calendar: 'gregorian',
      inWindow: true,
      claimable: false,
      claimedThisYear: true,
      nextBirthday: '2026-11-25',
    },
  }),
  /** Born on 29 February: in 2027, a common year, celebrated on 28 February. */
  leapDay: summary({
    ...summaries.alexChen,
    birthday: {
      month: 2,
      day: 29,
      calendar: 'gregorian',
      inWindow: false,
      claimable: false,
      claimedThisYear: false,
      nextBirthday: '2027-02-28',
    },
  }),
  /**
   * Lin Mei set her birthday (today) herself just now: inside the notice period before its window, so this
   * birthday pays nothing and the first gift comes next year.
   */
  recentlySet: summary({
    ...summaries.linMei,
    birthday: {
      month: 11,
      day: 25,
      calendar: 'gregorian',
      inWindow: true,
      claimable: false,
      claimedThisYear: false,
      nextBirthday: '2026-11-25',
      firstRewardBirthday: '2027-11-25',
    },
  }),
  /** A birthday set just now, ten days away: its window opens within the notice period, so next year's pays. */
  recentlySetSoon: summary({
    ...summaries.linMei,
    birthday: {
      month: 12,
      day: 5,
      calendar: 'gregorian',
      inWindow: false,
      claimable: false,
      claimedThisYear: false,
      nextBirthday: '2026-12-05',
      firstRewardBirthday: '2027-12-05',
    },
  }),
  /** The `birthday_bonus` the claim writes (`BirthdayClaimResult`). */
  claimResult: {
    entry: {
      id: 'entry-birthday-2026',
      type: 'birthday_bonus',
      kind: 'birthday',
      references: {},
      points: 200,
      shortfall: null,
      reason: 'Birthday reward',
      createdAt: '2026-11-25T02:00:00.000Z',
      expiresAt: '2027-11-25T02:00:00.000Z',
      pendingUntil: null,
      spend: null,
      balanceAfter: 3_100,
    },
    balance: 3_100,
    birthdayYear: 2026,
  } satisfies BirthdayClaimResult,
  /** A claim outside the window (409). */
  outsideWindow: problem({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'birthday_outside_window',
    detail: 'The birthday reward can be claimed only around the birthday; the next window opens on 2027-09-08.',
  }),
  /** A claim of a birthday set too recently to pay this time (409). */
  recentlySetRefusal: problem({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'birthday_recently_set',
    detail:
      'This birthday was set or changed too recently to pay its reward; the first birthday that pays is on 2027-11-25.',
  }),
  /** A birthday already on file may change once a year (409). */
  changeLimited: problem({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'birthday_change_limited',
    detail: 'A birthday can change once every 365 days; yours can change again on 2027-03-02.',
  }),
};

const survey = (fixture: SurveyDefinition): SurveyDefinition => fixture;
// The reference API's demo surveys, as it seeds them; the plain post-purchase survey pays no reward.
const { completionReward: _reward, ...postPurchaseWithoutReward } = DEMO_SURVEYS.postPurchase;

/** `GET /v1/me/surveys/eligible` surveys: the reference API's demo surveys, and one with the other kinds. */
export const surveys = {
  /** After an order: NPS, then (detractors only) what went wrong and a complaint with consent to be contacted. */
  postPurchase: survey({ ...postPurchaseWithoutReward, version: 1 }),
  /** On the account page: CSAT in stars, CES and the five service-quality dimensions. */
  accountCsat: survey({ ...DEMO_SURVEYS.accountPage, version: 1 }),
  /** After delivery: CSAT in faces, a single choice with "other", and free text (English only: falls back). */
  delivery: survey({
    id: 'delivery-check',
    version: 1,
    trigger: 'order_tracking',
    status: 'active',
    samplingRate: 1,
    recontactDays: 30,
    title: { en: 'Your delivery', 'zh-CN': '您的配送' },
    questions: [
      {
        kind: 'csat',
        id: 'mood',
        display: 'faces',
        text: { en: 'How do you feel about your delivery?', 'zh-CN': '您对这次配送感觉如何？' },
        labels: { low: { en: 'Very unhappy' }, high: { en: 'Very happy' } },
      },
      {
        kind: 'single_choice',
        id: 'channel',
        text: { en: 'How did you hear about us?' },
        options: [
          { id: 'friend', text: { en: 'A friend' } },
          { id: 'search', text: { en: 'A search engine' } },
          { id: 'other', other: true, text: { en: 'Somewhere else' } },
        ],
      },
      { kind: 'free_text', id: 'note', text: { en: 'Anything else?' }, maxLength: 280 },
    ],
  }),
};

/** Surveys with a completion reward, and the exit survey: the reference API's demo surveys. */
export const rewardSurveys = {
  /** The post-purchase survey as the demo seeds it: completing it earns 50 points, whatever the score. */
  postPurchase: survey({ ...DEMO_SURVEYS.postPurchase, version: 1 }),
  /** When a shopper leaves the program: why (each option names a reason for leaving), and a comment. */
  programExit: survey({ ...DEMO_SURVEYS.programExit, version: 1 }),
};
