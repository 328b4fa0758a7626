/**
 * bench/render: how long each widget takes to show ready data in headless Chromium, and how much
 * main-thread CPU time that costs, beside SurveyJS rendering the same NPS question, at 1x and 4x
 * CPU slowdown. Our widgets talk to the real reference API (in-memory database, demo seed). See
 * ../README.md.
 *
 *   pnpm --filter @loyalty-elements/bench render [-- --runs 20 --rates 1,4 --json]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../test/support/static-server.ts';
import {
  enableMainThreadMetrics,
  launchChromium,
  mainThreadTimes,
  timesBetween,
  type MainThreadTimes,
} from '../support/chromium.ts';
import {
  createShopper,
  customerToken,
  startLoyaltyApi,
  DEMO_PUBLISHABLE_KEY,
  type LoyaltyApi,
} from '../support/loyalty-api.ts';
import { browserBenchOptionsOrExit, progressLog } from '../support/options.ts';
import { summarize } from '../support/stats.ts';
import { buildPage } from './build.ts';
import type { ReadyReport } from './pages/harness.ts';
import {
  formatRenderTable,
  formatRenderTargets,
  type RenderReport,
  type RenderRow,
  type RenderSample,
} from './report.ts';

interface PageSpec {
  id: string;
  name: string;
  /** The file under pages/ the page bundles. */
  entry: string;
  body: string;
  /** The page's widget calls the API as a new shopper of the demo program. */
  api: boolean;
}

const PAGES: PageSpec[] = [
  {
    id: 'satisfaction-survey',
    name: 'our NPS survey (post_purchase)',
    entry: 'satisfaction-survey',
    body: '<loyalty-satisfaction-survey trigger="post_purchase"></loyalty-satisfaction-survey>',
    api: true,
  },
  {
    id: 'surveyjs-nps',
    name: 'SurveyJS: one NPS question',
    entry: 'surveyjs-nps',
    body: '<div id="survey"></div>',
    api: false,
  },
  {
    id: 'points-balance',
    name: 'points balance',
    entry: 'points-balance',
    body: '<loyalty-points-balance></loyalty-points-balance>',
    api: true,
  },
  {
    id: 'tier-progress',
    name: 'tier progress',
    entry: 'tier-progress',
    body: '<loyalty-tier-progress></loyalty-tier-progress>',
    api: true,
  },
  {
    id: 'birthday-greeting',
    name: 'birthday greeting',
    entry: 'birthday-greeting',
    body: '<loyalty-birthday-greeting></loyalty-birthday-greeting>',
    api: true,
  },
  {
    id: 'dependency-floor',
    name: 'Lit, ky and zod alone (the floor)',
    entry: 'dependency-floor',
    body: '<floor-survey></floor-survey>',
    api: true,
  },
  { id: 'empty', name: 'empty page (the floor)', entry: 'empty', body: '', api: false },
];

/** How long one page may take to be ready before the run counts as failed, per unit of slowdown. */
const READY_TIMEOUT_MS = 20_000;

const USAGE = `Usage: pnpm --filter @loyalty-elements/bench render [-- options]

  --runs <n>       measured runs per page and slowdown (default 20), after one warm-up run each
  --rates <list>   CPU slowdowns, comma-separated (default 1,4)
  --json           print the results as JSON on stdout (progress goes to stderr)
  --help           show this help`;

async function runOnce(
  browser: Browser,
  url: string,
  apiBase: string | undefined,
  rate: number,
  onProblem: (text: string) => void,
): Promise<RenderSample> {
  // A new context per run: empty HTTP cache, CORS preflight cache, code cache and storage.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => onProblem(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // SurveyJS's stylesheet asks fonts.gstatic.com for Open Sans; with no network that fails
      // (off the main thread, and not waited for); bench/size leaves fonts out too.
      if (message.text().startsWith('Failed to load resource') && !isLocal(message.location().url)) return;
      onProblem(`console error: ${message.text()}`);
    });
    const cdp = await context.newCDPSession(page);
    await enableMainThreadMetrics(cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const before = await mainThreadTimes(cdp);
    const timeoutMs = READY_TIMEOUT_MS * rate;
    // The bundle is a module script: it has run (and set window.benchReady) by DOMContentLoaded.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const report = await Promise.race([
      page.evaluate(() => {
        if (!window.benchReady) throw new Error('the page did not set window.benchReady');
        return window.benchReady;
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const after = await mainThreadTimes(cdp);
    const firstRequestStart = apiBase ? await firstRequestStartOf(page, apiBase) : undefined;
    return sampleOf(report, timesBetween(before, after), firstRequestStart);
  } finally {
    await context.close();
  }
}

function isLocal(url: string): boolean {
  return /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);
}

/** When the page's first request to the API started (performance.now()), from its resource timing entries. */
function firstRequestStartOf(page: Page, apiBase: string): Promise<number | undefined> {
  return page.evaluate(
    (base) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(base))
        .map((entry) => entry.startTime)
        .sort((a, b) => a - b)[0],
    apiBase,
  );
}

function sampleOf(report: ReadyReport, mainThread: MainThreadTimes, firstRequestStart?: number): RenderSample {
  if (!Number.isFinite(report.scriptStartMs)) throw new Error('the bundle did not record when it started');
  return {
    readyMs: report.readyMs - report.scriptStartMs,
    readyFromNavigationMs: report.readyMs,
    ...(firstRequestStart === undefined ? {} : { firstRequestMs: firstRequestStart - report.scriptStartMs }),
    mainThread,
  };
}

