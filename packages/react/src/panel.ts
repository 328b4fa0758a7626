'use client';

import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import {
  LoyaltyPanel as LoyaltyPanelElement,
  type LoyaltyPanelCloseEvent,
  type LoyaltyPanelOpenEvent,
} from '@loyalty-elements/components';
import { customerEvents } from './events.ts';

LoyaltyPanelElement.define();

/** `<loyalty-panel>`: a launcher and a panel with the shopper's points, tier, ways to earn, rewards and history. */
export const LoyaltyPanel = createComponent({
  react: React,
  tagName: LoyaltyPanelElement.tagName,
  elementClass: LoyaltyPanelElement,
  displayName: 'LoyaltyPanel',
  events: {
    ...customerEvents,
    onLoyaltyPanelOpen: 'loyalty-panel-open' as EventName<LoyaltyPanelOpenEvent>,
    onLoyaltyPanelClose: 'loyalty-panel-close' as EventName<LoyaltyPanelCloseEvent>,
  },
});

export { LoyaltyPanelElement };
