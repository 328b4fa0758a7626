import { html, nothing, type TemplateResult } from 'lit';
import { isLoyaltyError, type CustomerReward, type CustomerRewards } from '@loyalty-elements/sdk';
import { commonErrorMessage } from '../base/notices.ts';
import type { RewardsView } from './rewards-view.ts';

/** The refusals the API gives a redemption: the shopper's situation changed since the list was read. */
const REFUSALS = new Set([
  'insufficient_points',
  'reward_out_of_stock',
  'reward_tier_required',
  'reward_unavailable',
  'reward_not_found',
]);

/** A reward the API refused to redeem, and its answer. */
export interface Refusal {
  reward: CustomerReward;
  error: unknown;
}

/** Whether the API refused the redemption (rather than the request failing). */
export function isRefusal(error: unknown): boolean {
  return isLoyaltyError(error) && error.code === 'rejected' && REFUSALS.has(error.problem?.code ?? '');
}

/** Plain words for a redemption the API refused or that failed. */
export function redeemErrorMessage(view: RewardsView, error: unknown, reward: CustomerReward): string {
  const { s } = view;
  if (isLoyaltyError(error)) {
    switch (error.problem?.code) {
      case 'insufficient_points':
        return s.refusedPoints(view.pointsName);
      case 'reward_out_of_stock':
        return s.refusedStock;
      case 'reward_tier_required':
        return reward.requiredTier ? s.refusedTier(view.i18n.pick(reward.requiredTier.name)) : s.refusedTierUnknown;
      case 'reward_unavailable':
      case 'reward_not_found':
        return s.refusedUnavailable;
    }
  }
  return commonErrorMessage(view.i18n.t, error) ?? s.redeemFailed;
}

/** Why a redemption was refused or failed, as an alert that can take focus. */
export function renderRedeemError(id: string, text: string, gone = false): TemplateResult {
  return html`<p part="error" class="error ${gone ? 'error--gone' : ''}" id=${id} role="alert" tabindex="-1">
    ${text}
  </p>`;
}

/** The refusal of a reward the list no longer has (withdrawn meanwhile): its card went with it. */
export function renderGoneNotice(
  view: RewardsView,
  gone: Refusal | undefined,
  rewards: CustomerRewards,
): TemplateResult | typeof nothing {
  if (!gone || rewards.rewards.some((reward) => reward.id === gone.reward.id)) return nothing;
  const message = redeemErrorMessage(view, gone.error, gone.reward);
  return renderRedeemError('gone', view.s.aboutReward(view.i18n.pick(gone.reward.name), message), true);
}
