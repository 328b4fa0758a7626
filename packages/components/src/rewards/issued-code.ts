import { html, nothing, type TemplateResult } from 'lit';
import type { RedeemResult } from '@loyalty-elements/sdk';
import { codeIcon } from '../base/icons.ts';
import type { RedeemFlow } from './redeem-flow.ts';
import type { RewardsView } from './rewards-view.ts';

/** The panel with the code just issued: the code, a copy button, its expiry, and Done. */
export function renderIssuedCode(view: RewardsView, flow: RedeemFlow, { redemption }: RedeemResult): TemplateResult {
  const { s } = view;
  return html`
    <div part="issued" class="issued" id="issued" tabindex="-1" role="group" aria-labelledby="issued-title">
      <div class="issued-head">
        ${codeIcon}
        <p part="issued-title" class="issued-title" id="issued-title">
          ${s.issuedTitle(view.i18n.pick(redemption.rewardName))}
        </p>
      </div>
      <p part="code-label" class="code-label" id="code-label">${s.codeLabel}</p>
      <div class="code-row">
        <code part="code" class="code code--issued" id="code">${redemption.code}</code>
        <button part="button copy-button" class="button" type="button" @click=${() => flow.copyCode()}>
          ${s.copy}
        </button>
        <span part="copy-status" class="copy-status" aria-hidden="true">${flow.copy === 'copied' ? s.copied : ''}</span>
      </div>
      ${flow.copy === 'selected' ? html`<p class="copy-hint">${s.copySelected}</p>` : nothing}
      <p part="expiry" class="expiry">
        ${redemption.expiresAt ? s.validUntil(view.date(redemption.expiresAt)) : s.noExpiry}
      </p>
      <div class="actions">
        <button
          part="secondary-button done-button"
          class="button button--secondary"
          type="button"
          @click=${() => flow.done()}
        >
          ${s.done}
        </button>
      </div>
    </div>
  `;
}
