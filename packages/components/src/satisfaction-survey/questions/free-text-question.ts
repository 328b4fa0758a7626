import { html, nothing, type TemplateResult } from 'lit';
import { FREE_TEXT_DEFAULT_MAX_LENGTH } from '@loyalty-elements/contract/plain';
import type { SurveyQuestion } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';

export type FreeTextQuestion = Extract<SurveyQuestion, { kind: 'free_text' }>;

/** Types the text: kept as it is typed, saved when the field is left (`save`). */
function typeText(ctx: QuestionContext, questionId: string, text: string, save: boolean): void {
  const value = text.trim() === '' ? undefined : text;
  if (save) ctx.response.answer(questionId, value);
  else ctx.response.setLocally(questionId, value);
}

/** A free-text answer with its characters left, and the consent to be contacted when the question offers it. */
export function renderFreeTextQuestion(
  ctx: QuestionContext,
  question: FreeTextQuestion,
  descriptionId: string,
): TemplateResult {
  const { s, response } = ctx;
  const value = response.valueOf(question.id);
  const text = typeof value === 'string' ? value : '';
  const max = question.maxLength ?? FREE_TEXT_DEFAULT_MAX_LENGTH;
  const counterId = `c-${question.id}`;
  return html`
    <textarea
      part="textarea"
      class="field"
      aria-labelledby="l-${question.id}"
      aria-describedby=${question.description ? `${descriptionId} ${counterId}` : counterId}
      maxlength=${max}
      placeholder=${question.placeholder ? ctx.pick(question.placeholder) : nothing}
      .value=${text}
      @input=${(event: Event) => typeText(ctx, question.id, (event.target as HTMLTextAreaElement).value, false)}
      @change=${(event: Event) => typeText(ctx, question.id, (event.target as HTMLTextAreaElement).value, true)}
    ></textarea>
    <p part="counter" class="counter" id=${counterId}>${s.charactersLeft(ctx.formatNumber(max - text.length))}</p>
    ${
      question.contactConsent
        ? html`<label part="consent choice" class="choice">
            <input
              part="checkbox"
              type="checkbox"
              .checked=${response.contactConsent}
              @change=${(event: Event) => response.setConsent((event.target as HTMLInputElement).checked, question.id)}
            />
            <span>${ctx.pick(question.contactConsent.label)}</span>
          </label>`
        : nothing
    }
  `;
}
