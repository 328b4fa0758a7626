// Shared web-test-runner setup: real Chromium against the real reference API (started once per run).
// Each package's web-test-runner.config.mjs calls `loyaltyTestRunnerConfig` with its own files; the
// runner and its plugins are resolved from that package, which declares them as devDependencies.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { devServerMinifyCss } from '../packages/components/build/css-literals.mjs';
import { startApi } from './start-api.mjs';
import { summaryFileReporter } from './wtr-summary-reporter.mjs';

const DEMO_SECRET_KEY = process.env.LOYALTY_DEMO_SECRET_KEY ?? 'sk_demo_loyalty_elements_not_secret';
const DEMO_PUBLISHABLE_KEY = process.env.LOYALTY_DEMO_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements';

/**
 * A customer token signed with the demo program's secret key, as a merchant's backend signs one (jose), valid for
 * `ttlSeconds` (already expired when it is negative).
 */
async function signDemoToken(customerId, ttlSeconds = 3600) {
  const serverRequire = createRequire(new URL('../packages/server/package.json', import.meta.url));
  const { SignJWT } = await import(pathToFileURL(serverRequire.resolve('jose')).href);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT()
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(customerId)
    .setAudience(DEMO_PUBLISHABLE_KEY)
    .setIssuedAt(Math.min(issuedAt, issuedAt + ttlSeconds - 60))
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(new TextEncoder().encode(DEMO_SECRET_KEY));
}

/**
 * Starts the API in `serverStart`, stops it in `serverStop`, tells the browser its URL
 * (`/__loyalty-test-env.json`), and answers test-only server commands that need the demo program's
 * secret key, which never goes to the browser:
 * - `loyalty-create-customer` `{ name?, birthday? }`: a new customer of the demo program, with the birthday the
 *   merchant has on file (a `Birthday`, not held back by the notice period), if given; resolves with its id;
 * - `loyalty-customer-token` `{ customerId, ttlSeconds? }`: a token for any customer of the demo program (the API's
 *   demo route signs only for the seeded shoppers), valid for an hour or `ttlSeconds`; resolves with the token;
 * - `loyalty-program-settings` `{ patch? }`: applies `patch` to the demo program's settings, if given (the admin API's
 *   `PATCH /v1/admin/program`); resolves with the settings;
 * - `loyalty-customer-profile` `{ customerId }`: the admin API's profile of a customer (status, end of membership);
 * - `loyalty-survey-results` `{ surveyId }`: the admin API's results of a survey;
 * - `loyalty-earn-points` `{ customerId, points }`: credits a customer with spendable points; resolves with the entry;
 * - `loyalty-redeem-points` `{ customerId, points }`: spends a customer's points; resolves with the entry;
 * - `loyalty-place-order` `{ customerId, orderId, amount, placedAt? }`: records an order in the program's currency
 *   (`amount` in minor units); resolves with the API's answer (`order`, `transaction`, `balance`);
 * - `loyalty-refund-order` `{ orderId, refundId, amount }`: refunds part or all of an order; resolves with the answer;
 * - `loyalty-put-reward` `{ rewardId, reward }`: creates or replaces a reward of the demo catalogue (`reward` is a
 *   `RewardDraft`); resolves with the stored reward.
 */
