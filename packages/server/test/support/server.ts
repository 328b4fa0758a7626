import { randomUUID } from 'node:crypto';
import { loadConfig, startServer, type RunningServer, type ServerConfig } from '../../src/index.ts';
import { insertCustomer } from '../../src/domain/customers.ts';
import { DEMO_SEED } from '../../src/seed.ts';

export interface TestServer extends RunningServer {
  baseUrl: string;
  config: ServerConfig;
  /** Unexpected errors the app logged (it would print them to stderr). */
  loggedErrors: unknown[];
}

/**
 * Starts the real server on a free port: PGlite in memory (or `dataDir`), migrated and seeded in
 * demo mode. Startup takes seconds, so share one per test file (before/after).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ PORT: '0', LOYALTY_DATA_DIR: 'memory://', ...env });
  const loggedErrors: unknown[] = [];
  const server = await startServer(config, { logError: (error) => loggedErrors.push(error) });
  return Object.assign(server, { baseUrl: server.url, config, loggedErrors });
}

/** A fresh customer of the demo program with no ledger entries, so a test owns its balance. */
export async function createDemoCustomer(server: TestServer, prefix = 'test'): Promise<string> {
  const id = `${prefix}-${randomUUID()}`;
  await insertCustomer(server.db, DEMO_SEED.program.id, { id, name: `Test ${prefix}`, locale: 'en' });
  return id;
}
