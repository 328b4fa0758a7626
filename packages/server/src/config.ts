import { fileURLToPath } from 'node:url';
import type { LevelWithSilent } from 'pino';
import { DEFAULT_CUSTOMER_CONCURRENCY } from './customer-turns.ts';
import { LOG_LEVELS } from './logger.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limits.ts';
import { DEFAULT_RETRY_BASE_MS } from './domain/webhooks/retry-policy.ts';

/**
 * Server settings, read from the environment by {@link loadConfig}.
 *
 * | Variable | Default | Meaning |
 * | --- | --- | --- |
 * | `PORT` | `8787` | Port to listen on; `0` picks any free port. |
 * | `HOST` | `127.0.0.1` | Interface to listen on. |
 * | `DATABASE_URL` | unset | A PostgreSQL connection string (`postgres://user:pass@host:5432/db`): the API runs the same migrations and queries there instead of PGlite. |
 * | `DATABASE_CONNECT_TIMEOUT_MS` | `5000` | How long opening a PostgreSQL connection may take; start-up against a server that does not answer fails after it. |
 * | `DATABASE_POOL_SIZE` | `10` | Connections each of a process's two PostgreSQL pools may open: one for single statements (every read of a request), one for transactions (every write). A process opens at most twice this many; size it to what the server allows for all instances together. |
 * | `LOYALTY_STATEMENT_TIMEOUT_MS` | `10000` | PostgreSQL cancels a statement that runs longer (`statement_timeout`); the request gets 503 `storage_unavailable`, and one heavy request cannot hold a connection others wait for. `DATABASE_STATEMENT_TIMEOUT_MS` is its earlier name, read when it is unset. |
 * | `LOYALTY_DATA_DIR` | `<repo root>/.data/pglite` | PGlite data folder (created if missing; relative paths resolve from the working directory); `memory://` keeps everything in memory. |
 * | `LOYALTY_MIN_FREE_BYTES` | `67108864` (64 MiB) | PGlite refuses writes (503 `storage_unavailable`) while the data folder's disk has less free space; `0` turns the check off. |
 * | `LOYALTY_DEMO` | on | `false`/`0`/`off`/`no` turns demo mode off: no demo seed, no `/v1/demo/*` routes. |
 * | `LOYALTY_DEMO_PUBLISHABLE_KEY` | `pk_demo_loyalty_elements` | Publishable key of the demo program. |
 * | `LOYALTY_DEMO_SECRET_KEY` | `sk_demo_loyalty_elements_not_secret` | Secret key of the demo program. |
 * | `LOYALTY_RATE_LIMIT_PER_IP` | `1200` | Requests per minute from one client address; `0` turns the limit off. |
 * | `LOYALTY_RATE_LIMIT_PER_KEY` | `6000` | Requests per minute with one publishable or secret key; `0` turns it off. With the publishable key only signed-in shoppers' requests count. |
 * | `LOYALTY_RATE_LIMIT_REDIS_URL` | unset | A Redis URL (`redis://host:6379`): every API instance on that Redis counts the limits above together. Unset, each process counts in its own memory (right for one process, e.g. on PGlite). While Redis does not answer, each instance counts alone and logs a warning. |
 * | `LOYALTY_CUSTOMER_CONCURRENCY` | `2` | Requests of one customer this process works on at once (the shopper's own `/v1/me/*` requests, and orders and transactions posted for them); their further requests wait their turn, so one customer sending many at once cannot slow everybody else's down. |
 * | `LOYALTY_LOG_LEVEL` | `info` | `fatal`, `error`, `warn`, `info` (one JSON line per request), `debug`, `trace` or `silent`. Logs go to standard output as JSON lines. |
 * | `LOYALTY_SHUTDOWN_GRACE_MS` | `10000` | On SIGTERM or SIGINT the server stops accepting connections and gives requests in flight this long to finish before it closes the database and exits. |
 * | `LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK` | off | On (`1`/`true`) a webhook endpoint may be on this machine (`localhost`, `127.0.0.1`, `[::1]`, also over plain `http:`) outside demo mode too, e.g. a receiver under test; otherwise only `https:` URLs off this machine and its private networks are taken (demo mode always takes loopback). |
 * | `LOYALTY_SCHEDULER_INTERVAL_MS` | `60000` | How often this process looks for scheduled webhook moments (points expiring, birthdays coming, tiers at risk or moved by time alone) and writes their events, and writes off points that lapsed; `0` turns the scheduler off in this process. Several instances may run it: each moment is emitted once. |
 * | `LOYALTY_WEBHOOKS_POLL_MS` | `1000` | How often this process looks for webhook deliveries that are due; `0` turns delivery off in this process (another instance on the same database may deliver). |
 * | `LOYALTY_WEBHOOKS_TIMEOUT_MS` | `10000` | How long one webhook attempt waits for the receiver's answer before it counts as failed (a timeout). |
 * | `LOYALTY_WEBHOOKS_RETRY_BASE_MS` | `5000` | The first retry delay of a failed webhook delivery; each next one is four times longer, at most 8 hours (see `domain/webhooks/retry-policy.ts`). Shorten it only for tests. |
 * | `LOYALTY_ALLOWED_ORIGINS` | demo mode: the demo storefront (`:8080`), the React and Vue examples (`:5173`, `:5174` in development, `:4173`, `:4174` in preview), the Next.js example (`:3000`) and a page of your own on `:8000`, on `localhost` and `127.0.0.1`; otherwise none | Comma-separated origins allowed to call the customer (`/v1/me/*`) and demo endpoints from a browser; `*` allows any. |
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of PGlite when set. */
  databaseUrl: string | undefined;
  demo: boolean;
  demoPublishableKey: string;
  demoSecretKey: string;
  allowedOrigins: string[];
  rateLimits: RateLimits;
  /** Redis shared by every instance for the rate limits; unset: counted in process. */
  rateLimitRedisUrl: string | undefined;
  /** Requests of one customer in progress at once in this process; the rest wait their turn. */
  customerConcurrency: number;
  logLevel: LevelWithSilent;
  shutdownGraceMs: number;
  storage: StorageSettings;
  /** Webhook endpoints may be loopback `http:` URLs outside demo mode. */
  webhooksAllowHttpLoopback: boolean;
  /** How often the scheduler of webhook moments runs, in milliseconds; 0: not in this process. */
  schedulerIntervalMs: number;
  webhookDelivery: WebhookDeliverySettings;
}

