// Serves the React and Vue examples as a merchant would deploy them (`vite build`, then `vite preview`, whose
// token route comes from examples/merchant-backend), and runs the merchant backend's server.ts on its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startService } from '../../scripts/start-api.mjs';
import { DEMO_SECRET_KEY } from './stack.ts';

export { freePort } from './stack.ts';

export type ExampleName = 'react' | 'vue';

export interface ServedExample {
  url: string;
  close(): Promise<void>;
}

/** Builds `examples/<name>` for `apiBase` into a temporary folder and serves it with `vite preview` on `port`. */
export async function serveExample(name: ExampleName, apiBase: string, port: number): Promise<ServedExample> {
  const outDir = await mkdtemp(join(tmpdir(), `loyalty-example-${name}-`));
  const config = {
    root: fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url)),
    // As the examples' package.json scripts do: the config imports the workspace's TypeScript sources.
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  } satisfies InlineConfig;
  return previewBuild(config, port, () =>
    build({
      ...config,
      mode: 'production',
      define: { 'import.meta.env.VITE_LOYALTY_API_BASE': JSON.stringify(apiBase) },
    }),
  );
}

/**
 * Runs `buildIt` (a Vite build into `config.build.outDir`, a temporary folder), then serves the folder with
 * `vite preview` on `port`. The folder is removed on close, or at once when the build or the server fails.
 */
export async function previewBuild(
  config: InlineConfig & { build: { outDir: string } },
  port: number,
  buildIt: () => Promise<unknown>,
): Promise<ServedExample> {
  const { outDir } = config.build;
  try {
    await buildIt();
    const server = await preview({ ...config, preview: { port, strictPort: true, host: '127.0.0.1' } });
    return {
      url: `http://localhost:${port}`,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

export interface MerchantBackend {
  tokenUrl: string;
  stop(): Promise<void>;
}

/** Runs examples/merchant-backend/server.ts as its `start` script does, on a free port. */
export async function startMerchantBackend(env: Record<string, string> = {}): Promise<MerchantBackend> {
  const { url, stop } = await startService({
    main: 'server.ts',
    cwd: fileURLToPath(new URL('../../examples/merchant-backend/', import.meta.url)),
    ready: /listening on (http:\/\/\S+)/,
    name: 'The merchant backend',
    env: { PORT: '0', ...env },
  });
  return { tokenUrl: url, stop };
}

async function admin(apiBase: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${apiBase}${path}`, {
    method: path.endsWith('/transactions') ? 'POST' : 'PUT',
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

/** A new shopper of the demo program with `points` earned and a Gregorian birthday today (the reward claimable). */
export async function createBirthdayShopper(apiBase: string, prefix: string, points: number): Promise<string> {
  const customerId = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date())
    .reduce<Record<string, number>>((parts, part) => ({ ...parts, [part.type]: Number(part.value) }), {});
  const id = encodeURIComponent(customerId);
  await admin(apiBase, `/v1/admin/customers/${id}`, {
    name: `E2E ${prefix}`,
    locale: 'en',
    birthday: { month: today.month, day: today.day, calendar: 'gregorian' },
  });
  await admin(
    apiBase,
    `/v1/admin/customers/${id}/transactions`,
    { type: 'earn', points, reason: 'Order #1001' },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  return customerId;
}
