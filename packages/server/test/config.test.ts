import assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';
import { test } from 'node:test';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_DEMO_ALLOWED_ORIGINS,
  DEFAULT_DEMO_PUBLISHABLE_KEY,
  DEFAULT_DEMO_SECRET_KEY,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SCHEDULER_INTERVAL_MS,
  DEFAULT_SHUTDOWN_GRACE_MS,
  loadConfig,
} from '../src/config.ts';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limits.ts';
import { DEFAULT_CUSTOMER_CONCURRENCY } from '../src/customer-turns.ts';

test('defaults to demo mode on the local data folder', () => {
  assert.deepEqual(loadConfig({}), {
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    dataDir: DEFAULT_DATA_DIR,
    databaseUrl: undefined,
    demo: true,
    demoPublishableKey: DEFAULT_DEMO_PUBLISHABLE_KEY,
    demoSecretKey: DEFAULT_DEMO_SECRET_KEY,
    allowedOrigins: DEFAULT_DEMO_ALLOWED_ORIGINS,
    rateLimits: DEFAULT_RATE_LIMITS,
    rateLimitRedisUrl: undefined,
    customerConcurrency: DEFAULT_CUSTOMER_CONCURRENCY,
    logLevel: 'info',
    shutdownGraceMs: DEFAULT_SHUTDOWN_GRACE_MS,
    storage: { connectTimeoutMs: 5_000, statementTimeoutMs: 10_000, poolSize: 10, minFreeBytes: 64 * 1024 * 1024 },
    webhooksAllowHttpLoopback: false,
    schedulerIntervalMs: DEFAULT_SCHEDULER_INTERVAL_MS,
    webhookDelivery: { pollMs: 1000, timeoutMs: 10_000, retryBaseMs: 5000 },
  });
  assert.ok(isAbsolute(DEFAULT_DATA_DIR));
  assert.match(DEFAULT_DATA_DIR, /[/\\]\.data[/\\]pglite$/);
  assert.doesNotMatch(DEFAULT_DATA_DIR, /[/\\]packages[/\\]/, 'at the repository root, not inside a package');
});

test('reads the environment', () => {
  const config = loadConfig({
    PORT: '0',
    HOST: '0.0.0.0',
    LOYALTY_DATA_DIR: 'memory://',
    LOYALTY_DEMO: 'false',
    LOYALTY_ALLOWED_ORIGINS: ' https://shop.example , https://www.shop.example ',
  });
  assert.equal(config.port, 0);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.dataDir, 'memory://');
  assert.equal(config.demo, false);
  assert.deepEqual(config.allowedOrigins, ['https://shop.example', 'https://www.shop.example']);
});

test('allows no browser origin outside demo mode unless told', () => {
  assert.deepEqual(loadConfig({ LOYALTY_DEMO: '0' }).allowedOrigins, []);
  assert.deepEqual(loadConfig({ LOYALTY_DEMO: '0', LOYALTY_ALLOWED_ORIGINS: '*' }).allowedOrigins, ['*']);
});

test('counts rate limits in Redis only when given a redis:// URL', () => {
  assert.equal(
    loadConfig({ LOYALTY_RATE_LIMIT_REDIS_URL: ' redis://127.0.0.1:6379 ' }).rateLimitRedisUrl,
    'redis://127.0.0.1:6379',
  );
  assert.throws(() => loadConfig({ LOYALTY_RATE_LIMIT_REDIS_URL: '127.0.0.1:6379' }), /LOYALTY_RATE_LIMIT_REDIS_URL/);
});

test('rejects settings it cannot use', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  assert.throws(() => loadConfig({ LOYALTY_DEMO: 'maybe' }), /LOYALTY_DEMO/);
});

