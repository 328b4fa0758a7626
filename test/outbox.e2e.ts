// The drop-in's durable outbox on the real storefront and API: a shopper answering the post-purchase
// survey while their connection drops loses no answer, and the API counts the response once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  EligibleSurvey,
  SurveyDefinition,
  SurveyResponse,
  SurveyResponseUpdate,
} from '@loyalty-elements/contract';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { launchChromium } from './support/browser.ts';
import { createShopper, followUps, storedResponse, surveyVersionResults, waitFor } from './support/loyalty-api.ts';
import { startStack, type Stack } from './support/stack.ts';

/** What the drop-in puts on the page (packages/embed/src/index.ts), and what this test adds. */
type StorefrontWindow = Window & {
  LoyaltyElements?: { readonly client: LoyaltyClient | undefined };
  onlineEvents?: number;
  outboxReports?: number;
};

const SURVEY_ID = 'post-purchase-nps';
const RESPONSES_PATH = '/v1/me/surveys/responses/';
/**
 * How soon after the connection comes back the `online` event's flush must send. The test reconnects
 * just after the outbox's first retry failed, so its next retry is 4 s away.
 */
const ONLINE_FLUSH_MS = 1_500;

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ cuttableApi: true }), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the storefront as `shopper` and waits until the drop-in has shown their balance. */
async function openStorefront(page: Page, shopper: string): Promise<void> {
  await page.goto(`${stack.storefrontUrl}/?shopper=${encodeURIComponent(shopper)}&lang=en`);
  await page.locator('loyalty-points-balance [part~="value"]').waitFor();
}

/** A new browser context (its own IndexedDB) with one page, collecting uncaught page errors. */
async function newShopperPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

async function eligibleSurvey(page: Page): Promise<SurveyDefinition> {
  const eligible: EligibleSurvey = await page.evaluate(() =>
    (window as StorefrontWindow).LoyaltyElements!.client!.getEligibleSurvey('post_purchase'),
  );
  assert.equal(eligible.reason, undefined, 'a new shopper is asked the post-purchase survey');
  assert.equal(eligible.survey?.id, SURVEY_ID);
  assert.deepEqual(
    eligible.survey.questions.map((question) => question.id),
    ['nps', 'what_went_wrong', 'complaint'],
  );
  return eligible.survey;
}

/** A detractor answering one question at a time; each write carries every answer so far. */
function answerSteps(survey: SurveyDefinition, complaint: string): SurveyResponseUpdate[] {
  const base = { surveyId: survey.id, version: survey.version };
  const nps = 3;
  const whatWentWrong = { options: ['late_delivery', 'slow_replies', 'other'], otherText: 'Nobody answered the phone' };
  return [
    { ...base, sequence: 1, answers: { nps } },
    { ...base, sequence: 2, answers: { nps, what_went_wrong: whatWentWrong } },
    {
      ...base,
      sequence: 3,
      answers: { nps, what_went_wrong: whatWentWrong, complaint },
      complete: true,
      contactConsent: true,
    },
  ];
}

/** Saves answers through the page's shared client, as a survey widget would. */
function save(
  page: Page,
  responseId: string,
  update: SurveyResponseUpdate,
): Promise<{ status: 'sent' | 'queued'; detail: string }> {
  return page.evaluate(
    async ({ responseId, update }) => {
      const outcome = await (window as StorefrontWindow).LoyaltyElements!.client!.saveSurveyResponse(
        responseId,
        update,
      );
      return outcome.status === 'sent'
        ? { status: outcome.status, detail: outcome.result.status }
        : { status: outcome.status, detail: outcome.error.code };
    },
    { responseId, update },
  );
}

function pendingWrites(page: Page): Promise<number> {
  return page.evaluate(() => (window as StorefrontWindow).LoyaltyElements!.client!.pendingWrites());
}

type Results = Awaited<ReturnType<typeof surveyVersionResults>>;

function npsCount(results: Results, score: number): number {
  return results.nps?.distribution.find((entry) => entry.value === score)?.count ?? 0;
}

