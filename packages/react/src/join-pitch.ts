'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyJoinPitch as LoyaltyJoinPitchElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyJoinPitchElement.define();

/** `<loyalty-join-pitch>`: the page's one invitation for a guest to join the program. */
export const LoyaltyJoinPitch = createComponent({
  react: React,
  tagName: LoyaltyJoinPitchElement.tagName,
  elementClass: LoyaltyJoinPitchElement,
  displayName: 'LoyaltyJoinPitch',
  events: customerEvents,
});

export { LoyaltyJoinPitchElement };
