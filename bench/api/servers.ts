import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { loadConfig, startServer, type RunningServer, type ServerConfig } from '@loyalty-elements/server';

export const BARE_PATH = '/bare';
export const BARE_BODY = { ok: true, message: 'hello from a bare Hono route' };

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** The yardstick: one Hono JSON route, no middleware, served the way the API is served. */
export function startBareServer(): Promise<BareServer> {
  const app = new Hono();
  app.get(BARE_PATH, (c) => c.json(BARE_BODY));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Requests per minute given to the API's rate limiters: high enough never to answer 429 in a run,
 * while the limiter middleware still runs on every request as it does in production.
 */
export const BENCH_RATE_LIMIT = '1000000000';

export interface ReferenceApi {
  server: RunningServer;
  config: ServerConfig;
  logged: unknown[];
}

/** The real reference API: embedded PGlite in memory, migrated and seeded with the demo program. */
export async function startReferenceApi(): Promise<ReferenceApi> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOYALTY_DATA_DIR: 'memory://',
    // One JSON line per request on stdout would bury the bench's own report (and its --json document).
    LOYALTY_LOG_LEVEL: 'silent',
    LOYALTY_RATE_LIMIT_PER_IP: BENCH_RATE_LIMIT,
    LOYALTY_RATE_LIMIT_PER_KEY: BENCH_RATE_LIMIT,
  });
  const logged: unknown[] = [];
  const server = await startServer(config, { logError: (error) => logged.push(error) });
  return { server, config, logged };
}

/** A customer token as a merchant backend signs it: HS256 with the secret key, audience = publishable key. */
export function signCustomerToken(config: ServerConfig, customerId: string, ttlSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT()
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(config.demoPublishableKey)
    .setSubject(customerId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(config.demoSecretKey));
}
