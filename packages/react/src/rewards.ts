'use client';

import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LoyaltyRewards as LoyaltyRewardsElement, type LoyaltyRewardRedeemedEvent } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyRewardsElement.define();

/** `<loyalty-rewards>`: the rewards the shopper's points can buy, redeemed for a code in a confirmed step. */
export const LoyaltyRewards = createComponent({
  react: React,
  tagName: LoyaltyRewardsElement.tagName,
  elementClass: LoyaltyRewardsElement,
  displayName: 'LoyaltyRewards',
  events: {
    ...customerEvents,
    onLoyaltyRewardRedeemed: 'loyalty-reward-redeemed' as EventName<LoyaltyRewardRedeemedEvent>,
  },
});

export { LoyaltyRewardsElement };
