import {
  SurveyFeedback,
  SurveyList,
  SurveyResults,
  VerbatimPage,
  feedbackPaths,
  surveyPaths,
  type NpsGroup,
  type ServiceQualityDimension,
} from '@loyalty-elements/contract';
import { read } from './transport.ts';

/** What the verbatims list is narrowed by; empty fields narrow nothing. */
export interface VerbatimFilters {
  group?: NpsGroup | undefined;
  dimension?: ServiceQualityDimension | undefined;
  /** `YYYY-MM-DD`, days of the program's time zone. */
  from?: string | undefined;
  to?: string | undefined;
}

/** A path with the query parameters that have a value. */
function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The Feedback page's calls: the surveys, a survey's results and weekly feedback, and its verbatims. */
export const feedbackApi = {
  surveys: () => read(SurveyList, surveyPaths.adminSurveys),
  results: (surveyId: string, version?: number) =>
    read(SurveyResults, withQuery(surveyPaths.results(surveyId), { version })),
  feedback: (surveyId: string, version?: number) =>
    read(SurveyFeedback, withQuery(feedbackPaths.feedback(surveyId), { version })),
  verbatims: (surveyId: string, version: number | undefined, filters: VerbatimFilters, cursor?: string) =>
    read(VerbatimPage, withQuery(feedbackPaths.verbatims(surveyId), { version, ...filters, cursor })),
};
