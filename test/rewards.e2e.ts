// Rewards on the real storefront and API: a shopper redeems a reward, gets a code, and the balance on the same
// page drops without a reload; the API agrees, and the catalogue counts one redemption however often it was clicked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { award, catalogueReward, createShopper, summaryOf } from './support/loyalty-api.ts';
import { startStack, type Stack } from './support/stack.ts';

const REWARD = 'free-jasmine-tea';

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('rewards on the storefront', () => {
  it('redeems a reward for a code, and the balance widget drops by its cost without a reload', async () => {
    const customerId = await createShopper(stack.apiBase, 'rewards-e2e');
    await award(stack.apiBase, customerId, 1234);
    const { pointsCost } = await catalogueReward(stack.apiBase, REWARD);
    const redeemedBefore = (await catalogueReward(stack.apiBase, REWARD)).redeemed;

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.storefrontUrl}/?shopper=${encodeURIComponent(customerId)}&lang=en`);
    await page.waitForFunction(
      () =>
        ['loyalty-rewards', 'loyalty-points-balance'].every(
          (tag) => document.querySelector<HTMLElement & { state?: string }>(tag)?.state === 'ready',
        ),
      undefined,
      { timeout: 15_000 },
    );
    const balance = page.locator('loyalty-points-balance [part~="value"]');
    assert.equal(shownNumber(await balance.textContent()), 1234);

    const card = page.locator('loyalty-rewards [part~="card"]', { hasText: /jasmine/i });
    await card.locator('[part~="redeem-button"]').click();
    await card.locator('[part~="confirm-button"]').dblclick();
    const code = page.locator('loyalty-rewards [part~="issued"] [part~="code"]');
    await code.waitFor({ timeout: 15_000 });
    assert.match((await code.textContent()) ?? '', /^LE-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);

    await page.waitForFunction(
      (expected) => {
        const value = document
          .querySelector('loyalty-points-balance')
          ?.shadowRoot?.querySelector('[part~="value"]')?.textContent;
        return Number((value ?? '').replace(/[^\d]/g, '')) === expected;
      },
      1234 - pointsCost,
      { timeout: 15_000 },
    );
    const summary = await summaryOf(stack.apiBase, customerId);
    assert.equal(summary.points.balance, 1234 - pointsCost, 'spent once, however many clicks');
    assert.equal((await catalogueReward(stack.apiBase, REWARD)).redeemed, redeemedBefore + 1);
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await page.close();
  });
});
