import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedText } from '@loyalty-elements/contract';
import type { SatisfactionSurveyStrings } from './satisfaction-survey.strings.ts';
import type { SurveyResponseController } from './survey-response.ts';

/** What the thank-you's words are made of. */
export interface SurveyTextContext {
  s: SatisfactionSurveyStrings;
  pick: (text: LocalizedText | undefined) => string;
  formatNumber: (value: number) => string;
  response: SurveyResponseController;
  /** The program's name for its points, when known. */
  pointsName: LocalizedText | undefined;
}

/** "50 points" / "50积分", in the program's own name for its points when it is known. */
export function pointsText(ctx: SurveyTextContext, count: number): string {
  const name = ctx.pick(ctx.pointsName) || ctx.s.pointsName;
  return ctx.s.points(ctx.formatNumber(count), count, name);
}

/** The survey's thank-you for the shopper's NPS group, or its default, or the element's own. */
export function thanksText(ctx: SurveyTextContext): string {
  const thanks = ctx.response.survey?.thanks;
  if (!thanks) return ctx.s.thanks;
  const group = ctx.response.npsGroup;
  return ctx.pick((group && thanks[group]) || thanks.default) || ctx.s.thanks;
}

/**
 * After the thank-you: what the completion earned, as the API said; or, while the answers wait on
 * the device, the survey's reward to come. Empty without a reward.
 */
export function rewardText(ctx: SurveyTextContext): string {
  const { pointsAwarded, rewardOnItsWay, survey } = ctx.response;
  if (pointsAwarded !== null) return ctx.s.earned(pointsText(ctx, pointsAwarded));
  const reward = survey?.completionReward;
  return rewardOnItsWay && reward !== undefined ? ctx.s.earnedWhenSent(pointsText(ctx, reward)) : '';
}

/** After the thank-you, when the shopper ended their membership with the exit survey. Empty otherwise. */
export function membershipText(ctx: SurveyTextContext): string {
  return ctx.response.membershipEnded ? ctx.s.membershipEnded : '';
}

/** The thank-you, what the response earned, that the membership ended, and whether the answers still wait on the device. */
export function renderThanks(ctx: SurveyTextContext): TemplateResult {
  const reward = rewardText(ctx);
  const membership = membershipText(ctx);
  return html`
    <p part="thanks" class="thanks">${thanksText(ctx)}</p>
    ${reward ? html`<p part="reward" class="reward">${reward}</p>` : nothing}
    ${membership ? html`<p part="membership" class="reward">${membership}</p>` : nothing}
    <p part="note" class="note">${ctx.response.queued ? ctx.s.queued : ''}</p>
  `;
}
