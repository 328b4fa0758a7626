import { constants } from 'node:fs';
import { access, mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { describeCause, StorageFailedError, StorageUnavailableError } from './errors.ts';
import { openThreadedPGlite, PGliteThreadStoppedError, type ThreadedPGlite } from './pglite-thread.ts';
import { throwIfAbandoned } from './request-signal.ts';

/** Something SQL can run on: the database itself or one open transaction. */
export interface Queryable {
  /** Runs one parameterised statement (`$1`, `$2`, …) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The store the API talks to. Kept this thin so a PostgreSQL implementation (node-postgres pool)
 * can slot in behind the same SQL.
 */
export interface Database extends Queryable {
  /** Runs `fn` inside BEGIN … COMMIT; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotice` with the payload of every `NOTIFY` on `channel`, from any connection, and with null when
   * notices may have been missed (the listening connection was lost).
   */
  listen?(channel: string, onNotice: (payload: string | null) => void): Promise<void>;
  /**
   * Only where every write passes through this process (PGlite: one process holds its data folder): calls
   * `onChange` for every committed change of a customer's row (migrations 0030 and 0032), before the statement or transaction
   * that made it settles, so what this process keeps of customers is never read stale.
   */
  watchCustomers?(onChange: (programId: string, customerId: string) => void): Promise<void>;
  /** PGlite only: an image of the whole data folder, which `image` (PGliteOptions) starts another instance from. */
  dumpDataDir?(): Promise<Blob>;
  /**
   * PGlite only, which has no autovacuum: `VACUUM (ANALYZE)` once more rows changed since the last one than
   * autovacuum's own rule would wait for (1,000 plus a tenth of the rows then counted), so plans keep up with the data
   * and updated rows leave no dead versions behind. True when it ran. PostgreSQL's autovacuum does this by itself.
   */
  refreshStatistics?(): Promise<boolean>;
  close(): Promise<void>;
}

export const MEMORY_DATA_DIR = 'memory://';

/** Autovacuum's defaults for when a table is analysed again, applied to the whole database. */
const ANALYZE_BASE_ROWS = 1_000;
const ANALYZE_SCALE = 0.1;

/** The channel of the customer notices of migrations 0030 and 0032: `["<program id>","<customer id>"]`. */
const CUSTOMER_CHANNEL = 'loyalty_customer';

/** Below this many free bytes in the data folder's file system, PGlite takes no more writes. */
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;
/** How long a reading of the free space is trusted. */
const FREE_SPACE_CHECK_MS = 1_000;

export interface PGliteOptions {
  /** Writes are refused with {@link StorageUnavailableError} while the data folder has less free space. */
  minFreeBytes?: number;
  /**
   * Called once when PGlite hits a storage fault (a full disk, an I/O error). Default: log the error.
   * The instance refuses every statement after it; the server process exits so a supervisor restarts it.
   */
  onFailure?: (error: StorageFailedError) => void;
  /** Where the free-space state changes are reported. Default: stderr. */
  log?: (line: string) => void;
  /**
   * For `memory://` only: start from this image of a data folder (PGlite's `dumpDataDir`) instead of creating an
   * empty cluster, which takes about a second. Tests start hundreds of databases from one migrated image.
   */
  image?: Blob;
}

/**
 * Opens PGlite in `dataDir` (created if missing), or in memory for `memory://`.
 *
 * A storage fault is final for the instance: PGlite 0.5 reports the failed write (for example
 * `53100 could not write to file "pg_wal/xlogtemp…": No space left on device`), but the next
 * statement it is given spins the main thread forever. So statements run one at a time here, and
 * the first fault stops every later one before it reaches PGlite: they fail with
 * {@link StorageFailedError} (503) and `onFailure` is told once. What was committed before the fault
 * is on disk; a restart with space replays the write-ahead log. To keep the fault rare, writes are
 * refused (503, nothing attempted) while the folder's file system has less than `minFreeBytes` free,
 * and taken again as soon as space returns.
 */
export async function openDatabase(dataDir: string, options: PGliteOptions = {}): Promise<Database> {
  const inMemory = dataDir.startsWith(MEMORY_DATA_DIR);
  const minFreeBytes = options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  if (!inMemory) await checkDataDir(dataDir, minFreeBytes);
  const unlock = inMemory ? async () => undefined : await lockDataDir(dataDir);
  const stderr: string[] = [];
  let pglite: ThreadedPGlite;
  try {
    pglite = await openThreadedPGlite(dataDir, {
      image: inMemory ? options.image : undefined,
      onStderr: (line) => {
        stderr.push(line);
        if (stderr.length > 20) stderr.shift();
      },
    });
  } catch (error) {
    await unlock();
    const detail = stderr.filter((line) => /FATAL|PANIC|ERROR|could not/.test(line)).at(-1);
    throw new StorageUnavailableError(
      `PGlite could not open its data folder ${dataDir}: ${describeCause(error)}${detail ? ` (${detail.trim()})` : ''}`,
      { cause: error },
    );
  }
  stderr.length = 0;

  const where = inMemory ? 'PGlite in memory' : `PGlite in ${dataDir}`;
  const log = options.log ?? ((line: string) => console.error(line));
  const onFailure = options.onFailure ?? ((error: StorageFailedError) => log(error.message));
  const space = inMemory ? undefined : freeSpaceGuard(dataDir, minFreeBytes, log);
  let failed: StorageFailedError | undefined;
  let closed = false;
  // One statement or transaction at a time, so nothing is queued inside PGlite when a fault shows.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };

  const usable = () => {
    if (failed) throw failed;
    if (closed) throw new StorageUnavailableError(`${where} is closed`);
  };
  const run = async <T>(statement: () => Promise<T>): Promise<T> => {
    usable();
    try {
      return await statement();
    } catch (error) {
      if (!isStorageFault(error)) throw error;
      if (!failed) {
        failed = new StorageFailedError(
          `${where} failed: ${describeCause(error)}; no statement runs until the server is restarted`,
          { cause: error },
        );
        onFailure(failed);
      }
      throw failed;
    }
  };
  let rowsChanged = 0;
  let rowsAtLastAnalyze = 0;
  const inside: Queryable = {
    query: <Row>(sql: string, params: readonly unknown[] = []) =>
      run(async () => {
        const result = await pglite.query<Row>(sql, params);
        rowsChanged += result.affectedRows ?? 0;
        return result.rows;
      }),
    exec: (sql: string) =>
      run(async () => {
        for (const result of await pglite.exec(sql)) rowsChanged += result.affectedRows ?? 0;
      }),
  };

  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      if (space && !isRead(sql)) await space.check();
      // Statements wait their turn here: a read of a request whose client has gone by then is never started.
      // Writes always run: a request's writes outside a transaction must not stop halfway.
      return exclusive(() => {
        if (isRead(sql)) throwIfAbandoned();
        return inside.query<Row>(sql, params);
      });
    },
    exec: async (sql) => {
      await space?.check();
      return exclusive(() => inside.exec(sql));
    },
    transaction: async (fn) => {
      await space?.check();
      return exclusive(async () => {
        await inside.exec('BEGIN');
        let result;
        try {
          result = await fn(inside);
        } catch (error) {
          // After a fault nothing more may reach PGlite, not even ROLLBACK. A failed ROLLBACK
          // does not hide why the transaction failed.
          if (!failed) await inside.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
        await inside.exec('COMMIT').catch(async (error: unknown) => {
          if (!failed) await inside.exec('ROLLBACK').catch(() => undefined);
          throw error;
        });
        return result;
      });
    },
    listen: (channel, onNotice) => exclusive(() => run(async () => void (await pglite.listen(channel, onNotice)))),
    watchCustomers: (onChange) =>
      exclusive(() =>
        run(async () => {
          await pglite.exec(`SET loyalty.customer_notices = 'on'`);
          // The PGlite thread posts a notice before the answer of the COMMIT that raised it, and this thread takes
          // them in that order: the listener runs before the transaction's own promise resolves.
          await pglite.listen(CUSTOMER_CHANNEL, (payload) => {
            const [programId, customerId] = JSON.parse(payload) as [string, string];
            onChange(programId, customerId);
          });
        }),
      ),
    dumpDataDir: () => exclusive(() => pglite.dumpDataDir()),
    refreshStatistics: async () => {
      if (rowsChanged < ANALYZE_BASE_ROWS + rowsAtLastAnalyze * ANALYZE_SCALE) return false;
      rowsChanged = 0;
      // A sample of 3,000 rows a table, not 30,000: rough statistics pick the right index, and the thread is held a
      // fraction of the time. VACUUM also clears the dead rows every write's updates leave.
      await exclusive(() => inside.exec('SET default_statistics_target = 10'));
      await exclusive(() => inside.exec('VACUUM (ANALYZE)'));
      const [counted] = await exclusive(() =>
        inside.query<{ rows: number | null }>(
          `SELECT sum(reltuples)::float8 AS rows FROM pg_class
            WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > 0`,
        ),
      );
      rowsAtLastAnalyze = counted?.rows ?? 0;
      return true;
    },
    close: () =>
      exclusive(async () => {
        if (closed) return;
        closed = true;
        // A failed instance is left as it is: closing it would run another statement.
        if (!failed) await pglite.close();
        await unlock();
      }),
  };
}

/**
 * Creates the data folder and checks this process may write there and that its disk has room for
 * recovery and writes, naming the folder when not.
 */
async function checkDataDir(dataDir: string, minFreeBytes: number): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
    // access() says yes to root even on a read-only mount: write a file to be sure.
    const probe = join(dataDir, `.write-check-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const uid = process.getuid?.();
    throw new StorageUnavailableError(
      `PGlite data folder ${dataDir} is not writable${uid === undefined ? '' : ` by uid ${uid}`}: ${describeCause(error)}`,
      { cause: error },
    );
  }
  // PGlite replays its write-ahead log on open: on a full disk that is the fault we keep away from.
  const stats = minFreeBytes > 0 ? await statfs(dataDir).catch(() => undefined) : undefined;
  const free = stats ? Number(stats.bavail) * Number(stats.bsize) : Number.POSITIVE_INFINITY;
  if (free < minFreeBytes) {
    throw new StorageUnavailableError(
      `PGlite data folder ${dataDir} has ${free} bytes free, less than LOYALTY_MIN_FREE_BYTES (${minFreeBytes})`,
    );
  }
}

/** A statement that only reads: it may run while the disk is nearly full, and is dropped when its client has gone. */
export function isRead(sql: string): boolean {
  return /^\s*(SELECT|SHOW)\b/i.test(sql);
}

/** A PostgreSQL error about the storage under the request (disk full, I/O error, corruption), or a WASM or file-system failure. */
function isStorageFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, errno } = error as { code?: unknown; name?: unknown; errno?: unknown };
  if (typeof code === 'string' && 'severity' in error) {
    return code.startsWith('53') || code.startsWith('58') || code === 'XX001' || code === 'XX002';
  }
  if (error instanceof WebAssembly.RuntimeError || error instanceof PGliteThreadStoppedError) return true;
  if (name === 'ErrnoError' || name === 'ExitStatus' || typeof errno === 'number') return true;
  return typeof code === 'string' && ['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EFBIG'].includes(code);
}

/** Refuses writes while the file system of `dataDir` has less than `minFreeBytes` free; re-reads it once a second. */
function freeSpaceGuard(dataDir: string, minFreeBytes: number, log: (line: string) => void) {
  let checkedAt = 0;
  let free = Number.POSITIVE_INFINITY;
  let low = false;
  return {
    async check(): Promise<void> {
      if (minFreeBytes <= 0) return;
      if (Date.now() - checkedAt >= FREE_SPACE_CHECK_MS) {
        checkedAt = Date.now();
        const stats = await statfs(dataDir).catch(() => undefined);
        if (stats) free = Number(stats.bavail) * Number(stats.bsize);
        const nowLow = free < minFreeBytes;
        if (nowLow !== low) {
          log(
            nowLow
              ? `PGlite data folder ${dataDir} has ${free} bytes free, less than LOYALTY_MIN_FREE_BYTES (${minFreeBytes}): writes are refused until space returns`
              : `PGlite data folder ${dataDir} has ${free} bytes free again: writes resume`,
          );
          low = nowLow;
        }
      }
      if (low) {
        throw new StorageUnavailableError(
          `PGlite data folder ${dataDir} has ${free} bytes free, less than the ${minFreeBytes} required for writes`,
        );
      }
    },
  };
}

/** True for PostgreSQL's unique_violation, raised the same way by PGlite and node-postgres. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** A json column's value: the drivers parse json into objects, but a value may still come back as its text. */
export function jsonValue<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** SQL for the moment `expression` (a timestamp) in whole milliseconds since the epoch, as a bigint. */
export const epochMs = (expression: string) => `floor(extract(epoch FROM ${expression}) * 1000)::bigint`;

/** Numbers come back as `number` from PGlite but as `string` for bigint from node-postgres. */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new TypeError(`Expected a safe integer from the database, got ${String(value)}`);
  return n;
}