function optionCount(results: Results, optionId: string): number {
  const question = results.questions.find((entry) => entry.questionId === 'what_went_wrong');
  assert.ok(question?.kind === 'multiple_choice');
  return question.options.find((option) => option.optionId === optionId)?.count ?? 0;
}

function answeredCount(results: Results, questionId: string): number {
  return results.questions.find((entry) => entry.questionId === questionId)?.answered ?? 0;
}

/**
 * Waits until the API holds the response complete, then checks every answer, the results (the
 * response counted once, with each of its answers) and the one follow-up it raised.
 */
async function expectCountedOnce(
  customerId: string,
  responseId: string,
  last: SurveyResponseUpdate,
  before: Results,
): Promise<void> {
  let latest: SurveyResponse | undefined;
  const stored = await waitFor('the response to be complete on the API', async () => {
    latest = await storedResponse(stack.apiBase, customerId, responseId);
    return latest?.status === 'complete' ? latest : undefined;
  }).catch((error: unknown) => {
    // Say what did arrive: an answer lost on the way shows up here.
    assert.deepEqual(
      { status: latest?.status, sequence: latest?.sequence, answers: latest?.answers },
      { status: 'complete', sequence: last.sequence, answers: last.answers },
      String(error),
    );
    throw error;
  });
  assert.equal(stored.sequence, last.sequence);
  assert.equal(stored.contactConsent, true);
  assert.deepEqual(stored.answers, last.answers, 'every answer arrived, as given');

  const after = await surveyVersionResults(stack.apiBase, SURVEY_ID, last.version);
  assert.deepEqual(
    {
      total: after.responses.total - before.responses.total,
      complete: after.responses.complete - before.responses.complete,
      partial: after.responses.partial - before.responses.partial,
    },
    { total: 1, complete: 1, partial: 0 },
    'the response counts once, as complete',
  );
  const score = last.answers.nps as number;
  assert.equal(npsCount(after, score) - npsCount(before, score), 1, `one more NPS ${score}`);
  const chosen = (last.answers.what_went_wrong as { options: string[] }).options;
  for (const option of ['late_delivery', 'wrong_item', 'slow_replies', 'doubtful_quality', 'other']) {
    const expected = chosen.includes(option) ? 1 : 0;
    assert.equal(optionCount(after, option) - optionCount(before, option), expected, `option ${option}`);
  }
  assert.equal(answeredCount(after, 'complaint') - answeredCount(before, 'complaint'), 1, 'one more complaint');

  const raised = (await followUps(stack.apiBase)).filter((followUp) => followUp.responseId === responseId);
  assert.equal(raised.length, 1, 'completing the response raised one follow-up');
  assert.equal(raised[0]!.customer.id, customerId);
  assert.equal(raised[0]!.nps, score);
  assert.deepEqual(raised[0]!.comments, [{ questionId: 'complaint', text: last.answers.complaint }]);
}

