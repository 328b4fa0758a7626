'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyPointsHistory as LoyaltyPointsHistoryElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyPointsHistoryElement.define();

/** `<loyalty-points-history>`: the shopper's points activity, newest first, with "Show more". */
export const LoyaltyPointsHistory = createComponent({
  react: React,
  tagName: LoyaltyPointsHistoryElement.tagName,
  elementClass: LoyaltyPointsHistoryElement,
  displayName: 'LoyaltyPointsHistory',
  events: customerEvents,
});

export { LoyaltyPointsHistoryElement };
