// The built Storybook in real Chromium: every story renders, with no console error, no page error
// and no accessibility violation (axe-core), and every docs page renders. It also checks the docs
// are complete: every part a story shows, every attribute an element observes and every
// `--loyalty-<tag>-*` hook its styles read is documented in custom-elements.json.
//
// `npm test -- storybook` builds Storybook first (`pnpm run build-storybook`, into dist/storybook)
// and passes the folder in LOYALTY_STORYBOOK_DIR; run alone, this file builds it itself.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** How many stories are open at once (the machine running CI may have two cores). */
const CONCURRENCY = 3;
const STORY_TIMEOUT_MS = 30_000;
/**
 * Stories of failures (network error, 500, expired session) call this host of the fake API
 * (stories/support/fake-api.ts) on purpose; the browser's "Failed to load resource" log for
 * them is expected. Any other console error fails the story.
 */
const EXPECTED_FAILURES_ORIGIN = 'https://expected-failures.loyalty-api.example/';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

interface ManifestElement {
  tagName: string;
  attributes?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface StoryOutcome {
  /** Channel events that end a render: `storyFinished`, `docsRendered`, or an error event. */
  events: { name: string; detail: string }[];
  finished?: { status: string; failedReports: string[] };
}

/** The built Storybook folder; builds it when npm test did not. */
function storybookDir(): string {
  const given = process.env.LOYALTY_STORYBOOK_DIR;
  if (given) return resolve(repoRoot, given);
  const { status } = spawnSync('pnpm', ['run', 'build-storybook'], { cwd: repoRoot, stdio: 'inherit' });
  assert.equal(status, 0, '`pnpm run build-storybook` failed');
  return join(repoRoot, 'dist/storybook');
}

/** axe-core's browser build, from the copy @open-wc/testing (the component tests) already uses. */
function axeSource(): string {
  let from = join(repoRoot, 'packages/components/package.json');
  for (const step of ['@open-wc/testing', 'chai-a11y-axe', 'axe-core/axe.min.js']) {
    from = createRequire(from).resolve(step);
  }
  return readFileSync(from, 'utf8');
}

function manifestElements(): Map<string, ManifestElement> {
  const file = join(repoRoot, 'packages/components/custom-elements.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[];
  };
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
  return new Map(elements.map((element) => [element.tagName, element]));
}

/**
 * Runs in the page before Storybook: catches its channel the moment the preview creates it and
 * records the events that end a render, so nothing is missed however fast the story is.
 */
function recordStorybookEvents(): void {
  type Outcome = { events: { name: string; detail: string }[]; finished?: unknown; done: boolean };
  const outcome: Outcome = { events: [], done: false };
  (window as unknown as { __loyaltyOutcome: Outcome }).__loyaltyOutcome = outcome;
  const failures = [
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'storyMissing',
    'unhandledErrorsWhilePlaying',
  ];
  const summarize = (value: unknown) => {
    if (value && typeof value === 'object' && 'message' in value) return String(value.message);
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  let channel: unknown;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: { on(name: string, listener: (...args: unknown[]) => void): void }) {
      channel = value;
      for (const name of failures) {
        value.on(name, (detail) => {
          outcome.events.push({ name, detail: summarize(detail) });
          // A missing story never finishes; any other failure is followed by storyFinished.
          if (name === 'storyMissing') outcome.done = true;
        });
      }
      value.on('storyFinished', (detail) => {
        const { status, reporters = [] } = detail as { status: string; reporters?: { type: string; status: string }[] };
        const failedReports = reporters.filter((report) => report.status === 'failed').map((report) => report.type);
        outcome.events.push({ name: 'storyFinished', detail: status });
        outcome.finished = { status, failedReports };
        outcome.done = true;
      });
      value.on('docsRendered', () => {
        outcome.events.push({ name: 'docsRendered', detail: '' });
        outcome.done = true;
      });
    },
  });
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let entries: IndexEntry[];
let axe: string;
/** The elements custom-elements.json documents, by tag (read once the build has written it). */
const elements = new Map<string, ManifestElement>();
/** Parts seen in the shadow roots of each element, across all stories. */
const partsSeen = new Map<string, Set<string>>();