describe('the durable outbox on the storefront', () => {
  it('sends the answers given offline when the connection comes back, and the API counts them once', async () => {
    const customerId = await createShopper(stack.apiBase, 'outbox-online');
    const { context, page, pageErrors } = await newShopperPage();
    await openStorefront(page, customerId);
    await page.evaluate(() => {
      const page = window as StorefrontWindow;
      page.onlineEvents = 0;
      window.addEventListener('online', () => (page.onlineEvents = (page.onlineEvents ?? 0) + 1));
    });

    const survey = await eligibleSurvey(page);
    const steps = answerSteps(survey, 'The tea came two weeks late and nobody answered my emails.');
    const responseId = randomUUID();
    const before = await surveyVersionResults(stack.apiBase, SURVEY_ID, survey.version);

    // Every PUT of the response the API answered: when it was sent, and the sequence the API then held.
    // (Chromium does not report the body of ky's requests, so the API's answer tells which write it was.)
    const sent: Array<{ at: number; sequence: number | undefined }> = [];
    const reads: Array<Promise<unknown>> = [];
    page.on('requestfinished', (request) => {
      if (request.method() !== 'PUT' || !request.url().endsWith(`${RESPONSES_PATH}${responseId}`)) return;
      const put = { at: Date.now(), sequence: undefined as number | undefined };
      sent.push(put);
      const read = request.response().then((response) => response?.json() as Promise<SurveyResponse> | undefined);
      reads.push(read.then((body) => (put.sequence = body?.sequence)).catch(() => undefined));
    });

    assert.deepEqual(await save(page, responseId, steps[0]!), { status: 'sent', detail: 'partial' });

    await context.setOffline(true);
    for (const step of steps.slice(1)) {
      assert.deepEqual(await save(page, responseId, step), { status: 'queued', detail: 'network' });
      assert.equal(await pendingWrites(page), 1, 'the latest answers replace the queued ones');
    }
    const meanwhile = await storedResponse(stack.apiBase, customerId, responseId);
    assert.deepEqual(
      { sequence: meanwhile?.sequence, status: meanwhile?.status, answers: meanwhile?.answers },
      { sequence: 1, status: 'partial', answers: steps[0]!.answers },
      'nothing reached the API while offline',
    );

    // Wait out the outbox's first retry (it fails offline; each flush ends with an `outbox` change),
    // so that only the `online` event can send the answers soon after reconnecting.
    await page.evaluate(() => {
      const page = window as StorefrontWindow;
      page.outboxReports = 0;
      page.LoyaltyElements!.client!.subscribe((change) => {
        if (change.type === 'outbox') page.outboxReports = (page.outboxReports ?? 0) + 1;
      });
    });
    await waitFor('the outbox to retry while offline', async () =>
      (await page.evaluate(() => (window as StorefrontWindow).outboxReports ?? 0)) > 0 ? true : undefined,
    );

    const backOnline = Date.now();
    await context.setOffline(false);
    await expectCountedOnce(customerId, responseId, steps[2]!, before);
    await waitFor('the outbox to empty', async () => ((await pendingWrites(page)) === 0 ? true : undefined));
    const onlineEvents = await page.evaluate(() => (window as StorefrontWindow).onlineEvents ?? 0);
    assert.ok(onlineEvents >= 1, 'the page heard `online`');
    await Promise.all(reads);
    assert.deepEqual(
      sent.map((put) => put.sequence),
      [1, 3],
      'the first answer was sent once; the queued ones went out once, as their latest write',
    );
    assert.ok(
      sent[1]!.at - backOnline < ONLINE_FLUSH_MS,
      `the online event flushed the outbox (sent ${sent[1]!.at - backOnline} ms after reconnecting)`,
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it('keeps the answers of a shopper who left the page offline, and sends them on their next visit', async () => {
    const customerId = await createShopper(stack.apiBase, 'outbox-reload');
    const { context, page, pageErrors } = await newShopperPage();
    await openStorefront(page, customerId);
    const survey = await eligibleSurvey(page);
    const steps = answerSteps(survey, '快递晚了两周，客服也没有回复。');
    const responseId = randomUUID();
    const before = await surveyVersionResults(stack.apiBase, SURVEY_ID, survey.version);

    // The page goes offline, and so does the network under it: the `keepalive` request sent on
    // `pagehide` escapes Playwright's offline emulation (see support/api-link.ts).
    const link = stack.link!;
    await context.setOffline(true);
    link.cut();
    for (const step of steps) {
      assert.deepEqual(await save(page, responseId, step), { status: 'queued', detail: 'network' });
    }
    assert.equal(await pendingWrites(page), 1);

    // Leaving the page: `pagehide` tries to send the answers with `keepalive`, which fails offline.
    const refusedBefore = link.refused;
    await page.goto('about:blank');
    await waitFor('the pagehide beacon to try the API', async () => (link.refused > refusedBefore ? true : undefined));
    assert.equal(await storedResponse(stack.apiBase, customerId, responseId), undefined, 'the API has nothing');

    // The next visit, back online: the stored answers go out as the page loads.
    link.restore();
    await context.setOffline(false);
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes(RESPONSES_PATH)) puts.push(request.url());
    });
    await openStorefront(page, customerId);
    await expectCountedOnce(customerId, responseId, steps[2]!, before);
    await waitFor('the outbox to empty', async () => ((await pendingWrites(page)) === 0 ? true : undefined));
    assert.deepEqual(puts, [`${link.url}${RESPONSES_PATH}${responseId}`], 'sent once, on page load');
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
