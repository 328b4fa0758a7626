import { html, type TemplateResult } from 'lit';
import { SCALE_RANGES } from '@loyalty-elements/contract/plain';
import type { SurveyAnswer, SurveyQuestion } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';
import { renderRatingScale } from './rating-scale.ts';

export type ServqualQuestion = Extract<SurveyQuestion, { kind: 'servqual' }>;

/** The service-quality quick rating: one 1–5 scale per dimension, all in one answer. */
export function renderServqualQuestion(ctx: QuestionContext, question: ServqualQuestion): TemplateResult {
  const answer = ctx.response.valueOf(question.id);
  const ratings = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, number>;
  return html`${question.items.map(
    (item) =>
      html`<fieldset class="question">
        <legend class="sub-legend">${ctx.pick(item.text)}</legend>
        ${renderRatingScale(ctx, {
          name: `${question.id}-${item.dimension}`,
          questionId: question.id,
          ...SCALE_RANGES.servqual,
          value: ratings[item.dimension],
          kind: 'servqual',
          display: 'numbers',
          labels: question.labels,
          optionName: String,
          glyph: String,
          answerFor: (picked) => ({ ...ratings, [item.dimension]: picked }) as SurveyAnswer,
        })}
      </fieldset>`,
  )}`;
}
