import { html, type TemplateResult } from 'lit';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltyPointsBalance } from '../points-balance/points-balance.ts';
import { LoyaltyPointsHistory } from '../points-history/points-history.ts';
import { LoyaltyReferral } from '../referral/referral.ts';
import { LoyaltyRewards } from '../rewards/rewards.ts';
import { LoyaltyTierProgress } from '../tier-progress/tier-progress.ts';
import { LoyaltyWaysToEarn } from '../ways-to-earn/ways-to-earn.ts';

/**
 * Defines the widgets inside the panel (each once; an element already defined by the page is kept), the first time
 * it opens: the drop-in's loader only sees the page's own tags, so the panel brings the widgets it composes.
 */
export function definePanelWidgets(): void {
  for (const widget of [
    LoyaltyPointsBalance,
    LoyaltyTierProgress,
    LoyaltyWaysToEarn,
    LoyaltyRewards,
    LoyaltyReferral,
    LoyaltyPointsHistory,
  ]) {
    widget.define();
  }
}

export interface PanelWidgetOptions {
  client: LoyaltyClient | undefined;
  signInUrl: string | undefined;
  joinUrl: string | undefined;
  /** Below the panel's own title. */
  headingLevel: number;
  /**
   * The panel's locale, set on each widget: their closest `lang` is otherwise the panel's `<dialog>`, inside its shadow
   * root, where no widget sees it change.
   */
  lang: string;
}

/** The six widgets, on the page's one client, their titles one level below the panel's, in the panel's language. */
export function renderPanelWidgets(options: PanelWidgetOptions): TemplateResult {
  const { client, signInUrl, joinUrl, headingLevel, lang } = options;
  return html`
    <loyalty-points-balance
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-points-balance>
    <loyalty-tier-progress
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-tier-progress>
    <loyalty-ways-to-earn
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .headingLevel=${headingLevel}
    ></loyalty-ways-to-earn>
    <loyalty-rewards
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-rewards>
    <loyalty-referral
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-referral>
    <loyalty-points-history
      lang=${lang}
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-points-history>
  `;
}
