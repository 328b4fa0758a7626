import { html, nothing, type TemplateResult } from 'lit';
import type { SurveyQuestion } from '@loyalty-elements/contract';
import { renderChoiceQuestion } from './choice-question.ts';
import { renderCsatQuestion } from './csat-question.ts';
import { renderFreeTextQuestion } from './free-text-question.ts';
import { renderNumericQuestion } from './numeric-question.ts';
import type { QuestionContext } from './question-context.ts';
import { renderServqualQuestion } from './servqual-question.ts';

function renderBody(ctx: QuestionContext, question: SurveyQuestion, descriptionId: string): TemplateResult {
  switch (question.kind) {
    case 'nps':
    case 'ces':
      return renderNumericQuestion(ctx, question);
    case 'csat':
      return renderCsatQuestion(ctx, question);
    case 'single_choice':
    case 'multiple_choice':
      return renderChoiceQuestion(ctx, question);
    case 'free_text':
      return renderFreeTextQuestion(ctx, question, descriptionId);
    case 'servqual':
      return renderServqualQuestion(ctx, question);
  }
}

/** A question as a fieldset: its text as the legend, its help line, and its kind's controls. */
export function renderQuestion(ctx: QuestionContext, question: SurveyQuestion, invalid: boolean): TemplateResult {
  const descriptionId = `d-${question.id}`;
  return html`
    <fieldset
      part="question"
      class="question"
      id="q-${question.id}"
      aria-describedby=${question.description ? descriptionId : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
    >
      <legend part="legend" class="legend" id="l-${question.id}">
        ${ctx.pick(question.text)}${
          question.required ? html`<span class="required-mark">${ctx.s.required}</span>` : nothing
        }
      </legend>
      ${
        question.description
          ? html`<p part="description" class="description" id=${descriptionId}>${ctx.pick(question.description)}</p>`
          : nothing
      }
      ${renderBody(ctx, question, descriptionId)}
    </fieldset>
  `;
}
