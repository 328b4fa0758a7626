// Real pages in Chromium: what a page with given widgets fetches from its own origin and the CDN until every widget
// shows the shopper's data from the real API and the network has gone quiet (chunks loaded on demand included),
// each file compressed on its own as a server sends it. Two builds of the same page: the drop-in from the CDN files,
// and a merchant's bundle from npm (esbuild, ESM, minified, split into chunks as a site's bundler splits them).
import { build } from 'esbuild';
import { esbuildMinifyCss } from '../../packages/components/build/css-literals.mjs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../test/support/static-server.ts';
import type { WidgetTag } from '../../packages/embed/src/widget-tags.ts';
import { launchChromium } from '../support/chromium.ts';
import { buildEmbed } from '../support/drop-in.ts';
import {
  DEMO_PUBLISHABLE_KEY,
  createShopper,
  customerToken,
  startLoyaltyApi,
  type LoyaltyApi,
} from '../support/loyalty-api.ts';
import { sizesOf, type SizeRow } from './measure.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const embedDist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));

export interface PageEntry {
  name: string;
  /** The widgets on the page, each as its tag. */
  widgets: readonly WidgetTag[];
  /** `drop-in`: the CDN loader's script tag; `npm`: the page's own bundle of the npm packages. */
  build: 'drop-in' | 'npm';
  budget?: number;
  target?: number;
}

/** How long the network must stay quiet once the widgets are ready before the page counts as loaded. */
const QUIET_MS = 500;
/** How long the widgets may take to show the shopper's data. */
const READY_TIMEOUT_MS = 20_000;

/** `loyalty-points-balance` → `LoyaltyPointsBalance`, the class the components package exports. */
const classOf = (tag: WidgetTag) =>
  tag.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase());

/** The merchant's module for an npm page: the widgets it shows and the client they share. */
const npmModule = (widgets: readonly WidgetTag[]) => `
  import { createLoyaltyClient } from '@loyalty-elements/sdk';
  import { ${widgets.map(classOf).join(', ')}, setSharedClient } from '@loyalty-elements/components';
  const query = new URLSearchParams(location.search);
  ${widgets.map((tag) => `${classOf(tag)}.define();`).join('\n  ')}
  setSharedClient(createLoyaltyClient({
    apiBase: query.get('api'),
    publishableKey: query.get('key'),
    customerToken: query.get('token'),
  }));
`;

/** Attributes a widget needs to show data: the survey asks for the one due after a purchase. */
const ATTRIBUTES: Partial<Record<WidgetTag, string>> = { 'loyalty-satisfaction-survey': ' trigger="post_purchase"' };

const html = (head: string, widgets: readonly WidgetTag[]) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    ${head}
  </head>
  <body>
    ${widgets.map((tag) => `<${tag}${ATTRIBUTES[tag] ?? ''}></${tag}>`).join('\n    ')}
  </body>
</html>
`;

/** Writes the page (and, for npm, its bundle's files) into `dir`; the drop-in's files are served under /cdn/. */
async function writePage(dir: string, entry: PageEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (entry.build === 'drop-in') {
    // The loader reads the API, key and token from the page's own query, as a merchant's template fills them in.
    const configure = `<script>
      const query = new URLSearchParams(location.search);
      const loader = document.createElement('script');
      loader.src = '/cdn/loyalty-elements.js';
      Object.assign(loader.dataset, {
        apiBase: query.get('api'), publishableKey: query.get('key'), customerToken: query.get('token'),
      });
      document.head.append(loader);
    </script>`;
    await writeFile(join(dir, 'index.html'), html(configure, entry.widgets));
    return;
  }
  await build({
    stdin: { contents: npmModule(entry.widgets), resolveDir: here, loader: 'ts' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    entryNames: 'page',
    plugins: [esbuildMinifyCss()],
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'index.html'), html('<script type="module" src="page.js"></script>', entry.widgets));
}

/** Every file the page fetched from `origin` but the HTML, by URL, once its widgets are ready and the network quiet. */
async function fetchedFiles(page: Page, url: string, origin: string, widgets: readonly WidgetTag[]) {
  const files = new Map<string, Promise<Buffer>>();
  let lastActivity = Date.now();
  page.on('request', () => (lastActivity = Date.now()));
  page.on('response', (response) => {
    lastActivity = Date.now();
    const type = response.request().resourceType();
    if (response.url().startsWith(origin) && (type === 'script' || type === 'stylesheet')) {
      files.set(response.url(), response.body());
    }
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  const states = () =>
    page.evaluate(
      (tags) => tags.map((tag) => (document.querySelector(tag) as (HTMLElement & { state?: string }) | null)?.state),
      widgets,
    );
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await states()).every((state) => state === 'ready')) {
    if (Date.now() > deadline || problems.length) {
      const shown = (await states()).map((state, index) => `${widgets[index]}=${state}`).join(' ');
      throw new Error(`${url}: not ready within ${READY_TIMEOUT_MS} ms (${shown}) ${problems.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  while (Date.now() - lastActivity < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 50));
  if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
  return Promise.all([...files.values()]);
}

interface Stack {
  browser: Browser;
  api: LoyaltyApi;
  site: StaticServer;
  dir: string;
}

async function openStack(): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'loyalty-size-pages-'));
  const site = await serveStatic(dir);
  const [browser, api] = await Promise.all([launchChromium(), startLoyaltyApi([site.url])]);
  return { browser, api, site, dir };
}

async function closeStack({ browser, api, site, dir }: Stack): Promise<void> {
  await Promise.allSettled([browser.close(), api.stop(), site.close()]);
  await rm(dir, { recursive: true, force: true });
}

/** Loads each page once, in a fresh browser context, as a signed-in shopper, and sizes what it fetched. */
export async function measurePages(entries: PageEntry[]): Promise<SizeRow[]> {
  if (entries.some((entry) => entry.build === 'drop-in')) await buildEmbed({ quiet: true });
  const stack = await openStack();
  try {
    await symlink(embedDist, join(stack.dir, 'cdn'), 'dir');
    const rows: SizeRow[] = [];
    for (const [index, entry] of entries.entries()) {
      await writePage(join(stack.dir, `page-${index}`), entry);
      const shopper = await createShopper(stack.api.baseUrl, 'size');
      const query = new URLSearchParams({
        api: stack.api.baseUrl,
        key: DEMO_PUBLISHABLE_KEY,
        token: await customerToken(shopper),
      });
      const context = await stack.browser.newContext();
      try {
        const page = await context.newPage();
        const url = `${stack.site.url}/page-${index}/?${query}`;
        const files = await fetchedFiles(page, url, stack.site.url, entry.widgets);
        const { budget, target } = entry;
        rows.push({
          name: entry.name,
          ...sizesOf(files),
          ...(budget ? { budget } : {}),
          ...(target ? { target } : {}),
        });
      } finally {
        await context.close();
      }
    }
    return rows;
  } finally {
    await closeStack(stack);
  }
}
