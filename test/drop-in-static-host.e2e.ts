// The drop-in on a static host that sends no CORS headers (a plain bucket, a shared host), on another origin than
// the merchant's page: the on-demand loader's widget modules are refused by the browser, and the page's console
// says which header to add; loyalty-elements.all.js, one classic script with every widget, works there as it is.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { freePort, startStack, type Stack } from './support/stack.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const embedDist = fileURLToPath(new URL('../packages/embed/dist/', import.meta.url));

describe('the drop-in on a static host without CORS headers', () => {
  let stack: Stack;
  let browser: Browser;
  let host: StaticServer;
  let server: Server;
  let pageUrl: string;

  before(async () => {
    const port = await freePort();
    pageUrl = `http://localhost:${port}`;
    [stack, browser, host] = await Promise.all([
      startStack({ allowedOrigins: [pageUrl] }),
      launchChromium(),
      serveStatic(embedDist),
    ]);
    const tokenUrl = `${stack.apiBase}/v1/demo/customer-token?customer=demo-shopper`;
    // `/?file=loyalty-elements.js`: a page loading that file from the static host, with the balance in its HTML.
    server = createServer((request, response) => {
      const file = new URL(request.url ?? '/', pageUrl).searchParams.get('file');
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en">
  <head>
    <script src="${host.url}/${file}" data-api-base="${stack.apiBase}"
      data-publishable-key="pk_demo_loyalty_elements" data-customer-token-url="${tokenUrl}"></script>
  </head>
  <body><loyalty-points-balance></loyalty-points-balance></body>
</html>`);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await host?.close();
    await stack?.stop();
  });

  async function open(file: string) {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${pageUrl}/?file=${file}`);
    return { tab, errors };
  }

  it('the loader says which header the widget files need, naming the page origin and the one-file choice', async () => {
    const { tab, errors } = await open('loyalty-elements.js');
    // The browser's own console line names the header too; the loader's line is the one that says what to do.
    const ours = () =>
      errors.filter((error) => error.startsWith('loyalty-elements.js: a widget module could not be loaded'));
    const explained = () => ours()[0];
    for (let waited = 0; !explained() && waited < 15_000; waited += 100) await tab.waitForTimeout(100);
    const explanation = explained() ?? '';
    assert.ok(explanation.includes(`check that ${host.url}/widgets/loyalty-points-balance.js exists`), explanation);
    assert.ok(explanation.includes(`"Access-Control-Allow-Origin: ${pageUrl}"`), explanation);
    assert.match(explanation, /loyalty-elements\.all\.js/);
    assert.equal(ours().length, 1);
    assert.equal(await tab.evaluate(() => customElements.get('loyalty-points-balance') === undefined), true);
    await tab.close();
  });

  it('loyalty-elements.all.js shows live data from the same host, with no error', async () => {
    const { tab, errors } = await open('loyalty-elements.all.js');
    await tab.waitForFunction(
      () => (document.querySelector('loyalty-points-balance') as HTMLElement & { state?: string })?.state === 'ready',
      undefined,
      { timeout: 15_000 },
    );
    assert.match((await tab.locator('loyalty-points-balance [part~="value"]').textContent()) ?? '', /\d/);
    assert.equal(
      await tab.evaluate(
        () => typeof (window as { LoyaltyElements?: { identify?: unknown } }).LoyaltyElements?.identify,
      ),
      'function',
    );
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
