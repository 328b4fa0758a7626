import type { AddressInfo } from 'node:net';
import { ServerResponse, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { connectRedisRateLimitStore } from './rate-limit-store.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './store/database.ts';
import { openStore } from './store/open.ts';
import type { StorageFailedError } from './store/errors.ts';
import { migrate } from './store/migrate.ts';
import { seedDemo } from './seed.ts';
import { expireLapsedPoints } from './domain/ledger.ts';
import { createLogger, type Logger } from './logger.ts';
import { startScheduler } from './domain/webhooks/scheduler.ts';
import { startPeriodic } from './periodic.ts';
import { startDeliveryWorker, type DeliveryWorker } from './domain/webhooks/delivery-worker.ts';

export interface ServingApp {
  /** `http://<host>:<port>` with the port actually bound. */
  url: string;
  port: number;
  /** Stops accepting connections and waits for open requests (idle keep-alive sockets are dropped). */
  close(): Promise<void>;
}

/**
 * @hono/node-server gives every answer without a Content-Type `text/plain`; an answer with no body (304, 204) must
 * name no type, or a client would take it for an empty text.
 */
class BodilessAnswerResponse extends ServerResponse {
  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const headers = rest.at(-1);
    if ((statusCode === 304 || statusCode === 204) && headers && typeof headers === 'object') {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'content-type') delete (headers as Record<string, unknown>)[name];
      }
    }
    return (super.writeHead as (status: number, ...args: unknown[]) => this)(statusCode, ...rest);
  }
}

/** Serves a Hono app with @hono/node-server; resolves once it is listening. */
export function serveApp(app: Hono, { port, host }: Pick<ServerConfig, 'port' | 'host'>): Promise<ServingApp> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port,
      hostname: host,
      serverOptions: { ServerResponse: BodilessAnswerResponse as typeof ServerResponse },
    }) as Server;
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
  /** Default: a JSON logger at the configured level. */
  logger?: Logger;
  logError?: (error: unknown) => void;
  /** The clock of the app, the seed, the start-up expiry run and webhook delivery. Default: the system clock. */
  now?: () => Date;
  /**
   * Called once when the embedded database hits a storage fault it cannot continue after (see
   * store/database.ts); every request answers 503 from then on. main.ts exits so a supervisor restarts.
   */
  onStorageFailure?: (error: StorageFailedError) => void;
  /** Wraps the database the routes use (tests count statements through it). */
  wrapDatabase?: (db: Database) => Database;
  /** For PGlite in `memory://`: the data folder image to start from (`image` in store/database.ts). */
  pgliteImage?: Blob;
}

/** How often PGlite's count of changed rows is compared with when its statistics are due. */
const STATISTICS_CHECK_MS = 10_000;

/** The channel a write of a program's settings notifies, with the program's id (migration 0019). */
export const SETTINGS_CHANNEL = 'loyalty_settings';

/** Opens the database, migrates it, seeds the demo program when in demo mode, and serves the API. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openStore(config, {
    ...(options.onStorageFailure ? { onFailure: options.onStorageFailure } : {}),
    ...(options.pgliteImage ? { image: options.pgliteImage } : {}),
  });
  let stopping = false;
  try {
    await migrate(db);
    const now = options.now ?? (() => new Date());
    const seeded = config.demo
      ? await seedDemo(db, { publishableKey: config.demoPublishableKey, secretKey: config.demoSecretKey }, now())
      : false;
    // The expiry job: points that lapsed while the API was down are written off before it serves.
    await expireLapsedPoints(db, now());
    let deliveryWorker: DeliveryWorker | undefined;
    const sharedLimits = config.rateLimitRedisUrl
      ? await connectRedisRateLimitStore(config.rateLimitRedisUrl, logger)
      : undefined;
    const settingsListeners: Array<(programId: string | null) => void> = [];
    await db.listen?.(SETTINGS_CHANNEL, (programId) => settingsListeners.forEach((listener) => listener(programId)));
    const customerListeners: Array<(programId: string, customerId: string) => void> = [];
    await db.watchCustomers?.((programId, customerId) =>
      customerListeners.forEach((listener) => listener(programId, customerId)),
    );
    const { wrapDatabase, ...appOptions } = options;
    const app = createApp({
      db: wrapDatabase ? wrapDatabase(db) : db,
      onSettingsChanged: (listener) => settingsListeners.push(listener),
      ...(db.watchCustomers ? { onCustomerChanged: (listener) => void customerListeners.push(listener) } : {}),
      demo: config.demo,
      webhooksAllowHttpLoopback: config.demo || config.webhooksAllowHttpLoopback,
      allowedOrigins: config.allowedOrigins,
      rateLimits: config.rateLimits,
      customerConcurrency: config.customerConcurrency,
      ...(sharedLimits ? { rateLimitStore: sharedLimits.newStore } : {}),
      isStopping: () => stopping,
      onWebhookDeliveriesDue: () => void deliveryWorker?.runNow(),
      console: config.demo ? { demoSecretKey: config.demoSecretKey } : {},
      ...appOptions,
      logger,
    });
    const serving = await serveApp(app, config);
    const scheduler = startScheduler(db, config.schedulerIntervalMs, now, logger);
    // PGlite has no autovacuum: its planner statistics are kept current here (Database.refreshStatistics).
    const refreshStatistics = db.refreshStatistics?.bind(db);
    const statistics =
      refreshStatistics &&
      startPeriodic('statistics', STATISTICS_CHECK_MS, async () => void (await refreshStatistics()), logger);
    const { pollMs, timeoutMs, retryBaseMs } = config.webhookDelivery;
    const allowLoopback = config.demo || config.webhooksAllowHttpLoopback;
    if (pollMs > 0) {
      deliveryWorker = startDeliveryWorker(db, { pollMs, timeoutMs, retryBaseMs, now, logger, allowLoopback });
    }
    if (config.demo && !isLoopback(config.host)) {
      logger.warn(
        { host: config.host },
        `Demo mode is listening on ${config.host}, beyond this machine: its secret key is public and its token route signs in any demo shopper. Set LOYALTY_DEMO=false for a real program.`,
      );
    }
    return {
      ...serving,
      db,
      seeded,
      close: async () => {
        stopping = true;
        await serving.close();
        await scheduler?.stop();
        await statistics?.stop();
        await deliveryWorker?.stop();
        await sharedLimits?.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
