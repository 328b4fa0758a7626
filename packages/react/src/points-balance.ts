'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyPointsBalance as LoyaltyPointsBalanceElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyPointsBalanceElement.define();

/** `<loyalty-points-balance>`: the shopper's points, tier, pending points and next expiry. */
export const LoyaltyPointsBalance = createComponent({
  react: React,
  tagName: LoyaltyPointsBalanceElement.tagName,
  elementClass: LoyaltyPointsBalanceElement,
  displayName: 'LoyaltyPointsBalance',
  events: customerEvents,
});

export { LoyaltyPointsBalanceElement };
