import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English sentences for points-history entries; the shape every other locale fills. `count` is a formatted
 * number ("2,900"), `pointsName` what the program calls its points ("points", "积分"), `orderId` the
 * merchant's order number, `reward` the reward's name in the shopper's language.
 */
const en = {
  order: (orderId: string) => `Order ${orderId}`,
  /** Points the merchant credited for a purchase without naming the order. */
  orderUnnamed: 'Points earned',
  refund: (orderId: string) => `Refund of order ${orderId}`,
  refundUnnamed: 'Refund',
  shortfall: (count: string, n: number, pointsName: string) =>
    `${enPoints(count, n, pointsName)} could not be taken back`,
  reversal: 'Reversal of an earlier entry',
  birthday: 'Birthday gift',
  survey: 'Survey: thank you for your feedback',
  referral: 'Referral: a friend joined',
  welcome: 'Welcome bonus',
  redemption: (reward: string) => `Redeemed: ${reward}`,
  redemptionUnnamed: 'Points redeemed',
  expiry: 'Points expired',
  adjustment: 'Points adjustment',
  /** Points given to make up for a complaint the merchant resolved. */
  goodwill: 'Goodwill gesture: with our apologies',
  /** Points the merchant gave a member who had not been active for a while. */
  win_back: 'Welcome back gift',
};

export type LedgerTextStrings = typeof en;

/** Simplified Chinese: names in “” quotes, full-width punctuation, no space between numerals and Chinese. */
const zhCN: LedgerTextStrings = {
  order: (orderId) => `订单${orderId}`,
  orderUnnamed: '消费积分',
  refund: (orderId) => `订单${orderId}退款`,
  refundUnnamed: '退款',
  shortfall: (count, _n, pointsName) => `${zhAmount(count, pointsName)}未能扣回`,
  reversal: '撤销此前的一笔记录',
  birthday: '生日礼遇',
  survey: '问卷调查：感谢您的反馈',
  referral: '推荐好友奖励',
  welcome: '入会礼遇',
  redemption: (reward) => `兑换：“${reward}”`,
  redemptionUnnamed: '积分兑换',
  expiry: '积分过期',
  adjustment: '积分调整',
  goodwill: '致歉补偿',
  win_back: '回归礼',
};

/** Every sentence of a points history, per supported locale. */
export const ledgerTextStrings = { en, 'zh-CN': zhCN } satisfies StringTable<LedgerTextStrings>;
