// The console's Service recovery page in real Chromium against the real API: a detractor's complaint found in the
// queue, assigned, noted and resolved with goodwill points that the shopper's balance on the storefront then shows
// once, however often the resolution is sent; the shopper's "resolved?" answer in the queue; errors in words; an
// overdue follow-up standing out; axe-core on every state, light and dark; Chinese.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { FollowUpPage, followUpPaths } from '@loyalty-elements/contract';
import { accessibilityViolations, endSessionElsewhere, openConsole } from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { summaryOf } from './support/loyalty-api.ts';
import {
  adminJson,
  complain,
  followUpFromApi,
  openRecoveryPage,
  queueRow,
  startClockedApi,
} from './support/recovery.ts';

const running = consoleStackPerFile();

/** The console's queue shows this many follow-ups before "Show more". */
const QUEUE_PAGE_SIZE = 25;
const HOUR_MS = 3_600_000;
const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const detail = (page: Page) => page.locator('console-follow-up-detail dialog.panel');
const resolveForm = (page: Page) => page.locator('console-resolve-dialog dialog');

/** The storefront's points balance widget for a shopper, as a number once it has loaded. */
async function storefrontBalance(page: Page, customerId: string): Promise<number> {
  await page.goto(`${running.stack.storefrontUrl}/?shopper=${encodeURIComponent(customerId)}&lang=en`);
  const value = page.locator('loyalty-points-balance [part~="value"]');
  await value.waitFor({ timeout: 15_000 });
  return shownNumber(await value.textContent());
}

/** Opens a follow-up from its row and waits for its panel. */
async function openFollowUp(page: Page, followUpId: string): Promise<void> {
  await queueRow(page, followUpId).locator('button.open').click();
  await detail(page).waitFor();
}

describe('the Service recovery page', () => {
  it('works a complaint from the queue to a resolution whose goodwill points the storefront shows, once', async () => {
    const { customerId, followUp } = await complain(running.stack.apiBase, 'recovery-e2e', 'The tea arrived cold.');
    const shopper = await running.browser.newPage();
    const balanceBefore = await storefrontBalance(shopper, customerId);
    assert.equal(balanceBefore, (await summaryOf(running.stack.apiBase, customerId)).points.balance);

    const { context, page, problems } = await openRecoveryPage(running.browser, running.stack.apiBase);
    const row = queueRow(page, followUp.id);
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /The tea arrived cold\./);
    assert.match((await row.locator('td.status').textContent()) ?? '', /Open/);

    await openFollowUp(page, followUp.id);
    await detail(page).getByText('The tea arrived cold.').waitFor();
    await detail(page).getByText('Reliability').waitFor();

    await detail(page).getByLabel('Assigned to').fill('Mei Lin');
    await detail(page).getByRole('button', { name: 'Save assignee' }).click();
    await detail(page).getByText('Assignee saved.').waitFor();
    await detail(page).getByLabel('New note').fill('Called the shopper; a new tin is on its way.');
    await detail(page).getByLabel('New note').press('Tab');
    await page.keyboard.press('Enter');
    await detail(page).locator('.notes li').getByText('Called the shopper; a new tin is on its way.').waitFor();
    const focusedText = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.textContent?.trim() ?? null;
    });
    assert.equal(focusedText, 'Add note', 'the keyboard stays on Add note');
    const noted = await followUpFromApi(running.stack.apiBase, followUp.id);
    assert.equal(noted.assignee, 'Mei Lin');
    assert.deepEqual(
      noted.notes.map((note) => note.text),
      ['Called the shopper; a new tin is on its way.'],
    );

    await detail(page).getByRole('button', { name: 'Resolve…' }).click();
    await resolveForm(page).getByText('Credited to the shopper as a goodwill adjustment').waitFor();
    await resolveForm(page).getByLabel('Outcome').fill('Sent a new tin and apologised');
    await resolveForm(page).getByLabel('Goodwill points (optional)').fill('50');
    await resolveForm(page).getByRole('button', { name: 'Resolve' }).dblclick();
    await detail(page).locator('[data-section="resolution"]').getByText('Sent a new tin and apologised').waitFor();
    assert.equal(await resolveForm(page).isVisible(), false, 'the form closes once the API answered');

    await page.keyboard.press('Escape');
    await detail(page).waitFor({ state: 'detached' });
    assert.equal(
      await page.evaluate(() => {
        const root = document.querySelector('loyalty-console-app')?.shadowRoot;
        const pageRoot = root?.querySelector('console-recovery-page')?.shadowRoot;
        return pageRoot?.activeElement?.getAttribute('data-open') ?? null;
      }),
      followUp.id,
      'Escape closes the panel and the focus returns to the follow-up’s row',
    );
    const status = (await row.locator('td.status').textContent()) ?? '';
    assert.match(status, /Closed/);
    assert.match(status, /Sent a new tin and apologised/);
    assert.match(status, /50 goodwill points/);

    const resolved = await followUpFromApi(running.stack.apiBase, followUp.id);
    assert.equal(resolved.resolution?.goodwillPoints, 50);
    const summary = await summaryOf(running.stack.apiBase, customerId);
    assert.equal(summary.points.balance, balanceBefore + 50, 'a double click credits once');
    assert.equal(await storefrontBalance(shopper, customerId), balanceBefore + 50);

    // The storefront then asks the shopper whether it was resolved; the queue shows the answer.
    await shopper.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'survey',
      undefined,
      { timeout: 15_000 },
    );
    await shopper.locator('loyalty-satisfaction-survey').getByLabel('Yes').check();
    await shopper.locator('loyalty-satisfaction-survey button[type="submit"]').click();
    await shopper.waitForFunction(
      () => document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view === 'thanks',
    );
    await page.reload();
    await page.locator('console-recovery-page button[data-filter="closed"]').click();
    await row
      .locator('.check')
      .getByText(/^Resolved: yes \(/)
      .waitFor();
    await openFollowUp(page, followUp.id);
    assert.match((await detail(page).locator('[data-check]').textContent()) ?? '', /^Resolved: yes \(/);
    assert.deepEqual(problems, []);
    await shopper.close();
    await context.close();
  });
});

