/**
 * bench/page: what the widgets cost the demo storefront (examples/storefront, the drop-in script),
 * in headless Chromium against the real reference API: the API requests one page view makes, the
 * layout shift the widgets cause, and the main-thread time they add, beside the same page without
 * the loader. See ../README.md.
 *
 *   pnpm --filter @loyalty-elements/bench page [-- --runs 10 --json --skip-build]
 */
import { access } from 'node:fs/promises';
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { enableMainThreadMetrics, launchChromium, mainThreadTimes, timesBetween } from '../support/chromium.ts';
import {
  createShopper,
  dismissSurvey,
  freePort,
  startLoyaltyApi,
  DEMO_PUBLISHABLE_KEY,
  DEMO_SECRET_KEY,
  type LoyaltyApi,
} from '../support/loyalty-api.ts';
import { browserBenchOptionsOrExit, progressLog } from '../support/options.ts';
import { round } from '../support/stats.ts';
import { readPage, settledInPage } from './in-page.ts';
import {
  formatPageTable,
  variantOf,
  FROM_CACHE,
  type PageReport,
  type PageSample,
  type PageViewReport,
} from './report.ts';
import { buildEmbed } from '../support/drop-in.ts';
import { startBenchStorefront, EMBED_FILE, WITHOUT_WIDGETS_PATH, type BenchStorefront } from './storefront.ts';

interface ViewSpec {
  id: string;
  name: string;
  /**
   * The storefront's `shopper` query parameter: a seeded demo shopper, `guest`, a new shopper per run (`new`),
   * or one per run who closed the page's survey (`no-survey-due`).
   */
  shopper: string | 'new' | 'no-survey-due';
  /** Measure the shopper's second view of the page in the same browser, after an unmeasured first. */
  repeat?: boolean;
}

const VIEWS: ViewSpec[] = [
  { id: 'demo-shopper', name: 'demo shopper (Lin Mei)', shopper: 'demo-shopper' },
  { id: 'new-shopper', name: 'new shopper, 120 points', shopper: 'new' },
  { id: 'guest', name: 'guest (signed out)', shopper: 'guest' },
  { id: 'demo-shopper-again', name: 'demo shopper, next page view', shopper: 'demo-shopper', repeat: true },
  // The usual case: a survey is asked rarely, and the summary says none is due, so the survey asks nothing.
  { id: 'no-survey-due', name: 'shopper with no survey due', shopper: 'no-survey-due' },
  { id: 'no-survey-due-again', name: 'shopper with no survey due, next view', shopper: 'no-survey-due', repeat: true },
];

/** The survey the storefront's page asks (its `post_purchase` trigger). */
const STOREFRONT_SURVEY_ID = 'post-purchase-nps';

/** After every widget has settled: time for late work (timers, shifts) to land in the figures. */
const QUIET_MS = 500;
const SETTLE_TIMEOUT_MS = 30_000;
/** How often the page is asked whether every widget has settled. */
const POLL_MS = 25;

const USAGE = `Usage: pnpm --filter @loyalty-elements/bench page [-- options]

  --runs <n>       measured page views per shopper, with and without the widgets (default 10)
  --skip-build     use packages/embed/dist/loyalty-elements.js as it is (default: build it first)
  --json           print the results as JSON on stdout (progress goes to stderr)
  --help           show this help`;

/** Opens `url` in `page` and waits until every widget has settled; returns when that was, in page time. */
async function settledView(page: Page, url: string, widgets: boolean): Promise<number> {
  await page.goto(url, { waitUntil: 'load', timeout: SETTLE_TIMEOUT_MS });
  const settled = await page.waitForFunction(settledInPage, widgets, { polling: POLL_MS, timeout: SETTLE_TIMEOUT_MS });
  return (await settled.jsonValue()) as number;
}

