import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isLoyaltyError, randomId, type LoyaltyClient } from '@loyalty-elements/sdk';
import {
  FREE_TEXT_DEFAULT_MAX_LENGTH,
  OTHER_TEXT_MAX_LENGTH,
  SCALE_RANGES,
  isAnswered,
  surveyPaths,
  npsGroup,
  questionVisible,
  visibleAnswers,
  type ChoiceOption,
  type LocalizedText,
  type NpsGroup,
  type ScaleLabels,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
} from '@loyalty-elements/contract';
import { LoyaltyElement } from '../base/loyalty-element.ts';
import { ClientChangesController } from '../client/client-changes-controller.ts';
import { LoyaltyClientController } from '../client/client-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { satisfactionSurveyStyles } from './satisfaction-survey.styles.ts';
import { satisfactionSurveyStrings, type SatisfactionSurveyStrings } from './satisfaction-survey.strings.ts';

/**
 * What the element shows: nothing yet (`loading`), nothing at all (`hidden`: no eligible survey,
 * or answered or dismissed on this page), nothing for a guest (`guest`), the questions (`survey`),
 * the thank-you (`thanks`), or that the survey has closed (`closed`: the API took no response,
 * as the survey was no longer due for the shopper, answered or dismissed in another tab).
 */
export type SatisfactionSurveyView = 'loading' | 'hidden' | 'guest' | 'survey' | 'thanks' | 'closed';

/** The state of the element, like the other widgets': `ready` when it shows the survey, its thank-you or that it closed. */
export type SatisfactionSurveyState = 'loading' | 'hidden' | 'guest' | 'ready';

/** `inline`: part of the page. `card`: a raised card with a close button that records a dismissal. */
export type SatisfactionSurveyPlacement = 'inline' | 'card';

/** `all`: every question at once. `step`: one question at a time, with progress. */
export type SatisfactionSurveyMode = 'all' | 'step';

/** Surveys answered or dismissed on this page: they do not come back, whichever element asks. */
const finishedOnThisPage = new Set<string>();

type ScaleQuestion = Extract<SurveyQuestion, { kind: 'nps' | 'csat' | 'ces' }>;
type ChoiceQuestion = Extract<SurveyQuestion, { kind: 'single_choice' | 'multiple_choice' }>;
type FreeTextQuestion = Extract<SurveyQuestion, { kind: 'free_text' }>;
type ServqualQuestion = Extract<SurveyQuestion, { kind: 'servqual' }>;

interface ScaleSpec {
  /** Radio group name and id prefix. */
  name: string;
  min: number;
  max: number;
  value: number | undefined;
  kind: 'nps' | 'csat' | 'ces' | 'servqual';
  display: 'numbers' | 'stars' | 'faces';
  labels: ScaleLabels | undefined;
  onPick: (value: number) => void;
}

/** How far the mouth of each CSAT face (1–5) bends: a frown, a flat line, a smile. */
const MOUTH_BEND = [-3.5, -1.75, 0, 1.75, 3.5];

/** A face of a CSAT scale, drawn (not an emoji: every system shows it the same). Decorative. */
function faceIcon(value: number): TemplateResult {
  const bend = MOUTH_BEND[value - 1] ?? 0;
  // The mouth sits a little higher when it smiles, lower when it frowns.
  const y = 15.5 - bend / 3;
  return html`<svg
    class="face"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
  >
    <circle cx="12" cy="12" r="9.5" />
    <circle cx="8.75" cy="9.5" r="0.6" fill="currentColor" />
    <circle cx="15.25" cy="9.5" r="0.6" fill="currentColor" />
    <path d="M8 ${y} Q12 ${y + bend} 16 ${y}" />
  </svg>`;
}

