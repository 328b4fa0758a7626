import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AdminSurvey } from '@loyalty-elements/contract';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import { pageStyles } from '../page.styles.ts';
import { closeEditor } from './editor-closing.ts';
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
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${strings.surveyTitle}</th>
              <th scope="col">${strings.trigger}</th>
              <th scope="col">${strings.version}</th>
              <th scope="col">${strings.active}</th>
              <td></td>
            </tr>
          </thead>
          <tbody>
            ${this.surveys.map(
              (survey) =>
                html`<tr data-survey=${survey.id}>
                  <th scope="row">${localized(survey.title, this.language)}</th>
                  <td><code>${survey.trigger}</code></td>
                  <td>${format.number(survey.version)}</td>
                  <td>${survey.active ? strings.active : strings.inactive}</td>
                  <td>
                    <button type="button" @click=${() => this.open(survey.id)}>
                      ${strings.edit}<span class="visually-hidden">: ${localized(survey.title, this.language)}</span>
                    </button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
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