before(async () => {
  const dir = storybookDir();
  assert.ok(existsSync(join(dir, 'index.json')), `${dir} holds no built Storybook`);
  axe = axeSource();
  for (const [tag, element] of manifestElements()) elements.set(tag, element);
  [server, browser] = await Promise.all([serveStatic(dir), launchChromium()]);
  // One context for every page: Mock Service Worker registers once and serves them all.
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const index = (await (await fetch(`${server.url}/index.json`)).json()) as { entries: Record<string, IndexEntry> };
  entries = Object.values(index.entries);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Opens a story or docs entry; resolves once Storybook says it finished, with what went wrong. */
async function open(entry: IndexEntry): Promise<{ page: Page; outcome: StoryOutcome; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (url.startsWith(EXPECTED_FAILURES_ORIGIN) && message.text().startsWith('Failed to load resource')) return;
    // The first line says what went wrong; the stack of a minified build adds nothing.
    problems.push(`console error: ${message.text().split('\n')[0]} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // tsx (esbuild keepNames) wraps named functions in `__name(…)`: give the page a no-op one.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript(recordStorybookEvents);
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  // The a11y addon's own run (same axe-core, same rules) is switched off here: `accessibility()`
  // below runs axe itself, and checking twice would cost a second per story.
  const query = `id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=a11y.manual:!true`;
  await page.goto(`${server.url}/iframe.html?${query}`);
  await page.waitForFunction(
    () => (window as unknown as { __loyaltyOutcome?: { done: boolean } }).__loyaltyOutcome?.done,
    null,
    {
      timeout: STORY_TIMEOUT_MS,
    },
  );
  const outcome = await page.evaluate(() => (window as unknown as { __loyaltyOutcome: StoryOutcome }).__loyaltyOutcome);
  return { page, outcome, problems };
}

/** axe-core on the story's root, with the rules Storybook's a11y addon uses ('region' off: a story is not a page). */
async function accessibility(page: Page): Promise<{ violations: Violation[]; passes: number }> {
  await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          passes: unknown[];
        }>;
      };
    };
    const result = await axe.run({ include: ['#storybook-root'] }, { rules: { region: { enabled: false } } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
      })),
    };
  });
}

/** The `part` names inside the shadow roots of every `loyalty-*` element on the page. */
function collectParts(page: Page): Promise<[string, string[]][]> {
  return page.evaluate(() => {
    const found = new Map<string, Set<string>>();
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (!element.shadowRoot) continue;
        if (element.localName.startsWith('loyalty-')) {
          const parts = found.get(element.localName) ?? new Set<string>();
          for (const node of element.shadowRoot.querySelectorAll('[part]')) {
            for (const name of node.getAttribute('part')!.split(/\s+/)) if (name) parts.add(name);
          }
          found.set(element.localName, parts);
        }
        visit(element.shadowRoot);
      }
    };
    visit(document);
    return [...found].map(([tag, parts]) => [tag, [...parts]] as [string, string[]]);
  });
}

const describeViolations = (list: Violation[]) =>
  list.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');

/** Runs `task` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

describe('the built Storybook', () => {
  it('lists stories for every documented element, and the design-system pages', () => {
    const stories = entries.filter((entry) => entry.type === 'story');
    assert.ok(stories.length >= 20, `only ${stories.length} stories`);
    assert.ok(elements.size > 0, 'custom-elements.json documents no element');
    for (const title of ['Design system/Tokens', 'Design system/Themes']) {
      assert.ok(
        stories.some((story) => story.title === title),
        `no "${title}" story`,
      );
    }
    for (const entry of entries.filter((e) => e.type === 'docs' && e.tags?.includes('autodocs'))) {
      assert.match(entry.title, /^Widgets\//);
    }
  });

  it('renders every story with no console error, page error or accessibility violation', async () => {
    const failures: string[] = [];
    const stories = entries.filter((entry) => entry.type === 'story');
    await inBatches(stories, CONCURRENCY, async (story) => {
      const label = `${story.title} › ${story.name} (${story.id})`;
      try {
        const { page, outcome, problems } = await open(story);
        const trouble = outcome.events.filter((event) => event.name !== 'storyFinished');
        if (trouble.length) problems.push(...trouble.map((event) => `${event.name}: ${event.detail}`));
        if (outcome.finished && outcome.finished.status !== 'success') {
          problems.push(
            `Storybook finished the story with status ${outcome.finished?.status} ` +
              `(failed reports: ${outcome.finished?.failedReports.join(', ') || 'none'})`,
          );
        }
        const axeResult = await accessibility(page);
        if (axeResult.passes === 0) problems.push('axe-core checked nothing: is #storybook-root empty?');
        if (axeResult.violations.length) {
          problems.push(`accessibility violations:\n${describeViolations(axeResult.violations)}`);
        }
        for (const [tag, parts] of await collectParts(page)) {
          const seen = partsSeen.get(tag) ?? new Set<string>();
          for (const part of parts) seen.add(part);
          partsSeen.set(tag, seen);
        }
        await page.close();
        if (problems.length) failures.push(`${label}\n  ${problems.join('\n  ')}`);
      } catch (error) {
        failures.push(`${label}\n  ${(error as Error).message}`);
      }
    });
    if (failures.length)
      assert.fail(`${failures.length} of ${stories.length} stories failed:\n\n${failures.join('\n\n')}`);
  });

  it('renders every docs page with no console error or page error', async () => {
    const failures: string[] = [];
    const docs = entries.filter((entry) => entry.type === 'docs');
    assert.ok(docs.length > 0, 'no docs pages');
    await inBatches(docs, CONCURRENCY, async (entry) => {
      try {
        const { page, outcome, problems } = await open(entry);
        const trouble = outcome.events.filter((event) => event.name !== 'docsRendered');
        if (trouble.length) problems.push(...trouble.map((event) => `${event.name}: ${event.detail}`));
        // Let the stories on the page load their data (the slowest, a timeout, takes 1.5 s).
        await page.waitForTimeout(2_000);
        await page.close();
        if (problems.length) failures.push(`${entry.title} › ${entry.name}\n  ${problems.join('\n  ')}`);
      } catch (error) {
        failures.push(`${entry.title} › ${entry.name}\n  ${(error as Error).message}`);
      }
    });
    if (failures.length)
      assert.fail(`${failures.length} of ${docs.length} docs pages failed:\n\n${failures.join('\n\n')}`);
  });

  it('shows only documented parts (custom-elements.json), and a story for every element', () => {
    for (const [tag, element] of elements) {
      const seen = partsSeen.get(tag);
      assert.ok(seen, `no story shows <${tag}>`);
      const documented = new Set(element.cssParts?.map((part) => part.name));
      assert.deepEqual(
        [...seen].filter((part) => !documented.has(part)),
        [],
        `<${tag}> renders parts its JSDoc (@csspart) does not document`,
      );
    }
  });

  it('documents every attribute and every --loyalty-<tag>-* hook of every element', async () => {
    const page = await context.newPage();
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entries.find((e) => e.type === 'story')!.id)}`);
    for (const [tag, element] of elements) {
      const facts = await page.evaluate((name) => {
        const ctor = customElements.get(name) as
          | (CustomElementConstructor & {
              observedAttributes?: string[];
              elementStyles?: ({ cssText?: string } | CSSStyleSheet)[];
            })
          | undefined;
        if (!ctor) return undefined;
        const css = (ctor.elementStyles ?? [])
          .map((style) =>
            style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText,
          )
          .join('\n');
        return { attributes: ctor.observedAttributes ?? [], css };
      }, tag);
      assert.ok(facts, `<${tag}> is not defined in Storybook`);
      const attributes = new Set(element.attributes?.map((attribute) => attribute.name));
      assert.deepEqual(
        facts.attributes.filter((name) => !attributes.has(name)),
        [],
        `<${tag}> observes attributes custom-elements.json does not document`,
      );
      const hookPattern = new RegExp(`--${tag}-[a-z0-9-]+`, 'g');
      const hooks = new Set(facts.css.replace(/\/\*[\s\S]*?\*\//g, '').match(hookPattern) ?? []);
      const properties = new Set(element.cssProperties?.map((property) => property.name));
      assert.deepEqual(
        [...hooks].filter((hook) => !properties.has(hook)),
        [],
        `<${tag}> reads --${tag}-* hooks its JSDoc (@cssprop) does not document`,
      );
    }
    await page.close();
  });
});
