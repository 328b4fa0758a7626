// The console's Feedback page in real Chromium against the real API: the headline figures equal to the results API,
// the weekly table equal to the feedback API, the verbatims filtered by group equal to the verbatims API, axe-core
// clean in every state (light and dark), and Simplified Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  PUBLISHABLE_KEY_HEADER,
  SurveyFeedback,
  SurveyList,
  SurveyResults,
  VerbatimPage,
  feedbackPaths,
  surveyPaths,
} from '@loyalty-elements/contract';
import { accessibilityViolations, openConsole, signInWithDemoKey } from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { createShopper, shopperToken } from './support/loyalty-api.ts';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './support/stack.ts';

const SURVEY = 'post-purchase-nps';
/** Shoppers' answers to the demo's post-purchase survey: scores of every group, detractors' complaints. */
const ANSWERS = [
  { nps: 10 },
  { nps: 9 },
  { nps: 8 },
  { nps: 4, what_went_wrong: { options: ['late_delivery'] }, complaint: 'The parcel came a week late.' },
  { nps: 2, what_went_wrong: { options: ['poor_packaging'] }, complaint: 'The box was crushed.' },
  { nps: 6, what_went_wrong: { options: ['slow_replies'] }, complaint: 'Nobody answered my e-mail.' },
];

const running = consoleStackPerFile(answerTheDemoSurvey);

async function adminGet<T>(schema: { parse(value: unknown): T }, path: string): Promise<T> {
  const res = await fetch(`${running.stack.apiBase}${path}`, {
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
  });
  assert.equal(res.status, 200, path);
  return schema.parse(await res.json());
}

/** Each answer given by a new shopper of the demo program, through the shopper API with a token of their own. */
async function answerSurvey(version: number): Promise<void> {
  for (const answers of ANSWERS) {
    const customerId = await createShopper(running.stack.apiBase, 'feedback');
    const res = await fetch(`${running.stack.apiBase}${surveyPaths.response(crypto.randomUUID())}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${await shopperToken(customerId)}`,
        [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ surveyId: SURVEY, version, sequence: 1, answers, complete: true }),
    });
    assert.ok(res.status === 200 || res.status === 201, `${res.status} ${await res.text()}`);
  }
}

/** The demo survey answered by the shoppers of `ANSWERS`, once the stack is up. */
async function answerTheDemoSurvey(): Promise<void> {
  const { surveys } = await adminGet(SurveyList, surveyPaths.adminSurveys);
  const survey = surveys.find((candidate) => candidate.id === SURVEY);
  assert.ok(survey, `the demo has the survey ${SURVEY}`);
  await answerSurvey(survey.version);
}

const consoleUrl = () => running.consoleUrl();
const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

/** Signs in and opens the Feedback page on the demo's post-purchase survey. */
async function openFeedback(page: Page, navLabel = 'Feedback'): Promise<void> {
  await signInWithDemoKey(page);
  await page.getByRole('link', { name: navLabel }).click();
  await page.locator('select[name="survey"]').selectOption(SURVEY);
  await page.locator('[data-figure="nps"] dd').first().waitFor({ timeout: 15_000 });
}

