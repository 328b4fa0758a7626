import type {
  BirthdayClaimResult,
  BirthdayRequest,
  BirthdayStatus,
  LoyaltyError,
  RedeemResult,
  Summary,
} from '@loyalty-elements/sdk';
import type { NpsGroup, SurveyAnswer } from '@loyalty-elements/contract';

/** Fired when an element has the signed-in customer's data and shows it. `detail` is the summary. */
export type LoyaltyReadyEvent = CustomEvent<Summary>;

/**
 * Fired once per failed load (never for a guest, which is not a failure). `detail` is the
 * `LoyaltyError`; switch on `detail.code` (`network`, `timeout`, `unauthorized`, `token_expired`, …).
 */
export type LoyaltyErrorEvent = CustomEvent<LoyaltyError>;

/** Fired by a guest's "Sign in" button when the element has no `sign-in-url`; the page opens its sign-in. */
export type LoyaltySignInRequestedEvent = CustomEvent<null>;

/**
 * Fired by `<loyalty-birthday-greeting>` when the shopper saved their birthday: sent to the API
 * (`queued: false`, `status` is the API's answer) or kept on the device to be sent when it is back
 * online (`queued: true`, `status` is null).
 */
export type LoyaltyBirthdaySavedEvent = CustomEvent<{
  birthday: BirthdayRequest;
  queued: boolean;
  status: BirthdayStatus | null;
}>;

/** Fired by `<loyalty-birthday-greeting>` when the birthday reward was claimed. `detail` is the API's answer. */
export type LoyaltyBirthdayClaimedEvent = CustomEvent<BirthdayClaimResult>;

/** Fired by `<loyalty-satisfaction-survey>` when a survey appears; `responseId` names the response its answers go to. */
export type LoyaltySurveyShownEvent = CustomEvent<{
  surveyId: string;
  version: number;
  responseId: string;
  trigger: string;
}>;

/**
 * Fired by `<loyalty-satisfaction-survey>` each time an answer was saved: sent to the API
 * (`queued: false`) or kept on the device to be sent later (`queued: true`). `answer` is null when
 * the answer was cleared.
 */
export type LoyaltySurveyAnswerEvent = CustomEvent<{
  surveyId: string;
  responseId: string;
  questionId: string;
  answer: SurveyAnswer | null;
  sequence: number;
  queued: boolean;
}>;

/** Fired by `<loyalty-satisfaction-survey>` once, when the response completed. `npsGroup` is null without an NPS answer. */
export type LoyaltySurveySubmittedEvent = CustomEvent<{
  surveyId: string;
  responseId: string;
  npsGroup: NpsGroup | null;
  queued: boolean;
}>;

/** Fired by `<loyalty-satisfaction-survey>` when the shopper closed the survey (the dismissal is recorded). */
export type LoyaltySurveyDismissedEvent = CustomEvent<{
  surveyId: string;
  responseId: string;
  queued: boolean;
}>;

/**
 * Fired by `<loyalty-rewards>` when a reward was redeemed. `detail` is the API's answer: the `redemption`
 * (its `code`, `expiresAt`, `pointsSpent`), the `redeem` ledger `entry` and the new `balance`.
 */
export type LoyaltyRewardRedeemedEvent = CustomEvent<RedeemResult>;

/** `<loyalty-panel>` opened (its launcher was pressed, or `open` was set). */
export type LoyaltyPanelOpenEvent = CustomEvent<null>;

/** `<loyalty-panel>` closed (its close button, Escape, or `open` unset); focus is back on the launcher. */
export type LoyaltyPanelCloseEvent = CustomEvent<null>;

/** Every event the loyalty elements fire: all bubble and are composed (they cross shadow roots). */
export interface LoyaltyEventMap {
  'loyalty-ready': LoyaltyReadyEvent;
  'loyalty-error': LoyaltyErrorEvent;
  'loyalty-sign-in-requested': LoyaltySignInRequestedEvent;
  'loyalty-birthday-saved': LoyaltyBirthdaySavedEvent;
  'loyalty-birthday-claimed': LoyaltyBirthdayClaimedEvent;
  'loyalty-survey-shown': LoyaltySurveyShownEvent;
  'loyalty-survey-answer': LoyaltySurveyAnswerEvent;
  'loyalty-survey-submitted': LoyaltySurveySubmittedEvent;
  'loyalty-survey-dismissed': LoyaltySurveyDismissedEvent;
  'loyalty-reward-redeemed': LoyaltyRewardRedeemedEvent;
  'loyalty-panel-open': LoyaltyPanelOpenEvent;
  'loyalty-panel-close': LoyaltyPanelCloseEvent;
}

export type LoyaltyEventName = keyof LoyaltyEventMap;
export type LoyaltyEventDetail<K extends LoyaltyEventName> = LoyaltyEventMap[K]['detail'];

declare global {
  interface GlobalEventHandlersEventMap {
    'loyalty-ready': LoyaltyReadyEvent;
    'loyalty-error': LoyaltyErrorEvent;
    'loyalty-sign-in-requested': LoyaltySignInRequestedEvent;
    'loyalty-birthday-saved': LoyaltyBirthdaySavedEvent;
    'loyalty-birthday-claimed': LoyaltyBirthdayClaimedEvent;
    'loyalty-survey-shown': LoyaltySurveyShownEvent;
    'loyalty-survey-answer': LoyaltySurveyAnswerEvent;
    'loyalty-survey-submitted': LoyaltySurveySubmittedEvent;
    'loyalty-survey-dismissed': LoyaltySurveyDismissedEvent;
    'loyalty-reward-redeemed': LoyaltyRewardRedeemedEvent;
    'loyalty-panel-open': LoyaltyPanelOpenEvent;
    'loyalty-panel-close': LoyaltyPanelCloseEvent;
  }
}
