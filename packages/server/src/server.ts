import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './store/database.ts';
import { openStore } from './store/open.ts';
import type { StorageFailedError } from './store/errors.ts';
import { migrate } from './store/migrate.ts';
import { seedDemo } from './seed.ts';
import { expireLapsedPoints } from './domain/ledger.ts';

export interface ServingApp {
  /** `http://<host>:<port>` with the port actually bound. */
  url: string;
  port: number;
  /** Stops accepting connections and waits for open requests (idle keep-alive sockets are dropped). */
  close(): Promise<void>;
}

/** Serves a Hono app with @hono/node-server; resolves once it is listening. */
export function serveApp(app: Hono, { port, host }: Pick<ServerConfig, 'port' | 'host'>): Promise<ServingApp> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
        port: bound,
        close: () => closeServer(server),
      });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

export interface RunningServer extends ServingApp {
  db: Database;
  /** Whether this start created the demo program. */
  seeded: boolean;
}

export interface StartOptions {
  logError?: (error: unknown) => void;
  /** The clock of the app, the seed and the start-up expiry run. Default: the system clock. */
  now?: () => Date;
  /**
   * Called once when the embedded database hits a storage fault it cannot continue after (see
   * store/database.ts); every request answers 503 from then on. main.ts exits so a supervisor restarts.
   */
  onStorageFailure?: (error: StorageFailedError) => void;
}

/** Opens the database, migrates it, seeds the demo program when in demo mode, and serves the API. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const db = await openStore(config, options.onStorageFailure ? { onFailure: options.onStorageFailure } : {});
  try {
    await migrate(db);
    const now = options.now ?? (() => new Date());
    const seeded = config.demo
      ? await seedDemo(db, { publishableKey: config.demoPublishableKey, secretKey: config.demoSecretKey }, now())
      : false;
    // The expiry job: points that lapsed while the API was down are written off before it serves.
    await expireLapsedPoints(db, now());
    const app = createApp({
      db,
      demo: config.demo,
      allowedOrigins: config.allowedOrigins,
      rateLimits: config.rateLimits,
      ...options,
    });
    const serving = await serveApp(app, config);
    return {
      ...serving,
      db,
      seeded,
      close: async () => {
        await serving.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
