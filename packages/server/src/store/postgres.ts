import pg from 'pg';
import { isRead, type Database, type Queryable } from './database.ts';
import { describeCause, StorageUnavailableError, toStorageError } from './errors.ts';
import { RequestAbandonedError, requestSignal } from './request-signal.ts';

const INT8_OID = 20;
/** Connections of each of the two pools (single statements, and transactions) unless the options say otherwise. */
const POOL_SIZE = 10;

export interface PostgresOptions {
  /** How long opening a connection may take, TCP and start-up handshake included. */
  connectTimeoutMs: number;
  /** The server cancels a statement that runs longer (`statement_timeout`). */
  statementTimeoutMs: number;
  /** Connections of each of the two pools, single statements and transactions; 10 when unset. */
  poolSize?: number;
  /** Where connection losses are reported; one line each, at most one a second. */
  log?: (line: string) => void;
}

export const DEFAULT_POSTGRES_OPTIONS: PostgresOptions = { connectTimeoutMs: 5_000, statementTimeoutMs: 5_000 };

/** `host:port` of a connection string for messages, never its password. */
export function postgresAddress(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.searchParams.get('host') ?? (decodeURIComponent(url.hostname) || 'localhost');
    return `${host}:${url.port || url.searchParams.get('port') || '5432'}`;
  } catch {
    return 'the server named by DATABASE_URL';
  }
}

/**
 * Opens a PostgreSQL server through a node-postgres pool. The SQL and migrations are the ones PGlite
 * runs; bigint columns come back as numbers, as they do from PGlite.
 *
 * A lost connection never ends the process: every client has an error listener, a statement that
 * fails because the server is gone, restarting, refusing connections or too slow throws
 * {@link StorageUnavailableError}, the broken client is discarded, and the next request connects
 * anew. Start-up against a server that refuses or never answers fails within `connectTimeoutMs`.
 */
export async function openPostgres(
  connectionString: string,
  options: PostgresOptions = DEFAULT_POSTGRES_OPTIONS,
): Promise<Database> {
  const address = postgresAddress(connectionString);
  const what = `PostgreSQL at ${address}`;
  const log = throttled(options.log ?? ((line) => console.error(line)), 1_000);
  const newPool = () => {
    const created = new pg.Pool({
      connectionString,
      max: options.poolSize ?? POOL_SIZE,
      connectionTimeoutMillis: options.connectTimeoutMs,
      statement_timeout: options.statementTimeoutMs,
      // A server that stops answering mid-statement (a partition, a frozen host) is given up on too.
      query_timeout: options.statementTimeoutMs + options.connectTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
      },
    });
    // node-postgres emits 'error' on a client whose connection dies, checked out or idle; without a
    // listener that ends the process. The pool's own 'error' event repeats it for idle clients.
    created.on('connect', (client) => {
      client.on('error', (error) => log(`${what}: connection lost: ${describeCause(error)}`));
    });
    created.on('error', () => undefined);
    return created;
  };
  // Transactions have connections of their own: writes queued on one customer's row lock hold only those, and
  // every other request's statements still find a free connection.
  const pool = newPool();
  const transactionPool = newPool();
  const listeners: Array<{ stop(): Promise<void> }> = [];

  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await Promise.all([pool.end(), transactionPool.end()]).catch(() => undefined);
    throw new StorageUnavailableError(`Cannot reach ${what}: ${startupCause(error, options)}`, { cause: error });
  }

  return {
    ...queryable(pool, what),
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      // Only reads are dropped: a request's writes outside a transaction must not stop halfway.
      const signal = isRead(sql) ? requestSignal() : undefined;
      if (signal === undefined) return queryable(pool, what).query<Row>(sql, params);
      return (await abandonableQuery(pool, connectionString, sql, params, signal, what)).rows as Row[];
    },
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await transactionPool.connect();
      } catch (error) {
        throw toStorageError(error, what);
      }
      // A client whose connection failed is destroyed on release, never handed out again.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client, what));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        const mapped = toStorageError(error, what);
        if (mapped instanceof StorageUnavailableError) {
          // COMMIT may or may not have landed: the client retries with its Idempotency-Key.
          broken = mapped;
        } else {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
        }
        throw mapped;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotice) => {
      const listener = listenOn(connectionString, channel, onNotice, log, what);
      listeners.push(listener);
      return listener.started;
    },
    close: async () => {
      await Promise.all(listeners.map((listener) => listener.stop()));
      await Promise.all([pool.end(), transactionPool.end()]);
    },
  };
}

