import { enPoints, pointsUnit } from './english.ts';

/** English strings. The shape of this table is the `Translation` type every other locale must fill. */
export const en = {
  $locale: 'en',
  loading: 'Loading your points…',
  /** Visible lead-in above the balance, e.g. "Lin Mei, you have". */
  balanceLead: (name: string) => `${name}, you have`,
  /** The ready state read as one sentence, e.g. "Lin Mei, you have 2,900 points." */
  balanceSentence: (name: string, points: string, count: number, pointsName: string) =>
    `${name}, you have ${enPoints(points, count, pointsName)}.`,
  /** The points' name beside the figure: "point" for 1. */
  pointsNameFor: (count: number, pointsName: string) => pointsUnit(count, pointsName),
  tierLabel: (tier: string) => `Tier: ${tier}`,
  tierSentence: (tier: string) => `Your tier is ${tier}.`,
  rewardsLink: 'See rewards',
  /** Points credited but not yet spendable, e.g. "Pending: 180". */
  pendingLabel: (points: string) => `Pending: ${points}`,
  /** The next expiry, e.g. "Expiring Jun 3, 2027: 900". */
  expiringLabel: (date: string, points: string) => `Expiring ${date}: ${points}`,
  noneExpiring: 'No points expiring soon',
  scheduleToggle: 'Expiry dates',
  guestMessage: 'Sign in to see your points.',
  signIn: 'Sign in',
  errorNetwork: 'We couldn’t reach the rewards service. Check your internet connection, then try again.',
  errorTimeout: 'The rewards service took too long to answer. Please try again.',
  errorSession: 'Your session has expired or is no longer valid. Please sign in again, then try again.',
  errorOther: 'Something went wrong while loading your points. Please try again.',
  errorNoClient: 'Your points can’t be shown: this page isn’t connected to a rewards program yet.',
  retry: 'Try again',
};

/** A complete string table: every key of the English one, with the same kinds of values. */
export type Translation = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
