import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { isAnswered } from '@loyalty-elements/contract/plain';
import type { Summary, SurveyAnswers, SurveyDefinition } from '@loyalty-elements/contract';
import { LoyaltyDataElement } from '../base/loyalty-data-element.ts';
import { FocusReturn } from './focus-return.ts';
import { satisfactionSurveyStyles } from './satisfaction-survey.styles.ts';
import { satisfactionSurveyStrings, type SatisfactionSurveyStrings } from './satisfaction-survey.strings.ts';
import { renderSurveyForm } from './survey-form.ts';
import { renderSurveyHeader } from './survey-header.ts';
import { SurveyResponseController, finishedOnThisPage } from './survey-response.ts';
import { type LoadedSurvey, loadSurvey } from './survey-loader.ts';
import { membershipText, renderThanks, rewardText, thanksText, type SurveyTextContext } from './survey-thanks.ts';

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
 * The title is a heading of level `heading-level` (2 by default). By keyboard: Tab reaches each rating
 * scale once; the arrow keys move the selection, which is saved once it rests for a second, on Space,
 * when focus leaves the scale, or with Next, Back or Submit (Submit sends it with the completed
 * response), so crossing a scale sends one write; a click or Space saves at once. Follow-up questions
 * appear below the scale once the selection settles, never moving the focused option. In step mode
 * the count ("1 of 3") counts every question the current answer may still ask, so it holds while the
 * shopper answers. Closing the card puts focus back where it was before the survey appeared (else on
 * the next focusable element after it) and announces "Survey closed"; the closed element keeps only
 * its invisible live region.
 *
 * @summary Asks the shopper a short satisfaction survey (NPS, CSAT, CES) and saves every answer.
 *
 * @fires {LoyaltySurveyShownEvent} loyalty-survey-shown - A survey appeared. `detail`: `{ surveyId, version, responseId, trigger }`.
 * @fires {LoyaltySurveyAnswerEvent} loyalty-survey-answer - An answer was saved. `detail`: `{ surveyId, responseId, questionId, answer, sequence, queued }`.
 * @fires {LoyaltySurveySubmittedEvent} loyalty-survey-submitted - The response completed. `detail`: `{ surveyId, responseId, npsGroup, queued }`.
 * @fires {LoyaltySurveyDismissedEvent} loyalty-survey-dismissed - The shopper closed the survey. `detail`: `{ surveyId, responseId, queued }`.
 * @fires {LoyaltyReadyEvent} loyalty-ready - The summary it read to learn which surveys are due. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Asking for the eligible survey failed (the element stays hidden), or the API refused the response as the survey is not due (`problem.code` `survey_not_due`; the element says the survey has closed).
 *
 * @csspart base - The survey's box (and the thank-you's).
 * @csspart title - The survey's title (a heading of level `heading-level`).
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
 * @csspart end-membership - On an exit survey (`program_exit`), the unticked "End my membership" choice before Submit.
 * @csspart membership - After the thank-you: "Your membership has ended.", when the shopper chose it.
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
export class LoyaltySatisfactionSurvey extends LoyaltyDataElement<LoadedSurvey> {
  static override tagName = 'loyalty-satisfaction-survey';
  static override styles = satisfactionSurveyStyles;

  /** Where in the site the survey is asked (`post_purchase`, `account_page`, …). */
  @property({ reflect: true })
  trigger = '';

  /** `inline` (default) or `card`: a raised card with a close button. */
  @property({ reflect: true })
  placement: SatisfactionSurveyPlacement = 'inline';

  /** `all` (default): every question at once; `step`: one at a time, with progress. */
  @property({ reflect: true })
  mode: SatisfactionSurveyMode = 'all';

  /** @internal A guest sees nothing here, not even the join pitch. */
  static override pitchRole = 'none' as const;

  /**
   * Forgets which surveys were answered or dismissed on this page, so they may be shown again (for
   * tests, stories, and single-page apps where another shopper signs in).
   */
  static forgetFinishedSurveys(): void {
    finishedOnThisPage.clear();
  }

