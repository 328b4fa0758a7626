import { createLoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltySatisfactionSurvey, setSharedClient } from '@loyalty-elements/components';
import { pageParams, reportReadyOn } from './harness.ts';

const element = document.querySelector('loyalty-satisfaction-survey')!;
// Ready: the survey is on show and its first question is in the element's DOM.
reportReadyOn(
  element,
  'loyalty-survey-shown',
  () => element.state === 'ready' && element.renderRoot.querySelector('[part~="question"]') !== null,
);
LoyaltySatisfactionSurvey.define();
setSharedClient(createLoyaltyClient(pageParams()));
