// web-test-runner: real Chromium against the real reference API (started once per run).
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startApi } from '../../scripts/start-api.mjs';
import { summaryFileReporter } from '../../scripts/wtr-summary-reporter.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** Starts the API in `serverStart`, stops it in `serverStop`, tells the browser its URL. */
function loyaltyApiPlugin() {
  /** @type {{ baseUrl: string, stop: () => Promise<void> } | undefined} */
  let api;
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
  };
}

export default {
  files: ['src/**/*.test.ts'],
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
  plugins: [loyaltyApiPlugin(), esbuildPlugin({ ts: true, tsconfig })],
  reporters: [defaultReporter(), summaryFileReporter()],
};
