import type { LoyaltyError, Summary } from '@loyalty-elements/sdk';

/** Fired when an element has the signed-in customer's data and shows it. `detail` is the summary. */
export type LoyaltyReadyEvent = CustomEvent<Summary>;

/**
 * Fired once per failed load (never for a guest, which is not a failure). `detail` is the
 * `LoyaltyError`; switch on `detail.code` (`network`, `timeout`, `unauthorized`, `token_expired`, …).
 */
export type LoyaltyErrorEvent = CustomEvent<LoyaltyError>;

/** Fired by a guest's "Sign in" button when the element has no `sign-in-url`; the page opens its sign-in. */
export type LoyaltySignInRequestedEvent = CustomEvent<null>;

/** Every event the loyalty elements fire: all bubble and are composed (they cross shadow roots). */
export interface LoyaltyEventMap {
  'loyalty-ready': LoyaltyReadyEvent;
  'loyalty-error': LoyaltyErrorEvent;
  'loyalty-sign-in-requested': LoyaltySignInRequestedEvent;
}

export type LoyaltyEventName = keyof LoyaltyEventMap;
export type LoyaltyEventDetail<K extends LoyaltyEventName> = LoyaltyEventMap[K]['detail'];

declare global {
  interface GlobalEventHandlersEventMap {
    'loyalty-ready': LoyaltyReadyEvent;
    'loyalty-error': LoyaltyErrorEvent;
    'loyalty-sign-in-requested': LoyaltySignInRequestedEvent;
  }
}
