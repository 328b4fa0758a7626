'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyWaysToEarn as LoyaltyWaysToEarnElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyWaysToEarnElement.define();

/** `<loyalty-ways-to-earn>`: the program's ways to earn points, at the shopper's tier. */
export const LoyaltyWaysToEarn = createComponent({
  react: React,
  tagName: LoyaltyWaysToEarnElement.tagName,
  elementClass: LoyaltyWaysToEarnElement,
  displayName: 'LoyaltyWaysToEarn',
  events: customerEvents,
});

export { LoyaltyWaysToEarnElement };
