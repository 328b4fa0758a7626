import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AdminSurvey } from '@loyalty-elements/contract';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { closeEditor } from './editor-closing.ts';
import { listTable } from './list-table.ts';
import { sectionStyles } from './section.styles.ts';
import { surveyEditOf, type ConsoleSurveyEditor } from './survey-editor.ts';
import './survey-editor.ts';

/** The program's surveys: each one's trigger, version and state, and the form to edit one. */
@customElement('console-surveys-section')
export class ConsoleSurveysSection extends LitElement {
  static override styles = [pageStyles, sectionStyles];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) surveys: readonly AdminSurvey[] = [];
  @state() private editingId: string | null = null;
  @query('console-survey-editor') private editor?: ConsoleSurveyEditor;

  private open(surveyId: string | null): void {
    const question = stringsFor(this.language).program.leaveQuestion;
    if (closeEditor(this, this.editor, 'survey', question)) this.editingId = surveyId;
  }

  override render() {
    const strings = stringsFor(this.language).program;
    const format = formatters(this.language);
    const editing = this.surveys.find((survey) => survey.id === this.editingId);
    return html`<h2>${strings.surveys}</h2>
      ${listTable(
        [strings.surveyTitle, strings.trigger, strings.version, strings.active],
        this.surveys,
        (survey) => ({
          id: survey.id,
          name: localized(survey.title, this.language),
          cells: [
            html`<code>${survey.trigger}</code>`,
            format.number(survey.version),
            survey.active ? strings.active : strings.inactive,
          ],
        }),
        strings.edit,
        (survey) => this.open(survey.id),
      )}
      ${
        editing
          ? html`<div class="card">
              <console-survey-editor .language=${this.language} .saved=${surveyEditOf(editing)}></console-survey-editor>
              <p><button type="button" @click=${() => this.open(null)}>${strings.close}</button></p>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-surveys-section': ConsoleSurveysSection;
  }
}
