'use client';

import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  LoyaltyBirthdayGreeting as LoyaltyBirthdayGreetingElement,
  type LoyaltyBirthdayClaimedEvent,
  type LoyaltyBirthdaySavedEvent,
} from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyBirthdayGreetingElement.define();

/** `<loyalty-birthday-greeting>`: collects the shopper's birthday once and lets them claim its reward every year. */
export const LoyaltyBirthdayGreeting = createComponent({
  react: React,
  tagName: LoyaltyBirthdayGreetingElement.tagName,
  elementClass: LoyaltyBirthdayGreetingElement,
  displayName: 'LoyaltyBirthdayGreeting',
  events: {
    ...customerEvents,
    onLoyaltyBirthdaySaved: 'loyalty-birthday-saved' as EventName<LoyaltyBirthdaySavedEvent>,
    onLoyaltyBirthdayClaimed: 'loyalty-birthday-claimed' as EventName<LoyaltyBirthdayClaimedEvent>,
  },
});

export { LoyaltyBirthdayGreetingElement };
