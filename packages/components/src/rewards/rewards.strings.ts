import { zhAmount, zhUnitGap } from '../locales/chinese.ts';
import { enPoints, pointsUnit } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of `<loyalty-rewards>`; the shape every other locale fills. `count` arguments are
 * formatted numbers ("2,900") and `n` the same number unformatted (for "1 point"), `pointsName` what the program
 * calls its points ("points", "积分").
 */
const en = {
  loading: 'Loading rewards…',
  title: 'Rewards',
  balance: (count: string, n: number, pointsName: string) => `You have ${enPoints(count, n, pointsName)}`,
  /** A reward's cost is its figure, this gap and `costUnit`: "300 points", "1 point", "300积分". */
  costGap: (_pointsName: string) => ' ',
  costUnit: (n: number, pointsName: string) => pointsUnit(n, pointsName),

  // The catalogue.
  redeem: 'Redeem',
  /** Opens a description cut at two lines (the button is described by the reward's name). */
  more: 'More',
  less: 'Less',
  lockedByTier: (tier: string) => `${tier} members and above`,
  lockedByPoints: (count: string, n: number, pointsName: string) =>
    `You need ${count} more ${pointsUnit(n, pointsName)}`,
  outOfStock: 'Out of stock',
  stockLeft: (count: string) => `Only ${count} left`,
  availableUntil: (date: string) => `Offer ends ${date}`,
  empty: 'No rewards on offer right now. Check back soon.',

  // Redeeming.
  confirmQuestion: (reward: string, count: string, n: number, pointsName: string) =>
    `Redeem ${reward} for ${enPoints(count, n, pointsName)}?`,
  confirmValidity: (days: string, n: number) => `Your code will be valid for ${days} ${n === 1 ? 'day' : 'days'}.`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  redeeming: 'Redeeming…',
  tryAgain: 'Try again',

  // The issued code.
  issuedTitle: (reward: string) => `${reward} redeemed`,
  codeLabel: 'Your code',
  copy: 'Copy code',
  copied: 'Copied',
  /** The copy failed and the code is selected instead. */
  copySelected: 'Code selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  validUntil: (date: string) => `Valid until ${date}`,
  noExpiry: 'Never expires',
  done: 'Done',
  /** What the live region says after a redemption. */
  issuedAnnouncement: (reward: string, code: string) => `${reward} redeemed. Your code is ${code}.`,

  // History.
  historyToggle: (count: string) => `Your redeemed rewards (${count})`,
  historyEmpty: 'You haven’t redeemed any rewards yet.',
  redeemedOn: (date: string) => `Redeemed ${date}`,
  expiredOn: (date: string) => `Expired ${date}`,

  // Refusals and failures of a redemption.
  refusedPoints: (pointsName: string) => `You don’t have enough ${pointsName} for this reward any more.`,
  refusedStock: 'Sorry, this reward has just run out.',
  refusedTier: (tier: string) => `This reward is for ${tier} members and above.`,
  refusedTierUnknown: 'This reward is for members of a higher tier.',
  refusedUnavailable: 'This reward is no longer on offer.',
  redeemFailed: 'We couldn’t redeem this reward. Please try again.',
  /** A refusal shown away from its reward's card, which is no longer listed. */
  aboutReward: (reward: string, message: string) => `${reward}: ${message}`,

  guestMessage: 'Sign in to redeem rewards.',
  errorOther: 'Something went wrong while loading the rewards. Please try again.',
  errorNoClient: 'Rewards can’t be shown: this page isn’t connected to a rewards program yet.',
};

export type RewardsStrings = typeof en;

/** Simplified Chinese: names in “” quotes, no space between Arabic numerals and Chinese ("300积分"). */
const zhCN: RewardsStrings = {
  loading: '正在加载积分兑换…',
  title: '积分兑换',
  balance: (count, _n, pointsName) => `您有${zhAmount(count, pointsName)}`,
  costGap: (pointsName) => zhUnitGap(pointsName),
  costUnit: (_n, pointsName) => pointsName,

  redeem: '兑换',
  more: '展开',
  less: '收起',
  lockedByTier: (tier) => `${tier}及以上会员专享`,
  lockedByPoints: (count, _n, pointsName) => `还差${zhAmount(count, pointsName)}`,
  outOfStock: '已兑完',
  stockLeft: (count) => `仅剩${count}份`,
  availableUntil: (date) => `${date}截止兑换`,
  empty: '暂无可兑换的奖励，请稍后再来看看。',

  confirmQuestion: (reward, count, _n, pointsName) => `确定用${zhAmount(count, pointsName)}兑换“${reward}”吗？`,
  confirmValidity: (days, _n) => `兑换码${days}天内有效。`,
  confirm: '确认兑换',
  cancel: '取消',
  redeeming: '正在兑换…',
  tryAgain: '重试',

  issuedTitle: (reward) => `已兑换“${reward}”`,
  codeLabel: '您的兑换码',
  copy: '复制兑换码',
  copied: '已复制',
  copySelected: '已选中兑换码，请按 Ctrl+C（Mac 按 ⌘C）复制。',
  validUntil: (date) => `有效期至${date}`,
  noExpiry: '长期有效',
  done: '完成',
  issuedAnnouncement: (reward, code) => `已兑换“${reward}”。兑换码：${code}`,

  historyToggle: (count) => `我的兑换记录（${count}）`,
  historyEmpty: '您还没有兑换过奖励。',
  redeemedOn: (date) => `${date}兑换`,
  expiredOn: (date) => `已于${date}过期`,

  refusedPoints: (pointsName) => `您的${pointsName}已不足以兑换此奖励。`,
  refusedStock: '抱歉，此奖励刚刚兑完。',
  refusedTier: (tier) => `此奖励为${tier}及以上会员专享。`,
  refusedTierUnknown: '此奖励为更高等级会员专享。',
  refusedUnavailable: '此奖励已下架。',
  redeemFailed: '兑换失败，请重试。',
  aboutReward: (reward, message) => `“${reward}”：${message}`,

  guestMessage: '登录即可兑换奖励。',
  errorOther: '积分兑换加载失败，请重试。',
  errorNoClient: '无法显示积分兑换：本页面尚未接入会员计划。',
};

/** Every string of `<loyalty-rewards>`, per supported locale. */
export const rewardsStrings = { en, 'zh-CN': zhCN } satisfies StringTable<RewardsStrings>;
