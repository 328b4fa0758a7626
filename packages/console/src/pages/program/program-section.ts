import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConsoleApiError } from '../../api/transport.ts';
import { stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import type { FieldContext } from './fields.ts';
import { sectionStyles } from './section.styles.ts';

/** Which part of the program a section's draft is: the preview puts each in its place. */
export type DraftPart = 'earning' | 'tiers' | 'birthday' | 'referrals' | 'service' | 'reward' | 'survey';

/** `console-draft-change`: a section's draft now, and whether it differs from what is saved. */
export interface DraftChange {
  part: DraftPart;
  draft: unknown;
  dirty: boolean;
}

type SaveStatus = 'idle' | 'saving' | 'saved' | 'invalid' | 'refused' | 'failed';

/**
 * A value the page refuses in its own words, keyed like the API's field errors (`path.rewardId`): before sending
 * anything, or for an answer of the API that is not a 400's field errors.
 */
export interface FieldProblem {
  key: string;
  message: string;
}

/** A message beside a field: the page's own words, or the API's (a 400's field error), shown as its refusal. */
interface ShownProblem extends FieldProblem {
  fromApi: boolean;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * A form over one part of the program: it edits a draft of `saved`, sends only that part on "Save", shows the
 * API's 400 field errors beside the fields they name, and "Discard" returns to the saved values. Every change of
 * the draft is announced (`console-draft-change`) for the preview and the page's unsaved-changes guard.
 */
export abstract class ProgramSection<T> extends LitElement {
  static override styles = [pageStyles, sectionStyles];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) saved!: T;
  @state() protected draft!: T;
  @state() private fieldErrors: readonly ShownProblem[] = [];
  @state() private status: SaveStatus = 'idle';
  #savedJson: string | undefined;
  #shownErrors = new Set<string>();
  /** The draft was reset to new saved values: say so once the update is done. */
  #announceAfterUpdate = false;

  protected abstract readonly draftPart: DraftPart;
  protected abstract heading(): string;
  protected abstract renderFields(fields: FieldContext): TemplateResult;
  /** Sends the draft; what the API saved comes back to the page through the section's own event. */
  protected abstract persist(draft: T): Promise<void>;
  /** What the page refuses in the draft before sending it (the API checks the rest); by default nothing. */
  protected validate(_draft: T): FieldProblem[] {
    return [];
  }
  /** What the page says beside its fields of a refusal that is not a 400's field errors; by default nothing. */
  protected refusalProblems(_error: ConsoleApiError): FieldProblem[] {
    return [];
  }

  get dirty(): boolean {
    return this.draft !== undefined && JSON.stringify(this.draft) !== this.#savedJson;
  }

  protected get strings() {
    return stringsFor(this.language);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
    if (!changed.has('saved')) return;
    const json = JSON.stringify(this.saved);
    if (json === this.#savedJson) return;
    this.#savedJson = json;
    this.draft = clone(this.saved);
    this.fieldErrors = [];
    this.#announceAfterUpdate = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#announceAfterUpdate) return;
    this.#announceAfterUpdate = false;
    this.announceDraft();
  }

  /** Replaces the draft (a section never mutates the one it has: the preview keeps what it was given). */
  protected edit(next: T): void {
    this.draft = next;
    if (this.status !== 'saving') this.status = 'idle';
    this.announceDraft();
  }

  private announceDraft(): void {
    const detail: DraftChange = { part: this.draftPart, draft: this.draft, dirty: this.dirty };
    this.dispatchEvent(new CustomEvent('console-draft-change', { detail, bubbles: true, composed: true }));
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const problems = [...this.numberProblems(), ...this.validate(this.draft)];
    if (problems.length > 0) {
      this.fieldErrors = problems.map((problem) => ({ ...problem, fromApi: false }));
      this.status = 'invalid';
      await this.focusFirstInvalid();
      return;
    }
    this.status = 'saving';
    try {
      await this.persist(this.draft);
      this.fieldErrors = [];
      this.status = 'saved';
    } catch (error) {
      this.fieldErrors = error instanceof ConsoleApiError ? this.problemsOf(error) : [];
      const refused = this.fieldErrors.length > 0;
      this.status = refused ? 'refused' : 'failed';
      if (refused) await this.focusFirstInvalid();
    }
  }

  /**
   * Number boxes the page can judge itself, in the merchant's language: empty where a number is needed, not a number,
   * outside its bounds or not whole. The API would refuse them too, in its own terms.
   */
  private numberProblems(): FieldProblem[] {
    const strings = this.strings.program;
    return [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="number"]')]
      .filter((input) => !input.validity.valid)
      .map((input) => ({
        key: input.name,
        message: strings.numberExpected({
          whole: input.step !== 'any',
          min: input.min === '' ? undefined : input.min,
          max: input.max === '' ? undefined : input.max,
        }),
      }));
  }

  /** A 400's field errors in the API's words, or what the section makes of another refusal in its own. */
  private problemsOf(error: ConsoleApiError): ShownProblem[] {
    if (error.status === 400 && error.fieldErrors.length > 0) {
      return error.fieldErrors.map(({ path, message }) => ({
        key: path.replace(/^body\./, ''),
        message,
        fromApi: true,
      }));
    }
    return this.refusalProblems(error).map((problem) => ({ ...problem, fromApi: false }));
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected discard(): void {
    this.fieldErrors = [];
    this.status = 'idle';
    this.edit(clone(this.saved));
  }

  private readonly fieldContext: FieldContext = {
    errorsFor: (key) => {
      const found = this.fieldErrors.filter((error) => error.key === key || error.key.startsWith(`${key}.`));
      for (const error of found) this.#shownErrors.add(error.key);
      return found.map((error) => (error.fromApi ? this.strings.program.fieldRefused(error.message) : error.message));
    },
  };

  override render() {
    if (this.draft === undefined) return nothing;
    const strings = this.strings.program;
    this.#shownErrors = new Set();
    const fields = this.renderFields(this.fieldContext);
    const elsewhere = this.fieldErrors.filter((error) => !this.#shownErrors.has(error.key));
    return html`<form novalidate @submit=${this.save}>
      <h2>${this.heading()}</h2>
      ${
        this.status === 'invalid' || this.status === 'refused' || this.status === 'failed'
          ? html`<div class="card error" role="alert">
              <p>
                ${this.status === 'invalid' ? strings.invalid : this.status === 'refused' ? strings.refused : strings.saveFailed}
              </p>
              ${
                elsewhere.length
                  ? html`<ul>
                      ${elsewhere.map((error) => html`<li><code>${error.key}</code>: ${error.message}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${fields}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${!this.dirty || this.status === 'saving'}>
          ${strings.save}
        </button>
        <button type="button" ?disabled=${!this.dirty} @click=${this.discard}>${strings.discard}</button>
        <span role="status" class="muted">
          ${
            this.status === 'saving'
              ? strings.saving
              : this.status === 'saved' && !this.dirty
                ? strings.saved
                : this.dirty
                  ? strings.unsaved
                  : ''
          }
        </span>
      </div>
    </form>`;
  }
}
