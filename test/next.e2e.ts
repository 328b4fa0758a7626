// The Next.js App Router example, built with `next build` and served with `next start`: a server component page
// renders every widget from @loyalty-elements/react, and in the browser each shows the live shopper's data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  CustomerRewards,
  EligibleSurvey,
  PointsHistory,
  PUBLISHABLE_KEY_HEADER,
  Summary,
  paths,
  surveyPaths,
} from '@loyalty-elements/contract';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../scripts/start-api.mjs';
import { launchChromium } from './support/browser.ts';
import { createBirthdayShopper, freePort } from './support/examples.ts';
import { buildNextExample, startNextExample, type NextServer } from './support/next-example.ts';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './support/stack.ts';
import { signCustomerToken } from '@loyalty-elements/sdk/server';

const WIDGETS = [
  'loyalty-points-balance',
  'loyalty-tier-progress',
  'loyalty-birthday-greeting',
  'loyalty-rewards',
  'loyalty-points-history',
] as const;
const SURVEY = 'loyalty-satisfaction-survey';

let apiBase: string;
let buildOutput: string;
let browser: Browser;
let app: NextServer;
const cleanups: (() => Promise<void>)[] = [];

before(async () => {
  const [apiPort, appPort] = await Promise.all([freePort(), freePort()]);
  apiBase = `http://localhost:${apiPort}`;
  const appUrl = `http://localhost:${appPort}`;
  const [api, chromium, output] = await Promise.allSettled([
    startApi({ env: { PORT: String(apiPort), LOYALTY_ALLOWED_ORIGINS: appUrl } }) as Promise<{ stop(): Promise<void> }>,
    launchChromium(),
    buildNextExample({ NEXT_PUBLIC_LOYALTY_API_BASE: apiBase }),
  ]);
  if (api.status === 'fulfilled') cleanups.push(() => api.value.stop());
  if (chromium.status === 'fulfilled') cleanups.push(() => chromium.value.close());
  for (const result of [api, chromium, output]) if (result.status === 'rejected') throw result.reason;
  browser = (chromium as PromiseFulfilledResult<Browser>).value;
  buildOutput = (output as PromiseFulfilledResult<string>).value;
  app = await startNextExample(appPort);
  cleanups.push(() => app.stop());
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** `GET path` of the API as the shopper, the way the SDK sends it. */
async function asShopper(shopper: string, path: string): Promise<unknown> {
  const token = await signCustomerToken({
    customerId: shopper,
    secretKey: DEMO_SECRET_KEY,
    audience: DEMO_PUBLISHABLE_KEY,
  });
  const response = await fetch(`${apiBase}${path}`, {
    headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY },
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** The text of the first element matching `part` in `tag`'s shadow root. */
const partText = (page: Page, tag: string, part: string) =>
  page.locator(`${tag} [part~="${part}"]`).first().textContent();

describe('the Next.js App Router example, built by `next build` and served by `next start`', () => {
  it('builds with no warning, and its page is a server component', () => {
    assert.match(buildOutput, /Compiled successfully/);
    // Under CI, Next.js asks the pipeline to keep `.next/cache` between runs; this test builds from scratch on
    // purpose, so that one notice is about the pipeline, not the app.
    const warnings = buildOutput
      .split('\n')
      .filter((line) => /⚠|warn|already defined/i.test(line) && !/No build cache found/.test(line));
    assert.deepEqual(warnings, [], 'no warning in the build output');
    const page = readFileSync(new URL('../examples/next/app/page.tsx', import.meta.url), 'utf8');
    assert.doesNotMatch(page, /^\s*['"]use client['"]/, 'app/page.tsx has no directive');
  });

  it("shows every widget with the signed-in shopper's live data, with no console warning or error", async () => {
    const shopper = await createBirthdayShopper(apiBase, 'next', 1234);
    const context = await browser.newContext({ locale: 'en-US' });
    // The shopper's session, which the app's token route reads (a real site reads its own session cookie).
    await context.addCookies([{ name: 'shopper', value: shopper, url: app.url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // Every state each widget shows, sampled each frame from the first: none may flash an error before it loads.
    // A script as text: tsx would wrap a function's inner functions in a helper the page does not have.
    await page.addInitScript(`
      window.seenStates = new Set();
      const sample = () => {
        for (const tag of ${JSON.stringify(WIDGETS)}) {
          const state = document.querySelector(tag)?.state;
          if (state) window.seenStates.add(tag + ': ' + state);
        }
        requestAnimationFrame(sample);
      };
      sample();
    `);
    const response = await page.goto(app.url);
    // The server rendered the page's layout with the widgets' tags in it; the browser upgrades them.
    const html = (await response!.text()) ?? '';
    for (const tag of [...WIDGETS, SURVEY]) assert.match(html, new RegExp(`<${tag}[\\s>]`), `${tag} in the HTML`);

    const settled = await page.waitForFunction(
      ({ widgets, survey }) => {
        const states = widgets.map((tag) => document.querySelector<HTMLElement & { state?: string }>(tag)?.state);
        const view = document.querySelector<HTMLElement & { view?: string }>(survey)?.view;
        const all = [...states, view];
        // The survey is hidden until it has begun (or if it cannot be shown).
        return all.every((value) => value && value !== 'loading') && view !== 'hidden' && all;
      },
      { widgets: WIDGETS, survey: SURVEY },
      { timeout: 30_000 },
    );
    assert.deepEqual(await settled.jsonValue(), ['ready', 'ready', 'ready', 'ready', 'ready', 'survey']);
    const seen = await page.evaluate(() => [...(window as unknown as { seenStates: Set<string> }).seenStates]);
    assert.ok(seen.length >= WIDGETS.length, `every widget's state was seen: ${seen.join(', ')}`);
    assert.deepEqual(
      seen.filter((state) => !/: (loading|ready)$/.test(state)),
      [],
      `only loading, then ready: ${seen.join(', ')}`,
    );

    const summary = Summary.parse(await asShopper(shopper, paths.summary));
    assert.equal(summary.points.balance, 1234);
    const balance = await partText(page, 'loyalty-points-balance', 'value');
    assert.equal(Number((balance ?? '').replace(/[^\d]/g, '')), summary.points.balance);
    assert.equal(await partText(page, 'loyalty-tier-progress', 'tier'), summary.tier.current.name.en);
    // The birthday is today: the greeting offers the reward.
    assert.ok(await page.locator('loyalty-birthday-greeting [part~="button"]').isVisible());

    const { rewards } = CustomerRewards.parse(await asShopper(shopper, '/v1/me/rewards'));
    assert.ok(rewards.length > 0, 'the demo program offers rewards');
    const shownRewards = await page.locator('loyalty-rewards [part~="name"]').allTextContents();
    assert.deepEqual(
      shownRewards,
      rewards.map((reward) => reward.name.en),
    );

    const history = PointsHistory.parse(await asShopper(shopper, `${paths.pointsHistory}?limit=5`));
    const shownEntries = await page
      .locator('loyalty-points-history [part~="entry"]')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-entry-id')));
    assert.deepEqual(
      shownEntries,
      history.entries.map((entry) => entry.id),
    );

    const { survey } = EligibleSurvey.parse(await asShopper(shopper, `${surveyPaths.eligible}?trigger=post_purchase`));
    assert.ok(survey, 'a post-purchase survey is due');
    const shownSurvey = await page.evaluate(
      (tag) => document.querySelector<HTMLElement & { survey?: { id: string } }>(tag)?.survey?.id,
      SURVEY,
    );
    assert.equal(shownSurvey, survey.id);

    assert.deepEqual(problems, [], 'no console warning or error and no page error');
    const served = app.output();
    assert.doesNotMatch(served, /⚠|warn|error|already defined/i, `next start printed:\n${served}`);
    await context.close();
  });
});
