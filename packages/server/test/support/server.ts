import { randomUUID } from 'node:crypto';
import { loadConfig, startServer, type RunningServer, type ServerConfig } from '../../src/index.ts';
import type { StartOptions } from '../../src/server.ts';
import { insertCustomer } from '../../src/domain/customers.ts';
import { DEMO_SEED } from '../../src/demo-seed.ts';
import { TEST_POSTGRES_URL, testDatabaseFor } from './postgres.ts';
import { migratedPGliteImage } from './pglite-image.ts';

export interface TestServer extends RunningServer {
  baseUrl: string;
  config: ServerConfig;
  /** Unexpected errors the app logged (it would print them to stderr). */
  loggedErrors: unknown[];
}

/**
 * Starts the real server on a free port: PGlite in memory (or `dataDir`), or PostgreSQL when
 * LOYALTY_TEST_DATABASE_URL is set; migrated (PGlite from one migrated image, see pglite-image.ts) and seeded in
 * demo mode. Startup takes about a second, so share one per test file (before/after).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Pick<StartOptions, 'now' | 'wrapDatabase'> = {},
): Promise<TestServer> {
  const settings: Record<string, string> = {
    PORT: '0',
    LOYALTY_DATA_DIR: 'memory://',
    // Suites fire hundreds of requests from one address; rate-limits.test.ts turns the limits on.
    LOYALTY_RATE_LIMIT_PER_IP: '0',
    LOYALTY_RATE_LIMIT_PER_KEY: '0',
    // One JSON line per request would bury the test report; request-log.test.ts reads the lines it needs.
    LOYALTY_LOG_LEVEL: 'silent',
    // Tests run the scheduler of webhook moments themselves, with their own clock (runScheduledMoments).
    LOYALTY_SCHEDULER_INTERVAL_MS: '0',
    // Webhooks stay in the outbox unless a test turns delivery on.
    LOYALTY_WEBHOOKS_POLL_MS: '0',
    ...env,
  };
  const dataDir = settings.LOYALTY_DATA_DIR ?? 'memory://';
  const database = TEST_POSTGRES_URL && !settings.DATABASE_URL ? await testDatabaseFor(dataDir) : null;
  const config = loadConfig(database ? { ...settings, DATABASE_URL: database.url } : settings);
  const loggedErrors: unknown[] = [];
  const pgliteImage = !database && dataDir.startsWith('memory://') ? await migratedPGliteImage() : undefined;
  const server = await startServer(config, {
    ...options,
    ...(pgliteImage ? { pgliteImage } : {}),
    logError: (error) => loggedErrors.push(error),
  });
  const stopServer = server.close;
  const close = async () => {
    await stopServer();
    if (database && dataDir.startsWith('memory://')) await database.drop();
  };
  return Object.assign(server, { baseUrl: server.url, config, loggedErrors, close });
}

/** A fresh customer of the demo program with no ledger entries, so a test owns its balance. */
export async function createDemoCustomer(server: TestServer, prefix = 'test'): Promise<string> {
  const id = `${prefix}-${randomUUID()}`;
  await insertCustomer(server.db, DEMO_SEED.program.id, { id, name: `Test ${prefix}`, locale: 'en' });
  return id;
}
