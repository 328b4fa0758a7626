// The quick starts of the README and docs/frameworks.md must work as pasted. Each code block marked
// `<!-- quick-start: <file> -->` is taken
// from that example file (its lines appear there, in order), and the examples are tested for real
// (examples.e2e.ts). The script-tag page, which has no example of its own, is served as written, only with the
// demo's ports replaced by the test stack's, and must show the demo shopper's live balance.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { PUBLISHABLE_KEY_HEADER, Summary } from '@loyalty-elements/contract';
import { launchChromium } from './support/browser.ts';
import { DEMO_PUBLISHABLE_KEY, freePort, startStack, type Stack } from './support/stack.ts';

const root = new URL('../', import.meta.url);
/** The README and the page its "five ways in" continue on. */
const pages = ['README.md', 'docs/frameworks.md'].map((path) => readFileSync(new URL(path, root), 'utf8'));

/** Every `<!-- quick-start: name -->` and the fenced code block right after it. */
const quickStarts = pages.flatMap((page) =>
  [...page.matchAll(/<!-- quick-start: (\S+) -->\s*```\w*\n([\s\S]*?)\n```/g)].map(([, name, code]) => ({
    name: name!,
    code: code!,
  })),
);

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

describe('the README quick starts', () => {
  it('mark a script-tag page (README), the React, Vue and Next.js examples and the token route (docs/frameworks.md)', () => {
    const names = quickStarts.map((quickStart) => quickStart.name);
    for (const expected of [
      'script-tag',
      'examples/react/src/main.tsx',
      'examples/react/src/App.tsx',
      'examples/vue/src/main.ts',
      'examples/vue/src/App.vue',
      'examples/next/app/page.tsx',
      'examples/next/instrumentation-client.ts',
      'examples/merchant-backend/loyalty-token.ts',
    ]) {
      assert.ok(names.includes(expected), `README quick start for ${expected}`);
    }
  });

  for (const { name, code } of quickStarts.filter((quickStart) => quickStart.name !== 'script-tag')) {
    it(`${name}: every line is in the example, in order`, () => {
      const file = lines(readFileSync(new URL(name, root), 'utf8'));
      let at = 0;
      for (const line of lines(code)) {
        const found = file.indexOf(line, at);
        assert.notEqual(found, -1, `${name} has no line "${line}" after line ${at + 1} of its code`);
        at = found + 1;
      }
    });
  }

  describe('the script-tag page', () => {
    let stack: Stack;
    let browser: Browser;
    let page: Server;
    let pageUrl: string;

    before(async () => {
      const port = await freePort();
      pageUrl = `http://localhost:${port}`;
      [stack, browser] = await Promise.all([startStack({ allowedOrigins: [pageUrl] }), launchChromium()]);
      const html = quickStarts
        .find((quickStart) => quickStart.name === 'script-tag')!
        .code.replaceAll('http://localhost:8080', stack.storefrontUrl)
        .replaceAll('http://localhost:8787', stack.apiBase);
      page = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      });
      await new Promise<void>((resolve) => page.listen(port, '127.0.0.1', resolve));
    });
    after(async () => {
      await browser?.close();
      await new Promise((resolve) => page?.close(resolve));
      await stack?.stop();
    });

    it("shows the demo shopper's live balance with all four widgets, and no console errors", async () => {
      assert.equal((page.address() as AddressInfo).port, Number(new URL(pageUrl).port));
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      tab.on('pageerror', (error) => problems.push(error.message));
      await tab.goto(pageUrl);
      await tab.waitForFunction(
        () => {
          const widgets = [...document.querySelectorAll<HTMLElement & { state?: string }>('*')].filter((element) =>
            element.localName.startsWith('loyalty-'),
          );
          const summaryWidgets = widgets.filter((widget) => widget.localName !== 'loyalty-satisfaction-survey');
          return widgets.length === 4 && summaryWidgets.every((widget) => widget.state === 'ready');
        },
        undefined,
        { timeout: 15_000 },
      );
      const shown = await tab.locator('loyalty-points-balance [part~="value"]').textContent();

      const token = (await (await fetch(`${stack.apiBase}/v1/demo/customer-token?customer=demo-shopper`)).json()) as {
        token: string;
      };
      const response = await fetch(`${stack.apiBase}/v1/me/summary`, {
        headers: { Authorization: `Bearer ${token.token}`, [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY },
      });
      const summary = Summary.parse(await response.json());
      assert.equal(Number((shown ?? '').replace(/[^\d]/g, '')), summary.points.balance);
      assert.deepEqual(problems, []);
      await tab.close();
    });
  });
});
