// The merchant console in real Chromium against the real API: sign-in with the demo key, the Overview's figures
// equal to the API's, sign-out, the CSRF and cookie rules, the CSP, and axe-core on every page state, light and dark.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { AdminOverview } from '@loyalty-elements/contract';
import {
  accessibilityViolations,
  endSessionElsewhere as endSessionOf,
  openConsole,
  sessionCookie as sessionCookieOf,
  signInWithDemoKey,
} from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { DEMO_SECRET_KEY } from './support/stack.ts';

const running = consoleStackPerFile();

const consoleUrl = () => running.consoleUrl();

async function overviewFromApi(): Promise<AdminOverview> {
  const res = await fetch(`${running.stack.apiBase}/v1/admin/overview`, {
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
  });
  assert.equal(res.status, 200);
  return AdminOverview.parse(await res.json());
}

const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

const sessionCookie = (context: BrowserContext) => sessionCookieOf(context, running.stack.apiBase);
const endSessionElsewhere = (context: BrowserContext) => endSessionOf(context, running.stack.apiBase);

describe('the merchant console', () => {
  it('is served with the strict CSP, and signs in through the form with the demo key', async () => {
    const res = await fetch(consoleUrl());
    assert.equal(res.status, 200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }

    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await page.getByLabel('Secret key').fill('sk_wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('That is not a secret key').waitFor();
    await page.getByLabel('Secret key').fill(DEMO_SECRET_KEY);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('[data-figure="members-total"] dd').waitFor({ timeout: 15_000 });

    const cookie = await sessionCookie(context);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie), '', 'the page cannot read the session');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the members total, points outstanding and weekly table the API returns', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await signInWithDemoKey(page);
    const overview = await overviewFromApi();
    assert.equal(
      shownNumber(await page.locator('[data-figure="members-total"] dd').textContent()),
      overview.members.total,
    );
    assert.equal(
      shownNumber(await page.locator('[data-figure="points-outstanding"] dd').first().textContent()),
      overview.points.outstanding,
    );

    const weekly = page.locator('console-chart-card[data-chart="weekly-points"]');
    await weekly.locator('canvas').waitFor();
    await weekly.getByRole('button', { name: 'Show as table' }).click();
    const table = weekly.getByRole('table', { name: 'Points earned and redeemed per week' });
    const rows = await table.locator('tbody tr').all();
    assert.equal(rows.length, overview.weekly.length);
    for (const [index, week] of overview.weekly.entries()) {
      const cells = await rows[index]!.locator('td').allTextContents();
      assert.deepEqual(cells.map(shownNumber), [week.earned, week.redeemed], week.weekStart);
    }
    assert.equal(await table.locator('thead th').count(), 3);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('signs out: the old cookie is refused from then on', async () => {
    const { context, page } = await openConsole(running.browser, consoleUrl());
    await signInWithDemoKey(page);
    const { value } = await sessionCookie(context);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with the demo key' }).waitFor();
    const res = await fetch(`${running.stack.apiBase}/v1/admin/overview`, {
      headers: { Cookie: `loyalty_console=${value}` },
    });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'console_session_invalid');
    await context.close();
  });

  it('signs out when the session has already ended: the sign-in page, no script error', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await signInWithDemoKey(page);
    await endSessionElsewhere(context);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with the demo key' }).waitFor({ timeout: 5_000 });
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('brings the merchant back to sign-in, saying why, when any call finds the session ended', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl());
    await signInWithDemoKey(page);
    await endSessionElsewhere(context);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('alert').getByText('Your session has ended. Sign in again to continue.').waitFor({
      timeout: 5_000,
    });
    await page.getByRole('button', { name: 'Sign in with the demo key' }).click();
    // Signed in again, on the page it was on, and the notice is gone.
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByText('Your session has ended').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says so, with a way to try again, when the session cannot be checked', async () => {
    const { context, page } = await openConsole(running.browser, consoleUrl());
    await page.getByRole('button', { name: 'Sign in with the demo key' }).waitFor();
    const isSession = (url: URL) => url.pathname === '/console/api/session';
    await page.route(isSession, (route) => route.abort());
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not check whether you are signed in.' });
    await alert.waitFor({ timeout: 5_000 });
    await page.unroute(isSession);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Sign in with the demo key' }).waitFor();
    await context.close();
  });

  it('refuses a cross-site request carrying the cookie', async () => {
    const { context, page } = await openConsole(running.browser, consoleUrl());
    await signInWithDemoKey(page);
    const { value } = await sessionCookie(context);
    const forged = await fetch(`${running.stack.apiBase}/console/api/session`, {
      method: 'DELETE',
      headers: { Cookie: `loyalty_console=${value}`, Origin: 'http://evil.example', 'X-Loyalty-Console': '1' },
    });
    assert.equal(forged.status, 403);
    assert.equal(((await forged.json()) as { code: string }).code, 'cross_site_refused');

    // A page on another origin posting with the browser: SameSite=Strict keeps the cookie home, and the API refuses.
    const other = await context.newPage();
    await other.goto(running.stack.storefrontUrl);
    const status = await other.evaluate(async (url) => {
      const res = await fetch(url, { method: 'DELETE', credentials: 'include', mode: 'no-cors' }).catch(() => null);
      return res?.status ?? -1;
    }, `${running.stack.apiBase}/console/api/session`);
    assert.ok(status === 0 || status === -1, 'an opaque answer the other page cannot read');
    // The session survived the attempt.
    await page.reload();
    await page.locator('[data-figure="members-total"] dd').waitFor({ timeout: 15_000 });
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on the sign-in and Overview pages (${colorScheme})`, async () => {
      const { context, page, problems } = await openConsole(running.browser, consoleUrl(), { colorScheme });
      await page.getByRole('button', { name: 'Sign in with the demo key' }).waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'sign-in page');
      await signInWithDemoKey(page);
      await page.locator('console-chart-card canvas').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'Overview');
      for (const toggle of await page.getByRole('button', { name: 'Show as table' }).all()) await toggle.click();
      assert.deepEqual(await accessibilityViolations(page), [], 'Overview with tables');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('speaks Simplified Chinese for a Chinese running.browser, and on a phone-width screen', async () => {
    const { context, page } = await openConsole(running.browser, consoleUrl(), { locale: 'zh-CN' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: '使用演示密钥登录' }).click();
    await page.getByRole('heading', { name: '概览' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '以表格显示' }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    await context.close();
  });
});
