import { html, type TemplateResult } from 'lit';
import type { SurveyQuestion, SurveyQuestionKind } from '@loyalty-elements/contract';
import type { Strings } from '../../i18n/en.ts';
import type { Formatters } from '../../i18n/format.ts';
import { checkboxField, inputField, selectField, type FieldContext } from './fields.ts';
import { EDITED_LANGUAGES } from './localized-fields.ts';

/** Kinds a question can be turned into here: those that need nothing but their text. */
const PLAIN_KINDS = ['nps', 'csat', 'ces', 'free_text'] as const;
type PlainKind = (typeof PLAIN_KINDS)[number];

/** The same question as another plain kind: its id, text, help, required flag and condition kept. */
function asKind(question: SurveyQuestion, kind: PlainKind): SurveyQuestion {
  const { id, text, description, required, showIf } = question;
  return { kind, id, text, description, required, showIf };
}

/** An id for a new question: unused in the survey. */
function newQuestionId(questions: readonly SurveyQuestion[]): string {
  for (let n = questions.length + 1; ; n++) {
    if (!questions.some((question) => question.id === `question-${n}`)) return `question-${n}`;
  }
}

export function newQuestion(questions: readonly SurveyQuestion[], strings: Strings): SurveyQuestion {
  const text = Object.fromEntries(EDITED_LANGUAGES.map(({ tag }) => [tag, strings.program.newQuestion]));
  return { kind: 'csat', id: newQuestionId(questions), text, required: false };
}

/**
 * The questions of a survey, in order: each one's text per language, its kind and whether it must be answered,
 * with buttons to move or remove it. A choice or service-quality question keeps its kind (its options are edited
 * through the API); the others change between the plain kinds.
 */
export function renderQuestions(
  questions: readonly SurveyQuestion[],
  fields: FieldContext,
  strings: Strings,
  format: Formatters,
  onChange: (questions: SurveyQuestion[]) => void,
): TemplateResult[] {
  const s = strings.program;
  const replace = (index: number, question: SurveyQuestion) =>
    onChange(questions.map((q, i) => (i === index ? question : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  return questions.map((question, index) => {
    const kinds: readonly SurveyQuestionKind[] = (PLAIN_KINDS as readonly string[]).includes(question.kind)
      ? PLAIN_KINDS
      : [question.kind];
    return html`<fieldset data-question=${question.id}>
      <legend>${s.questionHeading(format.number(index + 1))}</legend>
      ${EDITED_LANGUAGES.map(({ tag, name }) =>
        inputField(fields, `questions.${index}.text.${tag}`, s.questionText(name), question.text[tag] ?? '', (v) =>
          replace(index, { ...question, text: { ...question.text, [tag]: v } }),
        ),
      )}
      ${selectField(
        fields,
        `questions.${index}.kind`,
        s.questionKind,
        question.kind,
        kinds.map((kind) => ({ value: kind, label: s.kinds[kind] })),
        (kind) => replace(index, asKind(question, kind as PlainKind)),
      )}
      ${checkboxField(fields, `questions.${index}.required`, s.required, question.required ?? false, (required) =>
        replace(index, { ...question, required }),
      )}
      <div class="row-actions">
        <button type="button" ?disabled=${index === 0} @click=${() => move(index, -1)}>${s.moveUp}</button>
        <button type="button" ?disabled=${index === questions.length - 1} @click=${() => move(index, 1)}>
          ${s.moveDown}
        </button>
        <button
          type="button"
          ?disabled=${questions.length === 1}
          @click=${() => onChange(questions.filter((_, i) => i !== index))}
        >
          ${s.removeQuestion}
        </button>
      </div>
    </fieldset>`;
  });
}
