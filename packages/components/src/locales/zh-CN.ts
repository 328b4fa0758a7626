import { zhAmount } from './chinese.ts';
import type { Translation } from './en.ts';

/** Simplified Chinese strings. No space between Arabic numerals and Chinese ("2,900积分"), as `Intl` writes dates. */
export const zhCN: Translation = {
  $locale: 'zh-CN',
  loading: '正在加载您的积分…',
  balanceLead: (name) => `${name}，您有`,
  balanceSentence: (name, points, _count, pointsName) => `${name}，您有${zhAmount(points, pointsName)}。`,
  pointsNameFor: (_count, pointsName) => pointsName,
  tierLabel: (tier) => `等级：${tier}`,
  tierSentence: (tier) => `您的会员等级是${tier}。`,
  rewardsLink: '查看奖励',
  pendingLabel: (points) => `待入账：${points}`,
  expiringLabel: (date, points) => `${date}到期：${points}`,
  noneExpiring: '近期没有即将到期的积分',
  scheduleToggle: '到期明细',
  guestMessage: '登录即可查看您的积分。',
  signIn: '登录',
  errorNetwork: '无法连接会员服务，请检查网络后重试。',
  errorTimeout: '会员服务响应超时，请重试。',
  errorSession: '登录已失效，请重新登录后重试。',
  errorOther: '积分加载失败，请重试。',
  errorNoClient: '无法显示积分：本页面尚未接入会员计划。',
  retry: '重试',
};
