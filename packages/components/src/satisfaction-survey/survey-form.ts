import { html, nothing, type TemplateResult } from 'lit';
import type { QuestionContext } from './questions/question-context.ts';
import { renderQuestion } from './questions/survey-question.ts';
import { stepProgress } from './survey-steps.ts';

export interface SurveyFormOptions {
  /** One question at a time (`step` mode), with progress. */
  stepMode: boolean;
  /** The question step mode shows: an index into the questions asked. */
  step: number;
  /** The required question left unanswered, if any. */
  missing: string | undefined;
  onSubmit: (event: Event) => void;
  onBack: () => void;
}

function errorText(ctx: QuestionContext, options: SurveyFormOptions): string {
  if (ctx.response.saveError) return ctx.s.saveFailed;
  if (options.missing) return options.stepMode ? ctx.s.missingAnswer : ctx.s.missingAnswers;
  return '';
}

/** On an exit survey, before Submit: the shopper's own choice to end their membership, unticked. */
function renderEndMembership({ s, response }: QuestionContext): TemplateResult {
  return html`<label part="end-membership choice" class="choice end-membership">
    <input
      part="checkbox"
      type="checkbox"
      .checked=${response.endMembership}
      @change=${(event: Event) => response.setEndMembership((event.target as HTMLInputElement).checked)}
    />
    <span>${s.endMembership}</span>
  </label>`;
}

/** The questions asked (or, in step mode, the current one and the progress), the notes and the buttons. */
export function renderSurveyForm(ctx: QuestionContext, options: SurveyFormOptions): TemplateResult {
  const { s, response } = ctx;
  const questions = response.visibleQuestions();
  const { stepMode } = options;
  const index = Math.max(0, Math.min(options.step, questions.length - 1));
  const shown = stepMode ? questions.slice(index, index + 1) : questions;
  const last = !stepMode || index === questions.length - 1;
  const progress =
    stepMode && shown[0] && response.survey
      ? stepProgress(response.survey.questions, response.answers, shown[0].id)
      : null;
  return html`
    ${progress ? html`<p part="progress" class="progress">${s.progress(progress.current, progress.total)}</p>` : nothing}
    <form part="form" class="form" novalidate @submit=${options.onSubmit}>
      <div class="questions">
        ${shown.map((question) => renderQuestion(ctx, question, options.missing === question.id))}
      </div>
      ${last && response.asksToEndMembership ? renderEndMembership(ctx) : nothing}
      <p part="note" class="note">${response.queued ? s.queued : ''}</p>
      <p part="error" class="error" role="alert">${errorText(ctx, options)}</p>
      <div class="actions">
        ${
          stepMode && index > 0
            ? html`<button part="button" class="button button--secondary" type="button" @click=${options.onBack}>
                ${s.back}
              </button>`
            : nothing
        }
        <button part="button" class="button" type="submit" aria-disabled=${response.completing ? 'true' : 'false'}>
          ${last ? (response.completing ? s.submitting : s.submit) : s.next}
        </button>
      </div>
    </form>
  `;
}
