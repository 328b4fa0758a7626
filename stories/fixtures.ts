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

type ProgramFixture = Summary['program'];

// Each fixture goes through one of these, so a fixture the contract no longer accepts is reported
// here, at the fixture, and everything that uses it keeps the contract's own type.
const summary = (fixture: Summary): Summary => fixture;
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

/** `GET /v1/program` answers: the demo program, and one whose tiers go by spend. */
export const programs = {
  /** Like the reference API's demo program: tiers by points earned in a rolling 12 months. */
  teaHouse: program({
    ...teaHouse,
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    pointsExpiryMonths: 12,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
    tiers: [
      {
        ...tiers.member,
        threshold: 0,
        metric: 'points',
        window: { type: 'rolling', months: 12 },
        benefits: [{ en: 'Birthday reward', 'zh-CN': '生日礼遇' }],
      },
      {
        ...tiers.silver,
        threshold: 1_000,
        metric: 'points',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
        ],
      },
      {
        ...tiers.gold,
        threshold: 5_000,
        metric: 'points',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
          { en: '5% off every order', 'zh-CN': '全场九五折' },
        ],
      },
      {
        ...tiers.diamond,
        threshold: 20_000,
        metric: 'points',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
          { en: '10% off every order', 'zh-CN': '全场九折' },
          { en: 'Private tea tastings', 'zh-CN': '私享品茶会' },
        ],
      },
    ],
  }),
  /** The same tea house with tiers by spend (fen, CNY) in a rolling 12 months: Silver ¥2,000, Gold ¥8,000, Diamond ¥30,000. */
  teaHouseBySpend: program({
    ...teaHouse,
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    pointsExpiryMonths: 12,
    birthday: { points: 200, daysBefore: 7, daysAfter: 7 },
    tiers: [
      {
        ...tiers.member,
        threshold: 0,
        metric: 'spend',
        window: { type: 'rolling', months: 12 },
        benefits: [{ en: 'Birthday reward', 'zh-CN': '生日礼遇' }],
      },
      {
        ...tiers.silver,
        threshold: 200_000,
        metric: 'spend',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
        ],
      },
      {
        ...tiers.gold,
        threshold: 800_000,
        metric: 'spend',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
          { en: '5% off every order', 'zh-CN': '全场九五折' },
        ],
      },
      {
        ...tiers.diamond,
        threshold: 3_000_000,
        metric: 'spend',
        window: { type: 'rolling', months: 12 },
        benefits: [
          { en: 'Birthday reward', 'zh-CN': '生日礼遇' },
          { en: 'Free shipping on every order', 'zh-CN': '全场包邮' },
          { en: '10% off every order', 'zh-CN': '全场九折' },
          { en: 'Private tea tastings', 'zh-CN': '私享品茶会' },
        ],
      },
    ],
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
  /** The `birthday_bonus` the claim writes (`BirthdayClaimResult`). */
  claimResult: {
    entry: {
      id: 'entry-birthday-2026',
      type: 'birthday_bonus',
      points: 200,
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

/** `GET /v1/me/surveys/eligible` surveys: like the reference API's demo surveys, and one with the other kinds. */
export const surveys = {
  /** After an order: NPS, then (detractors only) what went wrong and a complaint with consent to be contacted. */
  postPurchase: survey({
    id: 'post-purchase-nps',
    version: 1,
    trigger: 'post_purchase',
    status: 'active',
    samplingRate: 1,
    recontactDays: 90,
    title: { en: 'How was your order?', 'zh-CN': '这次购物体验如何？' },
    intro: { en: 'Two quick questions, under a minute.', 'zh-CN': '两个小问题，不到一分钟。' },
    questions: [
      {
        kind: 'nps',
        id: 'nps',
        required: true,
        text: {
          en: 'How likely are you to recommend Demo Tea House to a friend or colleague?',
          'zh-CN': '您有多大可能向朋友或同事推荐 Demo Tea House？',
        },
        labels: {
          low: { en: 'Not at all likely', 'zh-CN': '完全不可能' },
          high: { en: 'Extremely likely', 'zh-CN': '非常可能' },
        },
      },
      {
        kind: 'multiple_choice',
        id: 'what_went_wrong',
        showIf: { questionId: 'nps', max: 6 },
        text: { en: 'What let you down?', 'zh-CN': '哪些方面让您失望了？' },
        description: { en: 'Choose all that apply.', 'zh-CN': '可多选。' },
        options: [
          {
            id: 'late_delivery',
            dimension: 'reliability',
            text: { en: 'My order arrived late', 'zh-CN': '订单送达太晚' },
          },
          {
            id: 'wrong_item',
            dimension: 'reliability',
            text: { en: 'Something was missing or wrong', 'zh-CN': '商品缺漏或发错' },
          },
          {
            id: 'slow_replies',
            dimension: 'responsiveness',
            text: { en: 'Slow replies to my questions', 'zh-CN': '咨询回复太慢' },
          },
          {
            id: 'not_understood',
            dimension: 'empathy',
            text: { en: 'My needs were not understood', 'zh-CN': '我的需求没有被理解' },
          },
          { id: 'other', other: true, text: { en: 'Something else', 'zh-CN': '其他' } },
        ],
      },
      {
        kind: 'free_text',
        id: 'complaint',
        showIf: { questionId: 'nps', max: 6 },
        text: {
          en: 'Tell us what happened, so we can put it right.',
          'zh-CN': '请告诉我们发生了什么，我们会尽力弥补。',
        },
        placeholder: { en: 'What went wrong?', 'zh-CN': '遇到了什么问题？' },
        maxLength: 2000,
        contactConsent: { label: { en: 'You may contact me about this', 'zh-CN': '可以就此事联系我' } },
      },
    ],
    thanks: {
      default: { en: 'Thank you for your feedback!', 'zh-CN': '感谢您的反馈！' },
      promoter: { en: 'Thank you! We are glad you enjoyed it.', 'zh-CN': '谢谢！很高兴您喜欢。' },
      passive: { en: 'Thank you! We will keep improving.', 'zh-CN': '谢谢！我们会继续改进。' },
      detractor: {
        en: 'Thank you for telling us. We are sorry, and we will put it right.',
        'zh-CN': '感谢您告诉我们。非常抱歉，我们会尽快改正。',
      },
    },
  }),
  /** On the account page: CSAT in stars, CES and the five service-quality dimensions. */
  accountCsat: survey({
    id: 'account-csat',
    version: 1,
    trigger: 'account_page',
    status: 'active',
    samplingRate: 1,
    recontactDays: 180,
    title: { en: 'How are we doing?', 'zh-CN': '您对我们满意吗？' },
    questions: [
      {
        kind: 'csat',
        id: 'csat',
        required: true,
        display: 'stars',
        text: {
          en: 'How satisfied are you with your Demo Tea House membership?',
          'zh-CN': '您对 Demo Tea House 会员服务的满意度如何？',
        },
        labels: {
          low: { en: 'Very dissatisfied', 'zh-CN': '非常不满意' },
          high: { en: 'Very satisfied', 'zh-CN': '非常满意' },
        },
      },
      {
        kind: 'ces',
        id: 'ces',
        text: { en: 'How easy is it to manage your account and rewards?', 'zh-CN': '管理账户和奖励有多容易？' },
        labels: { low: { en: 'Very difficult', 'zh-CN': '非常困难' }, high: { en: 'Very easy', 'zh-CN': '非常容易' } },
      },
      {
        kind: 'servqual',
        id: 'service_quality',
        text: { en: 'How do we do on each of these?', 'zh-CN': '请为以下各方面打分' },
        labels: { low: { en: 'Poor', 'zh-CN': '很差' }, high: { en: 'Excellent', 'zh-CN': '很好' } },
        items: [
          { dimension: 'reliability', text: { en: 'We do what we promise', 'zh-CN': '说到做到' } },
          { dimension: 'responsiveness', text: { en: 'We help you promptly', 'zh-CN': '及时帮助' } },
          { dimension: 'empathy', text: { en: 'We understand what you need', 'zh-CN': '理解您的需求' } },
        ],
      },
    ],
    thanks: { default: { en: 'Thank you for your feedback!', 'zh-CN': '感谢您的反馈！' } },
  }),
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

/** Surveys with a completion reward, and the exit survey: like the reference API's demo surveys. */
export const rewardSurveys = {
  /** The post-purchase survey as the demo seeds it: completing it earns 50 points, whatever the score. */
  postPurchase: survey({ ...surveys.postPurchase, completionReward: 50 }),
  /** When a shopper leaves the program: why (each option names a reason for leaving), and a comment. */
  programExit: survey({
    id: 'program-exit',
    version: 1,
    trigger: 'program_exit',
    status: 'active',
    samplingRate: 1,
    recontactDays: 365,
    title: { en: 'Sorry to see you go', 'zh-CN': '很遗憾您要离开' },
    intro: {
      en: 'One question before you leave: it helps us do better.',
      'zh-CN': '离开前请回答一个问题，帮助我们做得更好。',
    },
    questions: [
      {
        kind: 'single_choice',
        id: 'reason',
        required: true,
        text: { en: 'Why are you leaving?', 'zh-CN': '您为什么要离开？' },
        description: { en: 'Choose the main reason.', 'zh-CN': '请选择最主要的原因。' },
        options: [
          { id: 'price', departureReason: 'price', text: { en: 'It costs too much', 'zh-CN': '价格太高' } },
          {
            id: 'product',
            departureReason: 'product',
            text: { en: 'The teas no longer suit me', 'zh-CN': '茶品不再适合我' },
          },
          {
            id: 'service',
            departureReason: 'service',
            text: { en: 'I was unhappy with the service', 'zh-CN': '对服务不满意' },
          },
          { id: 'moved', departureReason: 'market', text: { en: 'I moved away', 'zh-CN': '我搬走了' } },
          {
            id: 'better_elsewhere',
            departureReason: 'technology',
            text: { en: 'Another shop’s app or website works better for me', 'zh-CN': '别家的应用或网站更好用' },
          },
          {
            id: 'trust',
            departureReason: 'reputation',
            text: { en: 'I have lost trust in Demo Tea House', 'zh-CN': '我对 Demo Tea House 失去了信任' },
          },
        ],
      },
      {
        kind: 'free_text',
        id: 'comment',
        text: { en: 'Anything else you would like to tell us?', 'zh-CN': '还有什么想告诉我们的吗？' },
        placeholder: { en: 'Optional', 'zh-CN': '选填' },
        maxLength: 1000,
      },
    ],
    thanks: {
      default: {
        en: 'Thank you for telling us. You are always welcome back.',
        'zh-CN': '感谢您告诉我们。欢迎您随时回来。',
      },
    },
  }),
};
