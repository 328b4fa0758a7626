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
  const docsPage = new URLSearchParams(location.search).get('viewMode') === 'docs';
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
        // A docs page finishes each of its stories, before or after the page itself: it is done at docsRendered.
        if (!docsPage) outcome.done = true;
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

/**
 * Opens a story or docs entry, with toolbar globals set (`{ scheme: 'dark' }`); resolves once
 * Storybook says it finished, with what went wrong.
 */
async function open(
  entry: IndexEntry,
  globals: Record<string, string> = {},
): Promise<{ page: Page; outcome: StoryOutcome; problems: string[] }> {
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
  const globalsParam = ['a11y.manual:!true', ...Object.entries(globals).map(([name, value]) => `${name}:${value}`)];
  const query = `id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=${globalsParam.join(';')}`;
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

/**
 * axe rules a story turns off, as its `a11y.config.rules` parameter does for the panel. The themes
 * gallery shows the same survey (a region named by its title) once a theme and scheme on purpose.
 */
const RULES_OFF: Record<string, string[]> = { 'design-system-themes--gallery': ['landmark-unique'] };

/** What Storybook reported going wrong while it rendered a story. */
function renderProblems(outcome: StoryOutcome): string[] {
  const problems = outcome.events
    .filter((event) => event.name !== 'storyFinished')
    .map((event) => `${event.name}: ${event.detail}`);
  if (outcome.finished && outcome.finished.status !== 'success') {
    problems.push(
      `Storybook finished the story with status ${outcome.finished.status} ` +
        `(failed reports: ${outcome.finished.failedReports.join(', ') || 'none'})`,
    );
  }
  return problems;
}

/** axe-core on the story's root, with the rules Storybook's a11y addon uses ('region' off: a story is not a page). */
async function accessibility(
  page: Page,
  rulesOff: string[] = [],
): Promise<{ violations: Violation[]; passes: number }> {
  await page.addScriptTag({ content: axe });
  return page.evaluate(async (rulesOff) => {
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
    const rules = Object.fromEntries(['region', ...rulesOff].map((rule) => [rule, { enabled: false }]));
    const result = await axe.run({ include: ['#storybook-root'] }, { rules });
    return {
      passes: result.passes.length,
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => JSON.stringify(node.target)),
      })),
    };
  }, rulesOff);
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
        problems.push(...renderProblems(outcome));
        const axeResult = await accessibility(page, RULES_OFF[story.id]);
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
        const trouble = outcome.events.filter(
          (event) => event.name !== 'docsRendered' && !(event.name === 'storyFinished' && event.detail === 'success'),
        );
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

/** The toolbar's buttons, as the "Start here" page lists them (.storybook/toolbar.ts). */
const TOOLBAR_TITLES = [
  'Language',
  'Colour scheme',
  'Direction',
  'Motion',
  'Theme',
  'Forced colours',
  'Text size',
  'Container',
];

/** The index entry with this id. */
function entryWithId(id: string): IndexEntry {
  const found = entries.find((entry) => entry.id === id);
  assert.ok(found, `the build has no "${id}"`);
  return found;
}

/** Opens a story or docs page with toolbar globals, and fails on anything that went wrong rendering it. */
async function openClean(id: string, globals: Record<string, string> = {}): Promise<Page> {
  const { page, outcome, problems } = await open(entryWithId(id), globals);
  const docs = outcome.events.some((event) => event.name === 'docsRendered');
  assert.deepEqual(docs ? problems : [...problems, ...renderProblems(outcome)], [], `${id} did not render cleanly`);
  return page;
}

/** The text of every row of the tables on the page: one array of cell texts a row, header rows included. */
function tableRows(page: Page): Promise<string[][][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#storybook-docs table')].map((table) =>
      [...table.querySelectorAll('tr')].map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
      ),
    ),
  );
}