/**
 * A read outside any transaction run for a request: not started when the request's client has gone by the time
 * a connection is free, and cancelled in the server (`pg_cancel_backend`, from a connection of its own, so a full
 * pool cannot hold it up) when the client goes while it runs. The connection goes back to the pool only once the
 * cancel has landed, so it can never hit a statement of another request.
 */
async function abandonableQuery(
  pool: pg.Pool,
  connectionString: string,
  sql: string,
  params: readonly unknown[],
  signal: AbortSignal,
  what: string,
): Promise<pg.QueryResult> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStorageError(error, what);
  }
  let cancelling: Promise<void> | undefined;
  const cancel = () => {
    const backend = (client as unknown as { processID: number | null }).processID;
    if (backend !== null) cancelling = cancelBackend(connectionString, backend);
  };
  let broken: Error | undefined;
  try {
    if (signal.aborted) throw new RequestAbandonedError();
    signal.addEventListener('abort', cancel, { once: true });
    return await client.query(sql, [...params]);
  } catch (error) {
    if (signal.aborted) throw new RequestAbandonedError();
    const mapped = toStorageError(error, what);
    if (mapped instanceof StorageUnavailableError) broken = mapped;
    throw mapped;
  } finally {
    signal.removeEventListener('abort', cancel);
    await cancelling;
    client.release(broken);
  }
}

/** Cancels what backend `pid` is running, if anything; an idle backend ignores it. */
async function cancelBackend(connectionString: string, pid: number): Promise<void> {
  const canceller = new pg.Client({ connectionString });
  try {
    await canceller.connect();
    await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
  } catch {
    // The statement timeout still bounds a statement this could not cancel.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

/** How long a lost listening connection waits before it connects again. */
const RELISTEN_DELAY_MS = 1_000;

/**
 * A connection of its own that `LISTEN`s on `channel` and connects again when lost, reporting null so the listener
 * drops what it may have missed.
 */
function listenOn(
  connectionString: string,
  channel: string,
  onNotice: (payload: string | null) => void,
  log: (line: string) => void,
  what: string,
): { started: Promise<void>; stop(): Promise<void> } {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, keepAlive: true });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === channel) onNotice(message.payload ?? '');
    });
    next.on('error', (error) => {
      log(`${what}: the ${channel} listener lost its connection: ${describeCause(error)}`);
      void next.end().catch(() => undefined);
      if (client !== next) return;
      client = undefined;
      onNotice(null);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), RELISTEN_DELAY_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      next.emit('error', error);
    }
  };
  return {
    started: connect(),
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

function queryable(target: pg.Pool | pg.PoolClient, what: string): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await target.query(sql, [...params]);
        return result.rows as Row[];
      } catch (error) {
        throw toStorageError(error, what);
      }
    },
    async exec(sql: string) {
      try {
        await target.query(sql);
      } catch (error) {
        throw toStorageError(error, what);
      }
    },
  };
}

function startupCause(error: unknown, options: PostgresOptions): string {
  const text = describeCause(error);
  if (/timeout/i.test(text)) {
    return `no answer within ${options.connectTimeoutMs} ms (DATABASE_CONNECT_TIMEOUT_MS): ${text}`;
  }
  return text;
}

/** `log`, but at most one line per `intervalMs`; the rest are counted into the next line. */
function throttled(log: (line: string) => void, intervalMs: number): (line: string) => void {
  let last = 0;
  let skipped = 0;
  return (line) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      skipped++;
      return;
    }
    last = now;
    log(skipped > 0 ? `${line} (and ${skipped} more since the last report)` : line);
    skipped = 0;
  };
}
