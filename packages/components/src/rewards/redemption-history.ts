import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Redemption } from '@loyalty-elements/sdk';
import type { RewardsView } from './rewards-view.ts';

/**
 * The shopper's redeemed rewards behind a toggle, each with its name, code, date and expiry; or that
 * nothing was redeemed yet.
 */
export function renderRedemptionHistory(
  view: RewardsView,
  redemptions: readonly Redemption[],
  open: boolean,
  onToggle: () => void,
): TemplateResult {
  const { i18n, s } = view;
  if (redemptions.length === 0) {
    return html`<div class="history-row"><p part="message" class="message history-empty">${s.historyEmpty}</p></div>`;
  }
  const now = Date.now();
  return html`
    <div class="history-row">
      <button
        part="history-toggle"
        class="history-toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="history"
        @click=${onToggle}
      >
        ${s.historyToggle(i18n.formatNumber(redemptions.length))}
      </button>
    </div>
    <ul part="history" class="history" id="history" ?hidden=${!open}>
      ${repeat(
        redemptions,
        (redemption) => redemption.id,
        (redemption) => {
          const expired = redemption.expiresAt !== null && Date.parse(redemption.expiresAt) <= now;
          return html`<li part="redemption" class="redemption ${expired ? 'redemption--expired' : ''}">
            <span class="redemption-name">${i18n.pick(redemption.rewardName)}</span>
            <code part="code" class="code">${redemption.code}</code>
            <span class="redemption-date">${s.redeemedOn(view.date(redemption.redeemedAt))}</span>
            <span class="redemption-expiry"
              >${
                redemption.expiresAt === null
                  ? s.noExpiry
                  : expired
                    ? s.expiredOn(view.date(redemption.expiresAt))
                    : s.validUntil(view.date(redemption.expiresAt))
              }</span
            >
          </li>`;
        },
      )}
    </ul>
  `;
}
