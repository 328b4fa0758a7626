export { createLoyaltyClient } from './client.ts';
export type { LoyaltyClient, LoyaltyClientOptions, WriteOutcome } from './client-api.ts';
export type { LoyaltyChange, LoyaltyChangeListener } from './changes.ts';
export { LoyaltyError, isLoyaltyError, isTransient, type LoyaltyErrorCode } from './errors.ts';
export { randomId } from './ids.ts';
export type { QueuedWrite, QueuedWriteKind } from './outbox/queued-write.ts';
export {
  IndexedDbOutboxStorage,
  LOCAL_OUTBOX_LOCK,
  LocalOutboxStorage,
  MemoryOutboxStorage,
  openOutboxStorage,
  type OutboxStorage,
} from './outbox/storage.ts';
export type { CustomerIdentity } from './session.ts';
export { customerTokenFromUrl, type CustomerTokenGetter } from './token-source.ts';
export type { RetrySettings } from './transport/retry-policy.ts';
export type {
  BirthdayClaimResult,
  BirthdayRequest,
  BirthdayStatus,
  CustomerReward,
  CustomerRewards,
  EligibleSurvey,
  LocalizedText,
  PointsHistory,
  PointsHistoryQuery,
  Problem,
  Program,
  RedeemResult,
  Redemption,
  Referral,
  RewardLock,
  Summary,
  SurveyDismissal,
  SurveyDismissalRequest,
  SurveyResponse,
  SurveyResponseUpdate,
  TierRef,
} from '@loyalty-elements/contract';
