// Server rendering: a Node server renders the four widgets with Lit SSR (support/ssr-server.ts) and the browser
// hydrates them. Without JavaScript the page shows each widget's skeleton, in declarative shadow DOM, at the size
// of its loading state; with it, the widgets hydrate without a mismatch and show the shopper's live data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './support/stack.ts';
import { importInNode, startSsrStack, type SsrStack } from './support/ssr-stack.ts';
import { shopperToken } from './support/loyalty-api.ts';

const CARDS = ['loyalty-points-balance', 'loyalty-tier-progress', 'loyalty-birthday-greeting'];
const SURVEY = 'loyalty-satisfaction-survey';
const WIDGETS = [...CARDS, SURVEY];
const AWARDED = 1_234;

type WidgetElement = HTMLElement & { state?: string; updateComplete?: Promise<boolean> };
type TestWindow = Window & {
  layoutShift?: number;
  cardShift?: number;
  serverNodes?: Element[];
  connectLoyalty?: () => void;
};

interface Box {
  tag: string;
  width: number;
  height: number;
}

let stack: SsrStack;
let browser: Browser;
let shopper: string;

async function admin(path: string, init: RequestInit, expected: number): Promise<void> {
  const response = await fetch(`${stack.apiBase}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...init.headers },
  });
  assert.equal(response.status, expected, `${init.method} ${path}: ${await response.text()}`);
}

/**
 * A new shopper with points and a birthday half a year away, so every card's ready state is its everyday one
 * (the birthday greeting's "see you on your birthday", not its form).
 */
async function createShopper(): Promise<string> {
  const customerId = `ssr-${randomUUID().slice(0, 8)}`;
  const month = ((new Date().getUTCMonth() + 6) % 12) + 1;
  await admin(
    `/v1/admin/customers/${customerId}`,
    {
      method: 'PUT',
      body: JSON.stringify({
        name: 'Server Rendered',
        locale: 'en',
        birthday: { month, day: 15, calendar: 'gregorian' },
      }),
    },
    201,
  );
  await admin(
    `/v1/admin/customers/${customerId}/transactions`,
    {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ type: 'earn', points: AWARDED, reason: 'Order #2001' }),
    },
    201,
  );
  return customerId;
}

/** The shopper's balance as the API tells it, read with a token of theirs. */
async function apiBalance(customerId: string): Promise<number> {
  const token = await shopperToken(customerId);
  const response = await fetch(`${stack.apiBase}/v1/me/summary`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Publishable-Key': DEMO_PUBLISHABLE_KEY },
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { points: { balance: number } }).points.balance;
}

before(async () => {
  [stack, browser] = await Promise.all([startSsrStack(), launchChromium()]);
  shopper = await createShopper();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A page that records console errors and warnings, page errors, and the cumulative layout shift. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript((cards: readonly string[]) => {
    const testWindow = window as TestWindow;
    testWindow.layoutShift = 0;
    testWindow.cardShift = 0;
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        testWindow.layoutShift! += entry.value;
        // No helper function here: the test's TypeScript build would wrap it in a name helper the page lacks.
        let inCard = false;
        for (const source of entry.sources ?? []) {
          for (let at = source.node ?? null; at; at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null)) {
            if (at instanceof Element && cards.includes(at.localName)) inCard = true;
          }
        }
        if (inCard) testWindow.cardShift! += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, CARDS);
  return { page, problems };
}

/** Holds the page's requests to the API; `release(which)` lets those through, now and from then on. */
async function holdApi(page: Page): Promise<{ release(which?: (path: string) => boolean): void }> {
  const held: Route[] = [];
  const released: ((path: string) => boolean)[] = [];
  const isReleased = (route: Route) => {
    const { pathname } = new URL(route.request().url());
    return released.some((which) => which(pathname));
  };
  await page.route(`${stack.apiBase}/**`, (route) => {
    if (isReleased(route)) void route.continue();
    else held.push(route);
  });
  return {
    release(which = () => true) {
      released.push(which);
      for (const route of held.filter(isReleased)) {
        held.splice(held.indexOf(route), 1);
        void route.continue();
      }
    },
  };
}

/**
 * Opens the server-rendered page with the API held, keeps a reference to each card's server-rendered
 * `[part~="base"]` before the client script runs, then lets the script run and waits until every widget is
 * defined and has updated.
 */
async function openHydrated(query: string) {
  const { page, problems } = await openPage();
  const api = await holdApi(page);
  let runScript!: () => void;
  const scriptHeld = new Promise<void>((resolve) => (runScript = resolve));
  await page.route('**/client.js', async (route) => {
    await scriptHeld;
    await route.continue();
  });
  await page.goto(`${stack.pageUrl}/?${query}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState !== 'loading');
  await page.evaluate((cards) => {
    (window as TestWindow).serverNodes = cards.map((tag) =>
      document.querySelector(tag)!.shadowRoot!.querySelector('[part~="base"]')!,
    );
  }, CARDS);
  runScript();
  await upgraded(page);
  return { page, problems, api };
}

/** Waits until every widget is defined and has finished updating (its follow-up update included). */
async function upgraded(page: Page): Promise<void> {
  await page.waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), WIDGETS);
  await page.evaluate(async (tags) => {
    for (let round = 0; round < 3; round++) {
      await Promise.all(tags.map((tag) => (document.querySelector(tag) as WidgetElement).updateComplete));
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, WIDGETS);
}

/** Each widget's state. */
function states(page: Page): Promise<Record<string, string | undefined>> {
  return page.evaluate(
    (tags) => Object.fromEntries(tags.map((tag) => [tag, (document.querySelector(tag) as WidgetElement).state])),
    WIDGETS,
  );
}

/** Waits until each of `tags` is in `state`, then for two frames. */
async function reached(page: Page, tags: string[], state: string): Promise<void> {
  await page.waitForFunction(
    ({ tags, state }) => tags.every((tag) => (document.querySelector(tag) as WidgetElement).state === state),
    { tags, state },
    { timeout: 15_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Each widget's border box on the page. */
function boxes(page: Page): Promise<Box[]> {
  return page.evaluate(
    (tags) =>
      tags.map((tag) => {
        const { width, height } = document.querySelector(tag)!.getBoundingClientRect();
        return { tag, width, height };
      }),
    WIDGETS,
  );
}

const layoutShift = (page: Page) => page.evaluate(() => (window as TestWindow).layoutShift!);
/** The part of it in which a card moved (the survey taking room above the footer moves only the footer). */
const cardShift = (page: Page) => page.evaluate(() => (window as TestWindow).cardShift!);

/** For each card: whether its `[part~="base"]` is still the one the server rendered, its `lang` and loading text. */
function serverNodesKept(page: Page) {
  return page.evaluate(
    (cards) =>
      cards.map((tag, index) => {
        const bases = document.querySelector(tag)!.shadowRoot!.querySelectorAll('[part~="base"]');
        return {
          tag,
          bases: bases.length,
          kept: bases[0] === (window as TestWindow).serverNodes![index],
          lang: bases[0]?.getAttribute('lang'),
          text: bases[0]?.querySelector('.visually-hidden')?.textContent?.trim(),
        };
      }),
    CARDS,
  );
}

const shownBalance = async (page: Page) =>
  Number(((await page.locator('loyalty-points-balance [part~="value"]').textContent()) ?? '').replace(/[^\d]/g, ''));

describe('server rendering with Lit SSR', () => {
  it('imports every package in Node without a DOM', async () => {
    const embed = new URL('../packages/embed/src/', import.meta.url);
    const { code, output } = await importInNode([
      '@loyalty-elements/components',
      ...CARDS.map((tag) => `@loyalty-elements/components/define/${tag}`),
      `@loyalty-elements/components/define/${SURVEY}`,
      '@loyalty-elements/sdk',
      '@loyalty-elements/sdk/server',
      new URL('pure.ts', embed).href,
      new URL('index.ts', embed).href,
    ]);
    assert.equal(code, 0, output);
  });

  it('shows each widget’s skeleton from declarative shadow DOM before any script runs, at its client-rendered size', async () => {
    const { page: server, problems } = await openPage();
    await server.route('**/client.js', (route) => route.abort());
    await server.goto(`${stack.pageUrl}/?customer=${shopper}`);
    const placeholders = await server.evaluate(
      (tags) =>
        tags.map((tag) => {
          const root = document.querySelector(tag)!.shadowRoot;
          return {
            tag,
            defined: customElements.get(tag) !== undefined,
            shadowRoot: root !== null,
            busy: root?.querySelector('[part~="base"][aria-busy="true"]') != null,
            skeletons: root?.querySelectorAll('[part~="skeleton"]').length ?? 0,
            content: root?.querySelectorAll('[part~="base"]').length ?? 0,
          };
        }),
      WIDGETS,
    );
    for (const placeholder of placeholders.filter(({ tag }) => CARDS.includes(tag))) {
      assert.equal(placeholder.defined, false, `${placeholder.tag}: no script ran`);
      assert.equal(placeholder.shadowRoot, true, `${placeholder.tag}: a declarative shadow root`);
      assert.equal(placeholder.busy, true, `${placeholder.tag}: its loading state`);
      assert.ok(placeholder.skeletons >= 3, `${placeholder.tag}: skeleton bars`);
    }
    // The survey shows nothing while it asks (and without a client): an empty shadow root.
    assert.deepEqual(placeholders.at(-1), {
      tag: SURVEY,
      defined: false,
      shadowRoot: true,
      busy: false,
      skeletons: 0,
      content: 0,
    });
    const serverBoxes = await boxes(server);
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('net::ERR_FAILED')),
      [],
      'nothing but the blocked script',
    );

    // The same page with the elements left to the browser, the API held back so they stay loading.
    const { page: client } = await openPage();
    await holdApi(client);
    await client.goto(`${stack.pageUrl}/?customer=${shopper}&render=client`);
    await upgraded(client);
    assert.deepEqual(Object.values(await states(client)), ['loading', 'loading', 'loading', 'loading']);
    const clientBoxes = await boxes(client);

    for (const [index, tag] of CARDS.entries()) {
      assert.ok(serverBoxes[index]!.width > 0 && serverBoxes[index]!.height > 0, `${tag}: a placeholder with a box`);
    }
    assert.deepEqual(serverBoxes.slice(0, 3), clientBoxes.slice(0, 3), 'each skeleton at its loading size');
    // Loading, the survey is `hidden` once the client runs; the server's empty element is as tall: nothing.
    assert.equal(serverBoxes[3]!.height, 0);
    assert.equal(clientBoxes[3]!.height, 0);
    await server.close();
    await client.close();
  });

  it('hydrates without a mismatch or a layout shift, then shows the shopper their live balance', async (t) => {
    const { page, problems } = await openPage();
    const api = await holdApi(page);
    await page.goto(`${stack.pageUrl}/?customer=${shopper}`);
    await upgraded(page);
    assert.deepEqual(Object.values(await states(page)), ['loading', 'loading', 'loading', 'loading']);
    const placeholderBoxes = await boxes(page);
    assert.equal(await layoutShift(page), 0, 'hydration moves nothing');

    // The cards' data first; the survey comes with the summary and takes room when it appears, by design, below them.
    api.release((path) => !path.startsWith('/v1/me/surveys/'));
    await reached(page, CARDS, 'ready');
    assert.deepEqual((await boxes(page)).slice(0, 3), placeholderBoxes.slice(0, 3), 'each card ready in its box');
    assert.equal(await cardShift(page), 0, 'from placeholder to ready, no card moves');
    assert.equal(await apiBalance(shopper), AWARDED);
    assert.equal(await shownBalance(page), AWARDED, 'the balance the API has');

    api.release();
    await reached(page, [SURVEY], 'ready');
    t.diagnostic(`layout shift once the survey appeared above the page's footer: ${await layoutShift(page)}`);
    assert.deepEqual(problems, [], 'no hydration error or warning, no page error');
    await page.close();
  });

  it('hydrates the server’s nodes in place, then speaks the page’s language, which the server did not know', async () => {
    // The server renders in the element's own `lang` or English: it cannot see <html lang="zh-CN">.
    const { page, problems, api } = await openHydrated(`customer=${shopper}&lang=zh-CN`);
    assert.deepEqual(Object.values(await states(page)), ['loading', 'loading', 'loading', 'loading']);
    assert.deepEqual(await serverNodesKept(page), [
      { tag: 'loyalty-points-balance', bases: 1, kept: true, lang: 'zh-CN', text: '正在加载您的积分…' },
      { tag: 'loyalty-tier-progress', bases: 1, kept: true, lang: 'zh-CN', text: '正在加载您的会员等级…' },
      { tag: 'loyalty-birthday-greeting', bases: 1, kept: true, lang: 'zh-CN', text: '正在加载您的生日礼遇…' },
    ]);
    api.release();
    await reached(page, CARDS, 'ready');
    assert.equal(await page.locator('loyalty-points-balance [part~="points-name"]').textContent(), '积分');
    assert.equal(await shownBalance(page), AWARDED);
    assert.deepEqual(problems, [], 'no hydration error or warning, no page error');
    await page.close();
  });

  it('hydrates when the page sets the shared client only after the elements upgraded', async () => {
    const { page, problems, api } = await openHydrated(`customer=${shopper}&defer-client=1`);
    // Without a client a widget says so, as it does when the browser alone renders it.
    assert.deepEqual(Object.values(await states(page)), ['error', 'error', 'error', 'hidden']);
    assert.deepEqual(
      (await serverNodesKept(page)).map(({ bases }) => bases),
      [1, 1, 1],
    );
    assert.deepEqual(problems, [], 'no hydration mismatch');
    api.release();
    await page.evaluate(() => (window as TestWindow).connectLoyalty!());
    await reached(page, CARDS, 'ready');
    await reached(page, [SURVEY], 'ready');
    assert.equal(await shownBalance(page), AWARDED);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
