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
}

/** The six widgets, on the page's one client, their titles one level below the panel's. */
export function renderPanelWidgets(options: PanelWidgetOptions): TemplateResult {
  const { client, signInUrl, joinUrl, headingLevel } = options;
  return html`
    <loyalty-points-balance .client=${client} .signInUrl=${signInUrl} .joinUrl=${joinUrl}></loyalty-points-balance>
    <loyalty-tier-progress
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-tier-progress>
    <loyalty-ways-to-earn
      .client=${client}
      .signInUrl=${signInUrl}
      .headingLevel=${headingLevel}
    ></loyalty-ways-to-earn>
    <loyalty-rewards
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-rewards>
    <loyalty-referral
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-referral>
    <loyalty-points-history
      .client=${client}
      .signInUrl=${signInUrl}
      .joinUrl=${joinUrl}
      .headingLevel=${headingLevel}
    ></loyalty-points-history>
  `;
}
