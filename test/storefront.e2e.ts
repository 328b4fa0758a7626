import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { createShopper } from './support/loyalty-api.ts';
import { DEMO_SECRET_KEY, startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens a storefront page and collects what a developer would see in the console. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${stack.storefrontUrl}${path}`);
  return { page, problems };
}

const balanceValue = (page: Page) => page.locator('loyalty-points-balance [part~="value"]');
const WIDGETS =
  'loyalty-points-balance, loyalty-tier-progress, loyalty-birthday-greeting, loyalty-rewards, loyalty-points-history, ' +
  'loyalty-ways-to-earn, loyalty-referral';

/** Waits until every widget on the page has left its loading state; returns each one's state. */
async function settledStates(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(
    (selector) => {
      const widgets = [...document.querySelectorAll<HTMLElement & { state?: string }>(selector)];
      return widgets.length === 7 && widgets.every((widget) => widget.state && widget.state !== 'loading');
    },
    WIDGETS,
    { timeout: 15_000 },
  );
  return page.evaluate(
    (selector) =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement & { state: string }>(selector)].map((w) => [w.localName, w.state]),
      ),
    WIDGETS,
  );
}

function shownNumber(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('the demo storefront', () => {
  it('shows a signed-in shopper their balance, and the new balance after points are awarded', async () => {
    const { page, problems } = await open('/?shopper=demo-shopper&lang=en');
    await balanceValue(page).waitFor();
    const before = shownNumber(await balanceValue(page).textContent());
    assert.ok(before > 0, 'the demo shopper starts with points');

    const award = await fetch(`${stack.apiBase}/v1/admin/customers/demo-shopper/transactions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${DEMO_SECRET_KEY}`,
        'Idempotency-Key': randomUUID(),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'earn', points: 125, reason: 'Order #1001' }),
    });
    assert.equal(award.status, 201);

    await page.reload();
    await balanceValue(page).waitFor();
    assert.equal(shownNumber(await balanceValue(page).textContent()), before + 125);
    assert.deepEqual(problems, [], 'no console errors and no Content-Security-Policy violations');
    await page.close();
  });

  it('shows every demo shopper the widgets from one summary (bringing the due survey), one program, one rewards and one referral request', async () => {
    for (const shopper of ['demo-shopper', 'demo-gold', 'demo-diamond', 'demo-new', 'demo-birthday']) {
      const requests: string[] = [];
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (request.method() === 'GET' && pathname.startsWith('/v1/')) requests.push(pathname);
      });
      await page.goto(`${stack.storefrontUrl}/?shopper=${shopper}&lang=en`);
      const states = await settledStates(page);
      assert.deepEqual(
        Object.values(states).filter((state) => state !== 'ready' && state !== 'empty'),
        [],
        `${shopper}: ${JSON.stringify(states)}`,
      );
      assert.deepEqual(
        requests.filter((path) => path !== '/v1/demo/customer-token').sort(),
        ['/v1/me/points/history', '/v1/me/referral', '/v1/me/rewards', '/v1/me/summary', '/v1/program'],
        `${shopper}: the API requests of one page view`,
      );
      assert.deepEqual(problems, [], `${shopper}: no console errors and no Content-Security-Policy violations`);
      await page.close();
    }
  });

  it('claims the birthday reward once on a double click, and the balance and tier widgets follow without a reload', async () => {
    const { page, problems } = await open('/?shopper=demo-birthday&lang=en');
    await settledStates(page);
    const before = shownNumber(await balanceValue(page).textContent());
    await page.evaluate(() => {
      const tier = document.querySelector('loyalty-tier-progress')!;
      (window as unknown as { tierUpdates: number }).tierUpdates = 0;
      tier.addEventListener('loyalty-ready', () => (window as unknown as { tierUpdates: number }).tierUpdates++);
    });
    const claim = page.locator('loyalty-birthday-greeting [part~="button"]');
    await claim.dblclick();

    await page.waitForFunction(
      (expected) => {
        const value = document
          .querySelector('loyalty-points-balance')
          ?.shadowRoot?.querySelector('[part~="value"]')?.textContent;
        return Number((value ?? '').replace(/[^\d]/g, '')) === expected;
      },
      before + 200,
      { timeout: 15_000 },
    );
    await page.waitForFunction(() => (window as unknown as { tierUpdates: number }).tierUpdates > 0);
    const title = page.locator('loyalty-birthday-greeting [part~="title"]');
    assert.match((await title.textContent()) ?? '', /200/);

    // One claim, whatever the clicks: the balance grew by exactly one reward, and stays so after a reload.
    await page.reload();
    await settledStates(page);
    assert.equal(shownNumber(await balanceValue(page).textContent()), before + 200);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('speaks Chinese on a Chinese page', async () => {
    const { page, problems } = await open('/?shopper=demo-shopper&lang=zh-CN');
    await balanceValue(page).waitFor();
    assert.match((await page.locator('loyalty-points-balance [part~="base"]').innerText()) ?? '', /积分/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("words the shop's own page in the page's language, with nothing of the other but the language switch", async () => {
    // Names stay as they are: the shop's and the shoppers'.
    const names = ['Demo Tea House', 'Lin Mei', 'Alex Chen', 'Wang Fang', 'Sam Lee', 'Zhou Xin'];
    const cases = [
      {
        path: '/?shopper=demo-shopper&lang=zh-CN',
        title: 'Demo Tea House · 我的账户',
        h1: '我的账户',
        other: /[A-Za-z]{2,}/,
      },
      {
        path: '/leave?shopper=demo-shopper&lang=zh-CN',
        title: 'Demo Tea House · 退出会员计划',
        h1: '退出会员计划',
        other: /[A-Za-z]{2,}/,
      },
      {
        path: '/?shopper=demo-shopper&lang=en',
        title: 'Demo Tea House · My account',
        h1: 'My account',
        other: /\p{Script=Han}/u,
      },
      {
        path: '/shop?shopper=demo-shopper&lang=en',
        title: 'Demo Tea House · Our teas',
        h1: 'Our teas',
        other: /\p{Script=Han}/u,
      },
      {
        path: '/leave?shopper=demo-shopper&lang=en',
        title: 'Demo Tea House · Leave the rewards program',
        h1: 'Leave the rewards program',
        other: /\p{Script=Han}/u,
      },
    ];
    for (const { path, title, h1, other } of cases) {
      const page = await browser.newPage();
      await page.goto(`${stack.storefrontUrl}${path}`);
      assert.equal(await page.title(), title, path);
      assert.equal(await page.locator('h1').textContent(), h1, path);
      // What the shop itself shows and names: its text outside the widgets, and its labels and tooltips.
      const chrome = await page.evaluate(() => {
        const labels = [...document.querySelectorAll('[aria-label], [title]')].map(
          (element) => `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('title') ?? ''}`,
        );
        const switchLinks = [...document.querySelectorAll('a[lang]')].map((link) => link.textContent ?? '');
        let text = [document.body.innerText, ...labels].join('\n');
        for (const link of switchLinks) text = text.replaceAll(link, '');
        return text;
      });
      const rest = names.reduce((text, name) => text.replaceAll(name, ''), chrome);
      assert.doesNotMatch(rest, other, `${path}: ${rest}`);
      await page.close();
    }
  });

  it("signs the shopper's token on its own server, and sends nosniff and no-referrer with every answer", async () => {
    for (const path of ['/', '/customer-token?shopper=demo-shopper', '/loyalty-elements.js']) {
      const res = await fetch(`${stack.storefrontUrl}${path}`);
      await res.body?.cancel();
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    }
    const guest = await fetch(`${stack.storefrontUrl}/customer-token?shopper=guest`);
    assert.equal(guest.status, 401);
    const { token } = (await (await fetch(`${stack.storefrontUrl}/customer-token?shopper=demo-gold`)).json()) as {
      token: string;
    };
    const summary = await fetch(`${stack.apiBase}/v1/me/summary`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Publishable-Key': 'pk_demo_loyalty_elements' },
    });
    assert.equal(summary.status, 200);
    assert.equal(((await summary.json()) as { customer: { id: string } }).customer.id, 'demo-gold');
  });

  it('invites a guest to sign in instead of showing an error, after one API request with no preflight', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // The DevTools protocol reports CORS preflights, which Playwright's request events leave out.
    const cdp = await page.context().newCDPSession(page);
    const requests: string[] = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      const url = new URL(request.url);
      if (url.origin === new URL(stack.apiBase).origin) requests.push(`${request.method} ${url.pathname}`);
    });
    await cdp.send('Network.enable');
    await page.goto(`${stack.storefrontUrl}/?shopper=guest&lang=en`);
    const link = page.locator('loyalty-points-balance [part~="link"]');
    await link.waitFor();
    assert.match((await link.getAttribute('href')) ?? '', /shopper=demo-shopper/);
    assert.deepEqual(new Set(Object.values(await settledStates(page))), new Set(['guest']));
    assert.deepEqual(requests, ['GET /v1/program'], 'the program, its key in the URL: no preflight');
    // One join pitch on the page, the <loyalty-join-pitch>; every other widget shows one compact sign-in line.
    await page.locator('loyalty-join-pitch [part~="pitch-benefit"]').first().waitFor();
    const pitches = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => element.shadowRoot?.querySelector('[part~="pitch"]'))
        .map((element) => element.localName),
    );
    assert.deepEqual(pitches, ['loyalty-join-pitch']);
    assert.equal(
      (await page.locator('loyalty-join-pitch [part~="pitch-title"]').textContent())?.trim(),
      'Join Demo Tea House',
    );
    assert.equal(
      await page.locator('loyalty-join-pitch [part~="join-link"]').getAttribute('href'),
      '/?shopper=demo-new&lang=en',
    );
    assert.equal(
      await page.locator('loyalty-points-balance [part~="message"]').textContent(),
      'Sign in to see your points.',
    );
    assert.equal(
      await page.locator('loyalty-birthday-greeting [part~="message"]').textContent(),
      'Sign in to get your birthday gift.',
    );
    // The ways to earn need only the program: a guest reads them before signing in.
    assert.match(
      (await page.locator('loyalty-ways-to-earn [part~="way-shop"]').textContent()) ?? '',
      /Shop with us: 1 point per ¥1\./,
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
  it('opens every rewards widget from the panel on the shop page, with the points on its launcher', async () => {
    const { page, problems } = await open('/shop?shopper=demo-shopper&lang=en');
    const points = page.locator('loyalty-panel [part~="launcher-points"]');
    await points.waitFor();
    assert.match((await points.textContent()) ?? '', /^[\d,]+ points$/);
    await page.locator('loyalty-panel [part~="launcher"]').click();
    const inside = ['loyalty-points-balance', 'loyalty-tier-progress', 'loyalty-ways-to-earn', 'loyalty-rewards'];
    await page.waitForFunction(
      (tags) => {
        const root = document.querySelector('loyalty-panel')?.shadowRoot;
        return tags.every((tag) => {
          const state = root?.querySelector<HTMLElement & { state?: string }>(tag)?.state;
          return state !== undefined && state !== 'loading';
        });
      },
      [...inside, 'loyalty-points-history'],
      { timeout: 15_000 },
    );
    assert.equal(
      await page
        .locator('loyalty-panel loyalty-points-balance')
        .evaluate((el) => (el as HTMLElement & { state: string }).state),
      'ready',
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('loyalty-panel')?.hasAttribute('open'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});

const FIRST_VIEW_WIDGETS =
  'loyalty-points-balance, loyalty-tier-progress, loyalty-rewards, loyalty-satisfaction-survey';

/**
 * The API requests (`METHOD /path`) of a first view of the storefront for `shopper`, once its widgets settled,
 * watched through the DevTools protocol: Playwright's request events leave CORS preflights out.
 */
async function firstViewRequests(shopper: string): Promise<{ requests: string[]; states: string[] }> {
  // A new context: empty HTTP and preflight caches, as on a shopper's first visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.startsWith(`${stack.apiBase}/v1/`)) {
        requests.push(`${event.request.method} ${new URL(event.request.url).pathname}`);
      }
    });
    await cdp.send('Network.enable');
    await page.goto(`${stack.storefrontUrl}/?shopper=${encodeURIComponent(shopper)}&lang=en`);
    await page.waitForFunction(
      (selector) =>
        [...document.querySelectorAll<HTMLElement & { state?: string }>(selector)].every(
          (widget) => widget.state !== undefined && widget.state !== 'loading',
        ),
      FIRST_VIEW_WIDGETS,
      { timeout: 15_000 },
    );
    const states = await page.evaluate(
      (selector) =>
        [...document.querySelectorAll<HTMLElement & { state: string }>(selector)].map(
          (widget) => `${widget.localName}: ${widget.state}`,
        ),
      FIRST_VIEW_WIDGETS,
    );
    return { requests, states };
  } finally {
    await context.close();
  }
}

describe('the storefront’s first view', () => {
  for (const [who, shopper] of [
    ['the demo shopper', async () => 'demo-shopper'],
    ['a new shopper with the post-purchase survey due', () => createShopper(stack.apiBase, 'preflight')],
  ] as const) {
    it(`sends ${who}’s reads with no CORS preflight`, async () => {
      const { requests, states } = await firstViewRequests(await shopper());
      assert.ok(requests.includes('GET /v1/me/summary'), `the widgets read the summary: ${requests.join(', ')}`);
      assert.ok(!states.some((state) => state.endsWith(': error')), states.join(', '));
      assert.deepEqual(
        requests.filter((request) => request.startsWith('OPTIONS ')),
        [],
        `no preflight among ${requests.join(', ')}`,
      );
    });
  }
});

describe('the storefront on a small phone', () => {
  it('gives its widgets most of a 320 px screen with 200 % text, and never scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${stack.storefrontUrl}/?shopper=demo-shopper&lang=en`);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await settledStates(page);
    const layout = await page.evaluate((selector) => {
      const widths = [...document.querySelectorAll(selector)].map((widget) => widget.getBoundingClientRect().width);
      return { narrowest: Math.min(...widths), pageWidth: document.documentElement.scrollWidth };
    }, WIDGETS);
    await page.close();
    assert.equal(layout.pageWidth, 320, 'nothing reaches past the screen');
    assert.ok(layout.narrowest >= 260, `every widget is at least 260 px wide (narrowest ${layout.narrowest} px)`);
  });
});
