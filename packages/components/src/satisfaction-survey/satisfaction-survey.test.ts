import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import {
  paths,
  surveyPaths,
  type LocalizedText,
  type SurveyDefinition,
  type SurveyResponseUpdate,
  type SurveyResults,
  type Summary,
} from '@loyalty-elements/contract';
import { MemoryOutboxStorage, randomId, type LoyaltyClient, type LoyaltyClientOptions } from '@loyalty-elements/sdk';
import '../define/loyalty-satisfaction-survey.ts';
import { LoyaltySatisfactionSurvey, type SatisfactionSurveyPlacement } from './satisfaction-survey.ts';
import { satisfactionSurveyStrings } from './satisfaction-survey.strings.ts';
import { SETTLE_MS } from './survey-response.ts';
import type {
  LoyaltyErrorEvent,
  LoyaltySurveyAnswerEvent,
  LoyaltySurveyDismissedEvent,
  LoyaltySurveyShownEvent,
  LoyaltySurveySubmittedEvent,
} from '../events/events.ts';
import { apiClient, newShopper } from '../test-support/api.ts';

const s = satisfactionSurveyStrings.en;
const z = satisfactionSurveyStrings['zh-CN'];

const NPS_SURVEY = 'post-purchase-nps';
const CSAT_SURVEY = 'account-csat';

function parts<T extends Element = HTMLElement>(el: LoyaltySatisfactionSurvey, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

function part<T extends Element = HTMLElement>(el: LoyaltySatisfactionSurvey, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function text(node: Element | null): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The native radios of a question (for servqual: of one dimension). */
function radios(el: LoyaltySatisfactionSurvey, name: string): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
}

/** What a radio's label gives a screen reader, the glyph left out. */
function spokenName(radio: HTMLInputElement): string {
  return text(radio.closest('label')!.querySelector('.visually-hidden'));
}

function question(el: LoyaltySatisfactionSurvey, id: string): HTMLFieldSetElement | null {
  return el.shadowRoot!.querySelector<HTMLFieldSetElement>(`#q-${id}`);
}

function questionIds(el: LoyaltySatisfactionSurvey): string[] {
  return parts(el, 'question').map((node) => node.id.replace(/^q-/, ''));
}

function submitButton(el: LoyaltySatisfactionSurvey): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
}

async function showing(el: LoyaltySatisfactionSurvey, view: LoyaltySatisfactionSurvey['view']): Promise<void> {
  await waitUntil(() => el.view === view, `expected the ${view} view, saw ${el.view}`, { timeout: 10_000 });
  await el.updateComplete;
}

/** A new customer of the demo program (no survey answered yet) and a real token for them. */
async function newShopperToken(name = 'Survey shopper'): Promise<string> {
  return (await newShopper({ name })).token;
}

const clients: LoyaltyClient[] = [];

/** A fresh shopper's client, its outbox in memory and without retries. */
async function shopperClient(options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  const client = await apiClient({
    customerToken: await newShopperToken(),
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
    ...options,
  });
  clients.push(client);
  return client;
}

/** Two tabs of one fresh shopper: each its own client and outbox, one token. */
async function twoTabs(first: Partial<LoyaltyClientOptions> = {}): Promise<[LoyaltyClient, LoyaltyClient]> {
  const customerToken = await newShopperToken();
  const open = async (options: Partial<LoyaltyClientOptions>) => {
    const client = await apiClient({
      customerToken,
      outboxStorage: new MemoryOutboxStorage(),
      retry: { limit: 0 },
      ...options,
    });
    clients.push(client);
    return client;
  };
  return [await open(first), await open({})];
}

/** The other tab answers the survey on show, and earns its reward. */
async function answerElsewhere(client: LoyaltyClient, survey: SurveyDefinition): Promise<void> {
  const outcome = await client.saveSurveyResponse(randomId(), {
    surveyId: survey.id,
    version: survey.version,
    sequence: 1,
    answers: { nps: 9 },
    complete: true,
  });
  if (outcome.status !== 'sent' || outcome.result.pointsAwarded !== 50)
    throw new Error('The other tab’s answer failed');
}

async function results(surveyId: string): Promise<SurveyResults> {
  return executeServerCommand<SurveyResults, { surveyId: string }>('loyalty-survey-results', { surveyId });
}

function latest(result: SurveyResults) {
  return result.versions.at(-1)!;
}

/** A `fetch` that records the bodies of the survey writes, and whose network can be switched off. */
class Network {
  online = true;
  readonly writes: SurveyResponseUpdate[] = [];
  readonly fetch: typeof fetch = async (input, init) => {
    if (!this.online) throw new TypeError('Failed to fetch');
    const request = new Request(input, init);
    if (request.method === 'PUT' && new URL(request.url).pathname.startsWith('/v1/me/surveys/responses/')) {
      this.writes.push((await request.clone().json()) as SurveyResponseUpdate);
    }
    return fetch(request);
  };
}

/** A `fetch` that holds the completion of a response until `release()`, like a slow network. */
class SlowCompletion {
  held = false;
  #release!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#release = resolve));

  release(): void {
    this.#release();
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'PUT' && new URL(request.url).pathname.startsWith('/v1/me/surveys/responses/')) {
      if (((await request.clone().json()) as SurveyResponseUpdate).complete) {
        this.held = true;
        await this.#gate;
      }
    }
    return fetch(request);
  };
}

/** The real API's summary for a request, asked whole (a 304 would leave a fake nothing to change). */
async function wholeSummary(request: Request): Promise<Summary> {
  const headers = new Headers(request.headers);
  headers.delete('If-None-Match');
  return (await (await fetch(request.url, { headers })).json()) as Summary;
}

