import type { Program, Summary } from '@loyalty-elements/sdk';
import type { LocaleController } from '../controllers/locale-controller.ts';
import type { WaysToEarnStrings } from './ways-to-earn.strings.ts';

/** One way to earn, by what earns it. */
export type WayKind = 'shop' | 'welcome' | 'birthday' | 'survey' | 'referral';

export interface Way {
  kind: WayKind;
  /** The way as one sentence. */
  text: string;
  /** A member without a birthday on file is offered to add it. */
  addBirthday?: boolean;
}

/** Up to two decimals: an earn rate of 1.5 or 0.25 points, a multiplier of 1.25×. */
const DECIMALS: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

/**
 * The program's ways to earn, in the order a shopper meets them: shopping (at their tier's multiplier when they are
 * signed in), joining (for a guest only), their birthday, surveys and referring friends. Only what the program rewards
 * is listed.
 */
export function waysToEarn(
  program: Program,
  summary: Summary | undefined,
  i18n: LocaleController,
  s: WaysToEarnStrings,
): Way[] {
  const earning = program.earning;
  const pointsName = i18n.pick(program.pointsName);
  const amount = (count: number) => [i18n.formatNumber(count, DECIMALS), count, pointsName] as const;
  const ways: Way[] = [];

  if (earning && earning.earnRate > 0) {
    const money = i18n.formatNumber(1, {
      style: 'currency',
      currency: program.currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    const tier = summary && program.tiers.find(({ id }) => id === summary.tier.current.id);
    const multiplier = tier?.earnMultiplier ?? 1;
    const text =
      summary && multiplier !== 1
        ? s.shopInTier(
            i18n.pick(summary.tier.current.name),
            i18n.formatNumber(multiplier, DECIMALS),
            ...amount(earning.earnRate * multiplier),
            money,
          )
        : s.shop(...amount(earning.earnRate), money);
    ways.push({ kind: 'shop', text });
  }
  if (!summary && earning && earning.welcomeBonus > 0) {
    ways.push({ kind: 'welcome', text: s.welcome(...amount(earning.welcomeBonus)) });
  }
  if (program.birthday) {
    const gift = amount(program.birthday.points);
    if (!summary) ways.push({ kind: 'birthday', text: s.birthday(...gift) });
    else if (summary.birthday) ways.push({ kind: 'birthday', text: s.birthdaySet(...gift) });
    else ways.push({ kind: 'birthday', text: s.birthdayMissing(...gift), addBirthday: true });
  }
  if (earning && earning.surveyPoints > 0) {
    ways.push({ kind: 'survey', text: s.survey(...amount(earning.surveyPoints)) });
  }
  const referral = earning?.referral;
  if (referral && (referral.referrerPoints > 0 || referral.friendPoints > 0)) {
    ways.push({
      kind: 'referral',
      text: s.referral(...amount(referral.referrerPoints), ...amount(referral.friendPoints)),
    });
  }
  return ways;
}