function loyaltyApiPlugin() {
  /** @type {{ baseUrl: string, stop: () => Promise<void> } | undefined} */
  let api;
  let customers = 0;

  /** @param {string} path @param {RequestInit} [init] */
  async function admin(path, init = {}) {
    if (!api) throw new Error('the loyalty API is not running');
    const response = await fetch(`${api.baseUrl.replace(/\/+$/, '')}${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${DEMO_SECRET_KEY}`,
        ...init.headers,
      },
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${body}`);
    return JSON.parse(body);
  }

  return {
    name: 'loyalty-api',
    async serverStart({ config, server }) {
      // LOYALTY_TEST_API_BASE points the suite at an API that is already running.
      const external = process.env.LOYALTY_TEST_API_BASE;
      if (external) {
        api = { baseUrl: external, stop: async () => {} };
        return;
      }
      // The API answers browsers only from allowed origins: allow this test server's own.
      const address = server?.address();
      const port = address && typeof address === 'object' ? address.port : config.port;
      const origins = [...new Set([config.hostname ?? 'localhost', 'localhost', '127.0.0.1'])].map(
        (host) => `http://${host}:${port}`,
      );
      const started = Date.now();
      api = await startApi({ env: { LOYALTY_ALLOWED_ORIGINS: origins.join(',') } });
      console.log(`[loyalty-api] ${api.baseUrl} (ready in ${Date.now() - started} ms)`);
    },
    async serverStop() {
      await api?.stop();
      api = undefined;
    },
    serve(context) {
      if (context.path !== '/__loyalty-test-env.json') return undefined;
      if (!api) return { status: 503, body: '{"error":"the loyalty API is not running"}', type: 'json' };
      return { body: JSON.stringify({ apiBase: api.baseUrl }), type: 'json' };
    },
    async executeCommand({ command, payload }) {
      if (command === 'loyalty-create-customer') {
        customers += 1;
        const id = `test-${process.pid}-${Date.now().toString(36)}-${customers}`;
        const name = typeof payload?.name === 'string' ? payload.name : `Test shopper ${customers}`;
        const birthday = payload?.birthday ?? undefined;
        await admin(`/v1/admin/customers/${encodeURIComponent(id)}`, {
          method: 'PUT',
          body: JSON.stringify({ name, birthday }),
        });
        return id;
      }
      if (command === 'loyalty-customer-token') {
        const ttl = Number(payload?.ttlSeconds ?? 3600);
        return signDemoToken(String(payload?.customerId), Number.isFinite(ttl) ? ttl : 3600);
      }
      if (command === 'loyalty-program-settings') {
        if (payload?.patch === undefined) return admin('/v1/admin/program');
        return admin('/v1/admin/program', { method: 'PATCH', body: JSON.stringify(payload.patch) });
      }
      if (command === 'loyalty-customer-profile') {
        return admin(`/v1/admin/customers/${encodeURIComponent(String(payload?.customerId))}`);
      }
      if (command === 'loyalty-survey-results') {
        return admin(`/v1/admin/surveys/${encodeURIComponent(String(payload?.surveyId))}/results`);
      }
      if (command === 'loyalty-earn-points') {
        const customerId = encodeURIComponent(String(payload?.customerId));
        return admin(`/v1/admin/customers/${customerId}/transactions`, {
          method: 'POST',
          headers: { 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ type: 'earn', points: Number(payload?.points), reason: 'Test credit' }),
        });
      }
      if (command === 'loyalty-redeem-points') {
        const customerId = encodeURIComponent(String(payload?.customerId));
        return admin(`/v1/admin/customers/${customerId}/transactions`, {
          method: 'POST',
          headers: { 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ type: 'redeem', points: Number(payload?.points), reason: 'Test spend' }),
        });
      }
      if (command === 'loyalty-place-order') {
        const { customerId, orderId, amount, placedAt } = payload ?? {};
        const { currency } = await admin('/v1/admin/program');
        return admin('/v1/admin/orders', {
          method: 'POST',
          body: JSON.stringify({ orderId, customerId, amount, currency, placedAt }),
        });
      }
      if (command === 'loyalty-refund-order') {
        const { orderId, refundId, amount } = payload ?? {};
        return admin(`/v1/admin/orders/${encodeURIComponent(String(orderId))}/refunds`, {
          method: 'POST',
          body: JSON.stringify({ refundId, amount }),
        });
      }
      if (command === 'loyalty-put-reward') {
        return admin(`/v1/admin/rewards/${encodeURIComponent(String(payload?.rewardId))}`, {
          method: 'PUT',
          body: JSON.stringify(payload?.reward),
        });
      }
      return undefined;
    },
  };
}

/**
 * `loyalty-forced-colors` `{ active: boolean }`: emulates (or stops emulating) forced colours, as Windows High Contrast
 * does; `emulateMedia` cannot, since puppeteer accepts only the prefers-* features.
 */
function forcedColorsPlugin() {
  /** @type {Map<string, Promise<any>>} */
  const sessions = new Map();
  return {
    name: 'loyalty-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'loyalty-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`forced colours need puppeteer, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(session.id)) sessions.set(session.id, page.createCDPSession());
      const cdp = await sessions.get(session.id);
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * The configuration of one package's browser tests.
 * @param {{ files: string[], tsconfig: string | URL }} options `tsconfig`: the package's, for esbuild; the
 *   runner and its plugins are resolved from its folder.
 */
export function loyaltyTestRunnerConfig({ files, tsconfig }) {
  const tsconfigPath = tsconfig instanceof URL ? fileURLToPath(tsconfig) : tsconfig;
  const requireTooling = createRequire(tsconfigPath);
  const { defaultReporter } = requireTooling('@web/test-runner');
  const { chromeLauncher } = requireTooling('@web/test-runner-chrome');
  const { esbuildPlugin } = requireTooling('@web/dev-server-esbuild');
  return {
    files,
    nodeResolve: true,
    concurrency: 1,
    testFramework: { config: { timeout: 15_000 } },
    testsFinishTimeout: 180_000,
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: [
            '--no-sandbox',
            '--headless=new',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
    ],
    plugins: [
      loyaltyApiPlugin(),
      forcedColorsPlugin(),
      esbuildPlugin({ ts: true, tsconfig: tsconfigPath }),
      // The widgets' CSS templates minified, as their packages ship them: the tests check what ships.
      devServerMinifyCss(),
    ],
    reporters: [defaultReporter(), summaryFileReporter()],
  };
}
