import { html, nothing, type TemplateResult } from 'lit';
import type { ScaleLabels, SurveyAnswer } from '@loyalty-elements/contract';
import type { QuestionContext } from './question-context.ts';

/** A rating scale: a radio group of whole numbers from `min` to `max`. */
export interface RatingScale {
  /** Radio group name. */
  name: string;
  /** The question the rating answers. */
  questionId: string;
  min: number;
  max: number;
  /** The value shown as chosen. */
  value: number | undefined;
  /** The class modifiers: the question kind and how values are drawn. */
  kind: string;
  display: 'numbers' | 'stars' | 'faces';
  labels: ScaleLabels | undefined;
  /** What a screen reader calls a value ("3 stars"). */
  optionName: (value: number) => string;
  /** What is drawn for a value (decorative). */
  glyph: (value: number) => string | TemplateResult;
  /** The question's answer when this value is chosen. */
  answerFor: (value: number) => SurveyAnswer;
}

const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** An arrow key is down: the change it causes moves the selection rather than confirms it. */
let arrowKeyDown = false;

/**
 * The scale as native radios (arrow keys move the selection, Space selects), each labelled by its
 * value and, at the two ends, the end label. A click or Space answers at once; a selection moved
 * by the arrow keys is answered once it rests, on Space, or when focus leaves the scale.
 */
export function renderRatingScale(ctx: QuestionContext, scale: RatingScale): TemplateResult {
  const { s, response } = ctx;
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
  const low = scale.labels ? ctx.pick(scale.labels.low) : '';
  const high = scale.labels ? ctx.pick(scale.labels.high) : '';
  const onKeydown = (event: KeyboardEvent) => {
    arrowKeyDown = ARROW_KEYS.has(event.key);
    // Space confirms the selection; Enter submits the form, which carries it.
    if (event.key === ' ') response.settle();
  };
  const onFocusout = (event: FocusEvent) => {
    const group = event.currentTarget as HTMLElement;
    if (!group.contains(event.relatedTarget as Node | null)) response.settle();
  };
  const onChange = (value: number) => {
    const answer = scale.answerFor(value);
    if (arrowKeyDown) response.move(scale.questionId, answer);
    else response.answer(scale.questionId, answer);
    arrowKeyDown = false;
  };
  return html`
    <div
      part="scale"
      class="scale scale--${scale.kind} scale--${scale.display}"
      @keydown=${onKeydown}
      @keyup=${() => (arrowKeyDown = false)}
      @focusout=${onFocusout}
    >
      ${values.map((value) => {
        const name = scale.optionName(value);
        const end = value === scale.min ? low : value === scale.max ? high : '';
        return html`<label part="scale-option" class="scale-option">
          <input
            part="radio"
            type="radio"
            name=${scale.name}
            .value=${String(value)}
            .checked=${scale.value === value}
            @change=${() => onChange(value)}
          />
          <span aria-hidden="true">${scale.glyph(value)}</span>
          <span class="visually-hidden">${end ? s.endLabel(name, end) : name}</span>
        </label>`;
      })}
    </div>
    ${
      scale.labels
        ? html`<div part="scale-labels" class="scale-labels" aria-hidden="true">
            <span>${low}</span><span>${high}</span>
          </div>`
        : nothing
    }
  `;
}