  /** The question step mode shows (an index into the questions asked). */
  @state()
  private step = 0;

  /** The required question left unanswered when the shopper tried to go on. */
  @state()
  private missing: string | undefined;

  protected readonly response = new SurveyResponseController(this, {
    client: () => this.data.client,
    emit: (name, detail) => this.emit(name, detail),
    onClosed: (error) => {
      this.#focusNext = this.matches(':focus-within') ? 'base' : undefined;
      this.missing = undefined;
      this.announce(this.#strings.closed);
      this.emit('loyalty-error', error);
    },
    onRewardKnown: () => this.announce(rewardText(this.#texts)),
  });

  /** The load whose survey the response answers. */
  #begun: LoadedSurvey | undefined;
  #revalidate = false;
  #shownEmitted = false;
  readonly #focusReturn = new FocusReturn(this);
  #focusNext: string | undefined;

  /** What the element shows right now. */
  get view(): SatisfactionSurveyView {
    switch (this.dataState) {
      case 'loading':
        return 'loading';
      case 'guest':
        return 'guest';
      case 'error':
        return 'hidden';
    }
    if (!this.#begun || this.#begun !== this.data.value) return 'hidden';
    const phase = this.response.phase;
    return phase === 'answering' ? 'survey' : phase === 'dismissed' ? 'hidden' : phase;
  }

  /** `loading`, `hidden`, `guest`, or `ready` (the survey or its thank-you is on show). */
  get state(): SatisfactionSurveyState {
    const view = this.view;
    return view === 'survey' || view === 'thanks' || view === 'closed' ? 'ready' : view;
  }

  /** The survey on show (or last shown), if any. */
  get survey(): SurveyDefinition | undefined {
    return this.response.survey;
  }

  /** The id the answers are saved under (one per shown survey). */
  get responseId(): string | undefined {
    return this.response.responseId;
  }

  /** Every answer given so far, of the questions that are asked. */
  get answers(): SurveyAnswers {
    return this.response.answers;
  }

  /** Asks the API again whether a survey is due, and for it. Resolves when it has settled. */
  override refresh(): Promise<void> {
    this.#revalidate = true;
    return super.refresh();
  }

  protected async load(client: LoyaltyClient, signal: AbortSignal): Promise<LoadedSurvey> {
    // A write changed the summary (this survey's own answers among them): the survey on show stays.
    const shown = this.data.value;
    if (shown?.survey) return shown;
    const revalidate = this.#revalidate;
    this.#revalidate = false;
    return loadSurvey(client, this.trigger, { revalidate, signal });
  }

  protected summaryOf(loaded: LoadedSurvey): Summary {
    return loaded.summary;
  }

  /** Closes the survey and records the dismissal (what the close button does). */
  async dismiss(): Promise<void> {
    if (this.state !== 'ready') return;
    this.#focusReturn.closing();
    this.announce(this.#strings.dismissed);
    await this.response.dismiss();
  }

  /** Completes the response (what Submit does); does nothing when it is already completing or complete. */
  async submit(): Promise<void> {
    const response = this.response;
    if (this.view !== 'survey' || response.completing) return;
    response.settle(false);
    const missing = response.firstMissing();
    if (missing) {
      this.missing = missing.id;
      if (this.mode === 'step') this.step = response.visibleQuestions().indexOf(missing);
      this.#focusNext = missing.id;
      return;
    }
    const hadFocus = this.matches(':focus-within');
    if (!(await response.complete())) return;
    if (hadFocus) this.#focusNext = 'base';
    const texts = this.#texts;
    this.announce([thanksText(texts), rewardText(texts), membershipText(texts)].filter(Boolean).join(' '));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('trigger') && this.hasUpdated) void this.refresh();
    const loaded = this.data.value;
    if (loaded?.survey && loaded !== this.#begun) {
      this.#begun = loaded;
      this.#shownEmitted = false;
      this.step = 0;
      this.missing = undefined;
      this.response.begin(loaded.survey, loaded.responseId);
    }
    if (this.missing && isAnswered(this.response.valueOf(this.missing))) this.missing = undefined;
  }

  /** Nothing at all (not even the live region) while there is no survey to show. */
  protected override render(): TemplateResult {
    const view = this.view;
    const closedHere = view === 'hidden' && this.response.phase === 'dismissed';
    return view === 'survey' || view === 'thanks' || view === 'closed' || closedHere ? super.render() : html``;
  }

  protected renderLoading(): TemplateResult {
    return html``;
  }

  protected renderReady(): TemplateResult {
    const survey = this.response.survey;
    const view = this.view;
    if (!survey || (view !== 'survey' && view !== 'thanks' && view !== 'closed')) return html``;
    const texts = this.#texts;
    return html`
      <section part="base" class="base" aria-labelledby="title" tabindex="-1" lang=${this.i18n.locale}>
        ${renderSurveyHeader(texts, {
          survey,
          asking: view === 'survey',
          level: this.level,
          onClose: this.placement === 'card' ? this.#close : undefined,
        })}
        ${
          view === 'thanks'
            ? renderThanks(texts)
            : view === 'closed'
              ? html`<p part="closed" class="thanks">${texts.s.closed}</p>`
              : renderSurveyForm(texts, {
                  stepMode: this.mode === 'step',
                  step: this.step,
                  missing: this.missing,
                  onSubmit: this.#onSubmit,
                  onBack: this.#back,
                })
        }
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    this.hideHost(this.renderRoot.childElementCount === 0);
    if (view === 'survey' && !this.#shownEmitted) this.#shown();
    // Focus was on the close button, which is gone: back to where the shopper was, or on along the page.
    if (view === 'hidden') this.#focusReturn.closed();
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

  /** The survey appeared: fires `loyalty-survey-shown`, then announces it. */
  #shown(): void {
    const survey = this.response.survey!;
    this.#shownEmitted = true;
    this.#focusReturn.appeared();
    // The live region is on the page now: what it says next is announced, politely (unless a
    // thank-you or a closed survey, answered that fast, already speaks).
    setTimeout(() => {
      if (this.response.survey === survey && this.view === 'survey') {
        this.announce(this.#strings.appeared(this.i18n.pick(survey.title)));
      }
    }, 150);
    this.emit('loyalty-survey-shown', {
      surveyId: survey.id,
      version: survey.version,
      responseId: this.response.responseId!,
      trigger: this.trigger,
    });
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────────

  get #strings(): SatisfactionSurveyStrings {
    return this.i18n.strings(satisfactionSurveyStrings);
  }

  get #texts(): SurveyTextContext {
    return {
      s: this.#strings,
      pick: (text) => this.i18n.pick(text),
      formatNumber: (value) => this.i18n.formatNumber(value),
      response: this.response,
      pointsName: this.#begun?.pointsName,
    };
  }

  // ─── Actions ────────────────────────────────────────────────────────────────────────────────

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    const response = this.response;
    // Next and Submit answer a rating still moving under the arrow keys; Submit saves it with the rest.
    const settled = response.settle(false);
    const questions = response.visibleQuestions();
    const index = Math.max(0, Math.min(this.step, questions.length - 1));
    if (this.mode !== 'step' || index >= questions.length - 1) {
      void this.submit();
      return;
    }
    if (settled) response.save(settled);
    const current = questions[index]!;
    if (current.required && !isAnswered(response.valueOf(current.id))) {
      this.missing = current.id;
      this.#focusNext = current.id;
    } else {
      this.missing = undefined;
      this.step = index + 1;
      this.#focusNext = questions[index + 1]!.id;
    }
  };

  #back = (): void => {
    this.response.settle();
    this.step = Math.max(0, Math.min(this.step, this.response.visibleQuestions().length - 1) - 1);
    this.missing = undefined;
    this.#focusNext = this.response.visibleQuestions()[this.step]?.id;
  };

  #close = (): void => {
    void this.dismiss();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-satisfaction-survey': LoyaltySatisfactionSurvey;
  }
}
