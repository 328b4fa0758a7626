// The console's Exits and win-back page in real Chromium against the real API: the churn figures equal the API's,
// an ending shows under its reason, a lapsed member is won back with points from the dialog, axe-core finds nothing
// in any state, light and dark, and the page speaks Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  ChurnReport,
  CustomerProfile,
  LapsedMembers,
  memberPaths,
  paths,
  programSettingsPath,
} from '@loyalty-elements/contract';
import { accessibilityViolations, openConsole, signInWithDemoKey } from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { DEMO_SECRET_KEY } from './support/stack.ts';

const running = consoleStackPerFile(lapseAfter30Days);

async function lapseAfter30Days(): Promise<void> {
  // The demo's birthday shopper last did something 40 days ago: lapsed after 30 days.
  const res = await api(programSettingsPath, { method: 'PATCH', body: { lapsedAfterDays: 30 } });
  assert.equal(res.status, 200, await res.text());
}

const consoleUrl = () => running.consoleUrl();

function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(running.stack.apiBase + path, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function apiJson<T>(schema: { parse(value: unknown): T }, path: string): Promise<T> {
  const res = await api(path);
  assert.equal(res.status, 200, await res.clone().text());
  return schema.parse(await res.json());
}

/** The twelve months the page shows, as the page computes them. */
function lastTwelveMonths(): [string, string] {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return [first.toISOString().slice(0, 7), now.toISOString().slice(0, 7)];
}

const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function openExits(page: Page): Promise<void> {
  await signInWithDemoKey(page);
  await page.getByRole('link', { name: 'Exits' }).click();
  await page.getByRole('heading', { name: 'Exits and win-back' }).waitFor();
  await page.locator('console-chart-card canvas').first().waitFor();
  await page.locator('console-lapsed-members table').waitFor({ timeout: 15_000 });
}

/** The figures of a chart card's table, row header → first cell, after showing it as a table. */
async function chartTable(page: Page, chart: string): Promise<Map<string, number>> {
  const card = page.locator(`console-chart-card[data-chart="${chart}"]`);
  const toggle = card.getByRole('button', { name: 'Show as table' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const rows = await card.locator('tbody tr').all();
  const figures = new Map<string, number>();
  for (const row of rows) {
    figures.set(
      (await row.locator('th').textContent())!.trim(),
      shownNumber(await row.locator('td').first().textContent()),
    );
  }
  return figures;
}

describe('the Exits and win-back page', () => {
  it('shows the churn API’s ended counts per month, and an ending for price under Price', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openExits(page);
    const [from, to] = lastTwelveMonths();
    const report = await apiJson(ChurnReport, `${memberPaths.churn}?from=${from}&to=${to}`);
    const perMonth = await chartTable(page, 'left-per-month');
    assert.deepEqual(
      [...perMonth.values()],
      report.months.map((month) => month.ended),
    );
    const priceBefore = (await chartTable(page, 'reasons')).get('Price');
    assert.equal(
      priceBefore,
      report.months.reduce((sum, month) => sum + month.byReason.price, 0),
    );

    const ended = await api(memberPaths.membershipEnd('demo-new'), { method: 'POST', body: { reason: 'price' } });
    assert.equal(ended.status, 200, await ended.text());
    await page.reload();
    await page.locator('console-chart-card canvas').first().waitFor({ timeout: 15_000 });
    assert.equal((await chartTable(page, 'reasons')).get('Price'), priceBefore! + 1);
    const after = await chartTable(page, 'left-per-month');
    assert.equal([...after.values()].at(-1), [...perMonth.values()].at(-1)! + 1, 'this month’s count rose');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('wins a lapsed member back with points from the dialog; the balance rises by exactly that', async () => {
    const lapsed = await apiJson(LapsedMembers, memberPaths.lapsed);
    assert.equal(lapsed.lapsedAfterDays, 30);
    const member = lapsed.members.find((candidate) => candidate.customer.id === 'demo-birthday');
    assert.ok(member, `the birthday shopper is lapsed: ${JSON.stringify(lapsed.members.map((m) => m.customer.id))}`);
    const before = (await apiJson(CustomerProfile, paths.customer('demo-birthday'))).balance.spendable;

    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openExits(page);
    const row = page.locator('tr[data-customer="demo-birthday"]');
    await row.getByRole('button', { name: `Win back ${member.customer.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Points to give').fill('0');
    await dialog.getByRole('button', { name: 'Give' }).click();
    await dialog.getByRole('alert').getByText('whole number of points').waitFor();
    await dialog.getByLabel('Points to give').fill('250');
    await dialog.getByLabel('Note for your team').fill('Welcome back, Zhou Xin');
    await dialog.getByRole('button', { name: 'Give' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.locator('[data-win-back]').getByText('250').waitFor();
    const after = (await apiJson(CustomerProfile, paths.customer('demo-birthday'))).balance.spendable;
    assert.equal(after, before + 250);
    assert.equal(shownNumber(await row.locator('[data-balance]').textContent()), after);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps the Win back dialog while a gift is being sent: no Cancel, no Escape', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openExits(page);
    const opener = page.locator('tr[data-customer] button').first();
    await opener.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();

    // The gift is held on its way, then lost: nothing reaches the API.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    await page.route(
      (url) => url.pathname.endsWith('/win-back'),
      async (route) => {
        sent += 1;
        await held;
        await route.abort();
      },
    );
    await dialog.getByLabel('Points to give').fill('10');
    await dialog.getByRole('button', { name: 'Give' }).click();
    await dialog.getByRole('button', { name: 'Giving…' }).waitFor();
    assert.equal(sent, 1);
    assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).isDisabled(), true, 'no Cancel while sending');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), true, 'Escape keeps the dialog while sending');
    release();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.unroute((url) => url.pathname.endsWith('/win-back'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens the Win back dialog with Points chosen, every time', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openExits(page);
    const opener = page.locator('tr[data-customer] button').first();
    const dialog = page.getByRole('dialog');
    await opener.click();
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('radio', { name: 'Points' }).isChecked(), true, 'Points is chosen');
    assert.equal(await dialog.getByRole('radio', { name: 'A reward' }).isChecked(), false);
    // Opened again after choosing a reward: Points again.
    await dialog.getByRole('radio', { name: 'A reward' }).check();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await opener.click();
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('radio', { name: 'Points' }).isChecked(), true, 'Points again');
    await dialog.getByLabel('Points to give').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in its charts, tables and dialog (${colorScheme})`, async () => {
      const { context, page, problems } = await openConsole(running.browser, consoleUrl(), { colorScheme });
      await openExits(page);
      assert.deepEqual(await accessibilityViolations(page), [], 'charts and lapsed members');
      for (const toggle of await page.getByRole('button', { name: 'Show as table' }).all()) await toggle.click();
      assert.deepEqual(await accessibilityViolations(page), [], 'charts as tables');
      await page.locator('tr[data-customer] button').first().click();
      await page.getByRole('dialog').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'the Win back dialog');
      await page.getByRole('dialog').getByRole('radio', { name: 'A reward' }).check();
      await page.getByRole('dialog').getByLabel('Reward', { exact: true }).waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'the dialog with a reward');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('fits a tablet and a phone: the page never scrolls sideways, a wide table scrolls in its own region', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await openExits(page);
    for (const width of [768, 375]) {
      await page.setViewportSize({ width, height: 900 });
      // Chart.js redraws its canvases to the new width on the next frames: give the layout a moment to settle.
      await page
        .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5_000 })
        .catch(() => undefined);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width} px: the page is ${overflow} px wider than the screen`);
      assert.deepEqual(await accessibilityViolations(page), [], `${width} px`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('speaks Simplified Chinese', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl(), { locale: 'zh-CN' });
    await page.getByRole('button', { name: '使用演示密钥登录' }).click();
    await page.getByRole('link', { name: '流失与挽回' }).click();
    await page.getByRole('heading', { name: '流失与挽回' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: '沉睡会员' }).waitFor();
    await page.getByRole('button', { name: '以表格显示' }).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