function rowOf(spec: PageSpec, rate: number, samples: RenderSample[]): RenderRow {
  return {
    id: spec.id,
    name: spec.name,
    rate,
    readyMs: summarize(samples.map((s) => s.readyMs)),
    readyFromNavigationMs: summarize(samples.map((s) => s.readyFromNavigationMs)),
    firstRequestMs: summarize(samples.flatMap((s) => (s.firstRequestMs === undefined ? [] : [s.firstRequestMs]))),
    mainThreadMs: summarize(samples.map((s) => s.mainThread.taskMs)),
    scriptMs: summarize(samples.map((s) => s.mainThread.scriptMs)),
    samples,
  };
}

async function main(): Promise<number> {
  const options = browserBenchOptionsOrExit(process.argv.slice(2), { runs: 20, rates: [1, 4] }, USAGE);
  if (typeof options === 'number') return options;
  const log = progressLog(options.json);
  const startedAt = new Date().toISOString();
  const problems: string[] = [];
  let outDir: string | undefined;
  let site: StaticServer | undefined;
  let api: LoyaltyApi | undefined;
  let browser: Browser | undefined;
  try {
    outDir = await mkdtemp(join(os.tmpdir(), 'bench-render-'));
    log(`bundling ${PAGES.length} pages with esbuild...`);
    for (const spec of PAGES) await buildPage(outDir, spec.id, spec.entry, spec.body);
    site = await serveStatic(outDir);
    log('starting the reference API (PGlite in memory, demo seed)...');
    const apiStarted = performance.now();
    api = await startLoyaltyApi([site.url]);
    browser = await launchChromium();
    const chromium = browser.version();
    const apiSeconds = ((performance.now() - apiStarted) / 1000).toFixed(1);
    log(`pages on ${site.url}, API on ${api.baseUrl} (up in ${apiSeconds} s), Chromium ${chromium}`);
    log(
      `${options.runs} runs per page at ${options.rates.map((rate) => `${rate}x`).join(' and ')} CPU, a new context each` +
        ' (progress: page@slowdown ready ms/main-thread ms)',
    );

    const samples = new Map<string, RenderSample[]>();
    const key = (spec: PageSpec, rate: number) => `${spec.id}@${rate}`;
    const apiBase = api.baseUrl;
    // Every run's shopper (and token) is made before anything is measured.
    const started = performance.now();
    const urls = new Map<string, string>();
    for (let round = 0; round <= options.runs; round++) {
      for (const rate of options.rates) {
        for (const spec of PAGES) {
          const query = new URLSearchParams({ api: apiBase, key: DEMO_PUBLISHABLE_KEY });
          if (spec.api) query.set('token', await customerToken(await createShopper(apiBase, `bench-${spec.id}`)));
          urls.set(`${key(spec, rate)}#${round}`, `${site.url}/${spec.id}/?${query}`);
        }
      }
    }
    log(`${urls.size} shoppers and pages ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Round 0 is a warm-up (the API's and the browser's first requests), not counted. Each round
    // visits every page at every slowdown, starting at a different page, so a slow stretch of the
    // machine spreads over all rows instead of landing on one.
    for (let round = 0; round <= options.runs; round++) {
      const roundStarted = performance.now();
      const progress: string[] = [];
      for (const rate of options.rates) {
        for (let i = 0; i < PAGES.length; i++) {
          const spec = PAGES[(i + round) % PAGES.length]!;
          const url = urls.get(`${key(spec, rate)}#${round}`)!;
          const seen = new Set<string>();
          const onProblem = (text: string) => {
            if (seen.has(text)) return;
            seen.add(text);
            problems.push(`${spec.id} at ${rate}x, run ${round}: ${text}`);
          };
          try {
            const sample = await runOnce(browser, url, spec.api ? apiBase : undefined, rate, onProblem);
            if (round > 0) {
              const list = samples.get(key(spec, rate)) ?? [];
              list.push(sample);
              samples.set(key(spec, rate), list);
            }
            progress.push(`${spec.id}@${rate}x ${Math.round(sample.readyMs)}/${Math.round(sample.mainThread.taskMs)}`);
          } catch (error) {
            onProblem(error instanceof Error ? error.message : String(error));
            progress.push(`${spec.id}@${rate}x FAILED`);
          }
        }
      }
      const seconds = ((performance.now() - roundStarted) / 1000).toFixed(1);
      log(`${round === 0 ? 'warm-up' : `run ${round}/${options.runs}`} (${seconds} s): ${progress.join(', ')}`);
    }

    const rows: RenderRow[] = [];
    for (const spec of PAGES) {
      for (const rate of options.rates) rows.push(rowOf(spec, rate, samples.get(key(spec, rate)) ?? []));
    }
    const report: RenderReport = {
      bench: 'render',
      ok: problems.length === 0,
      startedAt,
      node: process.version,
      chromium,
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      settings: { runs: options.runs, rates: options.rates, warmupRuns: 1, contextPerRun: true },
      rows,
      problems,
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      log('');
      log(formatRenderTable(rows));
      log('');
      log(formatRenderTargets(rows));
      log('');
      log('ready = from the bundle starting to run until the widget shows ready data; main thread = CPU time');
      log('of the page main thread from navigation until then (DevTools TaskDuration, thread ticks); medians.');
    }
    if (problems.length > 0) {
      log('');
      log(`FAILED: ${problems.length} problem(s):`);
      for (const problem of problems) log(`  - ${problem}`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error('bench/render failed:', error);
    if (options.json) console.log(JSON.stringify({ bench: 'render', ok: false, problems: [String(error)] }, null, 2));
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await api?.stop().catch(() => {});
    await site?.close().catch(() => {});
    if (outDir) await rm(outDir, { recursive: true, force: true });
  }
}

const code = await main();
process.exitCode = code;
setTimeout(() => process.exit(code), 2000).unref();