/**
 * A `fetch` that offers `survey` as the eligible one (its trigger due in the summary) and answers its writes itself, as the API
 * would: for question kinds and displays the demo seed does not have. `pointsName`: the program's
 * name for its points instead of the real API's.
 */
function fakeSurveyApi(survey: SurveyDefinition, { pointsName }: { pointsName?: LocalizedText } = {}) {
  const writes: SurveyResponseUpdate[] = [];
  const dismissals: string[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const fake: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path.endsWith(surveyPaths.eligible)) return json({ survey });
    if (path.endsWith(paths.summary)) {
      const summary = await wholeSummary(request);
      return json({
        ...summary,
        program: { ...summary.program, pointsName: pointsName ?? summary.program.pointsName },
        surveysDue: [...new Set([...(summary.surveysDue ?? []), survey.trigger])].sort(),
        dueSurveys: { ...summary.dueSurveys, [survey.trigger]: survey },
      });
    }
    if (request.method === 'PUT' && path.includes('/v1/me/surveys/responses/')) {
      const body = (await request.json()) as SurveyResponseUpdate;
      writes.push(body);
      const now = new Date().toISOString();
      return json({
        id: decodeURIComponent(path.split('/').at(-1)!),
        surveyId: body.surveyId,
        version: body.version,
        sequence: body.sequence,
        answers: body.answers,
        contactConsent: body.contactConsent ?? false,
        status: body.complete ? 'complete' : 'partial',
        createdAt: now,
        updatedAt: now,
        completedAt: body.complete ? now : null,
        pointsAwarded: body.complete ? (survey.completionReward ?? null) : null,
      });
    }
    if (request.method === 'POST' && path.endsWith('/dismissals')) {
      dismissals.push(path);
      return json({ surveyId: survey.id, version: survey.version, dismissedAt: new Date().toISOString() });
    }
    return fetch(request);
  };
  return { fetch: fake, writes, dismissals };
}

/** A made-up survey with the kinds and displays the demo seed lacks. */
function customSurvey(id: string): SurveyDefinition {
  return {
    id,
    version: 1,
    trigger: 'order_tracking',
    status: 'active',
    samplingRate: 1,
    recontactDays: 30,
    title: { en: 'Your delivery', 'zh-CN': '您的配送' },
    questions: [
      {
        kind: 'csat',
        id: 'mood',
        display: 'faces',
        text: { en: 'How do you feel about the delivery?' },
        labels: { low: { en: 'Very unhappy' }, high: { en: 'Very happy' } },
      },
      {
        kind: 'single_choice',
        id: 'channel',
        text: { en: 'How did you hear about us?' },
        options: [
          { id: 'friend', text: { en: 'A friend' } },
          { id: 'search', text: { en: 'A search engine' } },
          { id: 'other', other: true, text: { en: 'Somewhere else' } },
        ],
      },
      { kind: 'free_text', id: 'note', text: { en: 'Anything else?' }, maxLength: 40 },
    ],
  };
}

async function mount(
  client: LoyaltyClient,
  { trigger = 'post_purchase', lang = 'en', placement = 'inline', mode = 'all' } = {},
): Promise<LoyaltySatisfactionSurvey> {
  return fixture<LoyaltySatisfactionSurvey>(
    html`<loyalty-satisfaction-survey
      lang=${lang}
      trigger=${trigger}
      placement=${placement}
      mode=${mode}
      .client=${client}
    ></loyalty-satisfaction-survey>`,
  );
}