export interface WebhookDeliverySettings {
  /** How often to look for due deliveries; 0: this process delivers nothing. */
  pollMs: number;
  /** How long one attempt waits for an answer. */
  timeoutMs: number;
  /** The first retry delay. */
  retryBaseMs: number;
}

export interface StorageSettings {
  /** PostgreSQL: connection timeout in milliseconds. */
  connectTimeoutMs: number;
  /** PostgreSQL: `statement_timeout` in milliseconds. */
  statementTimeoutMs: number;
  /** PostgreSQL: connections of each of the two pools. */
  poolSize: number;
  /** PGlite: free bytes the data folder's file system must keep for writes to be taken. */
  minFreeBytes: number;
}

/** `<repo root>/.data/pglite`, next to the packages whatever the working directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_STORAGE_SETTINGS: StorageSettings = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  poolSize: 10,
  minFreeBytes: 64 * 1024 * 1024,
};
export const DEFAULT_DEMO_PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
export const DEFAULT_DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const DEFAULT_SCHEDULER_INTERVAL_MS = 60_000;
export const DEFAULT_WEBHOOK_DELIVERY_SETTINGS: WebhookDeliverySettings = {
  pollMs: 1_000,
  timeoutMs: 10_000,
  retryBaseMs: DEFAULT_RETRY_BASE_MS,
};
/**
 * The demo storefront, the React and Vue examples (Vite's development and preview ports), the Next.js example
 * (`next dev` and `next start`), and `python3 -m http.server`.
 */
