import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { DEMO_SECRET_KEY, startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens a storefront page and collects what a developer would see in the console. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.storefrontUrl}${path}`);
  return { page, problems };
}

const balanceValue = (page: Page) => page.locator('loyalty-points-balance [part~="value"]');

function shownNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('the demo storefront', () => {
  it('shows a signed-in shopper their balance, and the new balance after points are awarded', async () => {
    const { page, problems } = await open('/?shopper=demo-shopper&lang=en');
    await balanceValue(page).waitFor();
    const before = shownNumber(await balanceValue(page).textContent());
    assert.ok(before > 0, 'the demo shopper starts with points');

    const award = await fetch(`${stack.apiBase}/v1/admin/customers/demo-shopper/transactions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${DEMO_SECRET_KEY}`,
        'Idempotency-Key': randomUUID(),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'earn', points: 125, reason: 'Order #1001' }),
    });
    assert.equal(award.status, 201);

    await page.reload();
    await balanceValue(page).waitFor();
    assert.equal(shownNumber(await balanceValue(page).textContent()), before + 125);
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await page.close();
  });

  it('speaks Chinese on a Chinese page', async () => {
    const { page, problems } = await open('/?shopper=demo-shopper&lang=zh-CN');
    await balanceValue(page).waitFor();
    assert.match((await page.locator('loyalty-points-balance [part~="base"]').innerText()) ?? '', /积分/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('invites a guest to sign in instead of showing an error', async () => {
    const { page, problems } = await open('/?shopper=guest&lang=en');
    const link = page.locator('loyalty-points-balance [part~="link"]');
    await link.waitFor();
    assert.match((await link.getAttribute('href')) ?? '', /shopper=demo-shopper/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
