import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { PUBLISHABLE_KEY_HEADER, Summary } from '@loyalty-elements/contract';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../scripts/start-api.mjs';
import { launchChromium } from './support/browser.ts';
import {
  createBirthdayShopper,
  freePort,
  serveExample,
  startMerchantBackend,
  type ExampleName,
  type MerchantBackend,
  type ServedExample,
} from './support/examples.ts';
import { DEMO_PUBLISHABLE_KEY } from './support/stack.ts';

let apiBase: string;
let browser: Browser;
let backend: MerchantBackend;
const examples = new Map<ExampleName, ServedExample>();
const cleanups: (() => Promise<void>)[] = [];

/** Waits for something started in `before`, and remembers how to stop it even when something else failed to start. */
async function started<T>(starting: Promise<T>, stop: (value: T) => Promise<void>): Promise<T> {
  const value = await starting;
  cleanups.push(() => stop(value));
  return value;
}

before(async () => {
  const [apiPort, reactPort, vuePort] = await Promise.all([freePort(), freePort(), freePort()]);
  apiBase = `http://localhost:${apiPort}`;
  const origins = [reactPort, vuePort].map((port) => `http://localhost:${port}`).join(',');
  const startedExample = (name: ExampleName, port: number) =>
    started(serveExample(name, apiBase, port), (example) => example.close()).then((example) => {
      examples.set(name, example);
    });
  const results = await Promise.allSettled([
    started<{ stop(): Promise<void> }>(
      startApi({ env: { PORT: String(apiPort), LOYALTY_ALLOWED_ORIGINS: origins } }),
      (api) => api.stop(),
    ),
    started(launchChromium(), (chromium) => chromium.close()).then((value) => (browser = value)),
    started(startMerchantBackend(), (value) => value.stop()).then((value) => (backend = value)),
    startedExample('react', reactPort),
    startedExample('vue', vuePort),
  ]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The token the merchant backend signs for `shopper`. */
async function signedToken(shopper: string): Promise<string> {
  const response = await fetch(`${backend.tokenUrl}?shopper=${encodeURIComponent(shopper)}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json');
  const body = (await response.json()) as { token?: unknown };
  assert.equal(typeof body.token, 'string');
  return body.token as string;
}

/** `GET /v1/me/summary` as the SDK sends it: the customer token and the publishable key. */
async function summaryOf(shopper: string): Promise<Summary> {
  const response = await fetch(`${apiBase}/v1/me/summary`, {
    headers: { Authorization: `Bearer ${await signedToken(shopper)}`, [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY },
  });
  assert.equal(response.status, 200, await response.clone().text());
  return Summary.parse(await response.json());
}

function shownNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('the merchant backend example', () => {
  it('signs tokens the API accepts for the shopper named, and answers a guest with 401', async () => {
    const summary = await summaryOf('demo-shopper');
    assert.equal(summary.customer.id, 'demo-shopper');
    assert.equal(summary.customer.name, 'Lin Mei');

    const guest = await fetch(`${backend.tokenUrl}?shopper=`);
    assert.equal(guest.status, 401);
    const elsewhere = await fetch(new URL('/api/other', backend.tokenUrl));
    assert.equal(elsewhere.status, 404);
  });
});

for (const name of ['react', 'vue'] as const) {
  describe(`the ${name === 'react' ? 'React' : 'Vue'} example, built and served by Vite`, () => {
    it("shows the signed-in shopper's live balance, tier, birthday and survey, and follows a birthday claim", async () => {
      const example = examples.get(name)!;
      const shopper = await createBirthdayShopper(apiBase, `example-${name}`, 1234);
      const context = await browser.newContext();
      // The shopper's session, which the token route reads (a real site reads its own session cookie).
      await context.addCookies([{ name: 'shopper', value: shopper, url: example.url }]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(example.url);

      // Each widget's state, and the survey's view, once none is loading.
      const settled = await page.waitForFunction(
        () => {
          const states = ['loyalty-points-balance', 'loyalty-tier-progress', 'loyalty-birthday-greeting'].map(
            (tag) => document.querySelector<HTMLElement & { state?: string }>(tag)?.state,
          );
          const survey = document.querySelector<HTMLElement & { view?: string }>('loyalty-satisfaction-survey')?.view;
          return [...states, survey].every((value) => value && value !== 'loading') && [...states, survey];
        },
        undefined,
        { timeout: 15_000 },
      );
      assert.deepEqual(await settled.jsonValue(), ['ready', 'ready', 'ready', 'survey']);

      const summary = await summaryOf(shopper);
      assert.equal(summary.points.balance, 1234);
      const balance = page.locator('loyalty-points-balance [part~="value"]');
      assert.equal(shownNumber(await balance.textContent()), summary.points.balance);
      assert.equal(
        await page.locator('loyalty-tier-progress [part~="tier"]').first().textContent(),
        summary.tier.current.name.en,
      );
      // Set by the page's own `loyalty-ready` listener (onLoyaltyReady in React, @loyalty-ready in Vue).
      assert.equal(await page.locator('h1').textContent(), `Welcome back, E2E example-${name}`);
      assert.equal(
        await page.evaluate(
          () => document.querySelector<HTMLElement & { trigger: string }>('loyalty-satisfaction-survey')?.trigger,
        ),
        'post_purchase',
      );

      await page.locator('loyalty-birthday-greeting [part~="button"]').click();
      // Shown by the page's `loyalty-birthday-claimed` listener.
      await page.getByRole('status').filter({ hasText: '200 birthday points' }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(
        (expected) =>
          Number(
            (
              document.querySelector('loyalty-points-balance')?.shadowRoot?.querySelector('[part~="value"]')
                ?.textContent ?? ''
            ).replace(/[^\d]/g, ''),
          ) === expected,
        1234 + 200,
        { timeout: 15_000 },
      );
      assert.equal((await summaryOf(shopper)).points.balance, 1234 + 200);
      assert.deepEqual(problems, [], 'no console errors and no page errors');
      await context.close();
    });
  });
}

describe('the React wrappers on a server', () => {
  it('render the React example to HTML in Node, as server-side rendering does', async () => {
    const root = new URL('../examples/react/', import.meta.url);
    // React itself as a Node server loads it; the app's TypeScript through Vite, as a framework's SSR does.
    const requireFromExample = createRequire(new URL('package.json', root));
    const { createElement } = requireFromExample('react') as { createElement(type: unknown): unknown };
    const { renderToString } = requireFromExample('react-dom/server') as { renderToString(node: unknown): string };
    const server = await createViteServer({
      root: fileURLToPath(root),
      configLoader: 'runner',
      logLevel: 'warn',
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
    });
    try {
      const { App } = (await server.ssrLoadModule('/src/App.tsx')) as { App: unknown };
      const html = renderToString(createElement(App));
      assert.match(html, /<h1>Your account<\/h1>/);
      for (const tag of ['loyalty-points-balance', 'loyalty-tier-progress', 'loyalty-birthday-greeting']) {
        assert.match(html, new RegExp(`<${tag}></${tag}>`));
      }
      assert.match(html, /<loyalty-satisfaction-survey[^>]*><\/loyalty-satisfaction-survey>/);
    } finally {
      await server.close();
    }
  });
});