/** The survey on a page, after a button (`#before`) and before `after`. */
async function mountInPage(
  client: LoyaltyClient,
  { placement = 'inline', after = html`` }: { placement?: SatisfactionSurveyPlacement; after?: unknown } = {},
): Promise<{ wrapper: HTMLDivElement; el: LoyaltySatisfactionSurvey; before: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div>
      <button id="before">Before</button>
      <loyalty-satisfaction-survey
        trigger="post_purchase"
        placement=${placement}
        .client=${client}
      ></loyalty-satisfaction-survey>
      ${after}
    </div>
  `);
  const el = wrapper.querySelector('loyalty-satisfaction-survey')!;
  return { wrapper, el, before: wrapper.querySelector<HTMLButtonElement>('#before')! };
}

/** Picks a scale value with the mouse. */
async function rate(el: LoyaltySatisfactionSurvey, name: string, value: number): Promise<void> {
  radios(el, name)
    .find((radio) => radio.value === String(value))!
    .click();
  await el.updateComplete;
}

/** Ticks (or unticks) an option of a choice question. */
async function choose(el: LoyaltySatisfactionSurvey, questionId: string, optionId: string): Promise<void> {
  question(el, questionId)!.querySelector<HTMLInputElement>(`input[value="${optionId}"]`)!.click();
  await el.updateComplete;
}

/** Types into a field and leaves it, as a shopper would (the change is saved on leaving). */
async function typeInto(el: LoyaltySatisfactionSurvey, field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<loyalty-satisfaction-survey>', () => {
  afterEach(() => {
    LoyaltySatisfactionSurvey.forgetFinishedSurveys();
    for (const client of clients.splice(0)) client.close();
  });

  describe('eligibility', () => {
    it('renders nothing, with no box, when no survey is eligible', async () => {
      const el = await mount(await shopperClient(), { trigger: 'no_such_trigger' });
      await showing(el, 'hidden');
      expect(el.hasAttribute('hidden')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(el.shadowRoot!.childElementCount).to.equal(0);
    });

    it('asks for a survey only at a trigger the summary lists as due, sharing the summary with the page', async () => {
      const asked: string[] = [];
      const counting: typeof fetch = (input, init) => {
        const request = new Request(input, init);
        asked.push(new URL(request.url).pathname);
        return fetch(request);
      };
      const client = await shopperClient({ fetch: counting });
      const nothingDue = await mount(client, { trigger: 'order_tracking' });
      await showing(nothingDue, 'hidden');
      expect(asked, 'the summary only').to.deep.equal([paths.summary]);

      const due = await mount(client, { trigger: 'post_purchase' });
      await showing(due, 'survey');
      // The summary brings the due survey and the program's name for the points of its completion reward.
      expect(asked, 'the cached summary, nothing more').to.deep.equal([paths.summary]);
      expect(due.survey!.id).to.equal(NPS_SURVEY);
    });

    it('asks for its survey when the summary comes from an API that does not list the surveys due', async () => {
      const olderApi: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname !== paths.summary) return fetch(request);
        const { surveysDue: _unknown, dueSurveys: _notSent, ...summary } = await wholeSummary(request);
        return new Response(JSON.stringify(summary), { headers: { 'Content-Type': 'application/json' } });
      };
      const el = await mount(await shopperClient({ fetch: olderApi }));
      await showing(el, 'survey');
      expect(el.survey!.id).to.equal(NPS_SURVEY);
    });

    it('asks again when its trigger changes', async () => {
      const el = await mount(await shopperClient(), { trigger: 'no_such_trigger' });
      await showing(el, 'hidden');
      el.trigger = 'post_purchase';
      await showing(el, 'survey');
      expect(el.survey!.id).to.equal(NPS_SURVEY);
      expect(el.hasAttribute('hidden')).to.equal(false);
    });

    it('shows nothing to a guest', async () => {
      const client = await apiClient({ customerToken: null, outboxStorage: new MemoryOutboxStorage() });
      clients.push(client);
      const el = await mount(client);
      await showing(el, 'guest');
      expect(el.hasAttribute('hidden')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });

    it('takes no space while it asks, then appears, announces itself and fires loyalty-survey-shown', async () => {
      const client = await shopperClient();
      const el = document.createElement('loyalty-satisfaction-survey');
      el.trigger = 'post_purchase';
      el.client = client;
      const shown = oneEvent(el, 'loyalty-survey-shown') as Promise<LoyaltySurveyShownEvent>;
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await el.updateComplete;
      expect(el.view).to.equal('loading');
      expect(el.getBoundingClientRect().height, 'no box while loading').to.equal(0);
      const { detail } = await shown;
      await showing(el, 'survey');
      expect(detail.surveyId).to.equal(NPS_SURVEY);
      expect(detail.responseId).to.match(/^[0-9a-f-]{36}$/);
      expect(detail.responseId).to.equal(el.responseId);
      expect(el.hasAttribute('hidden')).to.equal(false);
      expect(text(part(el, 'title'))).to.equal('How was your order?');
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      await waitUntil(() => text(status) !== '', 'the survey announces itself');
      expect(text(status)).to.equal(s.appeared('How was your order?'));
    });
  });

  describe('question types', () => {
    it('asks NPS 0–10 with native radios in a fieldset, the end labels spoken', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      const nps = question(el, 'nps')!;
      expect(nps.tagName).to.equal('FIELDSET');
      expect(text(nps.querySelector('legend'))).to.contain('How likely are you to recommend Demo Tea House');
      const scale = radios(el, 'nps');
      expect(scale.map((radio) => radio.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(spokenName(scale[0]!)).to.equal('0, Not at all likely');
      expect(spokenName(scale[5]!)).to.equal('5');
      expect(spokenName(scale[10]!)).to.equal('10, Extremely likely');
      // The follow-ups are for detractors only.
      expect(questionIds(el)).to.deep.equal(['nps']);
      await expect(el).to.be.accessible();
    });

    it('asks CSAT with stars, CES 1–7 and the service-quality rating, saving each answer as it is given', async () => {
      const client = await shopperClient();
      const el = await mount(client, { trigger: 'account_page' });
      await showing(el, 'survey');
      expect(el.survey!.id).to.equal(CSAT_SURVEY);
      const stars = radios(el, 'csat');
      expect(stars.map(spokenName)).to.deep.equal([
        '1 star, Very dissatisfied',
        '2 stars',
        '3 stars',
        '4 stars',
        '5 stars, Very satisfied',
      ]);
      expect(radios(el, 'ces').map((radio) => radio.value)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
      expect(radios(el, 'service_quality-reliability')).to.have.length(5);
      expect(part(el, 'reward'), 'the survey offers no reward').to.equal(null);

      const answered = oneEvent(el, 'loyalty-survey-answer') as Promise<LoyaltySurveyAnswerEvent>;
      await rate(el, 'csat', 4);
      const { detail } = await answered;
      expect(detail).to.include({ questionId: 'csat', answer: 4, sequence: 1, queued: false });
      // Stars up to the chosen one are drawn filled: a shape, not only a colour.
      const glyphs = parts(el, 'scale-option')
        .slice(0, 5)
        .map((label) => label.querySelector('[aria-hidden="true"]')!.textContent);
      expect(glyphs).to.deep.equal(['★', '★', '★', '★', '☆']);
      const selected = getComputedStyle(stars[3]!.closest('label')!);
      expect(selected.borderTopWidth).to.equal('3px');

      await rate(el, 'ces', 6);
      await rate(el, 'service_quality-reliability', 5);
      await rate(el, 'service_quality-tangibles', 3);
      await waitUntil(() => (el.answers['service_quality'] as Record<string, number> | undefined)?.tangibles === 3);
      const submitted = oneEvent(el, 'loyalty-survey-submitted') as Promise<LoyaltySurveySubmittedEvent>;
      submitButton(el).click();
      expect((await submitted).detail).to.include({ surveyId: CSAT_SURVEY, npsGroup: null, queued: false });
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('Thank you for your feedback!');
      expect(part(el, 'reward'), 'nothing earned').to.equal(null);
      const response = await client.getSurveyResponse(el.responseId!);
      expect(response.status).to.equal('complete');
      expect(response.pointsAwarded).to.equal(null);
      expect(response.answers).to.deep.equal({
        csat: 4,
        ces: 6,
        service_quality: { reliability: 5, tangibles: 3 },
      });
      await expect(el).to.be.accessible();
    });

    it('asks CSAT with faces, single choice with "other" and free text with its maximum length', async () => {
      const api = fakeSurveyApi(customSurvey('delivery-faces'));
      const el = await mount(await shopperClient({ fetch: api.fetch }), { trigger: 'order_tracking' });
      await showing(el, 'survey');
      const faces = radios(el, 'mood');
      expect(faces.map(spokenName)).to.deep.equal([
        'Very unhappy, Very unhappy',
        'Unhappy',
        'Neutral',
        'Happy',
        'Very happy, Very happy',
      ]);
      await rate(el, 'mood', 4);

      const single = question(el, 'channel')!;
      expect(single.querySelectorAll('input[type="radio"]')).to.have.length(3);
      expect(part(el, 'other-input')).to.equal(null);
      await choose(el, 'channel', 'other');
      const other = part<HTMLInputElement>(el, 'other-input')!;
      expect(other, 'a text field appears with "other"').to.not.equal(null);
      expect(other.getAttribute('aria-label')).to.contain('Somewhere else');
      await typeInto(el, other, 'A podcast');

      const note = part<HTMLTextAreaElement>(el, 'textarea')!;
      expect(note.maxLength).to.equal(40);
      await typeInto(el, note, 'Quick!');
      expect(text(part(el, 'counter'))).to.equal(s.charactersLeft('34'));
      await expect(el).to.be.accessible();

      submitButton(el).click();
      await showing(el, 'thanks');
      const last = api.writes.at(-1)!;
      expect(last.complete).to.equal(true);
      expect(last.answers).to.deep.equal({
        mood: 4,
        channel: { option: 'other', otherText: 'A podcast' },
        note: 'Quick!',
      });
      // Each answer was saved as it was given, under a growing sequence.
      expect(api.writes.map((write) => write.sequence)).to.deep.equal([1, 2, 3, 4, 5]);
    });
  });

  describe('a detractor', () => {
    it('is asked what went wrong, may complain with consent, and gets the detractor thank-you', async () => {
      const before = latest(await results(NPS_SURVEY));
      const client = await shopperClient();
      const el = await mount(client);
      await showing(el, 'survey');
      await rate(el, 'nps', 3);
      expect(questionIds(el)).to.deep.equal(['nps', 'what_went_wrong', 'complaint']);
      const wrong = question(el, 'what_went_wrong')!;
      expect(wrong.querySelectorAll('input[type="checkbox"]')).to.have.length(7);
      await choose(el, 'what_went_wrong', 'late_delivery');
      await choose(el, 'what_went_wrong', 'other');
      await typeInto(el, part<HTMLInputElement>(el, 'other-input')!, 'Box was crushed');
      await typeInto(el, part<HTMLTextAreaElement>(el, 'textarea')!, 'The tea arrived two weeks late.');
      part(el, 'consent')!.querySelector('input')!.click();
      await el.updateComplete;

      const submitted = oneEvent(el, 'loyalty-survey-submitted') as Promise<LoyaltySurveySubmittedEvent>;
      submitButton(el).click();
      expect((await submitted).detail.npsGroup).to.equal('detractor');
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('Thank you for telling us. We are sorry, and we will put it right.');

      const response = await client.getSurveyResponse(el.responseId!);
      expect(response.status).to.equal('complete');
      expect(response.contactConsent).to.equal(true);
      expect(response.answers).to.deep.equal({
        nps: 3,
        what_went_wrong: { options: ['late_delivery', 'other'], otherText: 'Box was crushed' },
        complaint: 'The tea arrived two weeks late.',
      });
      const after = latest(await results(NPS_SURVEY));
      expect(after.responses.complete - before.responses.complete).to.equal(1);
      const detractors = (result: typeof after) => result.nps?.detractors ?? 0;
      expect(detractors(after) - detractors(before)).to.equal(1);
    });

    it('drops the follow-up answers when the score is changed to a promoter’s', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      await rate(el, 'nps', 2);
      await choose(el, 'what_went_wrong', 'slow_replies');
      await rate(el, 'nps', 10);
      expect(questionIds(el)).to.deep.equal(['nps']);
      expect(el.answers).to.deep.equal({ nps: 10 });
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('Thank you! We are glad you enjoyed it.');
    });

    it('thanks a passive in its own words', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      await rate(el, 'nps', 8);
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('Thank you! We will keep improving.');
    });
  });

  describe('a completion reward', () => {
    it('says what answering earns, and after Submit what the response earned', async () => {
      const client = await shopperClient();
      const el = await mount(client);
      await showing(el, 'survey');
      expect(el.survey!.completionReward).to.equal(50);
      expect(text(part(el, 'reward'))).to.equal('Answer to earn 50 points.');
      await rate(el, 'nps', 9);
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('Thank you! We are glad you enjoyed it.');
      expect(text(part(el, 'reward'))).to.equal('You earned 50 points.');
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(text(status)).to.equal('Thank you! We are glad you enjoyed it. You earned 50 points.');
      await expect(el).to.be.accessible();

      const response = await client.getSurveyResponse(el.responseId!);
      expect(response.pointsAwarded).to.equal(50);
      expect((await client.getSummary({ revalidate: true })).points.balance).to.equal(50);
    });

    it('gives a detractor the same, in Chinese with the program’s name for its points', async () => {
      const client = await shopperClient();
      const el = await mount(client, { lang: 'zh-CN' });
      await showing(el, 'survey');
      expect(text(part(el, 'reward'))).to.equal('完成问卷即可获得50积分。');
      await rate(el, 'nps', 1);
      await choose(el, 'what_went_wrong', 'slow_replies');
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'thanks'))).to.equal('感谢您告诉我们。非常抱歉，我们会尽快改正。');
      expect(text(part(el, 'reward'))).to.equal('您已获得50积分。');
      expect((await client.getSummary({ revalidate: true })).points.balance).to.equal(50);
    });

    it('says the points come once answers kept offline are sent, then what they earned', async () => {
      const network = new Network();
      const client = await shopperClient({ fetch: network.fetch });
      const el = await mount(client);
      await showing(el, 'survey');
      network.online = false;
      await rate(el, 'nps', 7);
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'note'))).to.equal(s.queued);
      expect(text(part(el, 'reward'))).to.equal(s.earnedWhenSent('50 points'));

      network.online = true;
      await client.flush();
      await waitUntil(() => text(part(el, 'reward')) === 'You earned 50 points.', 'the reward is confirmed');
      expect(text(part(el, 'note'))).to.equal('');
      expect((await client.getSurveyResponse(el.responseId!)).pointsAwarded).to.equal(50);
    });

    it('speaks of one point in the singular, in the program’s own name for its points', async () => {
      const api = fakeSurveyApi(
        { ...customSurvey('delivery-reward'), completionReward: 1 },
        { pointsName: { en: 'Stars', 'zh-CN': '星星' } },
      );
      const el = await mount(await shopperClient({ fetch: api.fetch }), { trigger: 'order_tracking' });
      await showing(el, 'survey');
      expect(text(part(el, 'reward'))).to.equal('Answer to earn 1 Star.');
      await rate(el, 'mood', 2);
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'reward'))).to.equal('You earned 1 Star.');
    });
  });

  describe('required answers and step mode', () => {
    it('does not submit without the required answer, and says why', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      submitButton(el).click();
      await el.updateComplete;
      expect(el.view).to.equal('survey');
      expect(text(part(el, 'error'))).to.equal(s.missingAnswers);
      expect(el.shadowRoot!.activeElement).to.equal(radios(el, 'nps')[0]);
    });

    it('asks one question at a time with progress', async () => {
      const el = await mount(await shopperClient(), { mode: 'step' });
      await showing(el, 'survey');
      // Counted from the survey: the detractor's two follow-ups may be asked.
      expect(text(part(el, 'progress'))).to.equal('1 of 3');
      await rate(el, 'nps', 5);
      expect(text(part(el, 'progress'))).to.equal('1 of 3');
      expect(questionIds(el)).to.deep.equal(['nps']);
      expect(text(submitButton(el))).to.equal(s.next);
      submitButton(el).click();
      await el.updateComplete;
      expect(text(part(el, 'progress'))).to.equal('2 of 3');
      expect(questionIds(el)).to.deep.equal(['what_went_wrong']);
      submitButton(el).click();
      await el.updateComplete;
      expect(text(part(el, 'progress'))).to.equal('3 of 3');
      expect(text(submitButton(el))).to.equal(s.submit);
      parts(el, 'button')
        .find((button) => text(button) === s.back)!
        .click();
      await el.updateComplete;
      expect(text(part(el, 'progress'))).to.equal('2 of 3');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('tabs into the scale, moves with the arrows, selects with Space and submits with Enter', async () => {
      const { el, before } = await mountInPage(await shopperClient());
      await showing(el, 'survey');
      before.focus();
      await sendKeys({ press: 'Tab' });
      const scale = radios(el, 'nps');
      expect(el.shadowRoot!.activeElement, 'Tab lands on the scale').to.equal(scale[0]);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(scale[0]!.checked).to.equal(true);
      expect(el.answers).to.deep.equal({ nps: 0 });
      for (let index = 0; index < 9; index += 1) await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(scale[9]);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.answers).to.deep.equal({ nps: 9 });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.answers).to.deep.equal({ nps: 9 });
      // The focused option shows a focus ring.
      expect(getComputedStyle(scale[9]!.closest('label')!).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
      const submitted = oneEvent(el, 'loyalty-survey-submitted') as Promise<LoyaltySurveySubmittedEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await submitted).detail.npsGroup).to.equal('promoter');
      await showing(el, 'thanks');
    });

    it('saves a selection moved by the arrow keys once, when it settles, not at every step', async () => {
      const network = new Network();
      const { el, before } = await mountInPage(await shopperClient({ fetch: network.fetch }));
      await showing(el, 'survey');
      before.focus();
      await sendKeys({ press: 'Tab' });
      const first = oneEvent(el, 'loyalty-survey-answer') as Promise<LoyaltySurveyAnswerEvent>;
      await sendKeys({ press: 'Space' });
      expect((await first).detail, 'Space saves at once').to.include({ answer: 0, sequence: 1 });
      const scale = radios(el, 'nps');
      const follow = ['nps', 'what_went_wrong', 'complaint'];
      expect(questionIds(el)).to.deep.equal(follow);

      const saved = oneEvent(el, 'loyalty-survey-answer') as Promise<LoyaltySurveyAnswerEvent>;
      for (let index = 0; index < 9; index += 1) {
        await sendKeys({ press: 'ArrowRight' });
        await el.updateComplete;
        expect(questionIds(el), 'the follow-ups stay while the selection moves').to.deep.equal(follow);
      }
      expect(scale[9]!.checked).to.equal(true);
      expect(network.writes, 'nothing sent while the selection moves').to.have.length(1);
      // Once the selection rests, one write carries it.
      expect((await saved).detail).to.include({ questionId: 'nps', answer: 9, sequence: 2 });
      await el.updateComplete;
      expect(questionIds(el), 'a promoter is not asked what went wrong').to.deep.equal(['nps']);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 300));
      expect(network.writes.map((write) => write.answers)).to.deep.equal([{ nps: 0 }, { nps: 9 }]);

      // Leaving the scale saves the moved selection at once.
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
      await waitUntil(() => network.writes.length === 3, 'saved on leaving the scale', { timeout: SETTLE_MS / 2 });
      expect(network.writes[2]!.answers).to.deep.equal({ nps: 8 });

      // Submit carries a selection still moving, in the completing write alone.
      scale[8]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await showing(el, 'thanks');
      expect(network.writes.slice(3)).to.have.length(1);
      expect(network.writes[3]).to.include({ complete: true });
      expect(network.writes[3]!.answers).to.deep.equal({ nps: 9 });
    });

    it('shows and hides the follow-up without moving the focused option', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      const scale = radios(el, 'nps');
      const focusedOption = () =>
        (el.shadowRoot!.activeElement as HTMLElement).closest('label')!.getBoundingClientRect();
      scale[8]!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(questionIds(el), 'no follow-up while the selection moves').to.deep.equal(['nps']);
      const before = focusedOption();
      // Space settles on 6, a detractor's score.
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(questionIds(el), 'the follow-up shows').to.deep.equal(['nps', 'what_went_wrong', 'complaint']);
      expect(el.shadowRoot!.activeElement).to.equal(scale[6]);
      expect(focusedOption().top, 'the option did not move').to.equal(before.top);
      expect(focusedOption().left).to.equal(before.left);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(questionIds(el), 'the follow-up goes').to.deep.equal(['nps']);
      expect(el.shadowRoot!.activeElement).to.equal(scale[7]);
      expect(focusedOption().top, 'the option did not move').to.equal(before.top);
    });

    it('keeps the step count while the answer changes', async () => {
      const el = await mount(await shopperClient(), { mode: 'step' });
      await showing(el, 'survey');
      const progress = () => text(part(el, 'progress'));
      expect(progress()).to.equal('1 of 3');
      radios(el, 'nps')[0]!.focus();
      await sendKeys({ press: 'Space' });
      for (let index = 0; index < 10; index += 1) {
        await sendKeys({ press: 'ArrowRight' });
        await el.updateComplete;
        expect(progress(), `at ${index + 1}`).to.equal('1 of 3');
      }
      await rate(el, 'nps', 2);
      expect(progress()).to.equal('1 of 3');
      submitButton(el).click();
      await el.updateComplete;
      expect(progress()).to.equal('2 of 3');
      parts(el, 'button')
        .find((button) => text(button) === s.back)!
        .click();
      await el.updateComplete;
      expect(progress()).to.equal('1 of 3');
      await rate(el, 'nps', 10);
      expect(progress()).to.equal('1 of 3');
      expect(text(submitButton(el)), 'a promoter is asked nothing more').to.equal(s.submit);
    });
  });

  describe('heading', () => {
    it('titles the survey with a heading whose level the page sets', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      const title = part(el, 'title')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('2');
      el.setAttribute('heading-level', '3');
      await el.updateComplete;
      expect(title.getAttribute('aria-level')).to.equal('3');
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('wraps the 0–10 scale into two rows at 320 px, never a dropdown', async () => {
      const client = await shopperClient();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 320px">
          <loyalty-satisfaction-survey trigger="post_purchase" .client=${client}></loyalty-satisfaction-survey>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-satisfaction-survey')!;
      await showing(el, 'survey');
      const options = parts(el, 'scale-option');
      const rows = new Set(options.map((option) => Math.round(option.getBoundingClientRect().top)));
      expect(rows.size).to.equal(2);
      expect(el.shadowRoot!.querySelector('select')).to.equal(null);
      for (const option of options) expect(option.getBoundingClientRect().width).to.be.at.least(24);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    });

    it('keeps the scale on one row when there is room', async () => {
      const client = await shopperClient();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="inline-size: 640px">
          <loyalty-satisfaction-survey trigger="post_purchase" .client=${client}></loyalty-satisfaction-survey>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-satisfaction-survey')!;
      await showing(el, 'survey');
      const rows = new Set(parts(el, 'scale-option').map((option) => Math.round(option.getBoundingClientRect().top)));
      expect(rows.size).to.equal(1);
    });

    it('is mirrored right to left', async () => {
      const client = await shopperClient();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div dir="rtl" style="inline-size: 640px">
          <loyalty-satisfaction-survey trigger="post_purchase" .client=${client}></loyalty-satisfaction-survey>
        </div>
      `);
      const el = wrapper.querySelector('loyalty-satisfaction-survey')!;
      await showing(el, 'survey');
      expect(getComputedStyle(part(el, 'title')!).direction).to.equal('rtl');
      const [zero, ten] = [radios(el, 'nps')[0]!, radios(el, 'nps')[10]!].map((radio) =>
        radio.closest('label')!.getBoundingClientRect(),
      );
      expect(zero!.left, '0 is on the right').to.be.above(ten!.left);
      await expect(el).to.be.accessible();
    });

    it('follows the dark scheme', async () => {
      const el = await mount(await shopperClient());
      el.colorScheme = 'dark';
      await showing(el, 'survey');
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(22, 26, 34)');
      await expect(el).to.be.accessible();
    });
  });

  describe('languages', () => {
    it('speaks Simplified Chinese, the survey’s text from its definition', async () => {
      const el = await mount(await shopperClient(), { lang: 'zh-CN', mode: 'step' });
      await showing(el, 'survey');
      expect(text(part(el, 'title'))).to.equal('这次购物体验如何？');
      const legend = text(question(el, 'nps')!.querySelector('legend'));
      expect(legend).to.contain('您有多大可能向朋友或同事推荐');
      expect(legend, 'full-width brackets, no space').to.match(/[^\s]（必答）$/u);
      expect(spokenName(radios(el, 'nps')[0]!)).to.equal('0，完全不可能');
      expect(text(part(el, 'progress'))).to.equal(z.progress(1, 3));
      expect(text(submitButton(el))).to.equal(z.submit);
      await expect(el).to.be.accessible();
    });

    it('falls back to English when the definition lacks the page’s language', async () => {
      const api = fakeSurveyApi(customSurvey('delivery-fallback'));
      const el = await mount(await shopperClient({ fetch: api.fetch }), { trigger: 'order_tracking', lang: 'zh-CN' });
      await showing(el, 'survey');
      expect(text(part(el, 'title'))).to.equal('您的配送');
      expect(text(question(el, 'channel')!.querySelector('legend'))).to.equal('How did you hear about us?');
      expect(text(submitButton(el))).to.equal(z.submit);
    });
  });

  describe('never lost', () => {
    it('keeps answers on the device while offline, says so, and delivers them once on flush()', async () => {
      const before = latest(await results(NPS_SURVEY));
      const network = new Network();
      const client = await shopperClient({ fetch: network.fetch });
      const el = await mount(client);
      await showing(el, 'survey');
      network.online = false;

      const answered = oneEvent(el, 'loyalty-survey-answer') as Promise<LoyaltySurveyAnswerEvent>;
      await rate(el, 'nps', 4);
      expect((await answered).detail).to.include({ questionId: 'nps', answer: 4, queued: true });
      await el.updateComplete;
      expect(text(part(el, 'note'))).to.equal(s.queued);
      expect(text(part(el, 'error')), 'not an error').to.equal('');

      await choose(el, 'what_went_wrong', 'wrong_item');
      await typeInto(el, part<HTMLTextAreaElement>(el, 'textarea')!, 'One tin was missing.');
      const submitted = oneEvent(el, 'loyalty-survey-submitted') as Promise<LoyaltySurveySubmittedEvent>;
      submitButton(el).click();
      expect((await submitted).detail).to.include({ npsGroup: 'detractor', queued: true });
      await showing(el, 'thanks');
      expect(text(part(el, 'note'))).to.equal(s.queued);
      expect(await client.pendingWrites()).to.be.above(0);

      network.online = true;
      await client.flush();
      expect(await client.pendingWrites()).to.equal(0);
      await waitUntil(() => text(part(el, 'note')) === '', 'the note goes once everything is sent');

      const response = await client.getSurveyResponse(el.responseId!);
      expect(response.status).to.equal('complete');
      expect(response.answers).to.deep.equal({
        nps: 4,
        what_went_wrong: { options: ['wrong_item'] },
        complaint: 'One tin was missing.',
      });
      const after = latest(await results(NPS_SURVEY));
      expect(after.responses.total - before.responses.total, 'counted once').to.equal(1);
      expect(after.responses.complete - before.responses.complete).to.equal(1);
      expect((after.nps?.detractors ?? 0) - (before.nps?.detractors ?? 0)).to.equal(1);
    });

    it('completes exactly once, however often Submit is pressed', async () => {
      const network = new Network();
      const el = await mount(await shopperClient({ fetch: network.fetch }));
      await showing(el, 'survey');
      await rate(el, 'nps', 10);
      const button = submitButton(el);
      button.click();
      button.click();
      button.click();
      await showing(el, 'thanks');
      await el.submit();
      expect(network.writes.filter((write) => write.complete === true)).to.have.length(1);
      expect(network.writes.map((write) => write.sequence)).to.deep.equal([1, 2]);
    });
  });

  describe('a survey that has closed', () => {
    it('says so when another tab answered it first, and sends the refused answer no more', async () => {
      const network = new Network();
      const [tab, otherTab] = await twoTabs({ fetch: network.fetch });
      const el = await mount(tab);
      await showing(el, 'survey');
      await answerElsewhere(otherTab, el.survey!);

      const refused = oneEvent(el, 'loyalty-error') as Promise<LoyaltyErrorEvent>;
      part<HTMLInputElement>(el, 'radio')!.focus();
      await rate(el, 'nps', 8);
      expect((await refused).detail.problem?.code).to.equal('survey_not_due');
      await showing(el, 'closed');
      expect(el.state).to.equal('ready');
      expect(text(part(el, 'closed'))).to.equal('This survey has closed. Thank you for your time.');
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(s.closed);
      expect(part(el, 'form'), 'the questions are gone').to.equal(null);
      expect(part(el, 'reward')).to.equal(null);
      expect(el.shadowRoot!.activeElement, 'focus stays in the survey').to.equal(part(el, 'base'));
      await expect(el).to.be.accessible();

      // Dropped, not queued: nothing is sent again, and Submit does nothing.
      const sent = network.writes.length;
      expect(await tab.pendingWrites()).to.equal(0);
      await tab.flush();
      await el.submit();
      expect(network.writes).to.have.length(sent);
      expect((await otherTab.getSummary({ revalidate: true })).points.balance, 'one reward').to.equal(50);
      // Nor does it come back on this page.
      await showing(await mount(tab), 'hidden');
    });

    it('replaces the thank-you of answers kept offline once they are refused, in Chinese', async () => {
      const network = new Network();
      const [tab, otherTab] = await twoTabs({ fetch: network.fetch });
      const el = await mount(tab, { lang: 'zh-CN' });
      await showing(el, 'survey');
      network.online = false;
      await rate(el, 'nps', 7);
      submitButton(el).click();
      await showing(el, 'thanks');
      expect(text(part(el, 'reward'))).to.equal(z.earnedWhenSent('50积分'));
      await answerElsewhere(otherTab, el.survey!);

      network.online = true;
      await tab.flush();
      await showing(el, 'closed');
      expect(text(part(el, 'closed'))).to.equal('本次调查已结束，感谢您的参与。');
      expect(part(el, 'reward'), 'no points promised').to.equal(null);
      expect(part(el, 'note')).to.equal(null);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(z.closed);
      expect(await tab.pendingWrites()).to.equal(0);
      await expect(el).to.be.accessible();
      expect((await otherTab.getSummary({ revalidate: true })).points.balance, 'one reward').to.equal(50);
    });
  });

  describe('dismissal', () => {
    it('closes the card, records the dismissal, and does not come back on this page', async () => {
      const client = await shopperClient();
      const el = await mount(client, { placement: 'card' });
      await showing(el, 'survey');
      const close = part<HTMLButtonElement>(el, 'close')!;
      expect(close.getAttribute('aria-label')).to.equal(s.close);
      await expect(el).to.be.accessible();
      const dismissed = oneEvent(el, 'loyalty-survey-dismissed') as Promise<LoyaltySurveyDismissedEvent>;
      close.click();
      const { detail } = await dismissed;
      expect(detail).to.include({ surveyId: NPS_SURVEY, queued: false });
      await showing(el, 'hidden');
      expect(el.getBoundingClientRect().height).to.equal(0);

      // The API no longer offers it (recontact), and a new element on the page does not show it.
      const eligible = await client.getEligibleSurvey('post_purchase');
      expect(eligible.survey).to.equal(null);
      const again = await mount(await shopperClient());
      await showing(again, 'hidden');
      // Re-attaching the same element does not bring it back either.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(el.view).to.equal('hidden');
    });

    it('stays closed when closed while its answers are being sent, and the answers still count', async () => {
      const before = latest(await results(NPS_SURVEY));
      const slow = new SlowCompletion();
      const client = await shopperClient({ fetch: slow.fetch });
      const { el, before: opener } = await mountInPage(client, {
        placement: 'card',
        after: html`<button>After</button>`,
      });
      opener.focus();
      await showing(el, 'survey');
      await rate(el, 'nps', 9);
      const submitted = oneEvent(el, 'loyalty-survey-submitted') as Promise<LoyaltySurveySubmittedEvent>;
      submitButton(el).focus();
      submitButton(el).click();
      await waitUntil(() => slow.held, 'the completion to be sent');
      await el.updateComplete;
      expect(text(submitButton(el))).to.equal(s.submitting);

      part<HTMLButtonElement>(el, 'close')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'hidden');
      expect(document.activeElement).to.equal(opener);

      slow.release();
      expect((await submitted).detail).to.include({ npsGroup: 'promoter', queued: false });
      await el.updateComplete;
      expect(el.view, 'the closed card stays closed').to.equal('hidden');
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(document.activeElement, 'focus stays where it went').to.equal(opener);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(s.dismissed);

      expect((await client.getSurveyResponse(el.responseId!)).status).to.equal('complete');
      const after = latest(await results(NPS_SURVEY));
      expect(after.responses.complete - before.responses.complete, 'the answers count').to.equal(1);
      expect(after.dismissals - before.dismissals, 'a completed response is no dismissal').to.equal(0);
    });

    it('does not show an answered survey again on this page, even to a new element', async () => {
      const api = fakeSurveyApi(customSurvey('delivery-once'));
      const client = await shopperClient({ fetch: api.fetch });
      const first = await mount(client, { trigger: 'order_tracking' });
      await showing(first, 'survey');
      await rate(first, 'mood', 5);
      submitButton(first).click();
      await showing(first, 'thanks');
      // The fake API would offer it again; the page remembers it was answered.
      const second = await mount(client, { trigger: 'order_tracking' });
      await showing(second, 'hidden');
      expect(second.getBoundingClientRect().height).to.equal(0);
    });

    it('puts focus back where it was before the card opened, and says the survey closed', async () => {
      const { el, before: opener } = await mountInPage(await shopperClient(), {
        placement: 'card',
        after: html`<button>After</button>`,
      });
      opener.focus();
      await showing(el, 'survey');
      part<HTMLButtonElement>(el, 'close')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'hidden');
      expect(document.activeElement).to.equal(opener);
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(s.dismissed);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });

    it('puts focus back on the control the shopper came into the open card from', async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      const { el, before: cameFrom } = await mountInPage(await shopperClient(), {
        placement: 'card',
        after: html`<button>After</button>`,
      });
      await showing(el, 'survey');
      cameFrom.focus();
      part<HTMLButtonElement>(el, 'close')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'hidden');
      expect(document.activeElement).to.equal(cameFrom);
    });

    it('moves focus on to what follows the card when what had focus is gone', async () => {
      const {
        wrapper,
        el,
        before: opener,
      } = await mountInPage(await shopperClient(), {
        placement: 'card',
        after: html`<p>Your order</p>
          <button disabled>Disabled</button>
          <a id="next" href="#orders">Orders</a>`,
      });
      opener.focus();
      await showing(el, 'survey');
      opener.remove();
      part<HTMLButtonElement>(el, 'close')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'hidden');
      expect(document.activeElement).to.equal(wrapper.querySelector('#next'));
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal(s.dismissed);
    });

    it('leaves focus on the page, and says so in Chinese, when nothing follows the card', async () => {
      const el = await mount(await shopperClient(), { placement: 'card', lang: 'zh-CN' });
      await showing(el, 'survey');
      part<HTMLButtonElement>(el, 'close')!.focus();
      await sendKeys({ press: 'Enter' });
      await showing(el, 'hidden');
      expect(document.activeElement).to.equal(document.body);
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(text(status)).to.equal(z.dismissed);
    });

    it('has no close button inline', async () => {
      const el = await mount(await shopperClient());
      await showing(el, 'survey');
      expect(part(el, 'close')).to.equal(null);
    });
  });
});
