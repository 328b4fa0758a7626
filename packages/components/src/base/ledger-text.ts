import type { LedgerEntry } from '@loyalty-elements/contract';
import { formatNumber, normalizeLocale, pickLocalized } from '../locales/locales.ts';
import { ledgerTextStrings } from './ledger-text.strings.ts';

/** The parts of a ledger entry its sentence is made from. */
export type LedgerEntryFacts = Pick<LedgerEntry, 'kind' | 'references' | 'shortfall'>;

/** What a points history calls its points when the program's name is not at hand. */
const DEFAULT_POINTS_NAME = { en: 'points', 'zh-CN': '积分' };

function stringsFor(locale: string) {
  return ledgerTextStrings[normalizeLocale(locale)];
}

/**
 * The sentence a shopper reads for one entry of their points history, in `locale` ("Order 1001", "Refund of order
 * 1001", "Redeemed: Free tea"): made from the entry's kind and references, never from an internal string. A reward's
 * name is picked for the locale like every localized text of the kit. The result is plain text: render it as text.
 */
export function ledgerEntryText(entry: LedgerEntryFacts, locale: string): string {
  const strings = stringsFor(locale);
  const { orderId, rewardName } = entry.references;
  switch (entry.kind) {
    case 'order':
      return orderId === undefined ? strings.orderUnnamed : strings.order(orderId);
    case 'refund':
      return orderId === undefined ? strings.refundUnnamed : strings.refund(orderId);
    case 'redemption': {
      const reward = pickLocalized(rewardName, locale);
      return reward === '' ? strings.redemptionUnnamed : strings.redemption(reward);
    }
    case 'reversal':
    case 'birthday':
    case 'survey':
    case 'referral':
    case 'welcome':
    case 'expiry':
    case 'adjustment':
    case 'goodwill':
    case 'win_back':
      return strings[entry.kind];
    default:
      // A kind from a newer API: a neutral sentence rather than its internal name.
      return strings.adjustment;
  }
}

/**
 * For a refund or reversal that could not take back everything it owed, because the shopper had already spent
 * the points: "30 points could not be taken back". Null for every other entry.
 */
export function ledgerShortfallText(
  entry: LedgerEntryFacts,
  locale: string,
  pointsName: Record<string, string> = DEFAULT_POINTS_NAME,
): string | null {
  if (entry.shortfall === null || entry.shortfall <= 0) return null;
  return stringsFor(locale).shortfall(
    formatNumber(entry.shortfall, locale),
    entry.shortfall,
    pickLocalized(pointsName, locale),
  );
}
