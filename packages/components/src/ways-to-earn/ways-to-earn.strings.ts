import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of `<loyalty-ways-to-earn>`; the shape every other locale fills. `amount` is a formatted number
 * ("1,000"), `count` the raw number behind it (for plurals), `pointsName` what the program calls its points
 * ("points", "积分"), `money` one whole unit of the program's currency ("¥1"), `multiplier` a formatted factor
 * ("1.5"), `tier` a tier's name. Each way to earn is one sentence, which a screen reader reads as it is.
 */
const en = {
  loading: 'Loading the ways to earn…',
  title: (pointsName: string) => `Ways to earn ${pointsName}`,

  shop: (amount: string, count: number, pointsName: string, money: string) =>
    `Shop with us: ${enPoints(amount, count, pointsName)} per ${money}.`,
  shopInTier: (tier: string, multiplier: string, amount: string, count: number, pointsName: string, money: string) =>
    `${tier} members earn ${multiplier}×: ${enPoints(amount, count, pointsName)} per ${money}.`,
  welcome: (amount: string, count: number, pointsName: string) =>
    `Join and get ${enPoints(amount, count, pointsName)}.`,
  birthday: (amount: string, count: number, pointsName: string) =>
    `A birthday gift of ${enPoints(amount, count, pointsName)}.`,
  birthdaySet: (amount: string, count: number, pointsName: string) =>
    `A birthday gift of ${enPoints(amount, count, pointsName)}: your birthday is saved.`,
  birthdayMissing: (amount: string, count: number, pointsName: string) =>
    `A birthday gift of ${enPoints(amount, count, pointsName)}: add your birthday to receive it.`,
  addBirthday: 'Add your birthday',
  survey: (amount: string, count: number, pointsName: string) =>
    `Answer a short survey: up to ${enPoints(amount, count, pointsName)}.`,
  referral: (
    amount: string,
    count: number,
    pointsName: string,
    friendAmount: string,
    friendCount: number,
    friendPointsName: string,
  ) =>
    `Refer a friend: after their first order you get ${enPoints(amount, count, pointsName)} and they get ${enPoints(friendAmount, friendCount, friendPointsName)}.`,

  empty: (pointsName: string) => `There are no ways to earn ${pointsName} right now. Please check back later.`,
  guestMessage: 'Sign in to see what you earn as a member.',
  errorOther: 'Something went wrong while loading the ways to earn. Please try again.',
  errorNoClient: 'The ways to earn can’t be shown: this page isn’t connected to a rewards program yet.',
};

export type WaysToEarnStrings = typeof en;

/** Simplified Chinese: full-width punctuation, no space between Arabic numerals and Chinese ("100积分"). */
const zhCN: WaysToEarnStrings = {
  loading: '正在加载赚取方式…',
  title: (pointsName) => `如何赚取${pointsName}`,

  shop: (amount, _count, pointsName, money) => `购物消费：每${money}可得${zhAmount(amount, pointsName)}。`,
  shopInTier: (tier, multiplier, amount, _count, pointsName, money) =>
    `${tier}会员享${multiplier}倍：每${money}可得${zhAmount(amount, pointsName)}。`,
  welcome: (amount, _count, pointsName) => `加入即得${zhAmount(amount, pointsName)}。`,
  birthday: (amount, _count, pointsName) => `生日礼：${zhAmount(amount, pointsName)}。`,
  birthdaySet: (amount, _count, pointsName) => `生日礼：${zhAmount(amount, pointsName)}，您的生日已登记。`,
  birthdayMissing: (amount, _count, pointsName) => `生日礼：${zhAmount(amount, pointsName)}，登记生日即可领取。`,
  addBirthday: '添加生日',
  survey: (amount, _count, pointsName) => `回答一份简短问卷：最多可得${zhAmount(amount, pointsName)}。`,
  referral: (amount, _count, pointsName, friendAmount, _friendCount, friendPointsName) =>
    `推荐好友：好友首次下单后，您得${zhAmount(amount, pointsName)}，好友得${zhAmount(friendAmount, friendPointsName)}。`,

  empty: (pointsName) => `暂时没有赚取${pointsName}的方式，请稍后再来看看。`,
  guestMessage: '登录后即可查看会员专属的赚取方式。',
  errorOther: '赚取方式加载失败，请重试。',
  errorNoClient: '无法显示赚取方式：本页面尚未接入会员计划。',
};

/** Every string of `<loyalty-ways-to-earn>`, per supported locale. */
export const waysToEarnStrings = { en, 'zh-CN': zhCN } satisfies StringTable<WaysToEarnStrings>;
