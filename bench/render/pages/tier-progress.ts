import { createLoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltyTierProgress, setSharedClient } from '@loyalty-elements/components';
import { pageParams, reportReadyOn } from './harness.ts';

const element = document.querySelector('loyalty-tier-progress')!;
reportReadyOn(element, 'loyalty-ready', () => element.state === 'ready');
LoyaltyTierProgress.define();
setSharedClient(createLoyaltyClient(pageParams()));