describe('the built Storybook shows what designers check', () => {
  it('renders the "Start here" toolbar table: a row with what it does for every button', async () => {
    const page = await openClean('start-here--docs');
    const table = (await tableRows(page)).find((rows) => rows[0]?.join() === 'Button,What it does');
    assert.ok(table, 'the "Start here" page shows no table of toolbar buttons');
    const described = new Map(table.slice(1).map(([title, does]) => [title, does]));
    for (const title of TOOLBAR_TITLES) assert.ok(described.get(title), `no row says what "${title}" does`);
    const text = await page.evaluate(() => document.querySelector('#storybook-docs')!.textContent!);
    assert.doesNotMatch(text, /\|\s*-{3,}/, 'a Markdown table is printed as text');
    await page.close();
  });

  it('fits the Tokens page in the canvas, wrapping long names, and keeps it readable in dark', async () => {
    for (const scheme of ['light', 'dark']) {
      const page = await openClean('design-system-tokens--all-tokens', { scheme });
      for (const width of [1024, 768]) {
        await page.setViewportSize({ width, height: 768 });
        const fit = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          overflowing: [...document.querySelectorAll('.tokens th, .tokens td')]
            .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => cell.textContent!.trim().slice(0, 40)),
          wrappedNames: [...document.querySelectorAll('.tokens th[scope="row"] code')].filter(
            (code) => code.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(code).fontSize),
          ).length,
        }));
        assert.equal(fit.page, 0, `the Tokens page scrolls sideways at ${width} px (${scheme})`);
        assert.deepEqual(fit.overflowing, [], `cells overflow at ${width} px (${scheme})`);
        assert.ok(fit.wrappedNames > 0, `no long token name wraps at ${width} px (${scheme})`);
      }
      const { violations } = await accessibility(page);
      assert.deepEqual(violations, [], `the Tokens page (${scheme}):\n${describeViolations(violations)}`);
      await page.close();
    }
  });

  it('shows every widget in every theme of the gallery, light and dark', async () => {
    const page = await openClean('design-system-themes--gallery');
    const schemes = await page.evaluate(() =>
      [...document.querySelectorAll('.theme__scheme')].map((scheme) => ({
        theme: scheme.closest('.theme')!.querySelector('h2')!.textContent!.trim(),
        scheme: scheme.getAttribute('data-scheme'),
        widgets: [...scheme.querySelectorAll('*')]
          .filter((element) => element.localName.startsWith('loyalty-'))
          .map((element) => ({
            tag: element.localName,
            state: (element as HTMLElement & { state: string }).state,
            height: element.getBoundingClientRect().height,
          })),
      })),
    );
    const themes = new Set(schemes.map(({ theme }) => theme));
    assert.ok(themes.has('Brand colour only'), 'the gallery has no "Brand colour only" theme');
    assert.equal(schemes.length, themes.size * 2, 'each theme shows light and dark');
    for (const { theme, scheme, widgets } of schemes) {
      const where = `${theme} (${scheme})`;
      assert.deepEqual(new Set(widgets.map(({ tag }) => tag)), new Set(elements.keys()), `${where}: not every widget`);
      for (const widget of widgets) {
        assert.notEqual(widget.state, 'loading', `${where}: <${widget.tag}> is still loading`);
        // A guest's compact sign-in line is one line of text: more than nothing, less than a card.
        // The panel's host takes no room: its launcher is fixed to a corner of the window.
        if (widget.tag !== 'loyalty-panel') assert.ok(widget.height > 20, `${where}: <${widget.tag}> shows nothing`);
      }
    }
    await page.close();
  });

  it('gives every widget’s Docs page a keyboard table: key and what it does', async () => {
    const widgetDocs = entries.filter((entry) => entry.type === 'docs' && entry.title.startsWith('Widgets/'));
    assert.equal(widgetDocs.length, elements.size, 'a Docs page for every widget');
    for (const docs of widgetDocs) {
      const page = await openClean(docs.id);
      const table = (await tableRows(page)).find((rows) => rows[0]?.join() === 'Key,What it does');
      assert.ok(table, `${docs.title}: no keyboard table`);
      const rows = table.slice(1);
      assert.ok(rows.length >= 4, `${docs.title}: only ${rows.length} keys`);
      for (const [key, does] of rows) assert.ok(key && does, `${docs.title}: an empty row`);
      assert.ok(
        rows.some(([key]) => key!.startsWith('Tab')),
        `${docs.title}: says nothing of Tab`,
      );
      await page.close();
    }
  });

  it('renders every widget in the "Brand colour only" theme, dark, with no accessibility violation', async () => {
    for (const title of new Set(entries.filter((e) => e.title.startsWith('Widgets/')).map((e) => e.title))) {
      const story = entries.find((entry) => entry.title === title && entry.type === 'story')!;
      const page = await openClean(story.id, { theme: 'brand-only', scheme: 'dark' });
      const primary = await page.evaluate(() =>
        document.querySelector<HTMLElement>('.loyalty-story')!.style.getPropertyValue('--loyalty-color-primary'),
      );
      assert.equal(primary, '#ffd60a', `${story.id}: the theme is not applied`);
      const { violations } = await accessibility(page);
      assert.deepEqual(violations, [], `${story.id}, brand colour only, dark:\n${describeViolations(violations)}`);
      await page.close();
    }
  });

  it('narrows the container to 320 px with the Container button', async () => {
    const hostWidth = async (globals: Record<string, string>) => {
      const page = await openClean('widgets-points-balance--ready', globals);
      const width = await page.evaluate(
        () => document.querySelector('loyalty-points-balance')!.getBoundingClientRect().width,
      );
      await page.close();
      return width;
    };
    assert.ok((await hostWidth({})) > 320, 'the default container is already narrow');
    const narrow = await hostWidth({ container: 'narrow' });
    assert.ok(narrow > 0 && narrow <= 320, `the widget is ${narrow} px wide in the narrow container`);
  });

  it('doubles the text with the Text size button', async () => {
    const sizes = async (globals: Record<string, string>) => {
      const page = await openClean('widgets-points-balance--ready', globals);
      const found = await page.evaluate(() => {
        const value = document.querySelector('loyalty-points-balance')!.shadowRoot!.querySelector('[part~="value"]')!;
        return {
          root: parseFloat(getComputedStyle(document.documentElement).fontSize),
          value: parseFloat(getComputedStyle(value).fontSize),
        };
      });
      await page.close();
      return found;
    };
    const normal = await sizes({});
    const doubled = await sizes({ textSize: 'double' });
    assert.equal(doubled.root, normal.root * 2, 'the root font size is not doubled');
    assert.equal(doubled.value, normal.value * 2, 'the balance does not grow with the text');
  });

  it('emulates forced colours with the Forced colours button: system colours, and the widgets’ own rules', async () => {
    const retry = async (globals: Record<string, string>) => {
      const page = await openClean('widgets-points-balance--network-error', globals);
      const found = await page.evaluate(() => {
        const root = document.querySelector('loyalty-points-balance')!.shadowRoot!;
        const button = getComputedStyle(root.querySelector('[part~="button"]')!);
        const probe = document.createElement('span');
        probe.style.color = 'ButtonText';
        document.querySelector('.loyalty-story')!.append(probe);
        // Colours as sRGB bytes: a derived colour computes to `color(xyz-d65 …)`, the page's to `rgb(…)`.
        const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
        const bytes = (color: string) => {
          canvas.clearRect(0, 0, 1, 1);
          canvas.fillStyle = color;
          canvas.fillRect(0, 0, 1, 1);
          return [...canvas.getImageData(0, 0, 1, 1).data].join();
        };
        return {
          border: `${button.borderTopStyle} ${button.borderTopWidth} ${bytes(button.borderTopColor)}`,
          background: bytes(button.backgroundColor),
          page: bytes(getComputedStyle(document.querySelector('.loyalty-story')!).backgroundColor),
          buttonText: bytes(getComputedStyle(probe).color),
        };
      });
      await page.close();
      return found;
    };
    const normal = await retry({});
    const forced = await retry({ forcedColors: 'active' });
    assert.match(normal.border, /^none 0px/, 'the retry button had a border before');
    assert.equal(forced.border, `solid 1px ${forced.buttonText}`, 'the forced-colours rule draws no boundary');
    assert.equal(forced.background, forced.page, 'the button is not filled with the page colour (Canvas)');
    assert.notEqual(normal.background, normal.page);
  });
});
