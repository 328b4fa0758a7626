import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, createServer as createViteServer, type InlineConfig } from 'vite';
import { PUBLISHABLE_KEY_HEADER, Summary } from '@loyalty-elements/contract';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../scripts/start-api.mjs';
import { launchChromium } from './support/browser.ts';
import {
  createBirthdayShopper,
  freePort,
  previewBuild,
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
let wrappersPort: number;
const examples = new Map<ExampleName, ServedExample>();
const cleanups: (() => Promise<void>)[] = [];

/** Waits for something started in `before`, and remembers how to stop it even when something else failed to start. */
async function started<T>(starting: Promise<T>, stop: (value: T) => Promise<void>): Promise<T> {
  const value = await starting;
  cleanups.push(() => stop(value));
  return value;
}

before(async () => {
  let apiPort: number, reactPort: number, vuePort: number;
  [apiPort, reactPort, vuePort, wrappersPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  apiBase = `http://localhost:${apiPort}`;
  const origins = [reactPort, vuePort, wrappersPort].map((port) => `http://localhost:${port}`).join(',');
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
    const garbled = await fetch(backend.tokenUrl, { headers: { Cookie: 'shopper=%E0' } });
    assert.equal(garbled.status, 401, 'a cookie that is no name is a guest, not a 500');
    const elsewhere = await fetch(new URL('/api/other', backend.tokenUrl));
    assert.equal(elsewhere.status, 404);
  });
  it('with a real secret key, signs for no one until it reads the shopper from the site’s own session', async () => {
    const real = await startMerchantBackend({ LOYALTY_SECRET_KEY: 'sk_live_of_a_real_program' });
    try {
      for (const request of [`${real.tokenUrl}?shopper=victim-42`, real.tokenUrl]) {
        const response = await fetch(request);
        assert.equal(response.status, 500, request);
        assert.equal(await response.text(), '', 'no token');
      }
    } finally {
      await real.stop();
    }
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

/**
 * A page with every React component of `@loyalty-elements/react`, each given an `onLoyaltyReady` that adds its
 * name and the customer to `window.readyHeard`, built by Vite from the React example (its dependencies and its
 * token route) and served with `vite preview` on `port`.
 */
async function serveEveryWrapper(port: number): Promise<ServedExample> {
  const outDir = await mkdtemp(join(tmpdir(), 'loyalty-react-wrappers-'));
  const entry = 'virtual:every-wrapper';
  const code = `
    import { createElement } from 'react';
    import { createRoot } from 'react-dom/client';
    import { createLoyaltyClient, customerTokenFromUrl } from '@loyalty-elements/sdk';
    import * as wrappers from '@loyalty-elements/react';

    wrappers.setSharedClient(createLoyaltyClient({
      apiBase: ${JSON.stringify(apiBase)},
      publishableKey: ${JSON.stringify(DEMO_PUBLISHABLE_KEY)},
      getCustomerToken: customerTokenFromUrl('/api/loyalty-token'),
    }));
    const names = Object.keys(wrappers)
      .filter((name) => /^Loyalty/.test(name) && !name.endsWith('Element'))
      .sort();
    window.wrapperNames = names;
    window.readyHeard = [];
    createRoot(document.getElementById('root')).render(
      createElement('main', null, names.map((name) =>
        createElement(wrappers[name], {
          key: name,
          ...(name === 'LoyaltySatisfactionSurvey' ? { trigger: 'post_purchase' } : {}),
          onLoyaltyReady: (event) => window.readyHeard.push([name, event.detail.customer.id]),
        }),
      )),
    );`;
  const config = {
    root: fileURLToPath(new URL('../examples/react/', import.meta.url)),
    configLoader: 'runner',
    logLevel: 'warn',
    plugins: [
      {
        name: 'every-wrapper-page',
        resolveId: (id) => (id === entry ? `\0${entry}` : undefined),
        load: (id) => (id === `\0${entry}` ? code : undefined),
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: { page: entry }, output: { entryFileNames: 'page.js' } },
    },
  } satisfies InlineConfig;
  return previewBuild(config, port, async () => {
    await build({ ...config, mode: 'production' });
    await writeFile(
      join(outDir, 'index.html'),
      '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>',
    );
  });
}

describe('the React wrappers in the browser', () => {
  it("call every component's onLoyaltyReady handler with the shopper's summary, the survey's too", async () => {
    const served = await started(serveEveryWrapper(wrappersPort), (value) => value.close());
    const shopper = await createBirthdayShopper(apiBase, 'example-wrappers', 500);
    const context = await browser.newContext();
    await context.addCookies([{ name: 'shopper', value: shopper, url: served.url }]);
    const page = await context.newPage();
    await page.goto(served.url);
    type Heard = { wrapperNames?: string[]; readyHeard?: [string, string][] };
    const names = await page.waitForFunction(() => (window as Heard).wrapperNames, undefined, { timeout: 15_000 });
    const wrappers = (await names.jsonValue()) as string[];
    assert.ok(wrappers.includes('LoyaltySatisfactionSurvey'), wrappers.join(', '));
    assert.ok(wrappers.length >= 10, wrappers.join(', '));
    const heard = () =>
      page.evaluate(() => [...new Set(((window as Heard).readyHeard ?? []).map(([name]) => name))].sort());
    const deadline = Date.now() + 15_000;
    while ((await heard()).length < wrappers.length && Date.now() < deadline) await page.waitForTimeout(100);
    assert.deepEqual(await heard(), wrappers);
    const customers = await page.evaluate(() => [...new Set(((window as Heard).readyHeard ?? []).map(([, id]) => id))]);
    assert.deepEqual(customers, [shopper]);
    await context.close();
  });
});
