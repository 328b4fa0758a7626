import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

const ORDINAL_SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
/** `1` → "1st", `2` → "2nd", `11` → "11th". */
const ordinal = (value: number) => `${value}${ORDINAL_SUFFIXES[ordinalRules.select(value)] ?? 'th'}`;

/** Lunar month names as Chinese calendars print them: 正月 … 冬月, 腊月. */
export const LUNAR_MONTH_NAMES = [
  '正月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '冬月',
  '腊月',
] as const;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Lunar day names: 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(day: number): string {
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return '三十';
}

/** A lunar birthday in Chinese, e.g. `农历八月十五`. */
export function chineseLunarDate(month: number, day: number): string {
  return `农历${LUNAR_MONTH_NAMES[month - 1] ?? ''}${lunarDayName(day)}`;
}

/** English strings of `<loyalty-birthday-greeting>`; the shape every other locale fills. */
const en = {
  loading: 'Loading your birthday reward…',
  guestMessage: 'Sign in to get your birthday gift.',
  /** The program's reward, e.g. "200 points": a formatted amount and what the program calls its points. */
  reward: (amount: string, n: number, pointsName: string) => enPoints(amount, n, pointsName),

  // Invitation: the birthday is not known yet.
  inviteTitle: 'Celebrate your birthday with us',
  /** `reward` is formatted points, e.g. "200 points". */
  inviteMessage: (reward: string) => `Add your birthday and get ${reward} every year around it.`,
  inviteMessageNoReward: 'Add your birthday and we’ll celebrate it with you.',
  birthdayLegend: 'Your birthday',
  calendarLegend: 'Calendar',
  gregorian: 'Gregorian',
  /** Shown after "农历" (kept in Chinese in every language, in its own `lang`). */
  lunarExplained: '(Chinese lunar)',
  /** Whether the "农历" label needs `lunarExplained` after it. */
  explainLunar: true,
  month: 'Month',
  day: 'Day',
  choose: 'Choose…',
  /** How Gregorian months are named in the month picker: "January" (`long`) or "1月" (`short`). */
  gregorianMonthStyle: 'long' as 'long' | 'short',
  lunarMonthName: (month: number) => `${ordinal(month)} month`,
  lunarDayName: (day: number) => String(day),
  gregorianDayName: (day: number) => String(day),
  lunarHint: 'Born in a leap month? Choose the month with the same number.',
  consent: 'Use my birthday to send me a birthday reward',
  save: 'Save birthday',
  saving: 'Saving…',
  missingMonth: 'Choose the month of your birthday.',
  missingDay: 'Choose the day of your birthday.',
  missingConsent: 'Tick the box to let us use your birthday for your reward.',
  saved: 'Your birthday is saved.',

  // Saved on this device, not sent yet.
  /** What the live region says when the birthday waits on the device. */
  queuedTitle: 'Saved on this device — we’ll send it when you’re back online.',
  queuedHeading: 'Saved on this device',
  queuedMessage: 'We’ll send it when you’re back online.',
  birthdayLine: (date: string) => `Your birthday: ${date}`,
  /** A lunar birthday in words, e.g. "8th month, day 15". */
  lunarDate: (month: number, day: number) => `${ordinal(month)} lunar month, day ${day}`,
  sendNow: 'Send now',
  change: 'Change',

  // Inside the birthday window.
  greetingTitle: (name: string) => `Happy birthday, ${name}!`,
  greetingMessage: (reward: string) => `Your birthday gift of ${reward} is waiting for you.`,
  greetingMessageNoReward: 'Wishing you a wonderful day.',
  claim: (reward: string) => `Claim your ${reward}`,
  claiming: 'Claiming…',

  // Claimed.
  claimedTitle: (reward: string) => `${reward} added`,
  claimedTitleNoAmount: 'Birthday reward added',
  claimedMessage: (name: string) => `Happy birthday, ${name}! Enjoy your gift.`,

  // Outside the window.
  outsideTitle: (date: string) => `See you on your birthday — ${date}`,
  lunarNote: (lunarDate: string) => `That’s your lunar birthday: ${lunarDate}.`,
  leapDayNote: 'In years without 29 February, we celebrate on 28 February.',
  alreadyClaimedNote: 'This year’s birthday reward is already in your account.',

  // A birthday set (or changed) shortly before its window pays from a later one.
  /** `date` is a full date, e.g. "March 15, 2027". */
  firstGift: (date: string) => `Your first birthday gift comes with your birthday on ${date}.`,

  // Refusals and failures of a save or a claim.
  changeLimited: 'Your birthday is already on file, and it can be changed only once a year. Contact us if it’s wrong.',
  invalidDate: 'That date doesn’t exist. Check the month and the day.',
  outsideWindow: 'The birthday reward can be claimed only around your birthday.',
  alreadyClaimed: 'You’ve already claimed this year’s birthday reward.',
  recentlySet: 'Your birthday was added or changed recently, so your first birthday gift comes with a later birthday.',
  rewardUnavailable: 'There is no birthday reward at the moment.',
  notSet: 'Add your birthday first.',
  saveFailed: 'We couldn’t save your birthday. Please try again.',
  claimFailed: 'We couldn’t add your birthday reward. Please try again.',
};

