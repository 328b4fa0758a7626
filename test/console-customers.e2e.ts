// The console's Customers page in real Chromium against the real API: finding a member, their profile and ledger
// equal to the API's, adjusting, reversing, refunding, exporting, ending and erasing, axe-core on every state and
// dialog in light and dark, and one look in Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { CustomerExport, CustomerHistory, CustomerProfile, OrderRecord } from '@loyalty-elements/contract';
import { accessibilityViolations, openConsole, signInWithDemoKey } from './support/console.ts';
import { consoleStackPerFile } from './support/console-stack.ts';
import { DEMO_SECRET_KEY } from './support/stack.ts';

const running = consoleStackPerFile();
const { consoleUrl } = running;

const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d-−]/g, '').replace('−', '-'));

async function adminCall(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${running.stack.apiBase}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${DEMO_SECRET_KEY}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function adminRead<T>(schema: { parse(value: unknown): T }, path: string): Promise<T> {
  const res = await adminCall('GET', path);
  assert.equal(res.status, 200, await res.clone().text());
  return schema.parse(await res.json());
}

const profileOf = (id: string) => adminRead(CustomerProfile, `/v1/admin/customers/${encodeURIComponent(id)}`);
const historyOf = (id: string) =>
  adminRead(CustomerHistory, `/v1/admin/customers/${encodeURIComponent(id)}/history?limit=20`);

/** A customer of the demo program made for one test, with a name no other customer has. */
async function newCustomer(label: string): Promise<{ id: string; name: string }> {
  const marker = randomUUID().slice(0, 8);
  const customer = { id: `e2e-${label}-${marker}`, name: `${label} Tester ${marker}` };
  const res = await adminCall('PUT', `/v1/admin/customers/${customer.id}`, { name: customer.name, locale: 'en' });
  assert.equal(res.status, 201, await res.text());
  return customer;
}

/** Signs in, opens the Customers page, searches `text` and opens the customer `id` from the results. */
async function openCustomer(page: Page, text: string, id: string): Promise<void> {
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  const search = page.getByLabel('Search by id, name or e-mail');
  await search.fill(text);
  // Enter searches at once, so the list of every customer shown on opening is never the one clicked.
  await search.press('Enter');
  await page.locator(`button[data-customer-id="${id}"]`).click();
  await page.locator('[data-fact="spendable"] dd').waitFor();
  await page.locator('console-customer-ledger tbody tr').first().waitFor();
}

async function signedIn(colorScheme: 'light' | 'dark' = 'light') {
  const opened = await openConsole(running.browser, consoleUrl(), { colorScheme });
  await signInWithDemoKey(opened.page);
  return opened;
}

/** The element with the keyboard focus, through shadow roots: its id, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id || element?.tagName || null;
  });

const spendableShown = async (page: Page) =>
  shownNumber(await page.locator('[data-fact="spendable"] dd').textContent());

describe('the console’s Customers page', () => {
  it('finds a demo customer by part of their name; profile and ledger equal the API’s, on a tablet too', async () => {
    const { context, page, problems } = await signedIn();
    await openCustomer(page, 'in Me', 'demo-shopper');
    const results = page.locator('button[data-customer-id]');
    assert.deepEqual(await results.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-customer-id'))), [
      'demo-shopper',
    ]);

    const profile = await profileOf('demo-shopper');
    assert.equal(await spendableShown(page), profile.balance.spendable);
    assert.equal(shownNumber(await page.locator('[data-fact="pending"] dd').textContent()), profile.balance.pending);
    assert.equal(await page.getByRole('heading', { name: 'Lin Mei' }).count(), 1);

    const history = await historyOf('demo-shopper');
    const ledger = page.locator('console-customer-ledger');
    assert.deepEqual(await ledger.locator('thead th').allTextContents(), [
      'Date',
      'What',
      'Points',
      'Details',
      'Actions',
    ]);
    const rows = ledger.locator('tbody tr');
    assert.equal(await rows.count(), history.entries.length);
    for (const [index, entry] of history.entries.slice(0, 3).entries()) {
      const row = rows.nth(index);
      assert.equal(await row.getAttribute('data-entry-id'), entry.id);
      assert.equal(shownNumber(await row.locator('[data-cell="points"]').textContent()), entry.points);
    }
    // The newest entry, the pre-order, is pending.
    assert.match((await rows.nth(0).textContent()) ?? '', /Pending until/);

    await page.setViewportSize({ width: 768, height: 1024 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `a tablet scrolls no sideways (${overflow}px)`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('adjusts +25 once even when the submit is double-clicked, then reverses that entry', async () => {
    const customer = await newCustomer('Adjust');
    const { context, page, problems } = await signedIn();
    await openCustomer(page, customer.name.slice(-8), customer.id);
    const before = (await profileOf(customer.id)).balance.spendable;

    const opener = page.getByRole('button', { name: 'Adjust points' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Adjust points' });
    const submit = dialog.getByRole('button', { name: 'Adjust', exact: true });
    await dialog.getByLabel('Points (negative to take away)').fill('25');
    assert.equal(await submit.isDisabled(), true, 'a reason is required');
    await dialog.getByLabel('Reason').fill('Missed stamp card');
    await submit.dblclick();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await opener.evaluate((el) => el.matches(':focus')), true, 'focus back on the opener');

    await page.locator('[data-fact="spendable"] dd', { hasText: String(before + 25) }).waitFor();
    assert.equal((await profileOf(customer.id)).balance.spendable, before + 25);
    const history = await historyOf(customer.id);
    const adjustments = history.entries.filter((entry) => entry.kind === 'adjustment');
    assert.equal(adjustments.length, 1, 'one adjustment, however many clicks');
    const row = page.locator(`tr[data-entry-id="${adjustments[0]!.id}"]`);
    await row.getByText('Reason: Missed stamp card').waitFor();

    await row.getByRole('button', { name: /Reverse/ }).click();
    const reverse = page.getByRole('dialog', { name: /Reverse “Points adjustment”/ });
    await reverse.getByRole('button', { name: 'Reverse', exact: true }).click();
    await reverse.waitFor({ state: 'hidden' });
    await row.getByText('Reversed').waitFor();
    assert.equal(await row.getByRole('button', { name: /Reverse/ }).count(), 0, 'reversed once: no button');
    assert.equal((await profileOf(customer.id)).balance.spendable, before);
    await page.locator('[data-fact="spendable"] dd', { hasText: String(before) }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps the dialog while an adjustment is being sent: no Cancel, no Escape', async () => {
    const customer = await newCustomer('Hold');
    const { context, page, problems } = await signedIn();
    await openCustomer(page, customer.name.slice(-8), customer.id);
    await page.getByRole('button', { name: 'Adjust points' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust points' });
    await dialog.getByLabel('Points (negative to take away)').fill('5');
    await dialog.getByLabel('Reason').fill('Held on its way');

    // The adjustment is held on its way, then lost: nothing reaches the API.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isTransactions = (url: URL) => url.pathname.endsWith('/transactions');
    await page.route(isTransactions, async (route) => {
      await held;
      await route.abort();
    });
    await dialog.getByRole('button', { name: 'Adjust', exact: true }).click();
    await dialog.getByRole('button', { name: 'Sending…' }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Cancel' }).isDisabled(), true, 'no Cancel while sending');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), true, 'Escape keeps the dialog while sending');
    release();
    await dialog.getByRole('alert').filter({ hasText: /./ }).waitFor();
    await page.unroute(isTransactions);
    // Sent again from the same dialog, with the same key: the ledger changes once.
    await dialog.getByRole('button', { name: 'Adjust', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const adjustments = (await historyOf(customer.id)).entries.filter((entry) => entry.kind === 'adjustment');
    assert.equal(adjustments.length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('records a refund typed in the currency’s major units, thousands separators too, and shows the API’s problem in words', async () => {
    const customer = await newCustomer('Refund');
    const orderId = `e2e-order-${randomUUID().slice(0, 8)}`;
    const order = await adminCall('POST', '/v1/admin/orders', {
      orderId,
      customerId: customer.id,
      amount: 200_000,
      currency: 'CNY',
    });
    assert.equal(order.status, 201, await order.text());
    const { context, page, problems } = await signedIn();
    await openCustomer(page, customer.id, customer.id);

    await page.getByRole('button', { name: 'Refund an order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund an order' });
    await dialog.getByLabel('Order number').fill(orderId);
    await dialog.getByLabel('Amount refunded').fill('2,500');
    await dialog.getByRole('button', { name: 'Record refund' }).click();
    await dialog.getByRole('alert').getByText('more than it cost').waitFor();

    await dialog.getByLabel('Amount refunded').fill('1,012.50');
    await dialog.getByRole('button', { name: 'Record refund' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .getByText(/^Refunded .*1,012\.50/)
      .waitFor();
    const recorded = await adminRead(OrderRecord, `/v1/admin/orders/${orderId}`);
    assert.equal(recorded.refundedAmount, 101_250);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('exports the customer’s data as a JSON file through a plain link', async () => {
    const { context, page, problems } = await signedIn();
    await openCustomer(page, 'demo-gold', 'demo-gold');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export data' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'customer-demo-gold.json');
    const exported = CustomerExport.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
    assert.equal(exported.profile.customer.id, 'demo-gold');
    assert.equal(exported.profile.customer.name, 'Alex Chen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ends a membership with a reason, then erases the customer once their id is typed', async () => {
    const customer = await newCustomer('Erase');
    const { context, page, problems } = await signedIn();
    await openCustomer(page, customer.id, customer.id);

    await page.getByRole('button', { name: 'End membership' }).click();
    const end = page.getByRole('dialog', { name: 'End membership' });
    // A reason picked, then the dialog cancelled: opened again, it asks afresh (the select shows what it holds).
    await end.getByRole('combobox').selectOption('product');
    await end.getByRole('button', { name: 'Cancel' }).click();
    await end.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'End membership' }).click();
    assert.equal(await end.getByRole('combobox').inputValue(), '');
    assert.equal(await end.getByRole('button', { name: 'End membership' }).isDisabled(), true);
    await end.getByRole('combobox').selectOption('price');
    await end.getByRole('button', { name: 'End membership' }).click();
    await end.waitFor({ state: 'hidden' });
    await page.locator('[data-fact="status"] dd', { hasText: 'Membership ended' }).waitFor();
    await page.getByRole('status').getByText('Membership ended.').waitFor();
    assert.notEqual(await focused(page), 'BODY', 'focus stays in the profile');
    assert.equal((await profileOf(customer.id)).customer.endReason, 'price');

    await page.getByRole('button', { name: 'Erase customer' }).click();
    const erase = page.getByRole('dialog', { name: 'Erase customer' });
    await erase.getByText(`Erasing ${customer.name} (${customer.id})`).waitFor();
    const confirm = erase.getByRole('button', { name: 'Erase', exact: true });
    const typed = erase.getByLabel(`Type ${customer.id} to confirm`);
    assert.equal(await confirm.isDisabled(), true);
    await typed.fill(customer.id.slice(0, -1));
    assert.equal(await confirm.isDisabled(), true, 'a near miss is not the id');
    await typed.fill(customer.id);
    assert.equal(await confirm.isDisabled(), false);
    await confirm.click();
    await erase.waitFor({ state: 'hidden' });

    await page.locator('[data-fact="status"] dd', { hasText: 'Erased' }).waitFor();
    await page.getByRole('status').getByText('Customer erased.').waitFor();
    await page.waitForFunction(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.id === 'profile-heading';
    });
    assert.equal((await profileOf(customer.id)).customer.status, 'erased');
    for (const gone of ['Adjust points', 'Refund an order', 'End membership', 'Erase customer']) {
      assert.equal(await page.getByRole('button', { name: gone }).count(), 0, `${gone} is gone`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in search, profile and each dialog (${colorScheme})`, async () => {
      const { context, page, problems } = await signedIn(colorScheme);
      await page.getByRole('link', { name: 'Customers' }).click();
      await page.locator('button[data-customer-id]').first().waitFor();
      assert.deepEqual(await accessibilityViolations(page), [], 'search results');
      await openCustomer(page, 'demo-shopper', 'demo-shopper');
      assert.deepEqual(await accessibilityViolations(page), [], 'profile and ledger');

      const dialogs: Array<[RegExp | string, string]> = [
        ['Adjust points', 'Adjust points'],
        ['Refund an order', 'Refund an order'],
        ['End membership', 'End membership'],
        ['Erase customer', 'Erase customer'],
        [/^Reverse “/, 'Reverse'],
      ];
      for (const [opener, name] of dialogs) {
        const button = page.getByRole('button', { name: opener }).first();
        await button.click();
        const dialog = page.getByRole('dialog', { name: new RegExp(`^${name}`) });
        await dialog.waitFor();
        assert.deepEqual(await accessibilityViolations(page), [], `${name} dialog`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await button.evaluate((el) => el.matches(':focus')), true, `${name}: focus returned`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('keeps a long unbroken name (an e-mail used as the name) inside its card, on a phone and a laptop', async () => {
    const marker = randomUUID().slice(0, 8);
    const id = `e2e-long-${marker}`;
    const name = `maximiliana.konstantinopoulou.${marker}@example.com`;
    const res = await adminCall('PUT', `/v1/admin/customers/${id}`, { name, locale: 'en' });
    assert.equal(res.status, 201, await res.text());
    const { context, page, problems } = await signedIn();
    for (const width of [375, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await openCustomer(page, marker, id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width}px: no sideways scrolling (${overflow}px)`);
      const [card, list] = await Promise.all([
        page.locator(`button[data-customer-id="${id}"]`).boundingBox(),
        page.locator(`button[data-customer-id="${id}"] .name`).boundingBox(),
      ]);
      assert.ok(
        card && list && list.x + list.width <= card.x + card.width + 1,
        `${width}px: the name stays in its card`,
      );
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('speaks Simplified Chinese, on a phone-width screen', async () => {
    const { context, page, problems } = await openConsole(running.browser, consoleUrl(), { locale: 'zh-CN' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: '使用演示密钥登录' }).click();
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByLabel('按编号、姓名或电子邮箱搜索').fill('demo-shopper');
    await page.locator('button[data-customer-id="demo-shopper"]').click();
    const ledger = page.locator('console-customer-ledger');
    await ledger.locator('tbody tr').first().waitFor();
    assert.deepEqual(await ledger.locator('thead th').allTextContents(), ['日期', '内容', '积分', '说明', '操作']);
    await page.getByRole('button', { name: '调整积分' }).click();
    await page.getByRole('dialog', { name: '调整积分' }).getByLabel('积分（负数表示扣减）').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
