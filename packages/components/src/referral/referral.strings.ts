import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of `<loyalty-referral>`; the shape every other locale fills. `amount` is a formatted number
 * ("1,000"), `count` the raw number behind it (for plurals), `pointsName` what the program calls its points.
 */
const en = {
  loading: 'Loading your referral link…',
  title: 'Invite a friend',
  friendGets: (amount: string, count: number, pointsName: string) =>
    `Your friend gets ${enPoints(amount, count, pointsName)} after their first order.`,
  youGet: (amount: string, count: number, pointsName: string) =>
    `You get ${enPoints(amount, count, pointsName)} for each friend who orders.`,
  linkLabel: 'Your referral link',
  codeLabel: 'Your referral code',
  copy: 'Copy',
  copyLink: 'Copy link',
  copyCode: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Select the text and copy it yourself.',
  share: 'Share',
  shareTitle: 'Join me',
  shareText: (amount: string, count: number, pointsName: string) =>
    `Join with my link and get ${enPoints(amount, count, pointsName)} after your first order.`,
  friendsJoined: (amount: string, count: number) => `${amount} ${count === 1 ? 'friend' : 'friends'} joined`,
  pointsEarned: (amount: string, count: number, pointsName: string) => `${enPoints(amount, count, pointsName)} earned`,
  guestMessage: 'Sign in to invite friends and earn.',
  errorOther: 'Something went wrong while loading your referral link. Please try again.',
  errorNoClient: 'The referral link can’t be shown: this page isn’t connected to a rewards program yet.',
};

export type ReferralStrings = typeof en;

/** Simplified Chinese: full-width punctuation, no space between Arabic numerals and Chinese ("300积分"). */
const zhCN: ReferralStrings = {
  loading: '正在加载您的推荐链接…',
  title: '邀请好友',
  friendGets: (amount, _count, pointsName) => `好友首单后可得${zhAmount(amount, pointsName)}。`,
  youGet: (amount, _count, pointsName) => `每位好友下单，您可得${zhAmount(amount, pointsName)}。`,
  linkLabel: '您的推荐链接',
  codeLabel: '您的推荐码',
  copy: '复制',
  copyLink: '复制链接',
  copyCode: '复制推荐码',
  copied: '已复制',
  copyFailed: '请选中文字后自行复制。',
  share: '分享',
  shareTitle: '和我一起加入',
  shareText: (amount, _count, pointsName) => `通过我的链接加入，首单后可得${zhAmount(amount, pointsName)}。`,
  friendsJoined: (amount) => `已邀请${amount}位好友`,
  pointsEarned: (amount, _count, pointsName) => `已获得${zhAmount(amount, pointsName)}`,
  guestMessage: '登录后即可邀请好友赚取积分。',
  errorOther: '推荐链接加载失败，请重试。',
  errorNoClient: '无法显示推荐链接：本页面尚未接入会员计划。',
};

/** Every string of `<loyalty-referral>`, per supported locale. */
export const referralStrings = { en, 'zh-CN': zhCN } satisfies StringTable<ReferralStrings>;
