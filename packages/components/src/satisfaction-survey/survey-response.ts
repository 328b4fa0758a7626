import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isLoyaltyError, type LoyaltyClient, type LoyaltyError, type WriteOutcome } from '@loyalty-elements/sdk';
import { isAnswered, npsGroup, questionVisible, surveyPaths, visibleAnswers } from '@loyalty-elements/contract/plain';
import type {
  NpsGroup,
  SurveyAnswer,
  SurveyAnswers,
  SurveyDefinition,
  SurveyQuestion,
  SurveyResponse,
} from '@loyalty-elements/contract';
import { ClientChangesController } from '../client/client-changes-controller.ts';
import type { LoyaltyEventDetail, LoyaltyEventName } from '../events/events.ts';

/** The trigger of the survey a shopper answers when leaving the program. */
export const EXIT_SURVEY_TRIGGER = 'program_exit';

/** How long a selection moved by the arrow keys rests before it is saved. */
export const SETTLE_MS = 1_000;

/** Surveys answered or dismissed on this page: they do not come back, whichever element asks. */
export const finishedOnThisPage = new Set<string>();

/**
 * Where the response stands: being answered, completed (`thanks`), refused by the API because the
 * survey is no longer due (`closed`), or closed by the shopper (`dismissed`).
 */
export type ResponsePhase = 'answering' | 'thanks' | 'closed' | 'dismissed';

export interface SurveyResponseOptions {
  client: () => LoyaltyClient | undefined;
  emit: <K extends LoyaltyEventName>(name: K, detail: LoyaltyEventDetail<K>) => void;
  /** The API refused the response as the survey is not due; `error` says so. */
  onClosed: (error: LoyaltyError) => void;
  /** What the completion earned arrived after the answers that waited on the device were sent. */
  onRewardKnown: () => void;
}

/**
 * The response being written to one shown survey: its id, the answers, and saving them through the
 * client's outbox under a growing sequence, so nothing is lost offline and the response completes once.
 * A rating moved by the arrow keys is held apart (`pending`) until it settles: after `SETTLE_MS` at
 * rest, when `settle()` is called (Space, leaving the question, Next, Back) or with the completion.
 */
