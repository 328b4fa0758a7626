import type { LocaleController } from '../controllers/locale-controller.ts';
import type { RewardsStrings } from './rewards.strings.ts';

/** What every piece of `<loyalty-rewards>` renders with: the locale, its strings and the shopper's program. */
export interface RewardsView {
  readonly i18n: LocaleController;
  readonly s: RewardsStrings;
  /** What the program calls its points, in the shopper's language. */
  readonly pointsName: string;
  /** The level of the widget's title; a reward's name is one level below. */
  readonly level: number;
  /** A date in the shopper's timezone. */
  date(instant: string): string;
}