/**
 * A satisfaction survey asked at the right moment: NPS (0–10), CSAT (1–5, stars or faces), CES
 * (1–7), single and multiple choice (with "other"), free text and the service-quality rating, with
 * the questions the definition asks only on some answers (a detractor is asked what went wrong).
 * It asks the API which survey is eligible for its `trigger` and shows it only then (nothing at
 * all otherwise, and nothing while it asks, so the page never shifts); every answer is saved as it
 * is given, through the client's outbox, under one response id, so nothing is lost offline. A
 * response completes once; a survey answered or dismissed does not come back on the same page.
 * When the survey rewards a completed response, it says so under the intro ("Answer to earn 50
 * points.") and, after Submit, what the response earned ("You earned 50 points."), in the program's
 * own name for its points. When the API refuses the response because the survey is no longer due
 * (answered or dismissed elsewhere, even while the answers waited on the device), the questions give
 * way to "This survey has closed. Thank you for your time."; the refused write is not sent again.
 * Speaks English and Simplified Chinese (the survey's own text comes from its definition).
 *
 * @summary Asks the shopper a short satisfaction survey (NPS, CSAT, CES) and saves every answer.
 *
 * @fires {LoyaltySurveyShownEvent} loyalty-survey-shown - A survey appeared. `detail`: `{ surveyId, version, responseId, trigger }`.
 * @fires {LoyaltySurveyAnswerEvent} loyalty-survey-answer - An answer was saved. `detail`: `{ surveyId, responseId, questionId, answer, sequence, queued }`.
 * @fires {LoyaltySurveySubmittedEvent} loyalty-survey-submitted - The response completed. `detail`: `{ surveyId, responseId, npsGroup, queued }`.
 * @fires {LoyaltySurveyDismissedEvent} loyalty-survey-dismissed - The shopper closed the survey. `detail`: `{ surveyId, responseId, queued }`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Asking for the eligible survey failed (the element stays hidden), or the API refused the response as the survey is not due (`problem.code` `survey_not_due`; the element says the survey has closed).
 *
 * @csspart base - The survey's box (and the thank-you's).
 * @csspart title - The survey's title.
 * @csspart intro - The line under the title.
 * @csspart reward - What answering earns (under the intro), and what it earned (after the thank-you).
 * @csspart close - The close button (`placement="card"`).
 * @csspart progress - "2 of 4" in step mode.
 * @csspart form - The form around the questions.
 * @csspart question - Each question's fieldset.
 * @csspart legend - Each question's text.
 * @csspart description - A question's help line.
 * @csspart scale - A rating scale's options.
 * @csspart scale-option - One option of a scale (its label; the native radio is inside).
 * @csspart scale-labels - The words under a scale's two ends.
 * @csspart radio - Every native radio.
 * @csspart choice - One option of a choice question.
 * @csspart checkbox - Every checkbox (multiple choice, consent to be contacted).
 * @csspart other-input - The text field of an "other" option.
 * @csspart textarea - A free-text answer.
 * @csspart counter - Characters left under a free-text answer.
 * @csspart consent - The consent-to-contact choice.
 * @csspart button - The Next, Back and Submit buttons.
 * @csspart note - "Saved on this device" when answers wait to be sent.
 * @csspart error - A missing answer or a failed save.
 * @csspart thanks - The thank-you.
 * @csspart closed - "This survey has closed", when the API took no response.
 *
 * @cssprop [--loyalty-satisfaction-survey-background=var(--loyalty-color-surface)] - Box background.
 * @cssprop [--loyalty-satisfaction-survey-border-color=var(--loyalty-color-border)] - Box border colour.
 * @cssprop [--loyalty-satisfaction-survey-padding=var(--loyalty-space)] - Box padding.
 * @cssprop [--loyalty-satisfaction-survey-gap=var(--loyalty-space)] - Space between the questions.
 * @cssprop [--loyalty-satisfaction-survey-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title and the thank-you.
 * @cssprop [--loyalty-satisfaction-survey-title-color=var(--loyalty-color-text)] - Colour of the title and the thank-you.
 * @cssprop [--loyalty-satisfaction-survey-muted-color=var(--loyalty-color-text-muted)] - Colour of the intro, progress, help lines and notes.
 * @cssprop [--loyalty-satisfaction-survey-accent-color=var(--loyalty-color-primary-text)] - Selected options' border, checkboxes, secondary buttons.
 * @cssprop [--loyalty-satisfaction-survey-option-size=2.75em] - Height of a scale option.
 * @cssprop [--loyalty-satisfaction-survey-option-background=var(--loyalty-color-surface)] - Background of scale options and text fields.
 * @cssprop [--loyalty-satisfaction-survey-option-border-color=var(--loyalty-color-text-muted)] - Border of scale options and text fields.
 * @cssprop [--loyalty-satisfaction-survey-star-color=var(--loyalty-color-primary-text)] - Colour of the CSAT stars.
 */
export class LoyaltySatisfactionSurvey extends LoyaltyElement {
  static override tagName = 'loyalty-satisfaction-survey';
  static override styles = satisfactionSurveyStyles;

  /** The client to ask; without it the element uses a provider's client, then the page's shared one. */
  @property({ attribute: false })
  client: LoyaltyClient | null | undefined;

  /** Where in the site the survey is asked (`post_purchase`, `account_page`, …). */
  @property({ reflect: true })
  trigger = '';

  /** `inline` (default) or `card`: a raised card with a close button. */
  @property({ reflect: true })
  placement: SatisfactionSurveyPlacement = 'inline';

  /** `all` (default): every question at once; `step`: one at a time, with progress. */
  @property({ reflect: true })
  mode: SatisfactionSurveyMode = 'all';

  /**
   * Forgets which surveys were answered or dismissed on this page, so they may be shown again (for
   * tests, stories, and single-page apps where another shopper signs in).
   */
  static forgetFinishedSurveys(): void {
    finishedOnThisPage.clear();
  }

