import { html, nothing, type TemplateResult } from 'lit';
import type { SurveyDefinition } from '@loyalty-elements/contract';
import { closeIcon } from '../base/icons.ts';
import { pointsText, type SurveyTextContext } from './survey-thanks.ts';

export interface SurveyHeaderOptions {
  survey: SurveyDefinition;
  /** Questions on show: the intro and the reward to earn come with them. */
  asking: boolean;
  /** The title's heading level. */
  level: number;
  /** A close button (the card placement) calling this. */
  onClose: (() => void) | undefined;
}

/** The survey's title (a heading), its intro and reward to earn, and the card's close button. */
export function renderSurveyHeader(ctx: SurveyTextContext, options: SurveyHeaderOptions): TemplateResult {
  const { s, pick } = ctx;
  const { survey, asking, onClose } = options;
  return html`
    <div class="header">
      <div class="heading">
        <p part="title" class="title" id="title" role="heading" aria-level=${options.level}>${pick(survey.title)}</p>
        ${asking && survey.intro ? html`<p part="intro" class="intro">${pick(survey.intro)}</p>` : nothing}
        ${
          asking && survey.completionReward !== undefined
            ? html`<p part="reward" class="reward">${s.answerToEarn(pointsText(ctx, survey.completionReward))}</p>`
            : nothing
        }
      </div>
      ${
        onClose
          ? html`<button part="close" class="close" type="button" aria-label=${s.close} @click=${onClose}>
              ${closeIcon}
            </button>`
          : nothing
      }
    </div>
  `;
}