test('reads the log level, the shutdown grace period and the scheduler interval, and refuses what it does not know', () => {
  const config = loadConfig({
    LOYALTY_LOG_LEVEL: ' WARN ',
    LOYALTY_SHUTDOWN_GRACE_MS: '2500',
    LOYALTY_SCHEDULER_INTERVAL_MS: '0',
  });
  assert.equal(config.schedulerIntervalMs, 0, 'the scheduler off in this process');
  assert.throws(() => loadConfig({ LOYALTY_SCHEDULER_INTERVAL_MS: 'soon' }), /LOYALTY_SCHEDULER_INTERVAL_MS/);
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.shutdownGraceMs, 2500);
  assert.throws(() => loadConfig({ LOYALTY_LOG_LEVEL: 'loud' }), /LOYALTY_LOG_LEVEL must be one of .*silent/);
  assert.throws(() => loadConfig({ LOYALTY_SHUTDOWN_GRACE_MS: '-1' }), /LOYALTY_SHUTDOWN_GRACE_MS/);
});

test('reads the storage timeouts, the pool size and the free-space floor', () => {
  const { storage } = loadConfig({
    DATABASE_CONNECT_TIMEOUT_MS: ' 1500 ',
    DATABASE_STATEMENT_TIMEOUT_MS: '250',
    DATABASE_POOL_SIZE: '4',
    LOYALTY_MIN_FREE_BYTES: '0',
  });
  assert.deepEqual(storage, { connectTimeoutMs: 1_500, statementTimeoutMs: 250, poolSize: 4, minFreeBytes: 0 });
  assert.equal(loadConfig({ LOYALTY_MIN_FREE_BYTES: '1048576' }).storage.minFreeBytes, 1_048_576);
});

test('rejects storage settings that would mean no timeout or no sense', () => {
  // 0 would mean "wait forever" to node-postgres and PostgreSQL: the hang these settings prevent.
  assert.throws(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' }), /DATABASE_CONNECT_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }), /DATABASE_STATEMENT_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ LOYALTY_STATEMENT_TIMEOUT_MS: 'soon' }), /LOYALTY_STATEMENT_TIMEOUT_MS/);
  assert.equal(
    loadConfig({ LOYALTY_STATEMENT_TIMEOUT_MS: '750', DATABASE_STATEMENT_TIMEOUT_MS: '250' }).storage
      .statementTimeoutMs,
    750,
  );
  assert.throws(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '5s' }), /DATABASE_CONNECT_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' }), /DATABASE_STATEMENT_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ LOYALTY_MIN_FREE_BYTES: '1.5' }), /LOYALTY_MIN_FREE_BYTES/);
  // No connection at all would leave every request waiting for one.
  for (const size of ['0', '2.5', 'many']) {
    assert.throws(() => loadConfig({ DATABASE_POOL_SIZE: size }), /DATABASE_POOL_SIZE/);
  }
});

test("reads how many of one customer's requests run at once; none at all is refused", () => {
  assert.equal(DEFAULT_CUSTOMER_CONCURRENCY, 2);
  assert.equal(loadConfig({ LOYALTY_CUSTOMER_CONCURRENCY: '4' }).customerConcurrency, 4);
  // No turn at all would leave every shopper's request waiting.
  for (const turns of ['0', '1.5', 'all']) {
    assert.throws(() => loadConfig({ LOYALTY_CUSTOMER_CONCURRENCY: turns }), /LOYALTY_CUSTOMER_CONCURRENCY/);
  }
});

test('reads the webhook delivery settings; a poll of 0 turns delivery off, a timeout of 0 is refused', () => {
  const { webhookDelivery } = loadConfig({
    LOYALTY_WEBHOOKS_POLL_MS: '0',
    LOYALTY_WEBHOOKS_TIMEOUT_MS: '2500',
    LOYALTY_WEBHOOKS_RETRY_BASE_MS: '100',
  });
  assert.deepEqual(webhookDelivery, { pollMs: 0, timeoutMs: 2_500, retryBaseMs: 100 });
  assert.throws(() => loadConfig({ LOYALTY_WEBHOOKS_TIMEOUT_MS: '0' }), /LOYALTY_WEBHOOKS_TIMEOUT_MS/);
  assert.throws(() => loadConfig({ LOYALTY_WEBHOOKS_POLL_MS: 'soon' }), /LOYALTY_WEBHOOKS_POLL_MS/);
  assert.throws(() => loadConfig({ LOYALTY_WEBHOOKS_RETRY_BASE_MS: '0' }), /LOYALTY_WEBHOOKS_RETRY_BASE_MS/);
});
