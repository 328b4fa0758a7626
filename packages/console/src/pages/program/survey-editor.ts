import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { AdminSurvey, SurveyDefinitionInput } from '@loyalty-elements/contract';
import { programApi } from '../../api/program.ts';
import { formatters } from '../../i18n/format.ts';
import { localized } from '../../i18n/language.ts';
import { checkboxField, inputField, numberField, type FieldContext } from './fields.ts';
import { ProgramSection } from './program-section.ts';
import { newQuestion, renderQuestions } from './survey-questions.ts';

/** A survey being edited: what `PUT /v1/admin/surveys/{surveyId}` takes, with its id and the version it shows. */
export type SurveyEdit = SurveyDefinitionInput & { id: string; version: number };

export function surveyEditOf(survey: AdminSurvey): SurveyEdit {
  const { status: _status, ...edit } = survey;
  return edit;
}

/** `console-survey-saved`: the survey as the API saved it (a new version when its questions or reward changed). */
export type SurveySaved = CustomEvent<AdminSurvey>;

/** Percent with at most two decimals, as the sampling box shows a rate of 0–1. */
const percentOf = (rate: number) => Math.round(rate * 10_000) / 100;

/** One survey's form: whether it runs, where and how often it is asked, its reward, and its questions. */
@customElement('console-survey-editor')
export class ConsoleSurveyEditor extends ProgramSection<SurveyEdit> {
  protected readonly draftPart = 'survey';

  protected heading(): string {
    return this.strings.program.editing(localized(this.saved.title, this.language));
  }

  protected override async persist({ version: _version, ...input }: SurveyEdit): Promise<void> {
    const saved = await programApi.saveSurvey(input.id, input);
    this.dispatchEvent(new CustomEvent('console-survey-saved', { detail: saved, bubbles: true, composed: true }));
  }

  private set(change: Partial<SurveyEdit>): void {
    this.edit({ ...this.draft, ...change });
  }

  protected renderFields(fields: FieldContext) {
    const strings = this.strings;
    const s = strings.program;
    const format = formatters(this.language);
    const draft = this.draft;
    return html`<p class="muted">
        ${s.version}: <strong data-version>${format.number(draft.version)}</strong>. ${s.versionNote}
      </p>
      <div class="fields">
        ${checkboxField(fields, 'active', s.active, draft.active, (active) => this.set({ active }))}
        ${inputField(fields, 'trigger', s.trigger, draft.trigger, (trigger) => this.set({ trigger }))}
        ${numberField(
          fields,
          'samplingRate',
          s.samplingRate,
          percentOf(draft.samplingRate),
          (percent) => this.set({ samplingRate: percent / 100 }),
          { min: 0, max: 100, step: 'any' },
        )}
        ${numberField(
          fields,
          'recontactDays',
          s.recontactDays,
          draft.recontactDays,
          (recontactDays) => this.set({ recontactDays }),
          {
            min: 0,
          },
        )}
        ${numberField(
          fields,
          'completionReward',
          s.completionReward,
          draft.completionReward,
          (reward) => this.set({ completionReward: reward ?? undefined }),
          { min: 1, optional: true },
        )}
      </div>
      <h3>${s.questions}</h3>
      ${renderQuestions(draft.questions, fields, strings, format, (questions) => this.set({ questions }))}
      <div>
        <button
          type="button"
          @click=${() => this.set({ questions: [...draft.questions, newQuestion(draft.questions, strings)] })}
        >
          ${s.addQuestion}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-survey-editor': ConsoleSurveyEditor;
  }
}
