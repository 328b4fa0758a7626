import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of `<loyalty-panel>`; the shape every other locale fills. `amount` is a formatted number ("2,900"),
 * `count` the raw number behind it, `pointsName` what the program calls its points.
 */
const en = {
  label: 'Rewards',
  points: (amount: string, count: number, pointsName: string) => enPoints(amount, count, pointsName),
  close: 'Close',
  errorOther: 'Something went wrong while loading your points. Please try again.',
  errorNoClient: 'Rewards can’t be shown: this page isn’t connected to a rewards program yet.',
  guestMessage: 'Sign in to see your rewards.',
};

export type PanelStrings = typeof en;

const zhCN: PanelStrings = {
  label: '奖励',
  points: (amount, _count, pointsName) => zhAmount(amount, pointsName),
  close: '关闭',
  errorOther: '积分加载失败，请重试。',
  errorNoClient: '无法显示奖励：本页面尚未接入会员计划。',
  guestMessage: '登录即可查看您的奖励。',
};

/** Every string of `<loyalty-panel>`, per supported locale. */
export const panelStrings = { en, 'zh-CN': zhCN } satisfies StringTable<PanelStrings>;
