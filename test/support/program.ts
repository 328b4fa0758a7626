// What the console's Program page tests need: the admin API's answers, and the page opened on one of its sections.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openConsole, signInWithDemoKey } from './console.ts';
import type { ConsoleStack } from './console-stack.ts';
import { DEMO_SECRET_KEY } from './stack.ts';

/** A GET of the admin API with the demo secret key, its answer checked against a contract schema. */
export async function adminGet<T>(running: ConsoleStack, schema: { parse(value: unknown): T }, path: string) {
  const res = await fetch(`${running.stack.apiBase}${path}`, {
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
  });
  assert.equal(res.status, 200, path);
  return schema.parse(await res.json());
}

/** Signs in and opens the Program page through the navigation, on its Earning section. */
export async function openProgram(
  running: ConsoleStack,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
) {
  const opened = await openConsole(running.browser, `${running.stack.apiBase}/console/`, options);
  const zh = options.locale?.startsWith('zh');
  if (zh) await opened.page.getByRole('button', { name: '使用演示密钥登录' }).click();
  else await signInWithDemoKey(opened.page);
  await opened.page.getByRole('link', { name: zh ? '会员计划' : 'Program' }).click();
  await opened.page.locator('console-earning-section form').waitFor({ timeout: 15_000 });
  return opened;
}

/** Shows a section of the Program page by its button. */
export async function showSection(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name, exact: true, level: 2 }).first().waitFor();
}
