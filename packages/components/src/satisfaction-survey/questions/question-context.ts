import type { LocalizedText } from '@loyalty-elements/contract';
import type { SatisfactionSurveyStrings } from '../satisfaction-survey.strings.ts';
import type { SurveyResponseController } from '../survey-response.ts';

/** What a question's template needs: the element's strings and locale, and the response it answers. */
export interface QuestionContext {
  s: SatisfactionSurveyStrings;
  pick: (text: LocalizedText | undefined) => string;
  formatNumber: (value: number) => string;
  response: SurveyResponseController;
}
