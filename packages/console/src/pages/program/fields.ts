import { html, nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { live } from 'lit/directives/live.js';

/**
 * The form controls of the Program page: each a labelled native control whose refusal — by the API (a 400's field
 * error, keyed by its path without `body.`: `tiers.1.threshold`) or by the page itself — is shown beside it, with
 * `aria-invalid` and `aria-describedby` pointing at the message.
 */
export interface FieldContext {
  /**
   * The messages for `key` or anything inside it, as they are shown: the API's words as its refusal
   * (`Refused: …`, in the console's language), the page's own as they are. Marks them as shown.
   */
  errorsFor(key: string): string[];
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
    message: html`<p class="field-error" id=${`${id}-error`}>${errors.join(' ')}</p>`,
  };
}

/** Sets a control's id, name, `aria-invalid` and `aria-describedby` (its message's id, while it has one). */
class IdentifiedControl extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('identified() belongs on a form control.');
  }

  render(_described: Described, _key: string) {
    return nothing;
  }

  override update(part: ElementPart, [described, key]: [Described, string]) {
    const control = part.element;
    control.id = described.id;
    control.setAttribute('name', key);
    control.setAttribute('aria-invalid', described.invalid);
    if (described.describedBy === nothing) control.removeAttribute('aria-describedby');
    else control.setAttribute('aria-describedby', described.describedBy);
    return nothing;
  }
}
const identified = directive(IdentifiedControl);

interface InputOptions {
  type?: 'text' | 'number' | 'url' | 'datetime-local';
  required?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
}

/** The label, the control and the API's message, laid out as one field. */
function labelled(d: Described, label: string, control: TemplateResult, layout: 'field' | 'wide' | 'check' = 'field') {
  const labelFor = html`<label for=${d.id}>${label}</label>`;
  return layout === 'check'
    ? html`<div class="field check">${control} ${labelFor} ${d.message}</div>`
    : html`<div class=${layout === 'wide' ? 'field wide' : 'field'}>${labelFor} ${control} ${d.message}</div>`;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

export function inputField(
  context: FieldContext,
  key: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: InputOptions = {},
): TemplateResult {
  const d = describe(context, key);
  return labelled(
    d,
    label,
    html`<input
      ${identified(d, key)}
      type=${options.type ?? 'text'}
      min=${options.min ?? nothing}
      max=${options.max ?? nothing}
      step=${options.step ?? nothing}
      ?required=${options.required ?? false}
      .value=${value}
      @input=${(event: Event) => onInput(valueOf(event))}
    />`,
  );
}

export function textAreaField(
  context: FieldContext,
  key: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
): TemplateResult {
  const d = describe(context, key);
  return labelled(
    d,
    label,
    html`<textarea
      ${identified(d, key)}
      rows="3"
      .value=${value}
      @input=${(event: Event) => onInput(valueOf(event))}
    ></textarea>`,
    'wide',
  );
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
  return labelled(
    d,
    label,
    html`<select ${identified(d, key)} @change=${(event: Event) => onChange(valueOf(event))}>
      ${options.map(
        // The live property, not the attribute: once the person picked an option, its attribute no longer selects it.
        (option) =>
          html`<option value=${option.value} .selected=${live(option.value === value)}>${option.label}</option>`,
      )}
    </select>`,
  );
}

export function checkboxField(
  context: FieldContext,
  key: string,
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
): TemplateResult {
  const d = describe(context, key);
  return labelled(
    d,
    label,
    html`<input
      ${identified(d, key)}
      type="checkbox"
      .checked=${checked}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />`,
    'check',
  );
}

interface NumberOptions {
  min?: number;
  max?: number;
  /** Default 1: whole numbers. */
  step?: number | 'any';
}

/** A number box; `optional: true` gives null for an empty box, else an empty box is NaN (see `wholeNumber`). */
export function numberField(
  context: FieldContext,
  key: string,
  label: string,
  value: number | null | undefined,
  onValue: (value: number) => void,
  options?: NumberOptions & { optional?: false },
): TemplateResult;
export function numberField(
  context: FieldContext,
  key: string,
  label: string,
  value: number | null | undefined,
  onValue: (value: number | null) => void,
  options: NumberOptions & { optional: true },
): TemplateResult;
export function numberField(
  context: FieldContext,
  key: string,
  label: string,
  value: number | null | undefined,
  onValue: (value: number) => void,
  { optional = false, step = 1, ...bounds }: NumberOptions & { optional?: boolean } = {},
): TemplateResult {
  const parse = optional ? optionalNumber : wholeNumber;
  return inputField(context, key, label, numberText(value), (text) => onValue(parse(text)!), {
    type: 'number',
    required: !optional,
    step,
    ...bounds,
  });
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