export class SurveyResponseController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SurveyResponseOptions;
  #answers: SurveyAnswers = {};
  #pending: { questionId: string; value: SurveyAnswer; timer: ReturnType<typeof setTimeout> } | undefined;
  #sequence = 0;
  /** The highest sequence whose save has settled: only its outcome says whether answers wait. */
  #settledSequence = 0;

  // What the response shows; the element reads these, and only the controller changes them.
  survey: SurveyDefinition | undefined;
  responseId: string | undefined;
  phase: ResponsePhase = 'answering';
  /** Answers wait on the device to be sent. */
  queued = false;
  saveError = false;
  completing = false;
  contactConsent = false;
  npsGroup: NpsGroup | null = null;
  /** What the completion earned, as the API said; null while unknown or without a reward. */
  pointsAwarded: number | null = null;
  /** The completion waits on the device, and the survey offers a reward: it is on its way. */
  rewardOnItsWay = false;
  /** On an exit survey: the shopper ticked "End my membership" (unticked until they do). */
  endMembership = false;
  /** The completion carried that confirmation: the membership ends with it. */
  membershipEnded = false;

  constructor(host: ReactiveControllerHost, options: SurveyResponseOptions) {
    this.#host = host;
    this.#options = options;
    new ClientChangesController(host, options.client, (change) => {
      if (change.type === 'write_failed') {
        // A write that waited on the device and was refused once sent: it is dropped, never retried.
        const responseId = this.responseId;
        if (responseId && change.write.path === surveyPaths.response(responseId)) this.#refused(change.error);
      } else if (change.type === 'outbox' && change.pending === 0 && this.queued) {
        this.queued = false;
        if (this.rewardOnItsWay) void this.#readReward();
        host.requestUpdate();
      }
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.settle();
  }

  /** Starts a new response to `survey`, saved under `responseId`. */
  begin(survey: SurveyDefinition, responseId: string): void {
    this.survey = survey;
    this.responseId = responseId;
    this.#answers = {};
    this.contactConsent = false;
    this.endMembership = false;
    this.#sequence = 0;
    this.#settledSequence = 0;
    this.#enter('answering');
  }

  /** Enters `phase` with nothing moving, saving, waiting, failed or earned. */
  #enter(phase: ResponsePhase): void {
    this.#cancelPending();
    this.phase = phase;
    this.completing = false;
    this.queued = false;
    this.saveError = false;
    this.npsGroup = null;
    this.pointsAwarded = null;
    this.rewardOnItsWay = false;
    this.membershipEnded = false;
    this.#host.requestUpdate();
  }

  /** Whether the survey is the one a shopper answers when leaving the program: it offers to end the membership. */
  get asksToEndMembership(): boolean {
    return this.survey?.trigger === EXIT_SURVEY_TRIGGER;
  }

  setEndMembership(value: boolean): void {
    this.endMembership = value;
    this.#host.requestUpdate();
  }

  /** Every settled answer, of the questions that are asked. */
  get answers(): SurveyAnswers {
    return this.survey ? visibleAnswers(this.survey.questions, this.#answers) : {};
  }

  /** What a question shows as chosen: a rating still moving under the arrow keys, or the answer. */
  valueOf(questionId: string): SurveyAnswer | undefined {
    return this.#pending?.questionId === questionId ? this.#pending.value : this.#answers[questionId];
  }

  /** The questions asked, as the settled answers decide. */
  visibleQuestions(): SurveyQuestion[] {
    const survey = this.survey;
    if (!survey) return [];
    const kept = this.answers;
    return survey.questions.filter((question) => questionVisible(question, kept));
  }

  /** The first required question asked and not answered. */
  firstMissing(): SurveyQuestion | undefined {
    return this.visibleQuestions().find((question) => question.required && !isAnswered(this.#answers[question.id]));
  }

  /** Records an answer and saves every answer so far. */
  answer(questionId: string, value: SurveyAnswer | undefined): void {
    if (this.#pending?.questionId === questionId) this.#cancelPending();
    this.setLocally(questionId, value);
    void this.#save(questionId, value);
  }

  /** Records an answer that is still being typed, without saving it. */
  setLocally(questionId: string, value: SurveyAnswer | undefined): void {
    if (value === undefined) delete this.#answers[questionId];
    else this.#answers[questionId] = value;
    this.#host.requestUpdate();
  }

  /** A rating moved by the arrow keys: shown at once, answered once it rests (see `settle`). */
  move(questionId: string, value: SurveyAnswer): void {
    if (this.#pending && this.#pending.questionId !== questionId) this.settle();
    this.#cancelPending();
    const timer = setTimeout(() => this.settle(), SETTLE_MS);
    this.#pending = { questionId, value, timer };
    this.#host.requestUpdate();
  }

  /**
   * Answers the rating moved by the arrow keys, when its value differs from the answer: saved, or with
   * `save` false only recorded (the next write carries it). Returns the question it answered.
   */
  settle(save = true): string | undefined {
    const pending = this.#pending;
    if (!pending) return undefined;
    this.#cancelPending();
    if (pending.value === this.#answers[pending.questionId]) return undefined;
    if (save) this.answer(pending.questionId, pending.value);
    else this.setLocally(pending.questionId, pending.value);
    return pending.questionId;
  }

  /** Saves every answer so far, as the answer to `questionId` changed. */
  save(questionId: string): void {
    void this.#save(questionId, this.#answers[questionId]);
  }

  setConsent(checked: boolean, questionId: string): void {
    this.contactConsent = checked;
    this.answer(questionId, this.#answers[questionId]);
  }

  /**
   * Completes the response with every answer (a rating still moving included). Resolves true when it
   * completed (sent, or kept on the device to be sent) and thanks the shopper; false when it was already
   * completing or done, or failed (`saveError`), or the API refused it, or the shopper closed the survey
   * while it was being sent (it completed, and stays closed).
   */
  async complete(): Promise<boolean> {
    const survey = this.survey;
    const client = this.#options.client();
    const responseId = this.responseId;
    if (this.completing || this.phase !== 'answering' || !survey || !client || !responseId) return false;
    this.settle(false);
    this.completing = true;
    this.saveError = false;
    this.#host.requestUpdate();
    const answers = this.answers;
    try {
      const outcome = await this.#send(client, survey, responseId, ++this.#sequence, true);
      const queued = outcome.status === 'queued';
      if (outcome.status === 'sent') this.pointsAwarded = outcome.result.pointsAwarded;
      else this.rewardOnItsWay = survey.completionReward !== undefined;
      const nps = survey.questions.find((question) => question.kind === 'nps');
      const score = nps ? answers[nps.id] : undefined;
      this.npsGroup = typeof score === 'number' ? npsGroup(score) : null;
      this.membershipEnded = this.#endsMembership();
      finishedOnThisPage.add(survey.id);
      // Closed while it was being sent (`dismiss()` ran during the await): the card stays closed.
      const dismissed = (this.phase as ResponsePhase) === 'dismissed';
      if (!dismissed) this.phase = 'thanks';
      this.#options.emit('loyalty-survey-submitted', {
        surveyId: survey.id,
        responseId,
        npsGroup: this.npsGroup,
        queued,
      });
      return !dismissed;
    } catch (error) {
      this.completing = false;
      if (!this.#refused(error)) {
        console.error(error);
        // A failed completion may be tried again: it completes once at most, on the API's side too.
        this.saveError = true;
      }
      return false;
    } finally {
      this.#host.requestUpdate();
    }
  }

  /** Closes the survey and records the dismissal, unless the response already completed, is completing, or closed. */
  async dismiss(): Promise<void> {
    const survey = this.survey;
    const responseId = this.responseId;
    if (!survey || !responseId || this.phase === 'dismissed') return;
    // While the completion is being sent, the answers it carries count: no dismissal is recorded beside them.
    const answering = this.phase === 'answering' && !this.completing;
    this.#cancelPending();
    finishedOnThisPage.add(survey.id);
    this.phase = 'dismissed';
    this.#host.requestUpdate();
    const client = this.#options.client();
    // After the thank-you (or with the completion on its way) there is nothing to dismiss: the card simply goes.
    if (!answering || !client) return;
    let queued = false;
    try {
      const outcome = await client.dismissSurvey(survey.id, { version: survey.version, responseId });
      queued = outcome.status === 'queued';
    } catch (error) {
      console.error(error);
    }
    this.#options.emit('loyalty-survey-dismissed', { surveyId: survey.id, responseId, queued });
  }

  async #save(questionId: string, value: SurveyAnswer | undefined): Promise<void> {
    const survey = this.survey;
    const client = this.#options.client();
    const responseId = this.responseId;
    if (!survey || !client || !responseId || this.phase !== 'answering' || this.completing) return;
    const sequence = ++this.#sequence;
    try {
      const queued = (await this.#send(client, survey, responseId, sequence, false)).status === 'queued';
      this.#options.emit('loyalty-survey-answer', {
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
        this.saveError = true;
      }
    }
    this.#host.requestUpdate();
  }

  /**
   * When `error` is the API's refusal of this response because the survey is not due (answered or
   * dismissed in another tab, or by the time answers kept on the device were sent): closes the
   * response, once, and returns true. The SDK has dropped the write; nothing is sent again.
   */
  #refused(error: unknown): boolean {
    if (!isLoyaltyError(error) || error.problem?.code !== 'survey_not_due') return false;
    const survey = this.survey;
    if (!survey || (this.phase !== 'answering' && this.phase !== 'thanks')) return true;
    finishedOnThisPage.add(survey.id);
    this.#enter('closed');
    this.#options.onClosed(error);
    return true;
  }

  /** Sends every answer so far under `sequence`; `complete` completes the response. */
  async #send(
    client: LoyaltyClient,
    survey: SurveyDefinition,
    responseId: string,
    sequence: number,
    complete: boolean,
  ): Promise<WriteOutcome<SurveyResponse>> {
    const outcome = await client.saveSurveyResponse(responseId, {
      surveyId: survey.id,
      version: survey.version,
      sequence,
      answers: this.answers,
      ...(complete ? { complete } : {}),
      ...(complete && this.#endsMembership() ? { endMembership: true } : {}),
      contactConsent: this.#consentGiven(),
    });
    this.#settleSave(sequence, outcome.status === 'queued');
    return outcome;
  }

  #settleSave(sequence: number, queued: boolean): void {
    if (sequence < this.#settledSequence) return;
    this.#settledSequence = sequence;
    this.queued = queued;
    this.saveError = false;
  }

  #cancelPending(): void {
    if (this.#pending) clearTimeout(this.#pending.timer);
    this.#pending = undefined;
  }

  #endsMembership(): boolean {
    return this.asksToEndMembership && this.endMembership;
  }

  /** Consent counts only while the question that offers it is asked. */
  #consentGiven(): boolean {
    if (!this.contactConsent) return false;
    return this.visibleQuestions().some((question) => question.kind === 'free_text' && question.contactConsent);
  }

  /** Once answers that waited on the device are sent: what the completion earned, from the API. */
  async #readReward(): Promise<void> {
    const client = this.#options.client();
    const responseId = this.responseId;
    if (!client || !responseId) return;
    try {
      const response = await client.getSurveyResponse(responseId);
      if (this.responseId !== responseId || !this.rewardOnItsWay) return;
      this.rewardOnItsWay = false;
      this.pointsAwarded = response.pointsAwarded;
      this.#host.requestUpdate();
      this.#options.onRewardKnown();
    } catch (error) {
      console.error(error);
    }
  }
}
