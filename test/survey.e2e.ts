// The satisfaction survey on the real storefront and API: a detractor answers the post-purchase
// survey with the keyboard and the mouse, and the admin API shows the follow-up and the NPS result; the points the
// survey offers arrive once; a shopper leaving the program says why, and the admin results count it by reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { createShopper, followUps, summaryOf, surveyVersionResults, waitFor } from './support/loyalty-api.ts';
import { startStack, type Stack } from './support/stack.ts';

const SURVEY_ID = 'post-purchase-nps';
const survey = (page: Page, selector: string, options?: { hasText: string }) =>
  page.locator(`loyalty-satisfaction-survey ${selector}`, options);

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Waits until the survey widget has settled in `expected` (it loads in `loading`). */
async function settledView(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === wanted,
    expected,
    { timeout: 15_000 },
  );
}

async function view(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view,
  );
}

describe('the survey on the storefront', () => {
  it('takes a detractor’s answers, and the admin API shows the follow-up and the NPS result', async () => {
    const customerId = await createShopper(stack.apiBase, 'survey-e2e');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.storefrontUrl}/?shopper=${encodeURIComponent(customerId)}&lang=en`);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'survey',
      undefined,
      { timeout: 15_000 },
    );

    // The 0–10 scale with the keyboard: focus its first radio, move right three times, select.
    await survey(page, 'input[name="nps"][value="0"]').focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await survey(page, 'fieldset#q-what_went_wrong').waitFor();
    await survey(page, 'fieldset#q-what_went_wrong input[value="late_delivery"]').check();
    await survey(page, '[part~="textarea"]').fill('The tea arrived two weeks late.');
    await survey(page, '[part~="consent"] input').check();
    await survey(page, 'button[type="submit"]').dblclick();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'thanks',
    );
    assert.equal(await view(page), 'thanks');

    const results = await waitFor('the completed response in the admin results', async () => {
      const found = await surveyVersionResults(stack.apiBase, SURVEY_ID, 1);
      return found.responses.complete === 1 ? found : undefined;
    });
    assert.equal(results.responses.total, 1, 'one response, however many writes and clicks');
    assert.equal(results.nps?.detractors, 1);
    assert.equal(results.nps?.score, -100);
    const [followUp, ...others] = (await followUps(stack.apiBase)).filter((item) => item.customer.id === customerId);
    assert.equal(others.length, 0, 'one follow-up');
    assert.equal(followUp?.nps, 3);
    assert.deepEqual(followUp?.comments, [{ questionId: 'complaint', text: 'The tea arrived two weeks late.' }]);
    assert.ok(followUp && followUp.dimensions.length > 0, 'what went wrong is tagged by service-quality dimension');
    // The thank-you says what the answers earned, as the API counted it.
    await survey(page, '[part~="reward"]', { hasText: 'You earned 50 points' }).waitFor();
    const summary = await summaryOf(stack.apiBase, customerId);
    assert.equal(summary.points.balance, 50, 'the completion reward, once, whatever the score');
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await page.close();
  });

  it('shows the survey the summary brings, asking nothing of its own, and never again after a dismissal', async () => {
    const customerId = await createShopper(stack.apiBase, 'dismiss-e2e');
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    let eligibilityReads = 0;
    const countEligibilityReads = (tab: Page) =>
      tab.on('request', (request) => {
        if (request.method() === 'GET' && new URL(request.url()).pathname === '/v1/me/surveys/eligible') {
          eligibilityReads += 1;
        }
      });
    const storefront = (lang: string) =>
      `${stack.storefrontUrl}/?shopper=${encodeURIComponent(customerId)}&lang=${lang}`;
    countEligibilityReads(page);
    await page.goto(storefront('en'));
    await settledView(page, 'survey');
    // The storefront shows the survey inline, without a close button: the page dismisses it, as a merchant's own does.
    await page.evaluate(() =>
      document.querySelector<HTMLElement & { dismiss(): Promise<void> }>('loyalty-satisfaction-survey')!.dismiss(),
    );
    await settledView(page, 'hidden');
    await page.waitForFunction(async () => {
      const client = (window as { LoyaltyElements?: { client?: { pendingWrites(): Promise<number> } } }).LoyaltyElements
        ?.client;
      return (await client?.pendingWrites()) === 0;
    });
    assert.equal(eligibilityReads, 0, 'the survey came with the summary');

    // The summary of the next pages lists no survey due at this trigger: the widget asks nothing of its own.
    for (const lang of ['en', 'zh-CN']) {
      await page.goto(storefront(lang));
      await settledView(page, 'hidden');
    }
    const otherTab = await context.newPage();
    countEligibilityReads(otherTab);
    await otherTab.goto(storefront('en'));
    await settledView(otherTab, 'hidden');
    assert.equal(eligibilityReads, 0, 'no eligibility read once the summary lists no survey due');
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await context.close();
  });

  it('asks a shopper leaving the program why, and the admin results count the departure by reason', async () => {
    const customerId = await createShopper(stack.apiBase, 'exit-e2e');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.storefrontUrl}/leave?shopper=${encodeURIComponent(customerId)}&lang=en`);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'survey',
      undefined,
      { timeout: 15_000 },
    );
    await page.getByLabel('It costs too much').check();
    await survey(page, 'button[type="submit"]').click();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'thanks',
    );

    const results = await waitFor('the departure in the admin results', async () => {
      const found = await surveyVersionResults(stack.apiBase, 'program-exit', 1);
      return found.responses.complete === 1 ? found : undefined;
    });
    assert.equal(results.departures?.respondents, 1);
    assert.deepEqual(
      results.departures?.reasons.filter((reason) => reason.count > 0).map(({ reason, count }) => ({ reason, count })),
      [{ reason: 'price', count: 1 }],
    );
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await page.close();
  });
});
