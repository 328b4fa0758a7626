// What every test of the merchant console needs: the built console, a page of its own context with axe-core in it,
// signing in with the demo key, and axe-core's findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// @ts-expect-error -- a plain ES module of the repository's scripts, without type declarations.
import { buildConsoleIfStale } from '../../scripts/console-build.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the console the API serves when its build is missing or older than its sources (a clean clone has none). */
export function ensureConsoleBuilt(): void {
  (buildConsoleIfStale as () => void)();
}

let axe: string | undefined;
/** axe-core's browser build, from the copy the component tests already use. */
function axeSource(): string {
  if (axe !== undefined) return axe;
  let from = `${repoRoot}packages/components/package.json`;
  for (const step of ['@open-wc/testing', 'chai-a11y-axe', 'axe-core/axe.min.js'])
    from = createRequire(from).resolve(step);
  axe = readFileSync(from, 'utf8');
  return axe;
}

/**
 * A console page in a context of its own (own cookies) whose script errors and CSP violations are collected in
 * `problems`. (The browser also reports the 401 of the first session check, which is how the page learns no one is
 * signed in: "Failed to load resource" lines are left out.)
 */
export async function openConsole(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
) {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  // axe-core goes in as the browser's own script: the console's CSP refuses any script added to the page.
  await context.addInitScript({ content: axeSource() });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { context, page, problems };
}

/** Signs in from the sign-in page with the demo key and waits for the Overview's first figure. */
export async function signInWithDemoKey(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with the demo key' }).click();
  await page.locator('[data-figure="members-total"] dd').waitFor({ timeout: 15_000 });
}

/** axe-core's violations on the page as it stands, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(context: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

/** The console's session cookie in the context, asserting there is one. */
export async function sessionCookie(context: BrowserContext, apiBase: string) {
  const cookie = (await context.cookies(apiBase)).find((c) => c.name === 'loyalty_console');
  assert.ok(cookie, 'the session cookie is set');
  return cookie;
}

/** Ends the page's session from outside, as its expiry would: the API refuses its cookie from then on. */
export async function endSessionElsewhere(context: BrowserContext, apiBase: string): Promise<void> {
  const { value } = await sessionCookie(context, apiBase);
  const res = await fetch(`${apiBase}/console/api/session`, {
    method: 'DELETE',
    headers: {
      Cookie: `loyalty_console=${value}`,
      Origin: new URL(apiBase).origin,
      'X-Loyalty-Console': '1',
    },
  });
  assert.equal(res.status, 204, await res.text());
}
