// The storefront's first view in Chromium, watched through the DevTools protocol (Playwright's request events leave
// CORS preflights out): a signed-in shopper's widgets read the API across origins with simple requests only.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { createShopper } from './support/loyalty-api.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

const WIDGETS = 'loyalty-points-balance, loyalty-tier-progress, loyalty-rewards, loyalty-satisfaction-survey';

/** The API requests (`METHOD /path`) of a first view of the storefront for `shopper`, once its widgets settled. */
async function firstViewRequests(shopper: string): Promise<{ requests: string[]; states: string[] }> {
  // A new context: empty HTTP and preflight caches, as on a shopper's first visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.startsWith(`${stack.apiBase}/v1/`)) {
        requests.push(`${event.request.method} ${new URL(event.request.url).pathname}`);
      }
    });
    await cdp.send('Network.enable');
    await page.goto(`${stack.storefrontUrl}/?shopper=${encodeURIComponent(shopper)}&lang=en`);
    await page.waitForFunction(
      (selector) =>
        [...document.querySelectorAll<HTMLElement & { state?: string }>(selector)].every(
          (widget) => widget.state !== undefined && widget.state !== 'loading',
        ),
      WIDGETS,
      { timeout: 15_000 },
    );
    const states = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLElement & { state: string }>(selector)].map(
          (widget) => `${widget.localName}: ${widget.state}`,
        ),
      WIDGETS,
    );
    return { requests, states };
  } finally {
    await context.close();
  }
}

describe('the storefront’s first view', () => {
  for (const [who, shopper] of [
    ['the demo shopper', async () => 'demo-shopper'],
    ['a new shopper with the post-purchase survey due', () => createShopper(stack.apiBase, 'preflight')],
  ] as const) {
    it(`sends ${who}’s reads with no CORS preflight`, async () => {
      const { requests, states } = await firstViewRequests(await shopper());
      assert.ok(requests.includes('GET /v1/me/summary'), `the widgets read the summary: ${requests.join(', ')}`);
      assert.ok(!states.some((state) => state.endsWith(': error')), states.join(', '));
      assert.deepEqual(
        requests.filter((request) => request.startsWith('OPTIONS ')),
        [],
        `no preflight among ${requests.join(', ')}`,
      );
    });
  }
});
