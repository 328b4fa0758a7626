import { html, nothing, type TemplateResult } from 'lit';
import type { ChoiceOption, SurveyQuestion, SurveyQuestionKind } from '@loyalty-elements/contract';
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

/** The most options a choice question may have (the contract's limit). */
const MAX_OPTIONS = 30;

/** An option for a choice question: an id unused among its options, its text in each edited language. */
function newOption(options: readonly ChoiceOption[], strings: Strings): ChoiceOption {
  let n = options.length + 1;
  while (options.some((option) => option.id === `option-${n}`)) n++;
  const text = Object.fromEntries(EDITED_LANGUAGES.map(({ tag }) => [tag, strings.program.newOption]));
  return { id: `option-${n}`, text };
}

/**
 * A choice question's options: each one's text per language, with buttons to add and remove options. What an option
 * stands for (its service-quality dimension, its reason for leaving, "other") is kept as it is.
 */
function renderOptions(
  question: SurveyQuestion & { options: ChoiceOption[] },
  index: number,
  fields: FieldContext,
  strings: Strings,
  format: Formatters,
  onChange: (options: ChoiceOption[]) => void,
): TemplateResult {
  const s = strings.program;
  const { options } = question;
  return html`${options.map(
      (option, o) =>
        html`<fieldset data-option=${option.id}>
          <legend>${s.optionHeading(format.number(o + 1))}</legend>
          ${EDITED_LANGUAGES.map(({ tag, name }) =>
            inputField(
              fields,
              `questions.${index}.options.${o}.text.${tag}`,
              s.optionText(name),
              option.text[tag] ?? '',
              (v) =>
                onChange(options.map((each, i) => (i === o ? { ...each, text: { ...each.text, [tag]: v } } : each))),
            ),
          )}
          <div class="row-actions">
            <button
              type="button"
              ?disabled=${options.length === 1}
              @click=${() => onChange(options.filter((_, i) => i !== o))}
            >
              ${s.removeOption}
            </button>
          </div>
        </fieldset>`,
    )}
    <div class="row-actions">
      <button
        type="button"
        ?disabled=${options.length >= MAX_OPTIONS}
        @click=${() => onChange([...options, newOption(options, strings)])}
      >
        ${s.addOption}
      </button>
    </div>`;
}

export function newQuestion(questions: readonly SurveyQuestion[], strings: Strings): SurveyQuestion {
  const text = Object.fromEntries(EDITED_LANGUAGES.map(({ tag }) => [tag, strings.program.newQuestion]));
  return { kind: 'csat', id: newQuestionId(questions), text, required: false };
}

/**
 * The questions of a survey, in order: each one's text per language, its kind and whether it must be answered,
 * with buttons to move or remove it. A choice question's options are edited here too. A choice or service-quality
 * question keeps its kind; the others change between the plain kinds.
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
      ${
        'options' in question
          ? renderOptions(question, index, fields, strings, format, (options) =>
              replace(index, { ...question, options }),
            )
          : nothing
      }
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
