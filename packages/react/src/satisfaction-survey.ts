'use client';

import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  LoyaltySatisfactionSurvey as LoyaltySatisfactionSurveyElement,
  type LoyaltyErrorEvent,
  type LoyaltyReadyEvent,
  type LoyaltySurveyAnswerEvent,
  type LoyaltySurveyDismissedEvent,
  type LoyaltySurveyShownEvent,
  type LoyaltySurveySubmittedEvent,
} from '@loyalty-elements/components';

LoyaltySatisfactionSurveyElement.define();

/** `<loyalty-satisfaction-survey>`: the survey the API offers for its `trigger`, if any (hidden otherwise). */
export const LoyaltySatisfactionSurvey = createComponent({
  react: React,
  tagName: LoyaltySatisfactionSurveyElement.tagName,
  elementClass: LoyaltySatisfactionSurveyElement,
  displayName: 'LoyaltySatisfactionSurvey',
  events: {
    onLoyaltyReady: 'loyalty-ready' as EventName<LoyaltyReadyEvent>,
    onLoyaltyError: 'loyalty-error' as EventName<LoyaltyErrorEvent>,
    onLoyaltySurveyShown: 'loyalty-survey-shown' as EventName<LoyaltySurveyShownEvent>,
    onLoyaltySurveyAnswer: 'loyalty-survey-answer' as EventName<LoyaltySurveyAnswerEvent>,
    onLoyaltySurveySubmitted: 'loyalty-survey-submitted' as EventName<LoyaltySurveySubmittedEvent>,
    onLoyaltySurveyDismissed: 'loyalty-survey-dismissed' as EventName<LoyaltySurveyDismissedEvent>,
  },
});

export { LoyaltySatisfactionSurveyElement };