  readonly #i18n = new LocaleController(this);
  readonly #clients = new LoyaltyClientController(this, () => this.client);
  #view: SatisfactionSurveyView = 'loading';
  #survey: SurveyDefinition | undefined;
  #responseId: string | undefined;
  #answers: SurveyAnswers = {};
  #contactConsent = false;
  #sequence = 0;
  /** The highest sequence whose save has settled: only its outcome says whether answers wait. */
  #settledSequence = 0;
  #queued = false;
  #saveError = false;
  #missing: string | undefined;
  #step = 0;
  #completing = false;
  #npsGroup: NpsGroup | null = null;
  /** The program's name for its points, read when the survey offers a reward. */
  #pointsName: LocalizedText | undefined;
  /** What the completion earned, as the API said; null while unknown or without a reward. */
  #pointsAwarded: number | null = null;
  /** The completion waits on the device, and the survey offers a reward: it is on its way. */
  #rewardOnItsWay = false;
  #announcement = '';
  #shownEmitted = false;
  #focusNext: string | undefined;
  #hiddenByUs = false;
  #loadedClient: LoyaltyClient | undefined | null = null;
  #loadedTrigger: string | undefined;
  #loads = 0;

  constructor() {
    super();
    new ClientChangesController(
      this,
      () => this.#clients.client,
      (change) => {
        if (change.type === 'identity') void this.#load();
        else if (change.type === 'write_failed') {
          // A write that waited on the device and was refused once sent: it is dropped, never retried.
          const responseId = this.#responseId;
          if (responseId && change.write.path === surveyPaths.response(responseId)) this.#refused(change.error);
        } else if (change.type === 'outbox' && change.pending === 0 && this.#queued) {
          this.#queued = false;
          if (this.#rewardOnItsWay) void this.#readReward();
          this.requestUpdate();
        }
      },
    );
  }

  /** What the element shows right now. */
  get view(): SatisfactionSurveyView {
    return this.#view;
  }

  /** `loading`, `hidden`, `guest`, or `ready` (the survey or its thank-you is on show). */
  get state(): SatisfactionSurveyState {
    const view = this.#view;
    return view === 'survey' || view === 'thanks' || view === 'closed' ? 'ready' : view;
  }

  /** The survey on show, if any. */
  get survey(): SurveyDefinition | undefined {
    return this.#survey;
  }

  /** The id the answers are saved under (one per shown survey). */
  get responseId(): string | undefined {
    return this.#responseId;
  }

  /** Every answer given so far, of the questions that are asked. */
  get answers(): SurveyAnswers {
    return this.#survey ? visibleAnswers(this.#survey.questions, this.#answers) : {};
  }

  /** Asks the API again whether a survey is due, and for it. Resolves when it has settled. */
  refresh(): Promise<void> {
    return this.#load(true);
  }

  /** Loads the survey due at the trigger; `revalidate` asks for the summary even when the page has it. */
  async #load(revalidate = false): Promise<void> {
    const load = ++this.#loads;
    const client = this.#clients.client;
    this.#reset();
    this.#view = 'loading';
    this.requestUpdate();
    if (!client || !this.trigger) {
      this.#view = 'hidden';
      this.requestUpdate();
      return;
    }
    try {
      // The summary, which the page's other widgets read too, lists the triggers with a survey due: most page
      // views have none, and then this widget asks nothing of its own.
      const { surveysDue } = await client.getSummary({ revalidate });
      if (load !== this.#loads) return;
      const { survey } = (surveysDue ?? [this.trigger]).includes(this.trigger)
        ? await client.getEligibleSurvey(this.trigger)
        : { survey: null };
      if (load !== this.#loads) return;
      if (!survey || finishedOnThisPage.has(survey.id)) {
        this.#view = 'hidden';
      } else {
        if (survey.completionReward !== undefined) {
          // Usually cached already: the other widgets of the page read the program too.
          this.#pointsName = await client.getProgram().then(
            (program) => program.pointsName,
            () => undefined,
          );
          if (load !== this.#loads) return;
        }
        this.#survey = survey;
        this.#responseId = randomId();
        this.#view = 'survey';
      }
    } catch (error) {
      if (load !== this.#loads) return;
      if (isLoyaltyError(error) && error.code === 'signed_out') {
        this.#view = 'guest';
      } else {
        this.#view = 'hidden';
        if (isLoyaltyError(error)) this.emit('loyalty-error', error);
        else console.error(error);
      }
    }
    this.requestUpdate();
  }

  /** Closes the survey and records the dismissal (what the close button does). */
  async dismiss(): Promise<void> {
    const survey = this.#survey;
    const client = this.#clients.client;
    const responseId = this.#responseId;
    if (!survey || !responseId || this.#view === 'hidden') return;
    const completed = this.#view === 'thanks' || this.#view === 'closed';
    finishedOnThisPage.add(survey.id);
    this.#view = 'hidden';
    this.requestUpdate();
    // After the thank-you there is nothing to dismiss: the card simply goes.
    if (completed || !client) return;
    let queued = false;
    try {
      const outcome = await client.dismissSurvey(survey.id, { version: survey.version, responseId });
      queued = outcome.status === 'queued';
    } catch (error) {
      console.error(error);
    }
    this.emit('loyalty-survey-dismissed', { surveyId: survey.id, responseId, queued });
  }

  /** Completes the response (what Submit does); does nothing when it is already completing or complete. */
  async submit(): Promise<void> {
    const survey = this.#survey;
    const client = this.#clients.client;
    const responseId = this.#responseId;
    if (this.#completing || this.#view !== 'survey' || !survey || !client || !responseId) return;
    const missing = this.#visibleQuestions().find(
      (question) => question.required && !isAnswered(this.#answers[question.id]),
    );
    if (missing) {
      this.#missing = missing.id;
      if (this.mode === 'step') this.#step = this.#visibleQuestions().indexOf(missing);
      this.#focusNext = missing.id;
      this.requestUpdate();
      return;
    }
    this.#completing = true;
    this.#saveError = false;
    this.requestUpdate();
    const hadFocus = this.matches(':focus-within');
    const answers = this.answers;
    const sequence = ++this.#sequence;
    try {
      const outcome = await client.saveSurveyResponse(responseId, {
        surveyId: survey.id,
        version: survey.version,
        sequence,
        answers,
        complete: true,
        contactConsent: this.#consentGiven(),
      });
      const queued = outcome.status === 'queued';
      this.#settle(sequence, queued);
      if (outcome.status === 'sent') this.#pointsAwarded = outcome.result.pointsAwarded;
      else this.#rewardOnItsWay = survey.completionReward !== undefined;
      const nps = survey.questions.find((question) => question.kind === 'nps');
      const score = nps ? answers[nps.id] : undefined;
      this.#npsGroup = typeof score === 'number' ? npsGroup(score) : null;
      finishedOnThisPage.add(survey.id);
      this.#view = 'thanks';
      this.#announcement = [this.#thanksText(), this.#rewardText()].filter(Boolean).join(' ');
      if (hadFocus) this.#focusNext = 'base';
      this.emit('loyalty-survey-submitted', { surveyId: survey.id, responseId, npsGroup: this.#npsGroup, queued });
    } catch (error) {
      this.#completing = false;
      if (this.#refused(error)) return;
      console.error(error);
      this.#saveError = true;
      // A refused completion may be retried: it completes once at most, on the API's side too.
    } finally {
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.#clients.client;
    if (client !== this.#loadedClient || this.trigger !== this.#loadedTrigger) {
      this.#loadedClient = client;
      this.#loadedTrigger = this.trigger;
      void this.#load();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.#i18n.strings(satisfactionSurveyStrings);
    const survey = this.#survey;
    if (!survey || (this.#view !== 'survey' && this.#view !== 'thanks' && this.#view !== 'closed')) return nothing;
    const locale = this.#i18n.locale;
    return html`
      <section part="base" class="base" aria-labelledby="title" tabindex="-1" lang=${locale}>
        <span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</span>
        <div class="header">
          <div class="heading">
            <p part="title" class="title" id="title">${this.#pick(survey.title)}</p>
            ${
              this.#view === 'survey' && survey.intro
                ? html`<p part="intro" class="intro">${this.#pick(survey.intro)}</p>`
                : nothing
            }
            ${
              this.#view === 'survey' && survey.completionReward !== undefined
                ? html`<p part="reward" class="reward">${s.answerToEarn(this.#points(survey.completionReward))}</p>`
                : nothing
            }
          </div>
          ${
            this.placement === 'card'
              ? html`<button part="close" class="close" type="button" aria-label=${s.close} @click=${this.#close}>
                  ${closeIcon}
                </button>`
              : nothing
          }
        </div>
        ${
          this.#view === 'thanks'
            ? this.#renderThanks(s)
            : this.#view === 'closed'
              ? html`<p part="closed" class="thanks">${s.closed}</p>`
              : this.#renderForm(s)
        }
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const hide = this.#view !== 'survey' && this.#view !== 'thanks' && this.#view !== 'closed';
    if (hide !== this.hasAttribute('hidden') && (hide || this.#hiddenByUs)) {
      this.toggleAttribute('hidden', hide);
      this.#hiddenByUs = hide;
    }
    if (this.#view === 'survey' && !this.#shownEmitted && this.#survey && this.#responseId) {
      this.#shownEmitted = true;
      const survey = this.#survey;
      // The live region is on the page now: what it says next is announced, politely (unless a
      // thank-you or a closed survey, answered that fast, already speaks).
      setTimeout(() => {
        if (this.#survey !== survey || this.#view !== 'survey') return;
        this.#announcement = this.#i18n.strings(satisfactionSurveyStrings).appeared(this.#pick(survey.title));
        this.requestUpdate();
      }, 150);
      this.emit('loyalty-survey-shown', {
        surveyId: survey.id,
        version: survey.version,
        responseId: this.#responseId,
        trigger: this.trigger,
      });
    }
    if (this.#focusNext) {
      const target = this.#focusNext;
      this.#focusNext = undefined;
      const root = this.renderRoot;
      const element =
        target === 'base'
          ? root.querySelector<HTMLElement>('[part~="base"]')
          : root.querySelector<HTMLElement>(`#q-${target} input, #q-${target} textarea`);
      element?.focus();
    }
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────────

  #renderThanks(s: SatisfactionSurveyStrings): TemplateResult {
    const reward = this.#rewardText();
    return html`
      <p part="thanks" class="thanks">${this.#thanksText()}</p>
      ${reward ? html`<p part="reward" class="reward">${reward}</p>` : nothing}
      <p part="note" class="note">${this.#queued ? s.queued : ''}</p>
    `;
  }

  #renderForm(s: SatisfactionSurveyStrings): TemplateResult {
    const questions = this.#visibleQuestions();
    const step = this.mode === 'step';
    const index = Math.min(this.#step, questions.length - 1);
    const shown = step ? questions.slice(index, index + 1) : questions;
    const last = !step || index === questions.length - 1;
    return html`
      ${step ? html`<p part="progress" class="progress">${s.progress(index + 1, questions.length)}</p>` : nothing}
      <form part="form" class="form" novalidate @submit=${this.#onSubmit}>
        <div class="questions">${shown.map((question) => this.#renderQuestion(s, question))}</div>
        <p part="note" class="note">${this.#queued ? s.queued : ''}</p>
        <p part="error" class="error" role="alert">${this.#errorText(s)}</p>
        <div class="actions">
          ${
            step && index > 0
              ? html`<button part="button" class="button button--secondary" type="button" @click=${this.#back}>
                  ${s.back}
                </button>`
              : nothing
          }
          <button part="button" class="button" type="submit" aria-disabled=${this.#completing ? 'true' : 'false'}>
            ${last ? (this.#completing ? s.submitting : s.submit) : s.next}
          </button>
        </div>
      </form>
    `;
  }

  #errorText(s: SatisfactionSurveyStrings): string {
    if (this.#saveError) return s.saveFailed;
    if (this.#missing) return this.mode === 'step' ? s.missingAnswer : s.missingAnswers;
    return '';
  }

  #renderQuestion(s: SatisfactionSurveyStrings, question: SurveyQuestion): TemplateResult {
    const descriptionId = `d-${question.id}`;
    const invalid = this.#missing === question.id;
    const body = (() => {
      switch (question.kind) {
        case 'nps':
        case 'csat':
        case 'ces':
          return this.#renderScale(s, this.#scaleOf(question));
        case 'single_choice':
        case 'multiple_choice':
          return this.#renderChoices(s, question);
        case 'free_text':
          return this.#renderFreeText(s, question, descriptionId);
        case 'servqual':
          return this.#renderServqual(s, question);
      }
    })();
    return html`
      <fieldset
        part="question"
        class="question"
        id="q-${question.id}"
        aria-describedby=${question.description ? descriptionId : nothing}
        aria-invalid=${invalid ? 'true' : nothing}
      >
        <legend part="legend" class="legend" id="l-${question.id}">
          ${this.#pick(question.text)}${
            question.required ? html` <span class="required-mark">(${s.required})</span>` : nothing
          }
        </legend>
        ${
          question.description
            ? html`<p part="description" class="description" id=${descriptionId}>
                ${this.#pick(question.description)}
              </p>`
            : nothing
        }
        ${body}
      </fieldset>
    `;
  }

  #scaleOf(question: ScaleQuestion): ScaleSpec {
    const { min, max } = SCALE_RANGES[question.kind];
    const value = this.#answers[question.id];
    return {
      name: question.id,
      min,
      max,
      value: typeof value === 'number' ? value : undefined,
      kind: question.kind,
      display: question.kind === 'csat' ? (question.display ?? 'stars') : 'numbers',
      labels: question.labels,
      onPick: (picked) => this.#answer(question.id, picked),
    };
  }

  #renderScale(s: SatisfactionSurveyStrings, spec: ScaleSpec): TemplateResult {
    const values = Array.from({ length: spec.max - spec.min + 1 }, (_, index) => spec.min + index);
    const low = spec.labels ? this.#pick(spec.labels.low) : '';
    const high = spec.labels ? this.#pick(spec.labels.high) : '';
    const display = spec.display;
    return html`
      <div part="scale" class="scale scale--${spec.kind} scale--${display}">
        ${values.map((value) => {
          const name =
            display === 'stars'
              ? s.stars(value)
              : display === 'faces'
                ? (s.faces[value - 1] ?? String(value))
                : String(value);
          const end = value === spec.min ? low : value === spec.max ? high : '';
          const glyph =
            display === 'stars'
              ? spec.value !== undefined && value <= spec.value
                ? '★'
                : '☆'
              : display === 'faces'
                ? faceIcon(value)
                : String(value);
          return html`<label part="scale-option" class="scale-option">
            <input
              part="radio"
              type="radio"
              name=${spec.name}
              .value=${String(value)}
              .checked=${spec.value === value}
              @change=${() => spec.onPick(value)}
            />
            <span aria-hidden="true">${glyph}</span>
            <span class="visually-hidden">${end ? s.endLabel(name, end) : name}</span>
          </label>`;
        })}
      </div>
      ${
        spec.labels
          ? html`<div part="scale-labels" class="scale-labels" aria-hidden="true">
              <span>${low}</span><span>${high}</span>
            </div>`
          : nothing
      }
    `;
  }

  #renderChoices(s: SatisfactionSurveyStrings, question: ChoiceQuestion): TemplateResult {
    const answer = this.#answers[question.id];
    const multiple = question.kind === 'multiple_choice';
    const chosen = choiceIds(answer);
    const most = multiple ? (question.maxSelections ?? question.options.length) : 1;
    const full = multiple && chosen.length >= most;
    const other = question.options.find((option) => option.other === true);
    const otherChosen = other !== undefined && chosen.includes(other.id);
    const otherText = typeof answer === 'object' && answer !== null && 'otherText' in answer ? answer.otherText : '';
    return html`
      ${
        multiple && question.maxSelections !== undefined && question.maxSelections < question.options.length
          ? html`<p part="description" class="description">${s.chooseUpTo(question.maxSelections)}</p>`
          : nothing
      }
      <div class="choices">
        ${question.options.map((option: ChoiceOption) => {
          const checked = chosen.includes(option.id);
          return html`<label part="choice" class="choice">
            <input
              part=${multiple ? 'checkbox' : 'radio'}
              type=${multiple ? 'checkbox' : 'radio'}
              name=${question.id}
              .value=${option.id}
              .checked=${checked}
              ?disabled=${full && !checked}
              @change=${(event: Event) => this.#pickOption(question, option.id, (event.target as HTMLInputElement).checked)}
            />
            <span>${this.#pick(option.text)}</span>
          </label>`;
        })}
      </div>
      ${
        otherChosen
          ? html`<input
              part="other-input"
              class="field"
              type="text"
              id="o-${question.id}"
              aria-label=${`${this.#pick(other.text)}: ${s.otherLabel}`}
              maxlength=${OTHER_TEXT_MAX_LENGTH}
              .value=${otherText ?? ''}
              @input=${(event: Event) => this.#typeOther(question, (event.target as HTMLInputElement).value, false)}
              @change=${(event: Event) => this.#typeOther(question, (event.target as HTMLInputElement).value, true)}
            />`
          : nothing
      }
    `;
  }

  #renderFreeText(s: SatisfactionSurveyStrings, question: FreeTextQuestion, descriptionId: string): TemplateResult {
    const value = this.#answers[question.id];
    const text = typeof value === 'string' ? value : '';
    const max = question.maxLength ?? FREE_TEXT_DEFAULT_MAX_LENGTH;
    const counterId = `c-${question.id}`;
    return html`
      <textarea
        part="textarea"
        class="field"
        aria-labelledby="l-${question.id}"
        aria-describedby=${question.description ? `${descriptionId} ${counterId}` : counterId}
        maxlength=${max}
        placeholder=${question.placeholder ? this.#pick(question.placeholder) : nothing}
        .value=${text}
        @input=${(event: Event) => this.#typeText(question.id, (event.target as HTMLTextAreaElement).value, false)}
        @change=${(event: Event) => this.#typeText(question.id, (event.target as HTMLTextAreaElement).value, true)}
      ></textarea>
      <p part="counter" class="counter" id=${counterId}>
        ${s.charactersLeft(this.#i18n.formatNumber(max - text.length))}
      </p>
      ${
        question.contactConsent
          ? html`<label part="consent choice" class="choice">
              <input
                part="checkbox"
                type="checkbox"
                .checked=${this.#contactConsent}
                @change=${(event: Event) => this.#pickConsent((event.target as HTMLInputElement).checked, question.id)}
              />
              <span>${this.#pick(question.contactConsent.label)}</span>
            </label>`
          : nothing
      }
    `;
  }

  #renderServqual(s: SatisfactionSurveyStrings, question: ServqualQuestion): TemplateResult {
    const answer = this.#answers[question.id];
    const ratings = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, number>;
    const { min, max } = SCALE_RANGES.servqual;
    return html`${question.items.map(
      (item) =>
        html`<fieldset class="question">
          <legend class="sub-legend">${this.#pick(item.text)}</legend>
          ${this.#renderScale(s, {
            name: `${question.id}-${item.dimension}`,
            min,
            max,
            value: ratings[item.dimension],
            kind: 'servqual',
            display: 'numbers',
            labels: question.labels,
            onPick: (value) => this.#answer(question.id, { ...ratings, [item.dimension]: value } as SurveyAnswer),
          })}
        </fieldset>`,
    )}`;
  }

  // ─── Answers ────────────────────────────────────────────────────────────────────────────────

  #pickOption(question: ChoiceQuestion, optionId: string, checked: boolean): void {
    const answer = this.#answers[question.id];
    const other = question.options.find((option) => option.other === true);
    const previousOther =
      typeof answer === 'object' && answer !== null && 'otherText' in answer ? answer.otherText : undefined;
    let chosen: string[];
    if (question.kind === 'single_choice') {
      chosen = [optionId];
    } else {
      const before = choiceIds(answer);
      chosen = checked ? [...before, optionId] : before.filter((id) => id !== optionId);
      // Kept in the definition's order.
      chosen = question.options.map((option) => option.id).filter((id) => chosen.includes(id));
    }
    const keepOther = other !== undefined && chosen.includes(other.id) && previousOther ? previousOther : undefined;
    this.#answer(question.id, choiceAnswer(question, chosen, keepOther));
  }

  #typeOther(question: ChoiceQuestion, text: string, save: boolean): void {
    const chosen = choiceIds(this.#answers[question.id]);
    const value = choiceAnswer(question, chosen, text.trim() === '' ? undefined : text);
    if (save) this.#answer(question.id, value);
    else this.#setLocally(question.id, value);
  }

  #typeText(questionId: string, text: string, save: boolean): void {
    const value = text.trim() === '' ? undefined : text;
    if (save) this.#answer(questionId, value);
    else this.#setLocally(questionId, value);
  }

  #pickConsent(checked: boolean, questionId: string): void {
    this.#contactConsent = checked;
    this.#answer(questionId, this.#answers[questionId]);
  }

  #setLocally(questionId: string, value: SurveyAnswer | undefined): void {
    if (value === undefined) delete this.#answers[questionId];
    else this.#answers[questionId] = value;
    this.requestUpdate();
  }

  /** Records an answer and saves every answer so far, under a growing sequence. */
  #answer(questionId: string, value: SurveyAnswer | undefined): void {
    this.#setLocally(questionId, value);
    if (this.#missing === questionId && isAnswered(value)) this.#missing = undefined;
    // A changed answer may hide later questions: step mode stays within those asked.
    this.#step = Math.max(0, Math.min(this.#step, this.#visibleQuestions().length - 1));
    void this.#save(questionId, value);
  }

  async #save(questionId: string, value: SurveyAnswer | undefined): Promise<void> {
    const survey = this.#survey;
    const client = this.#clients.client;
    const responseId = this.#responseId;
    if (!survey || !client || !responseId || this.#view !== 'survey' || this.#completing) return;
    const sequence = ++this.#sequence;
    try {
      const outcome = await client.saveSurveyResponse(responseId, {
        surveyId: survey.id,
        version: survey.version,
        sequence,
        answers: this.answers,
        contactConsent: this.#consentGiven(),
      });
      const queued = outcome.status === 'queued';
      this.#settle(sequence, queued);
      this.emit('loyalty-survey-answer', {
        surveyId: survey.id,
        responseId,
        questionId,
        answer: value ?? null,
        sequence,
        queued,
      });
    } catch (error) {
      if (this.#refused(error)) return;
      // A later write carries this answer again: only the latest failure is shown.
      console.error(error);
      if (sequence >= this.#settledSequence) {
        this.#settledSequence = sequence;
        this.#saveError = true;
      }
    }
    this.requestUpdate();
  }

  /**
   * When `error` is the API's refusal of this response because the survey is not due (answered or
   * dismissed in another tab, or by the time answers kept on the device were sent): says the survey
   * has closed, once, and returns true. The SDK has dropped the write; nothing is sent again.
   */
  #refused(error: unknown): boolean {
    if (!isLoyaltyError(error) || error.problem?.code !== 'survey_not_due') return false;
    const survey = this.#survey;
    if (!survey || this.#view === 'closed' || (this.#view !== 'survey' && this.#view !== 'thanks')) return true;
    const hadFocus = this.matches(':focus-within');
    finishedOnThisPage.add(survey.id);
    this.#view = 'closed';
    this.#completing = false;
    this.#queued = false;
    this.#saveError = false;
    this.#missing = undefined;
    this.#rewardOnItsWay = false;
    this.#pointsAwarded = null;
    this.#announcement = this.#i18n.strings(satisfactionSurveyStrings).closed;
    if (hadFocus) this.#focusNext = 'base';
    this.requestUpdate();
    this.emit('loyalty-error', error);
    return true;
  }

  #settle(sequence: number, queued: boolean): void {
    if (sequence < this.#settledSequence) return;
    this.#settledSequence = sequence;
    this.#queued = queued;
    this.#saveError = false;
  }

  /** Consent counts only while the question that offers it is asked. */
  #consentGiven(): boolean {
    if (!this.#contactConsent || !this.#survey) return false;
    return this.#visibleQuestions().some((question) => question.kind === 'free_text' && question.contactConsent);
  }

  // ─── Actions ────────────────────────────────────────────────────────────────────────────────

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    const questions = this.#visibleQuestions();
    if (this.mode === 'step' && this.#step < questions.length - 1) {
      const current = questions[this.#step]!;
      if (current.required && !isAnswered(this.#answers[current.id])) {
        this.#missing = current.id;
        this.#focusNext = current.id;
      } else {
        this.#missing = undefined;
        this.#step += 1;
        this.#focusNext = questions[this.#step]!.id;
      }
      this.requestUpdate();
      return;
    }
    void this.submit();
  };

  #back = (): void => {
    this.#step = Math.max(0, this.#step - 1);
    this.#missing = undefined;
    this.#focusNext = this.#visibleQuestions()[this.#step]?.id;
    this.requestUpdate();
  };

  #close = (): void => {
    void this.dismiss();
  };

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────

  #visibleQuestions(): SurveyQuestion[] {
    const survey = this.#survey;
    if (!survey) return [];
    const kept = visibleAnswers(survey.questions, this.#answers);
    return survey.questions.filter((question) => questionVisible(question, kept));
  }

  #thanksText(): string {
    const thanks = this.#survey?.thanks;
    const s = this.#i18n.strings(satisfactionSurveyStrings);
    if (!thanks) return s.thanks;
    const group = this.#npsGroup;
    return this.#pick((group && thanks[group]) || thanks.default) || s.thanks;
  }

  /**
   * After the thank-you: what the completion earned, as the API said; or, while the answers wait on
   * the device, the survey's reward to come. Empty without a reward.
   */
  #rewardText(): string {
    const s = this.#i18n.strings(satisfactionSurveyStrings);
    if (this.#pointsAwarded !== null) return s.earned(this.#points(this.#pointsAwarded));
    const reward = this.#survey?.completionReward;
    return this.#rewardOnItsWay && reward !== undefined ? s.earnedWhenSent(this.#points(reward)) : '';
  }

  /** "50 points" / "50积分", in the program's own name for its points when it is known. */
  #points(count: number): string {
    const s = this.#i18n.strings(satisfactionSurveyStrings);
    const name = (this.#pointsName && this.#pick(this.#pointsName)) || s.pointsName;
    return s.points(this.#i18n.formatNumber(count), count, name);
  }

  /** Once answers that waited on the device are sent: what the completion earned, from the API. */
  async #readReward(): Promise<void> {
    const client = this.#clients.client;
    const responseId = this.#responseId;
    if (!client || !responseId) return;
    try {
      const response = await client.getSurveyResponse(responseId);
      if (this.#responseId !== responseId || !this.#rewardOnItsWay) return;
      this.#rewardOnItsWay = false;
      this.#pointsAwarded = response.pointsAwarded;
      this.#announcement = this.#rewardText();
      this.requestUpdate();
    } catch (error) {
      console.error(error);
    }
  }

  #pick(text: LocalizedText | undefined): string {
    return this.#i18n.pick(text);
  }

  #reset(): void {
    this.#survey = undefined;
    this.#responseId = undefined;
    this.#answers = {};
    this.#contactConsent = false;
    this.#sequence = 0;
    this.#settledSequence = 0;
    this.#queued = false;
    this.#saveError = false;
    this.#missing = undefined;
    this.#step = 0;
    this.#completing = false;
    this.#npsGroup = null;
    this.#pointsName = undefined;
    this.#pointsAwarded = null;
    this.#rewardOnItsWay = false;
    this.#announcement = '';
    this.#shownEmitted = false;
  }
}

/** The option ids a choice answer picked. */
function choiceIds(answer: SurveyAnswer | undefined): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  if ('option' in answer && typeof answer.option === 'string') return [answer.option];
  if ('options' in answer && Array.isArray(answer.options)) return [...answer.options];
  return [];
}

/** A choice answer in the contract's shape, or undefined when nothing is chosen. */
function choiceAnswer(
  question: ChoiceQuestion,
  chosen: string[],
  otherText: string | undefined,
): SurveyAnswer | undefined {
  if (chosen.length === 0) return undefined;
  const other = question.options.find((option) => option.other === true);
  const text = other && chosen.includes(other.id) && otherText !== undefined ? { otherText } : {};
  return question.kind === 'single_choice' ? { option: chosen[0]!, ...text } : { options: chosen, ...text };
}

/** A cross (decorative: the button is named by its label). */
const closeIcon = html`<svg
  viewBox="0 0 24 24"
  aria-hidden="true"
  focusable="false"
  fill="none"
  stroke="currentColor"
  stroke-width="2"
  stroke-linecap="round"
>
  <path d="M6 6l12 12M18 6L6 18" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-satisfaction-survey': LoyaltySatisfactionSurvey;
  }
}
