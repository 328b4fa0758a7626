import { html, nothing, type TemplateResult } from 'lit';

/**
 * The form controls of the Program page: each a labelled native control whose refusal by the API (a 400's field
 * error, keyed by its path without `body.`: `tiers.1.threshold`) is shown beside it, with `aria-invalid` and
 * `aria-describedby` pointing at the message.
 */
export interface FieldContext {
  /** The messages the API gave for `key` or anything inside it; marks them as shown. */
  errorsFor(key: string): string[];
  /** The words around a refusal (`Refused: …`), in the console's language. */
  refusal(message: string): string;
}

const idOf = (key: string) => `field-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface Described {
  id: string;
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
  message: TemplateResult | typeof nothing;
}

function describe(context: FieldContext, key: string): Described {
  const id = idOf(key);
  const errors = context.errorsFor(key);
  if (errors.length === 0) return { id, invalid: 'false', describedBy: nothing, message: nothing };
  return {
    id,
    invalid: 'true',
    describedBy: `${id}-error`,
    message: html`<p class="field-error" id=${`${id}-error`}>${errors.map(context.refusal).join(' ')}</p>`,
  };
}

interface InputOptions {
  type?: 'text' | 'number' | 'datetime-local';
  min?: number;
  max?: number;
  step?: number | 'any';
  required?: boolean;
}

export function inputField(
  context: FieldContext,
  key: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: InputOptions = {},
): TemplateResult {
  const d = describe(context, key);
  return html`<div class="field">
    <label for=${d.id}>${label}</label>
    <input
      id=${d.id}
      name=${key}
      type=${options.type ?? 'text'}
      min=${options.min ?? nothing}
      max=${options.max ?? nothing}
      step=${options.step ?? nothing}
      ?required=${options.required ?? false}
      .value=${value}
      aria-invalid=${d.invalid}
      aria-describedby=${d.describedBy}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
    ${d.message}
  </div>`;
}

export function textAreaField(
  context: FieldContext,
  key: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
): TemplateResult {
  const d = describe(context, key);
  return html`<div class="field wide">
    <label for=${d.id}>${label}</label>
    <textarea
      id=${d.id}
      name=${key}
      rows="3"
      .value=${value}
      aria-invalid=${d.invalid}
      aria-describedby=${d.describedBy}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${d.message}
  </div>`;
}

export function selectField(
  context: FieldContext,
  key: string,
  label: string,
  value: string,
  options: ReadonlyArray<{ value: string; label: string }>,
  onChange: (value: string) => void,
): TemplateResult {
  const d = describe(context, key);
  return html`<div class="field">
    <label for=${d.id}>${label}</label>
    <select
      id=${d.id}
      name=${key}
      aria-invalid=${d.invalid}
      aria-describedby=${d.describedBy}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
    >
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>
    ${d.message}
  </div>`;
}

export function checkboxField(
  context: FieldContext,
  key: string,
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
): TemplateResult {
  const d = describe(context, key);
  return html`<div class="field check">
    <input
      id=${d.id}
      name=${key}
      type="checkbox"
      .checked=${checked}
      aria-invalid=${d.invalid}
      aria-describedby=${d.describedBy}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    <label for=${d.id}>${label}</label>
    ${d.message}
  </div>`;
}

/** A whole number typed in a box: NaN when it is not one, so the API names the field rather than the page guessing. */
export function wholeNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** An optional whole number: null when the box is empty. */
export function optionalNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

export const numberText = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
