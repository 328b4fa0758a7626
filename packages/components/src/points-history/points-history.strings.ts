import { zhAmount } from '../locales/chinese.ts';
import { enPoints } from '../locales/english.ts';
import type { StringTable } from '../locales/locales.ts';

/**
 * English strings of `<loyalty-points-history>`; the shape every other locale fills. `count` is a formatted
 * number ("2,900"), `pointsName` what the program calls its points ("points", "积分"), `date` a formatted date.
 */
const en = {
  loading: 'Loading your points history…',
  title: 'Points history',

  /** What a screen reader hears for an entry's points; the screen shows "+120" / "−50". */
  creditSpoken: (count: string, n: number, pointsName: string) => `plus ${enPoints(count, n, pointsName)}`,
  debitSpoken: (count: string, n: number, pointsName: string) => `minus ${enPoints(count, n, pointsName)}`,
  unchangedSpoken: (pointsName: string) => `no change in ${pointsName}`,
  pendingUntil: (date: string) => `Pending until ${date}`,
  pendingSpoken: (date: string) => `pending until ${date}`,
  expires: (date: string) => `Expires ${date}`,
  expiresSpoken: (date: string) => `expires ${date}`,
  /** One entry read as one sentence: its date, what it is, its points and its markers. */
  sentence: (clauses: readonly string[]) => `${clauses.join(', ')}.`,

  showMore: 'Show more',
  loadingMore: 'Loading more…',
  pageFailed: 'Older activity couldn’t be loaded. Please try again.',
  shown: (count: string, n: number) => `${count} ${n === 1 ? 'entry' : 'entries'} shown.`,

  empty: (pointsName: string) =>
    `No activity yet. You earn ${pointsName} with your orders, and every change to them will be listed here.`,
  guestMessage: 'Sign in to see your points history.',
  errorOther: 'Something went wrong while loading your points history. Please try again.',
  errorNoClient: 'Your points history can’t be shown: this page isn’t connected to a rewards program yet.',
};

export type PointsHistoryStrings = typeof en;

/** Simplified Chinese: full-width punctuation, no space between Arabic numerals and Chinese ("120积分"). */
const zhCN: PointsHistoryStrings = {
  loading: '正在加载积分记录…',
  title: '积分记录',

  creditSpoken: (count, _n, pointsName) => `增加${zhAmount(count, pointsName)}`,
  debitSpoken: (count, _n, pointsName) => `扣除${zhAmount(count, pointsName)}`,
  unchangedSpoken: (pointsName) => `${pointsName}无变动`,
  pendingUntil: (date) => `待生效，${date}起可用`,
  pendingSpoken: (date) => `待生效，${date}起可用`,
  expires: (date) => `${date}到期`,
  expiresSpoken: (date) => `${date}到期`,
  sentence: (clauses) => `${clauses.join('，')}。`,

  showMore: '显示更多',
  loadingMore: '正在加载…',
  pageFailed: '更早的记录加载失败，请重试。',
  shown: (count, _n) => `已显示${count}条记录。`,

  empty: (pointsName) => `暂无记录。下单即可赚取${pointsName}，每一笔变动都会显示在这里。`,
  guestMessage: '登录即可查看积分记录。',
  errorOther: '积分记录加载失败，请重试。',
  errorNoClient: '无法显示积分记录：本页面尚未接入会员计划。',
};

/** Every string of `<loyalty-points-history>`, per supported locale. */
export const pointsHistoryStrings = { en, 'zh-CN': zhCN } satisfies StringTable<PointsHistoryStrings>;
