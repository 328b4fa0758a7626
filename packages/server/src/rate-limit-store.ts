import { MemoryStore, RedisStore, type ClientRateLimitInfo, type RedisClient, type Store } from 'hono-rate-limiter';
import { createClient } from 'redis';
import type { Logger } from './logger.ts';

/** Where the rate limiters count: one store per limiter, and what to close on shutdown. */
export interface SharedRateLimitStore {
  /** A store for one limiter: keys carry the limiter's scope (`ip:…`, `key:…`). */
  newStore(): Store;
  close(): Promise<void>;
}

export const REDIS_PREFIX = 'loyalty:rl:';
const CONNECT_TIMEOUT_MS = 2_000;
/** At most one warning per this long while Redis does not answer. */
const WARN_EVERY_MS = 60_000;

/**
 * Counts requests in Redis, so every API instance on the same Redis shares its limits. While Redis does not
 * answer, each instance counts in its own memory (limits per instance, never a refused or stalled request) and
 * logs a warning; counting moves back to Redis once it answers again.
 */
export async function connectRedisRateLimitStore(url: string, logger: Logger): Promise<SharedRateLimitStore> {
  const client = createClient({
    url,
    // Commands fail at once while disconnected instead of queueing behind a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  let lastWarning = 0;
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    logger.warn(
      { err: error, redis: redactedUrl(url) },
      'Rate limits: Redis does not answer; counting in this process until it does.',
    );
  };
  client.on('error', warn);
  try {
    await client.connect();
  } catch (error) {
    // Start anyway: the reconnect strategy keeps trying, and the limits hold per process meanwhile.
    warn(error);
  }
  const redisClient: RedisClient = {
    scriptLoad: (script) => client.scriptLoad(script),
    evalsha: async <TArgs extends unknown[], TData = unknown>(sha1: string, keys: string[], args: TArgs) =>
      (await client.evalSha(sha1, { keys, arguments: args.map(String) })) as TData,
    decr: (key) => client.decr(key),
    del: (key) => client.del(key),
  };
  return {
    newStore: () => new FallbackStore(new RedisStore({ client: redisClient, prefix: REDIS_PREFIX }), warn),
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}

/** Counts in `shared`, and in this process's memory whenever `shared` fails. */
class FallbackStore implements Store {
  private readonly local = new MemoryStore();
  readonly localKeys = false;

  constructor(
    private readonly shared: Store,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  init(options: Parameters<NonNullable<Store['init']>>[0]): void {
    this.shared.init?.(options);
    this.local.init(options);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    try {
      return await this.shared.increment(key);
    } catch (error) {
      this.onFailure(error);
      return this.local.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    try {
      await this.shared.decrement(key);
    } catch (error) {
      this.onFailure(error);
      this.local.decrement(key);
    }
  }

  async resetKey(key: string): Promise<void> {
    this.local.resetKey(key);
    try {
      await this.shared.resetKey(key);
    } catch (error) {
      this.onFailure(error);
    }
  }

  shutdown(): void {
    this.local.shutdown();
  }
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable URL)';
  }
}
