import { randomId, type LoyaltyClient } from '@loyalty-elements/sdk';
import type { LocalizedText, Summary, SurveyDefinition } from '@loyalty-elements/contract';
import { finishedOnThisPage } from './survey-response.ts';

/** What one load found: the survey due at the trigger (null when none), and what it needs to show. */
export interface LoadedSurvey {
  summary: Summary;
  survey: SurveyDefinition | null;
  /** The id the answers to this showing of the survey are saved under. */
  responseId: string;
  /** The program's name for its points, shown when the survey offers a reward. */
  pointsName?: LocalizedText | undefined;
}

/**
 * The survey due at `trigger`, unless it was answered or dismissed on this page. `revalidate` asks
 * for the summary even when the page has it; `signal` stops asking once a newer load supersedes this one.
 */
export async function loadSurvey(
  client: LoyaltyClient,
  trigger: string,
  { revalidate, signal }: { revalidate: boolean; signal: AbortSignal },
): Promise<LoadedSurvey> {
  // The summary, which the page's other widgets read too, lists the triggers with a survey due, and brings
  // each one's survey: most page views have none, and then this widget asks nothing of its own.
  const summary = await client.getSummary({ revalidate });
  const none = { summary, survey: null, responseId: '' };
  if (!trigger || !(summary.surveysDue ?? [trigger]).includes(trigger)) return none;
  signal.throwIfAborted();
  const survey = summary.dueSurveys?.[trigger] ?? (await client.getEligibleSurvey(trigger)).survey;
  if (!survey || finishedOnThisPage.has(survey.id)) return none;
  return { summary, survey, responseId: randomId(), pointsName: summary.program.pointsName };
}
