// A merchant's whole journey on the reference API in production mode, on each store: the CLI creates a
// program, the admin API configures its tiers, a reward and a survey, an order earns points that the
// storefront (signed with the new keys) shows once its return window passes, a refund takes them back,
// and the customer is exported and then erased.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  AdminSurvey,
  CustomerExport,
  CustomerProfile,
  OrderResult,
  PUBLISHABLE_KEY_HEADER,
  ProgramSettings,
  RefundResult,
} from '@loyalty-elements/contract';
import { signCustomerToken } from '@loyalty-elements/sdk/server';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../scripts/start-api.mjs';
import { startStorefront } from '../examples/storefront/serve.ts';
import { launchChromium } from './support/browser.ts';
import { freePort } from './support/stack.ts';
import { waitFor } from './support/loyalty-api.ts';

const CLI = fileURLToPath(new URL('../packages/server/src/cli.ts', import.meta.url));
const POSTGRES_URL = process.env.LOYALTY_TEST_DATABASE_URL?.trim() || undefined;
const DAY_MS = 86_400_000;
/** How long the first order stays pending in real time: long enough to see it pending, short enough to wait for. */
const PENDING_MS = 8_000;

interface ProgramKeys {
  programId: string;
  publishableKey: string;
  secretKey: string;
}

