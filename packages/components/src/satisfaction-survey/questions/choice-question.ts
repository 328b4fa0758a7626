import { html, nothing, type TemplateResult } from 'lit';
import { OTHER_TEXT_MAX_LENGTH, chosenOptions } from '@loyalty-elements/contract/plain';
import type { ChoiceOption, SurveyAnswer, SurveyQuestion } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';

export type ChoiceQuestion = Extract<SurveyQuestion, { kind: 'single_choice' | 'multiple_choice' }>;

/** A choice answer in the contract's shape, or undefined when nothing is chosen. */
function choiceAnswer(
  question: ChoiceQuestion,
  chosen: string[],
  otherText: string | undefined,
): SurveyAnswer | undefined {
  if (chosen.length === 0) return undefined;
  const other = question.options.find((option) => option.other === true);
  const text = other && chosen.includes(other.id) && otherText !== undefined ? { otherText } : {};
  return question.kind === 'single_choice' ? { option: chosen[0]!, ...text } : { options: chosen, ...text };
}

function otherTextOf(answer: SurveyAnswer | undefined): string | undefined {
  return typeof answer === 'object' && answer !== null && 'otherText' in answer ? answer.otherText : undefined;
}

/** Ticks or unticks an option; the "other" text stays while "other" stays chosen. */
function pickOption(ctx: QuestionContext, question: ChoiceQuestion, optionId: string, checked: boolean): void {
  const answer = ctx.response.valueOf(question.id);
  const other = question.options.find((option) => option.other === true);
  let chosen: string[];
  if (question.kind === 'single_choice') {
    chosen = [optionId];
  } else {
    const before = chosenOptions(answer);
    const picked = checked ? [...before, optionId] : before.filter((id) => id !== optionId);
    // Kept in the definition's order.
    chosen = question.options.map((option) => option.id).filter((id) => picked.includes(id));
  }
  const previousOther = otherTextOf(answer);
  const keepOther = other !== undefined && chosen.includes(other.id) && previousOther ? previousOther : undefined;
  ctx.response.answer(question.id, choiceAnswer(question, chosen, keepOther));
}

/** Types the "other" text: kept as it is typed, saved when the field is left (`save`). */
function typeOther(ctx: QuestionContext, question: ChoiceQuestion, text: string, save: boolean): void {
  const chosen = chosenOptions(ctx.response.valueOf(question.id));
  const value = choiceAnswer(question, chosen, text.trim() === '' ? undefined : text);
  if (save) ctx.response.answer(question.id, value);
  else ctx.response.setLocally(question.id, value);
}

/** Single choice (radios) or multiple choice (checkboxes, up to `maxSelections`), with an "other" text field. */
export function renderChoiceQuestion(ctx: QuestionContext, question: ChoiceQuestion): TemplateResult {
  const { s } = ctx;
  const answer = ctx.response.valueOf(question.id);
  const multiple = question.kind === 'multiple_choice';
  const chosen = chosenOptions(answer);
  const most = multiple ? (question.maxSelections ?? question.options.length) : 1;
  const full = multiple && chosen.length >= most;
  const other = question.options.find((option) => option.other === true);
  const otherChosen = other !== undefined && chosen.includes(other.id);
  return html`
    ${
      multiple && question.maxSelections !== undefined && question.maxSelections < question.options.length
        ? html`<p part="description" class="description">${s.chooseUpTo(question.maxSelections)}</p>`
        : nothing
    }
    <div class="choices">
      ${question.options.map((option: ChoiceOption) => {
        const checked = chosen.includes(option.id);
        return html`<label part="choice" class="choice">
          <input
            part=${multiple ? 'checkbox' : 'radio'}
            type=${multiple ? 'checkbox' : 'radio'}
            name=${question.id}
            .value=${option.id}
            .checked=${checked}
            ?disabled=${full && !checked}
            @change=${(event: Event) =>
              pickOption(ctx, question, option.id, (event.target as HTMLInputElement).checked)}
          />
          <span>${ctx.pick(option.text)}</span>
        </label>`;
      })}
    </div>
    ${
      otherChosen
        ? html`<input
            part="other-input"
            class="field"
            type="text"
            id="o-${question.id}"
            aria-label=${`${ctx.pick(other.text)}: ${s.otherLabel}`}
            maxlength=${OTHER_TEXT_MAX_LENGTH}
            .value=${otherTextOf(answer) ?? ''}
            @input=${(event: Event) => typeOther(ctx, question, (event.target as HTMLInputElement).value, false)}
            @change=${(event: Event) => typeOther(ctx, question, (event.target as HTMLInputElement).value, true)}
          />`
        : nothing
    }
  `;
}
