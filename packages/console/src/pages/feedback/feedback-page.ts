import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { SurveyFeedback, SurveyResults, SurveySummary } from '@loyalty-elements/contract';
import { feedbackApi } from '../../api/feedback.ts';
import { formatters } from '../../i18n/format.ts';
import { localized, stringsFor, type Language } from '../../i18n/language.ts';
import type { ColorScheme } from '../../shell/color-scheme.ts';
import { pageStyles } from '../page.styles.ts';
import { feedbackCharts } from './feedback-charts.ts';
import { chartCards } from '../../shared/chart-cards.ts';
import { figureStyles } from '../../shared/figure.styles.ts';
import { headlineFigures } from './feedback-figures.ts';
import './feedback-verbatims.ts';

type Load<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error' };
interface SurveyView {
  results: SurveyResults;
  feedback: SurveyFeedback;
}

/**
 * What shoppers say, per survey and version: headline NPS, CSAT, CES and counts from the results API, NPS per week,
 * the 0–10 distribution, the service-quality dimensions, and the verbatims with their filters.
 */
@customElement('console-feedback-page')
export class ConsoleFeedbackPage extends LitElement {
  static override styles = [
    pageStyles,
    figureStyles,
    css`
      .pickers {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        margin-bottom: var(--_space);
      }
      label {
        display: grid;
        gap: 0.25em;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        gap: var(--_space);
        margin-bottom: var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) language: Language = 'en';
  @property({ attribute: false }) scheme: ColorScheme = 'light';
  @state() private surveys: Load<SurveySummary[]> = { kind: 'loading' };
  @state() private surveyId = '';
  /** Undefined: every version together. */
  @state() private version: number | undefined;
  @state() private view: Load<SurveyView> = { kind: 'loading' };
  #loads = new AbortController();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.fetchSurveys();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loads.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('language')) this.lang = this.language;
  }

  private async fetchSurveys(): Promise<void> {
    this.surveys = { kind: 'loading' };
    try {
      const { surveys } = await feedbackApi.surveys();
      this.surveys = { kind: 'ready', value: surveys };
      // The first survey anyone answered, else the first.
      const first = surveys.find((survey) => survey.responses.started > 0) ?? surveys[0];
      if (first !== undefined) this.pick(first.id, undefined);
    } catch {
      this.surveys = { kind: 'error' };
    }
  }

  private pick(surveyId: string, version: number | undefined): void {
    this.surveyId = surveyId;
    this.version = version;
    void this.fetchView();
  }

  private async fetchView(): Promise<void> {
    this.#loads.abort();
    const loads = (this.#loads = new AbortController());
    this.view = { kind: 'loading' };
    try {
      const [results, feedback] = await Promise.all([
        feedbackApi.results(this.surveyId, this.version),
        feedbackApi.feedback(this.surveyId, this.version),
      ]);
      if (!loads.signal.aborted) this.view = { kind: 'ready', value: { results, feedback } };
    } catch {
      if (!loads.signal.aborted) this.view = { kind: 'error' };
    }
  }

  override render() {
    const strings = stringsFor(this.language);
    return html`<h1>${strings.feedback.title}</h1>
      ${this.renderState(
        this.surveys,
        () => void this.fetchSurveys(),
        (surveys) =>
          surveys.length === 0
            ? html`<p class="card" data-state="no-surveys">${strings.feedback.noSurveys}</p>`
            : html`${this.renderPickers(surveys)}
              ${this.renderState(
                this.view,
                () => void this.fetchView(),
                (view) => this.renderSurvey(view),
              )}`,
      )}`;
  }

  private renderState<T>(load: Load<T>, retry: () => void, ready: (value: T) => unknown) {
    const strings = stringsFor(this.language);
    if (load.kind === 'loading') return html`<p role="status" class="card">${strings.loading}</p>`;
    if (load.kind === 'error') {
      return html`<div role="alert" class="card error">
        <p>${strings.errorLoading}</p>
        <button type="button" @click=${retry}>${strings.retry}</button>
      </div>`;
    }
    return ready(load.value);
  }

  private renderPickers(surveys: SurveySummary[]) {
    const s = stringsFor(this.language).feedback;
    const format = formatters(this.language);
    const current = surveys.find((survey) => survey.id === this.surveyId);
    const versions = Array.from({ length: current?.version ?? 0 }, (_, index) => index + 1);
    // Each option's live `selected` property, not its attribute: once the person picked an option, its attribute no
    // longer selects it, and the picker would show a choice other than the page's.
    return html`<div class="pickers">
      <label
        >${s.survey}
        <select
          name="survey"
          @change=${(event: Event) => this.pick((event.target as HTMLSelectElement).value, undefined)}
        >
          ${surveys.map(
            (survey) =>
              html`<option value=${survey.id} .selected=${live(survey.id === this.surveyId)}>
                ${localized(survey.title, this.language)}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${s.version}
        <select
          name="version"
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.pick(this.surveyId, value === '' ? undefined : Number(value));
          }}
        >
          <option value="" .selected=${live(this.version === undefined)}>${s.allVersions}</option>
          ${versions.map(
            (version) =>
              html`<option value=${version} .selected=${live(version === this.version)}>
                ${s.versionNumber(format.number(version))}
              </option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private renderSurvey({ results, feedback }: SurveyView) {
    const strings = stringsFor(this.language);
    const format = formatters(this.language);
    const totals = results.combined;
    if (totals.responses.total === 0 && totals.dismissals === 0) {
      return html`<p class="card" data-state="empty">${strings.feedback.noResponses}</p>`;
    }
    return html`${headlineFigures(totals, strings, format)}
      <div class="charts">
        ${chartCards(feedbackCharts(feedback, totals.dimensions, strings, format), {
          strings,
          format,
          scheme: this.scheme,
          emptyText: strings.overview.nothingYet,
        })}
      </div>
      ${
        totals.responses.total === 0
          ? nothing
          : html`<console-feedback-verbatims
              .language=${this.language}
              .surveyId=${this.surveyId}
              .version=${this.version}
            ></console-feedback-verbatims>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-feedback-page': ConsoleFeedbackPage;
  }
}
