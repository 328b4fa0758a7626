import type { LocalizedText, Program, Summary } from '@loyalty-elements/sdk';
import type { LocaleController } from '../controllers/locale-controller.ts';
import { formatDate as formatDateIn, formatNumber } from '../locales/locales.ts';
import type { TierProgressStrings } from './tier-progress.strings.ts';

/** What the element loads: the customer's tier standing and the program's tiers (benefits, currency). */
export interface TierProgressData {
  summary: Summary;
  program: Program;
}

/** Everything the ready state says, formatted for the element's locale and the customer's time zone. */
export interface TierView {
  tier: string;
  /** The next tier's name; undefined at the top tier. */
  next: string | undefined;
  amounts: string;
  barLabel: string;
  valueMax: number;
  valueNow: number;
  valueText: string;
  /** How much of the bar is filled, 0–100. */
  percent: number;
  message: string;
  line: string;
  risk: boolean;
  benefits: { current: string[]; next: string[] };
}

type BarView = Omit<TierView, 'message' | 'line' | 'risk' | 'benefits'>;

/** Formats the customer's tier standing for `i18n`'s locale and the customer's time zone. */
export function tierView(
  s: TierProgressStrings,
  { summary, program }: TierProgressData,
  i18n: LocaleController,
): TierView {
  const locale = i18n.locale;
  const pick = (text: LocalizedText) => i18n.pick(text);
  const { current, next, progress, windowEndsAt, atRisk } = summary.tier;
  const spend = progress.metric === 'spend';
  const amount = (value: number) => (spend ? formatMoney(value, program.currency, locale) : i18n.formatNumber(value));
  const pointsName = pick(summary.program.pointsName);
  const tier = pick(current.name);
  const nextName = next ? pick(next.name) : undefined;
  const date = windowEndsAt ? formatDate(windowEndsAt, locale, summary.customer.timezone) : undefined;
  const qualified = amount(progress.qualified);

  let bar: BarView;
  if (nextName !== undefined && progress.nextThreshold !== null && progress.nextThreshold > 0) {
    const threshold = amount(progress.nextThreshold);
    bar = {
      tier,
      next: nextName,
      amounts: spend
        ? s.spendOf(qualified, threshold)
        : s.pointsOf(qualified, threshold, progress.nextThreshold, pointsName),
      barLabel: s.progressLabel(nextName),
      valueMax: progress.nextThreshold,
      valueNow: progress.qualified,
      valueText: spend
        ? s.spendToward(qualified, threshold, nextName)
        : s.pointsToward(qualified, threshold, progress.nextThreshold, pointsName, nextName),
      percent: Math.min(100, (progress.qualified / progress.nextThreshold) * 100),
    };
  } else {
    // The top tier: a full bar, read as a finished one.
    bar = {
      tier,
      next: undefined,
      amounts: spend ? s.spendQualified(qualified) : s.pointsQualified(qualified, progress.qualified, pointsName),
      barLabel: s.topProgressLabel,
      valueMax: 100,
      valueNow: 100,
      valueText: s.topValueText(tier),
      percent: 100,
    };
  }

  const remaining = amount(progress.remaining);
  let message: string;
  let line: string;
  if (atRisk) {
    const keep = amount(atRisk.remaining);
    // When the tier would be lost; an API that predates the forecast gives the window's end.
    const by = atRisk.at ? formatDate(atRisk.at, locale, summary.customer.timezone) : date;
    message = spend ? s.keepSpend(keep, tier, by) : s.keepPoints(keep, atRisk.remaining, pointsName, tier, by);
    line = spend
      ? s.compactKeepSpend(keep, tier, by)
      : s.compactKeepPoints(keep, atRisk.remaining, pointsName, tier, by);
  } else if (bar.next === undefined) {
    message = s.topReached;
    line = s.compactTop(tier);
  } else {
    if (progress.qualified === 0) {
      message = spend
        ? s.startSpend(remaining, bar.next)
        : s.startPoints(remaining, progress.remaining, pointsName, bar.next);
    } else {
      message = spend
        ? s.reachSpend(remaining, bar.next, date)
        : s.reachPoints(remaining, progress.remaining, pointsName, bar.next, date);
    }
    line = spend
      ? s.compactNextSpend(tier, remaining, bar.next)
      : s.compactNextPoints(tier, remaining, progress.remaining, pointsName, bar.next);
  }

  const benefitsOf = (id: string) => (program.tiers.find((entry) => entry.id === id)?.benefits ?? []).map(pick);
  const currentBenefits = benefitsOf(current.id);
  const nextBenefits = next ? benefitsOf(next.id) : [];
  // What the next tier adds; all of its benefits when the program lists each tier's on their own.
  const added = nextBenefits.filter((benefit) => !currentBenefits.includes(benefit));

  return {
    ...bar,
    message,
    line,
    risk: atRisk !== null,
    benefits: { current: currentBenefits, next: added.length ? added : nextBenefits },
  };
}

const currencyDigits = new Map<string, number>();

/**
 * Money in integer minor units (fen, cents) for a locale: `38000` CNY → "¥380" (whole amounts
 * without decimals), `38050` → "¥380.50"; the currency's own number of decimals from Intl
 * (`JPY` has none).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let digits = currencyDigits.get(key);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    currencyDigits.set(key, digits);
  }
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  return formatNumber(minor / scale, locale, {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
}

/** A date for a locale, in a time zone: "Jun 3, 2027", "2027年6月3日". */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return formatDateIn(iso, locale, { dateStyle: 'medium', timeZone });
}
