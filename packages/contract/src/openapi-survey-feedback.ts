import type { Operation } from './openapi-operation.ts';
import {
  feedbackPaths,
  SurveyFeedback,
  SurveyFeedbackQuery,
  VerbatimListQuery,
  VerbatimPage,
} from './survey-feedback.ts';

/** A survey's feedback for the merchant (secret key or console session): weekly NPS and the verbatims. */
export const SURVEY_FEEDBACK_OPERATIONS: Record<string, Operation> = {
  getSurveyFeedback: {
    method: 'get',
    path: feedbackPaths.feedbackPattern,
    summary: 'Weekly NPS with its 95 % band and the 0–10 distribution of a survey, over a range of days',
    auth: 'secret',
    query: SurveyFeedbackQuery,
    response: SurveyFeedback,
    problems: { 404: ['survey_not_found'] },
  },
  listSurveyVerbatims: {
    method: 'get',
    path: feedbackPaths.verbatimsPattern,
    summary: 'The free-text answers of a survey’s counted responses, newest first, by group, dimension and date',
    auth: 'secret',
    query: VerbatimListQuery,
    response: VerbatimPage,
    problems: { 404: ['survey_not_found'] },
  },
};
