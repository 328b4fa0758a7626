import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of the join pitch (`<loyalty-join-pitch>`, or the first guest widget of a page without one); the
 * shape every other locale fills. `program` is the program's name, `pointsName` what it calls its points, `tiers` a
 * formatted list of tier names ("Member, Silver, Gold and Diamond").
 */
const en = {
  loading: 'Loading what members get…',
  heading: (program: string) => `Join ${program}`,
  intro: (pointsName: string) => `Members earn ${pointsName} on every order and spend them on rewards.`,
  benefitsLabel: 'What members get',
  tiers: (tiers: string) => `Climb the tiers, ${tiers}, for more with each one.`,
  join: 'Join now',
  guestMessage: 'Sign in or join to earn rewards.',
  errorOther: 'Something went wrong while loading the rewards program. Please try again.',
  errorNoClient: 'The rewards program can’t be shown: this page isn’t connected to a rewards program yet.',
};

export type JoinPitchStrings = typeof en;

const zhCN: JoinPitchStrings = {
  loading: '正在加载会员权益…',
  heading: (program) => `加入${program}`,
  intro: (pointsName) => `会员每笔订单都能赚取${pointsName}，并可用来兑换奖励。`,
  benefitsLabel: '会员权益',
  tiers: (tiers) => `会员等级：${tiers}，等级越高权益越多。`,
  join: '立即加入',
  guestMessage: '登录或加入会员即可赚取奖励。',
  errorOther: '会员计划加载失败，请重试。',
  errorNoClient: '无法显示会员计划：本页面尚未接入会员计划。',
};

/** Every string of the join pitch, per supported locale. */
export const joinPitchStrings = { en, 'zh-CN': zhCN } satisfies StringTable<JoinPitchStrings>;
