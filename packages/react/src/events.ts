import type { EventName } from '@lit/react';
import type { LoyaltyErrorEvent, LoyaltyReadyEvent, LoyaltySignInRequestedEvent } from '@loyalty-elements/components';

/** The event props of every widget that shows the signed-in customer's summary. */
export const customerEvents = {
  onLoyaltyReady: 'loyalty-ready' as EventName<LoyaltyReadyEvent>,
  onLoyaltyError: 'loyalty-error' as EventName<LoyaltyErrorEvent>,
  onLoyaltySignInRequested: 'loyalty-sign-in-requested' as EventName<LoyaltySignInRequestedEvent>,
};