describe('the Service recovery page when things go wrong', () => {
  it('resends a resolution the browser never heard back about with the same key: the shopper is credited once', async () => {
    const { customerId, followUp } = await complain(running.stack.apiBase, 'retry-e2e', 'Wrong tea in the box.');
    const balanceBefore = (await summaryOf(running.stack.apiBase, customerId)).points.balance;
    const { context, page } = await openRecoveryPage(running.browser, running.stack.apiBase);
    await openFollowUp(page, followUp.id);
    await detail(page).getByRole('button', { name: 'Resolve…' }).click();
    await resolveForm(page).getByLabel('Outcome').fill('Sent the right tea');
    await resolveForm(page).getByLabel('Goodwill points (optional)').fill('30');

    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/resolution')) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    // The API does the work, but the answer never reaches the page.
    await page.route('**/resolution', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await resolveForm(page).getByRole('button', { name: 'Resolve' }).click();
    await resolveForm(page).getByRole('alert').getByText('The API could not be reached').waitFor();
    assert.equal(await resolveForm(page).getByLabel('Outcome').inputValue(), 'Sent the right tea', 'nothing lost');
    assert.equal(
      (await followUpFromApi(running.stack.apiBase, followUp.id)).status,
      'closed',
      'the first one was written',
    );

    await page.unroute('**/resolution');
    await resolveForm(page).getByRole('button', { name: 'Resolve' }).click();
    await detail(page).locator('[data-section="resolution"]').getByText('Sent the right tea').waitFor();
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'the retry carries the first attempt’s Idempotency-Key');
    assert.equal((await summaryOf(running.stack.apiBase, customerId)).points.balance, balanceBefore + 30);
    await context.close();
  });

  it('says in words that a colleague resolved the follow-up first, keeping what was typed', async () => {
    const { followUp } = await complain(running.stack.apiBase, 'closed-e2e', 'The lid was broken.');
    const { context, page, problems } = await openRecoveryPage(running.browser, running.stack.apiBase);
    await openFollowUp(page, followUp.id);
    await detail(page).getByRole('button', { name: 'Resolve…' }).click();
    await resolveForm(page).getByLabel('Outcome').fill('Sent a new lid');
    await adminJson(running.stack.apiBase, followUpPaths.resolution(followUp.id), {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ outcome: 'Refunded by phone' }),
    });
    await resolveForm(page).getByRole('button', { name: 'Resolve' }).click();
    await resolveForm(page).getByRole('alert').getByText('already resolved, perhaps by a colleague').waitFor();
    assert.equal(await resolveForm(page).getByLabel('Outcome').inputValue(), 'Sent a new lid');
    assert.deepEqual(await accessibilityViolations(page), [], 'the resolve form with its error');
    await resolveForm(page).getByRole('button', { name: 'Cancel' }).click();
    await detail(page).locator('[data-section="resolution"]').getByText('Refunded by phone').waitFor();
    assert.equal(await detail(page).getByRole('button', { name: 'Resolve…' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
  it('says why a note about a shopper erased meanwhile is refused', async () => {
    const { customerId, followUp } = await complain(running.stack.apiBase, 'erased-e2e', 'The tea was stale.');
    const { context, page, problems } = await openRecoveryPage(running.browser, running.stack.apiBase);
    await openFollowUp(page, followUp.id);
    await adminJson(running.stack.apiBase, `/v1/admin/customers/${encodeURIComponent(customerId)}`, {
      method: 'DELETE',
    });
    await detail(page).getByLabel('New note').fill('Called them back.');
    await detail(page).getByRole('button', { name: 'Add note' }).click();
    await detail(page).getByRole('alert').getByText('no notes are kept about them').waitFor();
    assert.deepEqual((await followUpFromApi(running.stack.apiBase, followUp.id)).notes, []);
    // Their name is gone: the queue and the panel say who the follow-up is about in words, not with an empty button.
    await page.reload();
    await queueRow(page, followUp.id).getByRole('button', { name: 'Erased customer' }).click();
    await detail(page).getByRole('heading', { name: 'Follow-up: Erased customer' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the Service recovery page when the session ends', () => {
  /** Signs out in a second tab of the same browser: the session ends and its cookie is gone from every tab. */
  async function signOutInAnotherTab(context: BrowserContext): Promise<void> {
    const other = await context.newPage();
    await other.goto(running.consoleUrl());
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.getByRole('button', { name: 'Sign in with the demo key' }).waitFor({ timeout: 15_000 });
    await other.close();
  }
  const endings = {
    'signed out in another tab': signOutInAnotherTab,
    'ended by the API': (context: BrowserContext) => endSessionElsewhere(context, running.stack.apiBase),
  };

  for (const [ending, endSession] of Object.entries(endings)) {
    it(`goes back to sign-in saying so, resolving nothing, when the session ends (${ending})`, async () => {
      const { followUp } = await complain(running.stack.apiBase, 'session-e2e', 'Nobody called back.');
      const { context, page, problems } = await openRecoveryPage(running.browser, running.stack.apiBase);
      await openFollowUp(page, followUp.id);
      await detail(page).getByRole('button', { name: 'Resolve…' }).click();
      await resolveForm(page).getByLabel('Outcome').fill('Called them back');
      await endSession(context);
      await resolveForm(page).getByRole('button', { name: 'Resolve' }).click();

      await page.getByRole('alert').getByText('Your session has ended. Sign in again to continue.').waitFor({
        timeout: 5_000,
      });
      assert.equal(await page.getByText('another tab').count(), 0, 'no advice to sign in elsewhere');
      assert.equal((await followUpFromApi(running.stack.apiBase, followUp.id)).resolution, null, 'nothing resolved');
      await page.getByRole('button', { name: 'Sign in with the demo key' }).click();
      await page.getByRole('heading', { name: 'Service recovery', level: 1 }).waitFor({ timeout: 15_000 });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('the Service recovery page, light and dark', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in the queue, the detail and the resolve form (${colorScheme})`, async () => {
      const { followUp } = await complain(running.stack.apiBase, `axe-${colorScheme}`, 'Nobody answered my email.');
      const { context, page, problems } = await openRecoveryPage(running.browser, running.stack.apiBase, {
        colorScheme,
      });
      await queueRow(page, followUp.id).waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'queue');
      await openFollowUp(page, followUp.id);
      await detail(page).getByText('Nobody answered my email.').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'detail');
      await detail(page).getByRole('button', { name: 'Resolve…' }).click();
      await resolveForm(page).getByLabel('Outcome').waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'resolve form');
      await page.keyboard.press('Escape');
      await resolveForm(page).waitFor({ state: 'hidden' });
      await detail(page).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('overdue follow-ups', () => {
  let clocked: Awaited<ReturnType<typeof startClockedApi>>;
  before(async () => {
    clocked = await startClockedApi();
  });
  after(async () => {
    await clocked?.close();
  });

  it('stand out in the queue, most overdue first, page by page, in English and Chinese', async () => {
    const complaints = [];
    for (let index = 0; index <= QUEUE_PAGE_SIZE; index += 1) {
      complaints.push(await complain(clocked.apiBase, `overdue-${index}`, `Late order number ${index}.`));
    }
    await adminJson(clocked.apiBase, '/v1/admin/program', {
      method: 'PATCH',
      body: JSON.stringify({ followUpTargetHours: 1 }),
    });
    clocked.advance(3 * HOUR_MS);
    const expected = FollowUpPage.parse(
      await adminJson(clocked.apiBase, `${followUpPaths.followUps}?status=open&overdue=true&limit=200`),
    ).followUps.map((followUp) => followUp.id);
    assert.equal(expected.length, complaints.length);

    const { context, page, problems } = await openRecoveryPage(running.browser, clocked.apiBase);
    await page.clock.setFixedTime(clocked.now());
    await page.locator('console-recovery-page button[data-filter="overdue"]').click();
    const rows = page.locator('console-recovery-page tbody tr');
    await rows.nth(QUEUE_PAGE_SIZE - 1).waitFor();
    assert.equal(await rows.count(), QUEUE_PAGE_SIZE);
    const first = rows.first();
    assert.match((await first.locator('td.status').textContent()) ?? '', /Overdue/);
    assert.equal(await first.locator('.badge.overdue .icon').count(), 1, 'an icon beside the word, not colour alone');
    assert.match((await first.locator('td').nth(2).textContent()) ?? '', /3 hr/);
    assert.deepEqual(await accessibilityViolations(page), [], 'the overdue queue');

    await page.getByRole('button', { name: 'Show more' }).click();
    await rows.nth(QUEUE_PAGE_SIZE).waitFor();
    assert.deepEqual(
      await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-follow-up'))),
      expected,
      'in the API’s order, the most overdue first',
    );
    assert.equal(await page.getByRole('button', { name: 'Show more' }).count(), 0, 'no more to show');
    assert.deepEqual(problems, []);
    await context.close();

    const chinese = await openConsole(running.browser, `${clocked.apiBase}/console/`, { locale: 'zh-CN' });
    await chinese.page.clock.setFixedTime(clocked.now());
    await chinese.page.getByRole('button', { name: '使用演示密钥登录' }).click();
    await chinese.page.getByRole('link', { name: '服务补救' }).click();
    await chinese.page.getByRole('heading', { name: '服务补救' }).waitFor({ timeout: 15_000 });
    const row = chinese.page.locator(`console-recovery-page tr[data-follow-up="${expected[0]}"]`);
    await row.waitFor();
    assert.match((await row.locator('td.status').textContent()) ?? '', /已逾期/);
    assert.match((await row.locator('td').nth(2).textContent()) ?? '', /3小时/);

    // On a phone the queue scrolls inside its own region, and a follow-up takes the whole screen.
    await chinese.page.setViewportSize({ width: 375, height: 800 });
    const overflow = await chinese.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px)`);
    await row.locator('button.open').click();
    const panel = detail(chinese.page);
    await panel.getByRole('button', { name: '关闭' }).waitFor();
    assert.equal((await panel.boundingBox())?.width, 375);
    assert.deepEqual(chinese.problems, []);
    await chinese.context.close();
  });
});
