import { createLoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltyPointsBalance, setSharedClient } from '@loyalty-elements/components';
import { pageParams, reportReadyOn } from './harness.ts';

const element = document.querySelector('loyalty-points-balance')!;
reportReadyOn(element, 'loyalty-ready', () => element.state === 'ready');
LoyaltyPointsBalance.define();
setSharedClient(createLoyaltyClient(pageParams()));
