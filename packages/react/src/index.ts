'use client';

// React components for the Loyalty Elements widgets. A wrapper a page uses defines its element (once, never throwing
// when it is already defined). Importing on a server (SSR) is safe: the wrappers render the plain tags, and the
// elements' properties and event listeners are set once React hydrates them in the browser.
export { LoyaltyPointsBalance, LoyaltyPointsBalanceElement } from './points-balance.ts';
export { LoyaltyTierProgress, LoyaltyTierProgressElement } from './tier-progress.ts';
export { LoyaltyBirthdayGreeting, LoyaltyBirthdayGreetingElement } from './birthday-greeting.ts';
export { LoyaltySatisfactionSurvey, LoyaltySatisfactionSurveyElement } from './satisfaction-survey.ts';
export { LoyaltyRewards, LoyaltyRewardsElement } from './rewards.ts';
export { LoyaltyPointsHistory, LoyaltyPointsHistoryElement } from './points-history.ts';
export { LoyaltyWaysToEarn, LoyaltyWaysToEarnElement } from './ways-to-earn.ts';
export { LoyaltyJoinPitch, LoyaltyJoinPitchElement } from './join-pitch.ts';
export { LoyaltyPanel, LoyaltyPanelElement } from './panel.ts';
export { LoyaltyReferral, LoyaltyReferralElement } from './referral.ts';

// Widgets without a `client` prop use the page's shared client: set it once, e.g. next to createRoot().
export { setSharedClient, getSharedClient } from '@loyalty-elements/components';

export type {
  LoyaltyReadyEvent,
  LoyaltyErrorEvent,
  LoyaltySignInRequestedEvent,
  LoyaltyBirthdaySavedEvent,
  LoyaltyBirthdayClaimedEvent,
  LoyaltySurveyShownEvent,
  LoyaltySurveyAnswerEvent,
  LoyaltySurveySubmittedEvent,
  LoyaltySurveyDismissedEvent,
  LoyaltyRewardRedeemedEvent,
  LoyaltyPanelOpenEvent,
  LoyaltyPanelCloseEvent,
  LoyaltyClient,
} from '@loyalty-elements/components';