async function loadOnce(
  browser: Browser,
  url: string,
  widgets: boolean,
  repeat: boolean,
  apiBase: string,
  normalize: (request: string) => string,
  onProblem: (text: string) => void,
): Promise<PageSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // A next page view: the tab has shown the page once, so its HTTP and preflight caches and its
    // storage are warm.
    if (repeat) await settledView(page, url, widgets);
    page.on('pageerror', (error) => onProblem(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') onProblem(`console error: ${message.text()}`);
    });
    const cdp = await context.newCDPSession(page);
    await enableMainThreadMetrics(cdp);
    // The DevTools protocol reports CORS preflights too, which Playwright's request events leave out. A request
    // the browser answers from its HTTP cache is reported too, then marked as such.
    const requests = new Map<string, string>();
    const fromCache = new Set<string>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!event.request.url.startsWith(`${apiBase}/v1/`)) return;
      const { pathname, searchParams } = new URL(event.request.url);
      // A customer GET carries the publishable key and the shopper's token in its query: count it by its route.
      searchParams.delete('key');
      searchParams.delete('access_token');
      const rest = searchParams.toString();
      const search = rest ? `?${rest}` : '';
      requests.set(event.requestId, normalize(`${event.request.method} ${pathname}${search}`));
    });
    cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
    cdp.on('Network.responseReceived', (event) => {
      if (event.response.fromDiskCache) fromCache.add(event.requestId);
    });
    await cdp.send('Network.enable');
    const before = await mainThreadTimes(cdp);
    const settledMs = await settledView(page, url, widgets);
    await page.waitForTimeout(QUIET_MS);
    const after = await mainThreadTimes(cdp);
    const apiRequests = [...requests].map(([id, request]) =>
      fromCache.has(id) ? `${request} ${FROM_CACHE}` : request,
    );
    const { shifts, states } = await page.evaluate(readPage);
    if (widgets) {
      for (const [tag, state] of Object.entries(states)) {
        if (state === 'error') onProblem(`<${tag}> ended in state "error"`);
      }
    }
    return {
      apiRequests,
      cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
      shifts,
      mainThreadMs: timesBetween(before, after).taskMs,
      settledMs,
      states,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<number> {
  const options = browserBenchOptionsOrExit(process.argv.slice(2), { runs: 10, skipBuild: false }, USAGE);
  if (typeof options === 'number') return options;
  const log = progressLog(options.json);
  const startedAt = new Date().toISOString();
  const problems: string[] = [];
  let api: LoyaltyApi | undefined;
  let storefront: BenchStorefront | undefined;
  let browser: Browser | undefined;
  try {
    if (options.skipBuild) {
      await access(EMBED_FILE).catch(() => {
        throw new Error(`${EMBED_FILE} is missing: run without --skip-build`);
      });
    } else {
      log('building the drop-in script (pnpm --filter @loyalty-elements/embed build:cdn)...');
      await buildEmbed();
    }
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    log('starting the reference API (PGlite in memory, demo seed)...');
    const apiStarted = performance.now();
    api = await startLoyaltyApi([origin]);
    const apiBase = api.baseUrl.replace('127.0.0.1', 'localhost');
    storefront = await startBenchStorefront(port, apiBase, DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY);
    browser = await launchChromium();
    const chromium = browser.version();
    const apiSeconds = ((performance.now() - apiStarted) / 1000).toFixed(1);
    log(`storefront on ${storefront.url}, API on ${apiBase} (up in ${apiSeconds} s), Chromium ${chromium}`);

    // Every shopper is made before anything is measured.
    const madeShoppers = { new: [] as string[], 'no-survey-due': [] as string[] };
    for (let i = 0; i <= options.runs; i++) {
      madeShoppers.new.push(await createShopper(apiBase, 'bench-page'));
      const done = await createShopper(apiBase, 'bench-page-no-survey');
      await dismissSurvey(apiBase, done, STOREFRONT_SURVEY_ID);
      madeShoppers['no-survey-due'].push(done);
    }

    const samples = new Map<string, PageSample[]>();
    for (let round = 0; round <= options.runs; round++) {
      const roundStarted = performance.now();
      const progress: string[] = [];
      for (let i = 0; i < VIEWS.length; i++) {
        const view = VIEWS[(i + round) % VIEWS.length]!;
        const made =
          view.shopper === 'new' || view.shopper === 'no-survey-due' ? madeShoppers[view.shopper] : undefined;
        const shopper = made ? made[round]! : view.shopper;
        const normalize = (request: string) =>
          made ? request.replace(`customer=${shopper}`, 'customer=<new shopper>') : request;
        const query = new URLSearchParams({ shopper, lang: 'en' });
        // Alternate which variant goes first, so neither always follows the other.
        const variants = round % 2 === 0 ? [true, false] : [false, true];
        for (const widgets of variants) {
          const url = `${storefront.url}${widgets ? '/' : WITHOUT_WIDGETS_PATH}?${query}`;
          const seen = new Set<string>();
          const onProblem = (text: string) => {
            if (seen.has(text)) return;
            seen.add(text);
            problems.push(`${view.id} ${widgets ? 'with' : 'without'} widgets, run ${round}: ${text}`);
          };
          try {
            const sample = await loadOnce(browser, url, widgets, view.repeat ?? false, apiBase, normalize, onProblem);
            if (round > 0) {
              const key = `${view.id}:${widgets}`;
              samples.set(key, [...(samples.get(key) ?? []), sample]);
            }
            progress.push(
              `${view.id}${widgets ? '' : ' without'} ${Math.round(sample.mainThreadMs)} ms/${sample.apiRequests.length} req`,
            );
          } catch (error) {
            onProblem(error instanceof Error ? error.message : String(error));
            progress.push(`${view.id}${widgets ? '' : ' without'} FAILED`);
          }
        }
      }
      const seconds = ((performance.now() - roundStarted) / 1000).toFixed(1);
      log(`${round === 0 ? 'warm-up' : `run ${round}/${options.runs}`} (${seconds} s): ${progress.join(', ')}`);
    }

    const views: PageViewReport[] = VIEWS.map((view) => {
      const withWidgets = variantOf(true, samples.get(`${view.id}:true`) ?? []);
      const withoutWidgets = variantOf(false, samples.get(`${view.id}:false`) ?? []);
      return {
        id: view.id,
        name: view.name,
        withWidgets,
        withoutWidgets,
        widgetsMainThreadMs: round(withWidgets.mainThreadMs.median - withoutWidgets.mainThreadMs.median),
      };
    });
    const report: PageReport = {
      bench: 'page',
      ok: problems.length === 0,
      startedAt,
      node: process.version,
      chromium,
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      settings: {
        runs: options.runs,
        warmupRuns: 1,
        quietMs: QUIET_MS,
        contextPerRun: true,
        embedBuilt: !options.skipBuild,
      },
      views,
      problems,
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      log('');
      log(formatPageTable(views));
    }
    if (problems.length > 0) {
      log('');
      log(`FAILED: ${problems.length} problem(s):`);
      for (const problem of problems) log(`  - ${problem}`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error('bench/page failed:', error);
    if (options.json) console.log(JSON.stringify({ bench: 'page', ok: false, problems: [String(error)] }, null, 2));
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await storefront?.close().catch(() => {});
    await api?.stop().catch(() => {});
  }
}

const code = await main();
process.exitCode = code;
setTimeout(() => process.exit(code), 2000).unref();
