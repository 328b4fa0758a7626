import { zhAmount } from '../locales/chinese.ts';
import { enPoints, pointsUnit } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

// The strings of <loyalty-tier-progress>. Strings every widget shares (sign in, retry, network,
// timeout and session errors) come from locales/en.ts and zh-CN.ts.
//
// Arguments arrive formatted: numbers and money through Intl in the element's locale, dates in the
// customer's time zone, tier names and the points name picked from the API's localized text.
// `count` is the raw number behind a formatted amount, for plurals.

const unit = pointsUnit;
const points = enPoints;

/** English strings. The shape of this table is the one every other locale must fill. */
const en = {
  loading: 'Loading your tier progress…',
  /** Visible label before the current tier's name. */
  label: 'Your tier',
  /** The compact variant's heading, read by screen readers only. */
  title: (tier: string) => `Your tier: ${tier}`,
  next: (tier: string) => `Next: ${tier}`,
  topTier: 'Top tier',

  /** Accessible names of the progress bar. */
  progressLabel: (next: string) => `Progress to ${next}`,
  topProgressLabel: 'Tier progress',

  /** The amounts under the bar, e.g. "3,380 / 5,000 points". */
  pointsOf: (qualified: string, threshold: string, thresholdCount: number, pointsName: string) =>
    `${qualified} / ${points(threshold, thresholdCount, pointsName)}`,
  spendOf: (qualified: string, threshold: string) => `${qualified} / ${threshold} spent`,
  /** At the top tier there is no threshold left: what counts now. */
  pointsQualified: (qualified: string, count: number, pointsName: string) =>
    `${points(qualified, count, pointsName)} this qualifying period`,
  spendQualified: (qualified: string) => `${qualified} spent this qualifying period`,

  /** The bar's `aria-valuetext`, e.g. "3,380 of 5,000 points toward Gold". */
  pointsToward: (qualified: string, threshold: string, thresholdCount: number, pointsName: string, next: string) =>
    `${qualified} of ${points(threshold, thresholdCount, pointsName)} toward ${next}`,
  spendToward: (qualified: string, threshold: string, next: string) =>
    `${qualified} of ${threshold} spent toward ${next}`,
  topValueText: (tier: string) => `${tier}: you’ve reached our top tier`,

  /** How much more reaches the next tier, and by when the oldest qualifying activity stops counting. */
  reachPoints: (remaining: string, count: number, pointsName: string, next: string, date?: string) =>
    date
      ? `Earn ${remaining} more ${unit(count, pointsName)} by ${date} to reach ${next}.`
      : `Earn ${remaining} more ${unit(count, pointsName)} to reach ${next}.`,
  reachSpend: (remaining: string, next: string, date?: string) =>
    date ? `Spend ${remaining} more by ${date} to reach ${next}.` : `Spend ${remaining} more to reach ${next}.`,
  /** A new member with nothing qualifying yet. */
  startPoints: (remaining: string, count: number, pointsName: string, next: string) =>
    `Earn ${points(remaining, count, pointsName)} to reach ${next}. Every order brings you closer!`,
  startSpend: (remaining: string, next: string) =>
    `Spend ${remaining} to reach ${next}. Every order brings you closer!`,
  /** The current tier would be lost at the end of the window. */
  keepPoints: (remaining: string, count: number, pointsName: string, tier: string, date?: string) =>
    date
      ? `Earn ${remaining} more ${unit(count, pointsName)} by ${date} to keep ${tier}.`
      : `Earn ${remaining} more ${unit(count, pointsName)} to keep ${tier}.`,
  keepSpend: (remaining: string, tier: string, date?: string) =>
    date ? `Spend ${remaining} more by ${date} to keep ${tier}.` : `Spend ${remaining} more to keep ${tier}.`,
  topReached: 'You’ve reached our top tier. Enjoy every benefit!',

  /** The one line of `variant="compact"`. */
  compactNextPoints: (tier: string, remaining: string, count: number, pointsName: string, next: string) =>
    `${tier} · ${points(remaining, count, pointsName)} to ${next}`,
  compactNextSpend: (tier: string, remaining: string, next: string) => `${tier} · ${remaining} to ${next}`,
  compactKeepPoints: (remaining: string, count: number, pointsName: string, tier: string, date?: string) =>
    date
      ? `${points(remaining, count, pointsName)} by ${date} to keep ${tier}`
      : `${points(remaining, count, pointsName)} more to keep ${tier}`,
  compactKeepSpend: (remaining: string, tier: string, date?: string) =>
    date ? `Spend ${remaining} by ${date} to keep ${tier}` : `Spend ${remaining} more to keep ${tier}`,
  compactTop: (tier: string) => `${tier} · top tier`,

  /** The benefits disclosure. */
  benefits: 'Tier benefits',
  currentBenefits: (tier: string) => `Your ${tier} benefits`,
  nextBenefits: (tier: string) => `Unlock with ${tier}`,
  noBenefits: 'No benefits listed yet.',

  guestMessage: 'Sign in to see your tier.',
  errorOther: 'Something went wrong while loading your tier. Please try again.',
  errorNoClient: 'Your tier can’t be shown: this page isn’t connected to a rewards program yet.',
};