const DEMO_PORTS = [8080, 5173, 5174, 4173, 4174, 3000, 8000];
export const DEFAULT_DEMO_ALLOWED_ORIGINS = DEMO_PORTS.flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
]);

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): ServerConfig {
  const demo = parseBoolean(env.LOYALTY_DEMO, true, 'LOYALTY_DEMO');
  return {
    port: parsePort(env.PORT),
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    dataDir: nonEmpty(env.LOYALTY_DATA_DIR) ?? DEFAULT_DATA_DIR,
    databaseUrl: nonEmpty(env.DATABASE_URL),
    demo,
    demoPublishableKey: nonEmpty(env.LOYALTY_DEMO_PUBLISHABLE_KEY) ?? DEFAULT_DEMO_PUBLISHABLE_KEY,
    demoSecretKey: nonEmpty(env.LOYALTY_DEMO_SECRET_KEY) ?? DEFAULT_DEMO_SECRET_KEY,
    allowedOrigins: parseList(env.LOYALTY_ALLOWED_ORIGINS) ?? (demo ? DEFAULT_DEMO_ALLOWED_ORIGINS : []),
    rateLimits: {
      perIp: parseCount(env.LOYALTY_RATE_LIMIT_PER_IP, DEFAULT_RATE_LIMITS.perIp, 'LOYALTY_RATE_LIMIT_PER_IP'),
      perKey: parseCount(env.LOYALTY_RATE_LIMIT_PER_KEY, DEFAULT_RATE_LIMITS.perKey, 'LOYALTY_RATE_LIMIT_PER_KEY'),
    },
    rateLimitRedisUrl: parseRedisUrl(env.LOYALTY_RATE_LIMIT_REDIS_URL),
    customerConcurrency: parsePositive(
      env.LOYALTY_CUSTOMER_CONCURRENCY,
      DEFAULT_CUSTOMER_CONCURRENCY,
      'LOYALTY_CUSTOMER_CONCURRENCY',
    ),
    logLevel: parseLogLevel(env.LOYALTY_LOG_LEVEL),
    shutdownGraceMs: parseCount(env.LOYALTY_SHUTDOWN_GRACE_MS, DEFAULT_SHUTDOWN_GRACE_MS, 'LOYALTY_SHUTDOWN_GRACE_MS'),
    webhooksAllowHttpLoopback: parseBoolean(
      env.LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK,
      false,
      'LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK',
    ),
    schedulerIntervalMs: parseCount(
      env.LOYALTY_SCHEDULER_INTERVAL_MS,
      DEFAULT_SCHEDULER_INTERVAL_MS,
      'LOYALTY_SCHEDULER_INTERVAL_MS',
    ),
    webhookDelivery: {
      pollMs: parseCount(
        env.LOYALTY_WEBHOOKS_POLL_MS,
        DEFAULT_WEBHOOK_DELIVERY_SETTINGS.pollMs,
        'LOYALTY_WEBHOOKS_POLL_MS',
      ),
      timeoutMs: parsePositive(
        env.LOYALTY_WEBHOOKS_TIMEOUT_MS,
        DEFAULT_WEBHOOK_DELIVERY_SETTINGS.timeoutMs,
        'LOYALTY_WEBHOOKS_TIMEOUT_MS',
      ),
      retryBaseMs: parsePositive(
        env.LOYALTY_WEBHOOKS_RETRY_BASE_MS,
        DEFAULT_WEBHOOK_DELIVERY_SETTINGS.retryBaseMs,
        'LOYALTY_WEBHOOKS_RETRY_BASE_MS',
      ),
    },
    storage: {
      connectTimeoutMs: parsePositive(
        env.DATABASE_CONNECT_TIMEOUT_MS,
        DEFAULT_STORAGE_SETTINGS.connectTimeoutMs,
        'DATABASE_CONNECT_TIMEOUT_MS',
      ),
      statementTimeoutMs: parsePositive(
        env.LOYALTY_STATEMENT_TIMEOUT_MS ?? env.DATABASE_STATEMENT_TIMEOUT_MS,
        DEFAULT_STORAGE_SETTINGS.statementTimeoutMs,
        env.LOYALTY_STATEMENT_TIMEOUT_MS === undefined
          ? 'DATABASE_STATEMENT_TIMEOUT_MS'
          : 'LOYALTY_STATEMENT_TIMEOUT_MS',
      ),
      poolSize: parsePositive(env.DATABASE_POOL_SIZE, DEFAULT_STORAGE_SETTINGS.poolSize, 'DATABASE_POOL_SIZE'),
      minFreeBytes: parseCount(
        env.LOYALTY_MIN_FREE_BYTES,
        DEFAULT_STORAGE_SETTINGS.minFreeBytes,
        'LOYALTY_MIN_FREE_BYTES',
      ),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parsePort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${text}"`);
  }
  return port;
}

function parseBoolean(value: string | undefined, fallback: boolean, name: string): boolean {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(text)) return true;
  if (['0', 'false', 'off', 'no'].includes(text)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function parseList(value: string | undefined): string[] | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseCount(value: string | undefined, fallback: number, name: string): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0) throw new Error(`${name} must be a whole number, got "${text}"`);
  return count;
}

function parseLogLevel(value: string | undefined): LevelWithSilent {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined) return 'info';
  const level = LOG_LEVELS.find((known) => known === text);
  if (level === undefined) throw new Error(`LOYALTY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

function parsePositive(value: string | undefined, fallback: number, name: string): number {
  const count = parseCount(value, fallback, name);
  if (count === 0) throw new Error(`${name} must be at least 1, got "${value?.trim()}"`);
  return count;
}

function parseRedisUrl(value: string | undefined): string | undefined {
  const url = nonEmpty(value);
  if (url === undefined) return undefined;
  if (!/^rediss?:\/\/[^/\s]/.test(url)) {
    throw new Error(`LOYALTY_RATE_LIMIT_REDIS_URL must be a redis:// or rediss:// URL, not ${JSON.stringify(url)}.`);
  }
  return url;
}
