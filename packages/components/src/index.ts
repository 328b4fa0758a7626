// Side-effect free: importing this entry defines no elements. Register with `define/*` files or `Class.define()`.
export { LoyaltyElement, type ColorScheme } from './base/loyalty-element.ts';
export { LoyaltyPointsBalance, type PointsBalanceState } from './points-balance/points-balance.ts';
export {
  LoyaltyBirthdayGreeting,
  type BirthdayGreetingState,
  type BirthdayGreetingView,
  type OutsideWindowMode,
} from './birthday-greeting/birthday-greeting.ts';
export { LoyaltyTierProgress, type TierProgressState } from './tier-progress/tier-progress.ts';
export { LoyaltySatisfactionSurvey, type SatisfactionSurveyView } from './satisfaction-survey/satisfaction-survey.ts';
export { LoyaltyRewards, type RewardsState } from './rewards/rewards.ts';
export { LoyaltyPointsHistory, type PointsHistoryState } from './points-history/points-history.ts';
export { LoyaltyWaysToEarn, type WaysToEarnState } from './ways-to-earn/ways-to-earn.ts';
export { LoyaltyJoinPitch, type JoinPitchState } from './join-pitch/join-pitch.ts';
export { LoyaltyPanel, type PanelPosition, type PanelState } from './panel/panel.ts';
export { LoyaltyReferral, type ReferralState } from './referral/referral.ts';

export {
  loyaltyClientContext,
  setSharedClient,
  getSharedClient,
  onSharedClientChange,
  LoyaltyClientController,
  ClientChangesController,
  type ClientSource,
} from './client/index.ts';

export { ledgerEntryText, ledgerShortfallText, type LedgerEntryFacts } from './base/ledger-text.ts';
export { LocaleController } from './controllers/locale-controller.ts';
export {
  CustomerDataController,
  type CustomerDataState,
  type CustomerDataOptions,
  type CustomerDataRenderers,
} from './controllers/customer-data-controller.ts';
export {
  en,
  zhCN,
  SUPPORTED_LOCALES,
  DEFAULT_LOCALE,
  getTranslation,
  normalizeLocale,
  closestLang,
  resolveLocale,
  formatNumber,
  formatDate,
  pickLocalized,
  type Translation,
  type LoyaltyLocale,
  type StringTable,
} from './locales/index.ts';

export {
  lightTokens,
  darkTokens,
  tokenDescriptions,
  tokenNames,
  tokenStyles,
  sharedStyles,
  type LoyaltyToken,
} from './themes/index.ts';

export type {
  LoyaltyEventMap,
  LoyaltyEventName,
  LoyaltyEventDetail,
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
} from './events/events.ts';

export type {
  LoyaltyClient,
  LoyaltyError,
  LoyaltyErrorCode,
  Summary,
  LocalizedText,
  CustomerRewards,
  RedeemResult,
  PointsHistory,
} from '@loyalty-elements/sdk';
