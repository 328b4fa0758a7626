'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyReferral as LoyaltyReferralElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyReferralElement.define();

/** `<loyalty-referral>`: the shopper's referral link and code, to copy or share, and what referring has earned. */
export const LoyaltyReferral = createComponent({
  react: React,
  tagName: LoyaltyReferralElement.tagName,
  elementClass: LoyaltyReferralElement,
  displayName: 'LoyaltyReferral',
  events: customerEvents,
});

export { LoyaltyReferralElement };
