'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import { LoyaltyTierProgress as LoyaltyTierProgressElement } from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyTierProgressElement.define();

/** `<loyalty-tier-progress>`: the current tier, the next one, and what is left to reach or keep it. */
export const LoyaltyTierProgress = createComponent({
  react: React,
  tagName: LoyaltyTierProgressElement.tagName,
  elementClass: LoyaltyTierProgressElement,
  displayName: 'LoyaltyTierProgress',
  events: customerEvents,
});

export { LoyaltyTierProgressElement };