/** A complete string table: every key of the English one, with the same kinds of values. */
export type TierProgressStrings = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

/**
 * Simplified Chinese. No plurals; the points name follows the number with no space ("1,620积分"), and dates
 * ("2027年6月3日") and amounts sit against Chinese text as `Intl` writes them.
 */
const zhCN: TierProgressStrings = {
  loading: '正在加载您的会员等级…',
  label: '当前等级',
  title: (tier) => `当前等级：${tier}`,
  next: (tier) => `下一等级：${tier}`,
  topTier: '最高等级',

  progressLabel: (next) => `升级${next}的进度`,
  topProgressLabel: '会员等级进度',

  pointsOf: (qualified, threshold, _count, pointsName) => `${qualified}/${zhAmount(threshold, pointsName)}`,
  spendOf: (qualified, threshold) => `已消费${qualified}/${threshold}`,
  pointsQualified: (qualified, _count, pointsName) => `本考核期有效${pointsName}：${qualified}`,
  spendQualified: (qualified) => `本考核期有效消费：${qualified}`,

  pointsToward: (qualified, threshold, _count, pointsName, next) =>
    `升级${next}：已获得${qualified}/${zhAmount(threshold, pointsName)}`,
  spendToward: (qualified, threshold, next) => `升级${next}：已消费${qualified}/${threshold}`,
  topValueText: (tier) => `${tier}：您已达到最高等级`,

  reachPoints: (remaining, _count, pointsName, next, date) =>
    date
      ? `${date}前再获得${zhAmount(remaining, pointsName)}，即可升级${next}。`
      : `再获得${zhAmount(remaining, pointsName)}，即可升级${next}。`,
  reachSpend: (remaining, next, date) =>
    date ? `${date}前再消费${remaining}，即可升级${next}。` : `再消费${remaining}，即可升级${next}。`,
  startPoints: (remaining, _count, pointsName, next) =>
    `获得${zhAmount(remaining, pointsName)}，即可升级${next}。每笔订单都让您更近一步！`,
  startSpend: (remaining, next) => `消费满${remaining}，即可升级${next}。每笔订单都让您更近一步！`,
  keepPoints: (remaining, _count, pointsName, tier, date) =>
    date
      ? `${date}前再获得${zhAmount(remaining, pointsName)}，即可保留${tier}等级。`
      : `再获得${zhAmount(remaining, pointsName)}，即可保留${tier}等级。`,
  keepSpend: (remaining, tier, date) =>
    date ? `${date}前再消费${remaining}，即可保留${tier}等级。` : `再消费${remaining}，即可保留${tier}等级。`,
  topReached: '您已达到最高等级，尽享全部会员权益！',

  compactNextPoints: (tier, remaining, _count, pointsName, next) =>
    `${tier} · 距${next}还差${zhAmount(remaining, pointsName)}`,
  compactNextSpend: (tier, remaining, next) => `${tier} · 距${next}还差${remaining}`,
  compactKeepPoints: (remaining, _count, pointsName, tier, date) =>
    date
      ? `${date}前再获得${zhAmount(remaining, pointsName)}可保留${tier}`
      : `再获得${zhAmount(remaining, pointsName)}可保留${tier}`,
  compactKeepSpend: (remaining, tier, date) =>
    date ? `${date}前再消费${remaining}可保留${tier}` : `再消费${remaining}可保留${tier}`,
  compactTop: (tier) => `${tier} · 最高等级`,

  benefits: '等级权益',
  currentBenefits: (tier) => `您的${tier}权益`,
  nextBenefits: (tier) => `升级${tier}可解锁`,
  noBenefits: '暂无权益信息。',

  guestMessage: '登录即可查看您的会员等级。',
  errorOther: '会员等级加载失败，请重试。',
  errorNoClient: '无法显示会员等级：本页面尚未接入会员计划。',
};

export const tierProgressStrings = { en, 'zh-CN': zhCN } satisfies StringTable<TierProgressStrings>;
