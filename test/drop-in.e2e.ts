// The CDN drop-in loads a widget's code only when its tag is on the page: a merchant page with one widget
// downloads that widget's module and the code it shares, no other; a tag added later is loaded then; a module
// that fails to download is tried again when the page changes, after a wait that grows with each failure; the
// widgets a script tag lists in data-widgets are on the page's first paint. The page is on its own origin, as a
// merchant's site is beside a CDN, and talks to the real API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { freePort, startStack, type Stack } from './support/stack.ts';

type Widget = HTMLElement & { state?: string };

describe('the drop-in loads widgets on demand', () => {
  let stack: Stack;
  let browser: Browser;
  let server: Server;
  let pageUrl: string;

  before(async () => {
    const port = await freePort();
    pageUrl = `http://localhost:${port}`;
    [stack, browser] = await Promise.all([startStack({ allowedOrigins: [pageUrl] }), launchChromium()]);
    const tokenUrl = `${stack.apiBase}/v1/demo/customer-token?customer=demo-shopper`;
    // `/?widgets=a,b`: a page with those tags in its HTML; `&listed=a b`: its script tag's data-widgets;
    // `&module`: the file loaded as a module script, which it is not; `&cdn=<origin>`: the files from there.
    server = createServer((request, response) => {
      const query = new URL(request.url ?? '/', pageUrl).searchParams;
      const cdn = query.get('cdn') ?? stack.storefrontUrl;
      const widgets = query.get('widgets')?.split(',') ?? [];
      const listed = query.has('listed') ? ` data-widgets="${query.get('listed')}"` : '';
      const type = query.has('module') ? ' type="module"' : '';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en">
  <head>
    <script${type} src="${cdn}/loyalty-elements.js" data-api-base="${stack.apiBase}"
      data-publishable-key="pk_demo_loyalty_elements" data-customer-token-url="${tokenUrl}"${listed}></script>
  </head>
  <body>${widgets.map((tag) => `<${tag}></${tag}>`).join('')}<p>The rest of the page</p></body>
</html>`);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stack?.stop();
  });

  /** A tab whose widget module downloads (file names under widgets/, chunks left out) and console errors are kept. */
  async function openTab() {
    const tab = await browser.newPage();
    const modules: string[] = [];
    const errors: string[] = [];
    tab.on('request', (request) => {
      // The loader's one check for a missing CORS header after a failed download is no module download.
      if (request.url().includes('cors-check=')) return;
      const match = /\/widgets\/(loyalty-[a-z-]+\.js)/.exec(request.url());
      if (match) modules.push(match[1]!);
    });
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(error.message));
    return { tab, modules, errors };
  }

  const ready = (tab: Page, tag: string) =>
    tab.waitForFunction((name) => document.querySelector<Widget>(name)?.state === 'ready', tag, { timeout: 15_000 });

  /** Waits for `condition`, failing after 10 s with `why()`. */
  async function until(condition: () => boolean, why: () => string) {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      assert.ok(Date.now() < deadline, why());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('a page with the balance downloads the balance alone and shows live data', async () => {
    const { tab, modules, errors } = await openTab();
    await tab.goto(`${pageUrl}/?widgets=loyalty-points-balance`);
    await ready(tab, 'loyalty-points-balance');
    assert.match((await tab.locator('loyalty-points-balance [part~="value"]').textContent()) ?? '', /\d/);
    const defined = await tab.evaluate(() =>
      ['loyalty-points-balance', 'loyalty-tier-progress', 'loyalty-satisfaction-survey'].map(
        (tag) => customElements.get(tag) !== undefined,
      ),
    );
    assert.deepEqual(defined, [true, false, false]);
    assert.deepEqual(modules, ['loyalty-points-balance.js']);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('asks for the shopper’s token and summary while the widgets’ code downloads, once for every widget', async () => {
    const { tab, errors } = await openTab();
    const api: string[] = [];
    tab.on('request', (request) => {
      if (request.url().startsWith(stack.apiBase)) api.push(new URL(request.url()).pathname);
    });
    await tab.addInitScript(() => {
      void customElements
        .whenDefined('loyalty-points-balance')
        .then(() => ((window as unknown as { definedAt: number }).definedAt = performance.now()));
    });
    await tab.goto(`${pageUrl}/?widgets=loyalty-points-balance,loyalty-tier-progress`);
    await ready(tab, 'loyalty-points-balance');
    await ready(tab, 'loyalty-tier-progress');
    const [tokenAskedAt, definedAt] = await tab.evaluate(
      (base) => [
        performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.startsWith(`${base}/v1/demo/customer-token`))?.startTime ?? Number.NaN,
        (window as unknown as { definedAt: number }).definedAt,
      ],
      stack.apiBase,
    );
    assert.ok(
      tokenAskedAt < definedAt!,
      `the token was asked for at ${tokenAskedAt} ms, before the balance's code ran at ${definedAt} ms`,
    );
    const count = (path: string) => api.filter((requested) => requested === path).length;
    assert.deepEqual([count('/v1/demo/customer-token'), count('/v1/me/summary')], [1, 1], api.join(', '));
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('a widget added after the page loaded is downloaded then, and shares the client', async () => {
    const { tab, modules, errors } = await openTab();
    await tab.goto(`${pageUrl}/?widgets=loyalty-points-balance`);
    await ready(tab, 'loyalty-points-balance');
    await tab.evaluate(() => {
      const view = document.createElement('section');
      view.append(document.createElement('loyalty-tier-progress'));
      document.body.append(view);
    });
    await ready(tab, 'loyalty-tier-progress');
    assert.deepEqual(modules, ['loyalty-points-balance.js', 'loyalty-tier-progress.js']);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('a widget module that fails to download is tried again when the page changes', async () => {
    const { tab, modules, errors } = await openTab();
    let refused = 0;
    await tab.route('**/widgets/loyalty-tier-progress.js', (route) => {
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await tab.goto(`${pageUrl}/?widgets=loyalty-tier-progress`);
    const deadline = Date.now() + 10_000;
    while (!errors.some((error) => error.includes('could not load <loyalty-tier-progress>'))) {
      assert.ok(Date.now() < deadline, `no error reported; console: ${errors.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(refused, 1);
    assert.equal(await tab.evaluate(() => customElements.get('loyalty-tier-progress') !== undefined), false);

    await tab.unroute('**/widgets/loyalty-tier-progress.js');
    await tab.evaluate(() => document.body.append(document.createElement('p')));
    await ready(tab, 'loyalty-tier-progress');
    assert.deepEqual(modules, ['loyalty-tier-progress.js', 'loyalty-tier-progress.js']);
    await tab.close();
  });

  it('a module that keeps failing waits longer before each try, however often the page changes', async () => {
    const { tab, modules, errors } = await openTab();
    // Every download of the module fails, the retries (`?attempt=N`) too.
    const tierModule = /\/widgets\/loyalty-tier-progress\.js(\?attempt=\d+)?$/;
    await tab.route(tierModule, (route) => route.abort('internetdisconnected'));
    const tries = () => modules.filter((name) => name === 'loyalty-tier-progress.js').length;
    const failures = () => errors.filter((error) => error.includes('could not load <loyalty-tier-progress>')).length;
    const seen = () => `${tries()} downloads; console: ${errors.join(' | ')}`;
    await tab.goto(`${pageUrl}/?widgets=loyalty-tier-progress`);
    await until(() => failures() === 1, seen);
    assert.equal(tries(), 1);

    // A page that changes all the time (a ticker, a carousel): 25 changes, each in a task of its own, within the
    // 1 s the loader waits after the first failure.
    await tab.evaluate(async () => {
      for (let change = 0; change < 25; change++) {
        document.body.append(document.createElement('p'));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    assert.ok(tries() <= 2, seen());
    // The page changed during the wait: once it ends, the module is tried once more (and fails again).
    await until(() => failures() === 2, seen);
    const secondFailure = Date.now();
    assert.equal(tries(), 2, seen());

    // The browser is back online: the module is tried at once, not after the next wait (2 s).
    await tab.unroute(tierModule);
    await tab.evaluate(() => dispatchEvent(new Event('online')));
    await until(() => tries() === 3, seen);
    assert.ok(Date.now() - secondFailure < 1_500, `tried again ${Date.now() - secondFailure} ms after the failure`);
    await ready(tab, 'loyalty-tier-progress');
    assert.equal(failures(), 2, seen());
    await tab.close();
  });

  it('a widget file missing from a CDN that sends the CORS header only with the files it has is named', async () => {
    // The drop-in's files on a CDN that adds Access-Control-Allow-Origin to the files it has, and answers 404
    // without it for the one a deploy left out.
    const dist = new URL('../packages/embed/dist/', import.meta.url);
    const cdn = createServer((request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'http://cdn');
      const missing = pathname === '/widgets/loyalty-tier-progress.js' || pathname.includes('..');
      (missing ? Promise.reject(new Error('missing')) : readFile(new URL(`.${pathname}`, dist))).then(
        (body) =>
          response.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' }).end(body),
        () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'),
      );
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
    try {
      const { tab, errors } = await openTab();
      await tab.goto(`${pageUrl}/?widgets=loyalty-tier-progress&cdn=${encodeURIComponent(cdnUrl)}`);
      // The loader's explanation, not its "could not load <tag>" line nor the browser's own lines.
      const explained = () =>
        errors.find((error) => error.startsWith('loyalty-elements.js: ') && !error.includes('could not load <'));
      await until(
        () => explained() !== undefined,
        () => `nothing explained; console: ${errors.join(' | ')}`,
      );
      const explanation = explained()!;
      assert.ok(explanation.includes(`check that ${cdnUrl}/widgets/loyalty-tier-progress.js exists`), explanation);
      assert.ok(explanation.includes(`"Access-Control-Allow-Origin: ${pageUrl}"`), explanation);
      assert.match(explanation, /loyalty-elements\.all\.js/);
      await tab.close();
    } finally {
      cdn.closeAllConnections();
      await new Promise((resolve) => cdn.close(resolve));
    }
  });

  /** The page's Cumulative Layout Shift once the balance is ready, its module held back `delayMs` on the way. */
  async function layoutShift(path: string, delayMs: number) {
    const { tab, errors } = await openTab();
    await tab.route('**/widgets/loyalty-points-balance.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await route.continue();
    });
    await tab.addInitScript(() => {
      const page = window as unknown as { shift: number };
      page.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[]) page.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await tab.goto(`${pageUrl}${path}`);
    await ready(tab, 'loyalty-points-balance');
    // The shifts of the frame that showed the widget reach the observer after that frame is painted.
    const shift = await tab.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { shift: number }).shift;
    });
    await tab.close();
    return { shift, errors };
  }

  it('widgets listed in data-widgets are on the first paint, so the page does not shift when they arrive', async () => {
    const listed = await layoutShift('/?widgets=loyalty-points-balance&listed=loyalty-points-balance', 400);
    assert.equal(listed.shift, 0);
    assert.deepEqual(listed.errors, []);
    // Unlisted, the same slow module arrives after the first paint and its skeleton pushes the page down.
    const unlisted = await layoutShift('/?widgets=loyalty-points-balance', 400);
    assert.ok(unlisted.shift > 0, `layout shift ${unlisted.shift}`);
  });

  it('a name in data-widgets that is no widget is reported, and the others still load', async () => {
    const { tab, errors } = await openTab();
    await tab.goto(`${pageUrl}/?widgets=loyalty-points-balance&listed=loyalty-points-balance,loyalty-wallet`);
    await ready(tab, 'loyalty-points-balance');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /data-widgets names no widget loyalty-wallet/);
    await tab.close();
  });

  it('says how to load it when it cannot tell where its widget modules are', async () => {
    const { tab, errors } = await openTab();
    await tab.goto(`${pageUrl}/?widgets=loyalty-points-balance&module`);
    const deadline = Date.now() + 10_000;
    while (!errors.some((error) => error.includes('load this file with a classic <script src='))) {
      assert.ok(Date.now() < deadline, `no error reported; console: ${errors.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await tab.close();
  });
});