export type BirthdayGreetingStrings = typeof en;

/** Simplified Chinese: 月 and 日 pickers, no space between Arabic numerals and Chinese ("200积分", "2月29日"). */
const zhCN: BirthdayGreetingStrings = {
  loading: '正在加载您的生日礼遇…',
  guestMessage: '登录即可领取您的生日礼。',
  reward: (amount, _n, pointsName) => zhAmount(amount, pointsName),

  inviteTitle: '和我们一起庆祝您的生日',
  inviteMessage: (reward) => `填写生日，每年生日前后即可获得${reward}。`,
  inviteMessageNoReward: '填写生日，我们将与您一起庆祝。',
  birthdayLegend: '您的生日',
  calendarLegend: '历法',
  gregorian: '公历',
  lunarExplained: '',
  explainLunar: false,
  month: '月',
  day: '日',
  choose: '请选择',
  gregorianMonthStyle: 'short',
  lunarMonthName: (month) => LUNAR_MONTH_NAMES[month - 1] ?? String(month),
  lunarDayName: (day) => lunarDayName(day),
  gregorianDayName: (day) => `${day}日`,
  lunarHint: '闰月出生？请选择同名月份。',
  consent: '同意使用您的生日发放生日礼遇',
  save: '保存生日',
  saving: '正在保存…',
  missingMonth: '请选择生日月份。',
  missingDay: '请选择生日日期。',
  missingConsent: '请先勾选同意。',
  saved: '您的生日已保存。',

  queuedTitle: '已保存在本设备，联网后将自动提交。',
  queuedHeading: '已保存在本设备',
  queuedMessage: '联网后将自动提交。',
  birthdayLine: (date) => `您的生日：${date}`,
  lunarDate: (month, day) => `${LUNAR_MONTH_NAMES[month - 1] ?? month}${lunarDayName(day)}`,
  sendNow: '立即提交',
  change: '修改',

  greetingTitle: (name) => `${name}，生日快乐！`,
  greetingMessage: (reward) => `您的${reward}生日礼遇正等您领取。`,
  greetingMessageNoReward: '祝您度过美好的一天。',
  claim: (reward) => `领取${reward}`,
  claiming: '正在领取…',

  claimedTitle: (reward) => `${reward}已到账`,
  claimedTitleNoAmount: '生日礼遇已到账',
  claimedMessage: (name) => `${name}，生日快乐！请享用您的礼遇。`,

  outsideTitle: (date) => `${date}，生日见！`,
  lunarNote: (lunarDate) => `即农历${lunarDate}。`,
  leapDayNote: '非闰年没有2月29日，我们会在2月28日为您庆祝。',
  alreadyClaimedNote: '今年的生日礼遇已发放到您的账户。',

  firstGift: (date) => `您的首份生日礼将在${date}生日时送达。`,

  changeLimited: '您的生日已登记，每年只能修改一次。如有错误，请联系我们。',
  invalidDate: '该日期不存在，请检查月和日。',
  outsideWindow: '生日礼遇只能在生日前后领取。',
  alreadyClaimed: '您已领取今年的生日礼遇。',
  recentlySet: '您的生日为近期填写或修改，首份生日礼将在之后的生日送达。',
  rewardUnavailable: '目前没有生日礼遇。',
  notSet: '请先填写您的生日。',
  saveFailed: '生日保存失败，请重试。',
  claimFailed: '生日礼遇发放失败，请重试。',
};

/** Every string of `<loyalty-birthday-greeting>`, per supported locale. */
export const birthdayGreetingStrings = { en, 'zh-CN': zhCN } satisfies StringTable<BirthdayGreetingStrings>;
