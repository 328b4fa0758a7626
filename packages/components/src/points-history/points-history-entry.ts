import { html, nothing, type TemplateResult } from 'lit';
import type { LedgerEntry } from '@loyalty-elements/contract';
import { ledgerEntryText, ledgerShortfallText } from '../base/ledger-text.ts';
import type { LocaleController } from '../controllers/locale-controller.ts';
import type { PointsHistoryStrings } from './points-history.strings.ts';

/** What every row of one history needs: the locale, the strings, the points name and the shopper's time zone. */
export interface PointsHistoryView {
  i18n: LocaleController;
  s: PointsHistoryStrings;
  pointsName: Record<string, string>;
  timeZone: string;
  /** The instant the markers are measured against (pending until a later date, expiring after now). */
  now: number;
}

/** "+120", "−50" (a true minus sign) or "0", with the digits from Intl. */
export function signedPoints(points: number, i18n: LocaleController): string {
  const digits = i18n.formatNumber(Math.abs(points));
  return points > 0 ? `+${digits}` : points < 0 ? `\u2212${digits}` : digits;
}

function spokenPoints(points: number, view: PointsHistoryView): string {
  const { i18n, s } = view;
  const pointsName = i18n.pick(view.pointsName);
  const count = i18n.formatNumber(Math.abs(points));
  if (points > 0) return s.creditSpoken(count, points, pointsName);
  if (points < 0) return s.debitSpoken(count, -points, pointsName);
  return s.unchangedSpoken(pointsName);
}

/** When a credit's points become spendable, if that is still to come. */
function pendingUntil(entry: LedgerEntry, now: number): string | null {
  return entry.pendingUntil !== null && Date.parse(entry.pendingUntil) > now ? entry.pendingUntil : null;
}

/** When a credit's points expire, if that is still to come (an expiry entry says when they lapsed by its date). */
function expiresAt(entry: LedgerEntry, now: number): string | null {
  return entry.points > 0 && entry.expiresAt !== null && Date.parse(entry.expiresAt) > now ? entry.expiresAt : null;
}

/**
 * One ledger entry as a list item. The screen shows its parts (what it is, the date, the markers, the points); a
 * screen reader hears one sentence: "12 March 2026, Order 1001, plus 120 points, pending until 26 March 2026."
 */
export function renderEntry(entry: LedgerEntry, view: PointsHistoryView): TemplateResult {
  const { i18n, s, timeZone } = view;
  const locale = i18n.locale;
  const shortDate = (instant: string) => i18n.formatDate(instant, { dateStyle: 'medium', timeZone });
  const longDate = (instant: string) => i18n.formatDate(instant, { dateStyle: 'long', timeZone });
  const description = ledgerEntryText(entry, locale);
  const pending = pendingUntil(entry, view.now);
  const expires = expiresAt(entry, view.now);
  const shortfall = ledgerShortfallText(entry, locale, view.pointsName);
  const sentence = s.sentence([
    longDate(entry.createdAt),
    description,
    spokenPoints(entry.points, view),
    ...(pending ? [s.pendingSpoken(longDate(pending))] : []),
    ...(expires ? [s.expiresSpoken(longDate(expires))] : []),
    ...(shortfall ? [shortfall] : []),
  ]);
  const direction = entry.points > 0 ? 'credit' : entry.points < 0 ? 'debit' : 'unchanged';
  return html`<li part="entry" class="entry" tabindex="-1" data-entry-id=${entry.id}>
    <span class="visually-hidden">${sentence}</span>
    <span class="entry-main" aria-hidden="true">
      <span part="description" class="description">${description}</span>
      <span class="details">
        <time part="date" class="date" datetime=${entry.createdAt}>${shortDate(entry.createdAt)}</time>
        ${pending ? html`<span part="pending" class="marker marker--pending">${s.pendingUntil(shortDate(pending))}</span>` : nothing}
        ${expires ? html`<span part="expiring" class="marker">${s.expires(shortDate(expires))}</span>` : nothing}
      </span>
      ${shortfall ? html`<span part="shortfall" class="shortfall">${shortfall}</span>` : nothing}
    </span>
    <span part="points points-${direction}" class="points points--${direction}" aria-hidden="true"
      >${signedPoints(entry.points, i18n)}</span
    >
  </li>`;
}