function cli(env: Record<string, string>, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`loyalty-api ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** A database of its own on the test PostgreSQL server, dropped at the end. */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error('The PostgreSQL journey needs LOYALTY_TEST_DATABASE_URL (npm test sets it).');
  const name = `loyalty_journey_${randomUUID().replace(/-/g, '')}`;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

for (const store of ['PGlite', 'PostgreSQL'] as const) {
  describe(`a merchant's journey on ${store}`, () => {
    let browser: Browser;
    let dataDir: string;
    let database: { url: string; drop(): Promise<void> } | undefined;
    let storeEnv: Record<string, string>;
    let api: { baseUrl: string; stop(): Promise<void> } | undefined;
    let storefront: { url: string; close(): Promise<void> } | undefined;
    let keys: ProgramKeys;
    let apiBase: string;
    let storefrontUrl: string;
    const customerId = `journey-${randomUUID().slice(0, 8)}`;

    async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
      const response = await fetch(apiBase + path, {
        method,
        headers: {
          Authorization: `Bearer ${keys.secretKey}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    }

    async function shopperSummary(): Promise<Response> {
      const token = await signCustomerToken({ customerId, secretKey: keys.secretKey, audience: keys.publishableKey });
      return fetch(`${apiBase}/v1/me/summary`, {
        headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: keys.publishableKey },
      });
    }

    async function openAccountPage(): Promise<Page> {
      const page = await browser.newPage();
      await page.goto(`${storefrontUrl}/?shopper=${customerId}&lang=en`);
      await page.locator('loyalty-points-balance [part~="value"]').waitFor({ timeout: 15_000 });
      return page;
    }

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'loyalty-journey-'));
      if (store === 'PostgreSQL') {
        database = await postgresDatabase();
        storeEnv = { DATABASE_URL: database.url };
      } else {
        storeEnv = { LOYALTY_DATA_DIR: join(dataDir, 'pglite') };
      }
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await storefront?.close();
      await api?.stop();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('creates a program with the CLI and serves it in production mode, with no demo program', async () => {
      keys = JSON.parse(
        await cli(
          storeEnv,
          'program',
          'create',
          '--name',
          'Journey Tea',
          '--currency',
          'CNY',
          '--timezone',
          'Asia/Shanghai',
          '--json',
        ),
      ) as ProgramKeys;
      assert.match(keys.publishableKey, /^pk_/);
      assert.match(keys.secretKey, /^sk_/);

      const storefrontPort = await freePort();
      storefrontUrl = `http://localhost:${storefrontPort}`;
      const started: { baseUrl: string; stop(): Promise<void> } = await startApi({
        inMemory: false,
        env: { ...storeEnv, LOYALTY_DEMO: 'false', LOYALTY_ALLOWED_ORIGINS: storefrontUrl },
      });
      api = started;
      apiBase = started.baseUrl.replace('127.0.0.1', 'localhost');
      storefront = await startStorefront({
        port: storefrontPort,
        host: '127.0.0.1',
        apiBase,
        publishableKey: keys.publishableKey,
        secretKey: keys.secretKey,
      });

      const demo = await fetch(`${apiBase}/v1/program`, {
        headers: { [PUBLISHABLE_KEY_HEADER]: 'pk_demo_loyalty_elements' },
      });
      assert.equal(demo.status, 401, 'production mode has no demo program');
      const program = await fetch(`${apiBase}/v1/program`, {
        headers: { [PUBLISHABLE_KEY_HEADER]: keys.publishableKey },
      });
      assert.equal(program.status, 200);
    });

    it('configures tiers, earning, a reward and a survey over the admin API', async () => {
      const settings = await admin('PATCH', '/v1/admin/program', {
        earnRate: 1,
        welcomeBonus: 50,
        returnWindowDays: 14,
        tiers: [
          { id: 'member', name: { en: 'Member', 'zh-CN': '会员' }, threshold: 0, benefits: [], earnMultiplier: 1 },
          {
            id: 'leaf',
            name: { en: 'Green Leaf', 'zh-CN': '绿叶' },
            threshold: 100,
            benefits: [{ en: 'Free shipping', 'zh-CN': '免运费' }],
            earnMultiplier: 2,
          },
        ],
      });
      assert.equal(settings.status, 200, JSON.stringify(settings.json));
      assert.equal(ProgramSettings.parse(settings.json).returnWindowDays, 14);

      const reward = await admin('PUT', '/v1/admin/rewards/free-pot', {
        name: { en: 'A free pot of tea', 'zh-CN': '免费一壶茶' },
        description: { en: 'Any tea on the menu.', 'zh-CN': '菜单上的任意茶品。' },
        pointsCost: 150,
        requiredTierId: null,
        stock: null,
        validityDays: 30,
        availableFrom: null,
        availableUntil: null,
        active: true,
      });
      assert.equal(reward.status, 201, JSON.stringify(reward.json));

      const survey = await admin('PUT', '/v1/admin/surveys/after-order', {
        trigger: 'post_purchase',
        active: true,
        samplingRate: 1,
        recontactDays: 30,
        title: { en: 'How was your order?', 'zh-CN': '您对这次订单满意吗？' },
        questions: [
          {
            kind: 'nps',
            id: 'nps',
            required: true,
            text: { en: 'Would you recommend Journey Tea?', 'zh-CN': '您会向朋友推荐 Journey Tea 吗？' },
          },
        ],
      });
      assert.equal(survey.status, 201, JSON.stringify(survey.json));
      assert.equal(AdminSurvey.parse(survey.json).version, 1);
    });

    it('credits the welcome bonus to a new customer, and an order after its return window', async () => {
      const created = await admin('PUT', `/v1/admin/customers/${customerId}`, {
        name: 'Lin Jia',
        email: 'lin.jia@example.com',
        locale: 'en',
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));

      // Placed 14 days ago less a few seconds: its points become spendable a few seconds from now.
      const placedAt = new Date(Date.now() - 14 * DAY_MS + PENDING_MS).toISOString();
      const order = await admin('POST', '/v1/admin/orders', {
        orderId: `${customerId}-1001`,
        customerId,
        amount: 12_345,
        currency: 'CNY',
        placedAt,
      });
      assert.equal(order.status, 201, JSON.stringify(order.json));
      const { order: recorded } = OrderResult.parse(order.json);
      assert.equal(recorded.points, 123, '¥123.45 at 1 point per yuan, as a Member (×1)');
      assert.ok(recorded.pendingUntil, 'the points wait for the return window');
      const spendableAt = Date.parse(recorded.pendingUntil);

      const page = await openAccountPage();
      const value = page.locator('loyalty-points-balance [part~="value"]');
      const pending = page.locator('loyalty-points-balance [part~="pending"]');
      assert.equal(shownNumber(await value.textContent()), 50, 'the welcome bonus is spendable');
      assert.equal(shownNumber(await pending.textContent()), 123, 'the order is pending');
      const surveyTitle = page.locator('loyalty-satisfaction-survey [part~="title"]');
      await surveyTitle.waitFor({ timeout: 15_000 });
      assert.equal(
        (await surveyTitle.textContent())?.trim(),
        'How was your order?',
        'the survey set over the admin API',
      );

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, spendableAt - Date.now() + 500)));
      await page.reload();
      await value.waitFor({ timeout: 15_000 });
      assert.equal(
        shownNumber(await value.textContent()),
        173,
        'the points of the order are spendable once its return window has passed',
      );
      assert.equal(await pending.count(), 0);
      const tier = await page.locator('loyalty-tier-progress').evaluate((el) => el.shadowRoot?.textContent ?? '');
      assert.match(tier, /Green Leaf/, 'the 123 qualifying points reach the tier set over the admin API');
      const rewards = await page.locator('loyalty-rewards').evaluate((el) => el.shadowRoot?.textContent ?? '');
      assert.match(rewards, /A free pot of tea/);
      await page.close();
    });

    it('takes the points back on a refund, and the storefront shows it', async () => {
      const refund = await admin('POST', `/v1/admin/orders/${customerId}-1001/refunds`, {
        refundId: `${customerId}-r1`,
        amount: 12_345,
      });
      assert.equal(refund.status, 201, JSON.stringify(refund.json));
      const refunded = RefundResult.parse(refund.json);
      assert.equal(refunded.refund.points, 123);
      assert.equal(refunded.balance, 50);

      const page = await openAccountPage();
      assert.equal(shownNumber(await page.locator('loyalty-points-balance [part~="value"]').textContent()), 50);
      await page.close();
    });

    it('exports everything stored about the customer, then erases them', async () => {
      const exported = await admin('GET', `/v1/admin/customers/${customerId}/export`);
      assert.equal(exported.status, 200);
      const text = JSON.stringify(CustomerExport.parse(exported.json));
      assert.match(text, /lin\.jia@example\.com/);
      for (const kind of ['welcome', 'order', 'refund']) assert.match(text, new RegExp(`"kind":"${kind}"`));

      const erased = await admin('DELETE', `/v1/admin/customers/${customerId}`);
      assert.equal(erased.status, 200, JSON.stringify(erased.json));
      const profile = await admin('GET', `/v1/admin/customers/${customerId}`);
      assert.equal(CustomerProfile.parse(profile.json).customer.status, 'erased');
      assert.doesNotMatch(JSON.stringify(profile.json), /Lin Jia|lin\.jia/);
      const summary = await shopperSummary();
      assert.ok([401, 403].includes(summary.status), `a token for an erased customer is refused (${summary.status})`);

      const page = await browser.newPage();
      await page.goto(`${storefrontUrl}/?shopper=${customerId}&lang=en`);
      const state = await waitFor('the balance widget to settle', () =>
        page.evaluate(() => {
          const widget = document.querySelector<HTMLElement & { state?: string }>('loyalty-points-balance');
          return widget?.state && widget.state !== 'loading' ? widget.state : undefined;
        }),
      );
      assert.notEqual(state, 'ready', 'the storefront shows no balance for an erased customer');
      await page.close();
    });
  });
}
