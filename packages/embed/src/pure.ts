import type { LoyaltyClient } from '@loyalty-elements/sdk';
import {
  LoyaltyBirthdayGreeting,
  LoyaltyJoinPitch,
  LoyaltyPanel,
  LoyaltyPointsBalance,
  LoyaltyPointsHistory,
  LoyaltyReferral,
  LoyaltyRewards,
  LoyaltySatisfactionSurvey,
  LoyaltyTierProgress,
  LoyaltyWaysToEarn,
} from '@loyalty-elements/components';
import { startSharedClient, type EmbedOptions } from './shared-client.ts';

export { client, identify, logout, on, type EmbedOptions } from './shared-client.ts';

/** Every element the drop-in defines. */
const ELEMENTS = [
  LoyaltyPointsBalance,
  LoyaltyTierProgress,
  LoyaltyBirthdayGreeting,
  LoyaltySatisfactionSurvey,
  LoyaltyRewards,
  LoyaltyPointsHistory,
  LoyaltyWaysToEarn,
  LoyaltyJoinPitch,
  LoyaltyPanel,
  LoyaltyReferral,
];

/**
 * Defines every `<loyalty-*>` element and gives them one shared client.
 * Importing this module has no side effects; calling `init` does.
 */
export function init(options: EmbedOptions): LoyaltyClient {
  for (const element of ELEMENTS) element.define();
  return startSharedClient(options);
}