describe('the console’s Feedback page', () => {
  it('shows the NPS, CSAT, CES and response counts of the results API, and its weekly table the feedback API’s', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openFeedback(page);
    const results = (await adminGet(SurveyResults, surveyPaths.results(SURVEY))).combined;
    assert.equal(results.responses.total, ANSWERS.length);
    const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`).first().textContent();
    assert.equal(shownNumber(await figure('nps')), results.nps?.score);
    assert.equal(
      shownNumber(await page.locator('[data-figure="nps"] [data-detail="n"]').textContent()),
      results.nps?.answered,
    );
    assert.equal(shownNumber(await figure('responses')), results.responses.total);
    assert.equal(shownNumber(await figure('dismissals')), results.dismissals);
    // The post-purchase survey asks no CSAT or CES question: the cards say so, as the results' nulls do.
    assert.equal(results.csat, null);
    assert.equal(results.ces, null);
    assert.equal(await figure('csat'), 'Not asked in this survey');
    assert.equal(await figure('ces'), 'Not asked in this survey');

    const feedback = await adminGet(SurveyFeedback, feedbackPaths.feedback(SURVEY));
    const weekly = page.locator('console-chart-card[data-chart="weekly-nps"]');
    await weekly.getByRole('button', { name: 'Show as table' }).click();
    const rows = weekly.locator('tbody tr');
    assert.equal(await rows.count(), feedback.weekly.length);
    let shownResponses = 0;
    for (let index = 0; index < feedback.weekly.length; index++) {
      // Columns: NPS, responses, NPS answers, promoters, passives, detractors, band.
      const cells = await rows.nth(index).locator('td').allTextContents();
      const week = feedback.weekly[index]!;
      assert.equal(shownNumber(cells[1]!), week.responses, week.weekStart);
      if (week.nps !== null) assert.equal(shownNumber(cells[0]!), week.nps, week.weekStart);
      shownResponses += shownNumber(cells[1]!);
    }
    assert.equal(
      shownResponses,
      feedback.weekly.reduce((sum, week) => sum + week.responses, 0),
    );
    assert.equal(shownResponses, results.responses.total);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('filters the verbatims by detractor, showing exactly the verbatims API’s', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openFeedback(page);
    const list = page.locator('console-feedback-verbatims');
    await list.locator('li').first().waitFor();
    await list.getByLabel('Group').selectOption('detractor');
    const expected = await adminGet(VerbatimPage, `${feedbackPaths.verbatims(SURVEY)}?group=detractor`);
    assert.equal(expected.verbatims.length, 3);
    await page.waitForFunction(
      (count) =>
        document
          .querySelector('loyalty-console-app')
          ?.shadowRoot?.querySelector('console-feedback-page')
          ?.shadowRoot?.querySelector('console-feedback-verbatims')
          ?.shadowRoot?.querySelectorAll('li[data-group="detractor"]').length === count,
      expected.verbatims.length,
    );
    assert.deepEqual(
      await list.locator('blockquote').allTextContents(),
      expected.verbatims.map((verbatim) => verbatim.text),
    );
    assert.deepEqual(
      [...new Set(await list.locator('li').evaluateAll((items) => items.map((item) => item.dataset.group)))],
      ['detractor'],
    );
    await list.getByLabel('Group').selectOption('promoter');
    await list.locator('[data-state="no-verbatims"]').waitFor();

    // A range that ends before it starts says so, instead of failing as if the API were down.
    await list.getByLabel('From', { exact: true }).fill('2026-12-10');
    await list.getByLabel('To', { exact: true }).fill('2026-12-01');
    assert.match(
      (await list.locator('[data-state="backwards"]').textContent()) ?? '',
      /From date is after the To date/,
    );
    assert.equal(await list.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows “All versions” again when another survey is picked, whatever was picked before', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openFeedback(page);
    const { surveys } = await adminGet(SurveyList, surveyPaths.adminSurveys);
    const other = surveys.find((survey) => survey.id !== SURVEY);
    assert.ok(other, 'the demo has another survey');
    const version = page.locator('select[name="version"]');
    const figures = page.locator('[data-figure="nps"] dd, [data-state="empty"]').first();
    await version.selectOption('1');
    await figures.waitFor();
    await version.selectOption('');
    await figures.waitFor();
    await version.selectOption('1');
    await figures.waitFor();
    await page.locator('select[name="survey"]').selectOption(other.id);
    await figures.waitFor();
    assert.equal(await version.inputValue(), '', 'the page shows every version: so does the picker');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations when ready, with tables, and empty (${colorScheme})`, async () => {
      const { context, page, problems } = await openConsole(running.browser, consoleUrl(), { colorScheme });
      await openFeedback(page);
      await page.locator('console-chart-card canvas').first().waitFor();
      await page.locator('console-feedback-verbatims li').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'ready');
      for (const toggle of await page.getByRole('button', { name: 'Show as table' }).all()) await toggle.click();
      assert.deepEqual(await accessibilityViolations(page), [], 'tables');
      const { surveys } = await adminGet(SurveyList, surveyPaths.adminSurveys);
      const unanswered = surveys.find((survey) => survey.id !== SURVEY && survey.responses.started === 0);
      assert.ok(unanswered, 'the demo has a survey no one answered');
      await page.locator('select[name="survey"]').selectOption(unanswered.id);
      await page.locator('[data-state="empty"]').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'empty');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('speaks Simplified Chinese, dimensions included, on a tablet', async () => {
    const { context, page } = await openConsole(running.browser, consoleUrl(), { locale: 'zh-CN' });
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.getByRole('button', { name: '使用演示密钥登录' }).click();
    await page.getByRole('heading', { name: '概览' }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: '反馈' }).click();
    await page.getByRole('heading', { name: '反馈', level: 1 }).waitFor();
    const dimensions = page.locator('console-chart-card[data-chart="dimensions"]');
    await dimensions.getByRole('button', { name: '以表格显示' }).click();
    assert.deepEqual(await dimensions.locator('tbody th').allTextContents(), [
      '可靠性',
      '响应性',
      '安全性',
      '移情性',
      '有形性',
    ]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    await context.close();
  });
});
