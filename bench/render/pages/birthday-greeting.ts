import { createLoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltyBirthdayGreeting, setSharedClient } from '@loyalty-elements/components';
import { pageParams, reportReadyOn } from './harness.ts';

const element = document.querySelector('loyalty-birthday-greeting')!;
reportReadyOn(element, 'loyalty-ready', () => element.state === 'ready');
LoyaltyBirthdayGreeting.define();
setSharedClient(createLoyaltyClient(pageParams()));
