import { Worker } from 'node:worker_threads';

/** What the store uses of one PGlite instance, which runs on the PGlite thread (`pglite-thread-host.js`). */
export interface ThreadedPGlite {
  query<Row>(sql: string, params: readonly unknown[]): Promise<{ rows: Row[]; affectedRows?: number | undefined }>;
  exec(sql: string): Promise<Array<{ affectedRows?: number | undefined }>>;
  listen(channel: string, onNotice: (payload: string) => void): Promise<void>;
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export interface ThreadedPGliteOptions {
  /** Start from this image of a data folder (`dumpDataDir`) instead of creating one; `memory://` only. */
  image?: Blob | undefined;
  onStderr(line: string): void;
}

/** An error of the PGlite thread as it crossed over (see `plain` in the host). */
interface PlainError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
  wasm: boolean;
  cause?: PlainError;
}

type HostMessage =
  | { kind: 'answer'; call: number; value: unknown }
  | { kind: 'failure'; call: number; error: PlainError }
  | { kind: 'notice'; id: number; channel: string; payload: string }
  | { kind: 'stderr'; id: number; line: string };

/** The PGlite thread stopped: every instance on it is gone. A storage fault for the store. */
export class PGliteThreadStoppedError extends Error {
  override name = 'PGliteThreadStoppedError';
}

/** The error the thread sent, as an error of the same kind on this side, with the same fields. */
function revive(plain: PlainError): Error {
  const error = plain.wasm ? new WebAssembly.RuntimeError(plain.message) : new Error(plain.message);
  Object.defineProperty(error, 'name', { value: plain.name, writable: true, configurable: true });
  Object.assign(error, plain.fields);
  if (plain.stack) error.stack = plain.stack;
  if (plain.cause) error.cause = revive(plain.cause);
  return error;
}

/**
 * One worker thread per process runs every PGlite instance, so a long statement holds that thread and not the one
 * that answers requests (a summary served from memory does not wait for it). PGlite's WebAssembly is compiled there
 * once. The thread keeps the process alive only while a call is under way.
 */
class PGliteThread {
  readonly #worker: Worker;
  readonly #calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #listeners = new Map<string, (payload: string) => void>();
  readonly #stderr = new Map<number, (line: string) => void>();
  #nextCall = 1;
  #nextInstance = 1;
  #stopped: Error | undefined;

  constructor(onStop: () => void) {
    // The host is plain JavaScript and needs none of this process's flags (some, like `--input-type`, would stop it).
    this.#worker = new Worker(new URL('./pglite-thread-host.js', import.meta.url), { execArgv: [] });
    this.#worker.unref();
    this.#worker.on('message', (message: HostMessage) => this.#receive(message));
    const stop = (cause: unknown) => {
      if (this.#stopped) return;
      this.#stopped = new PGliteThreadStoppedError(`The PGlite thread stopped: ${String(cause)}`, { cause });
      onStop();
      for (const call of this.#calls.values()) call.reject(this.#stopped);
      this.#calls.clear();
    };
    this.#worker.on('error', stop);
    this.#worker.on('exit', (code) => stop(`it exited with code ${code}`));
  }

  async open(dataDir: string, options: ThreadedPGliteOptions): Promise<ThreadedPGlite> {
    const id = this.#nextInstance++;
    this.#stderr.set(id, options.onStderr);
    try {
      await this.#call({ op: 'open', id, dataDir, image: options.image });
    } catch (error) {
      this.#stderr.delete(id);
      throw error;
    }
    return {
      query: <Row>(sql: string, params: readonly unknown[]) =>
        this.#call({ op: 'query', id, sql, params }) as Promise<{ rows: Row[]; affectedRows?: number }>,
      exec: (sql) => this.#call({ op: 'exec', id, sql }) as Promise<Array<{ affectedRows?: number }>>,
      listen: async (channel, onNotice) => {
        this.#listeners.set(`${id} ${channel}`, onNotice);
        await this.#call({ op: 'listen', id, channel });
      },
      dumpDataDir: () => this.#call({ op: 'dump', id }) as Promise<Blob>,
      close: async () => {
        await this.#call({ op: 'close', id });
        this.#stderr.delete(id);
        for (const key of this.#listeners.keys()) if (key.startsWith(`${id} `)) this.#listeners.delete(key);
      },
    };
  }

  #call(request: { op: string; id: number } & Record<string, unknown>): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const call = this.#nextCall++;
    if (this.#calls.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#calls.set(call, { resolve, reject });
      this.#worker.postMessage({ ...request, call });
    });
  }

  #receive(message: HostMessage): void {
    if (message.kind === 'notice') {
      this.#listeners.get(`${message.id} ${message.channel}`)?.(message.payload);
      return;
    }
    if (message.kind === 'stderr') {
      this.#stderr.get(message.id)?.(message.line);
      return;
    }
    const call = this.#calls.get(message.call);
    if (!call) return;
    this.#calls.delete(message.call);
    if (this.#calls.size === 0) this.#worker.unref();
    if (message.kind === 'answer') call.resolve(message.value);
    else call.reject(revive(message.error));
  }
}

let thread: PGliteThread | undefined;

/** Opens PGlite in `dataDir` (or in memory for `memory://`) on the process's PGlite thread, starting it if needed. */
export function openThreadedPGlite(dataDir: string, options: ThreadedPGliteOptions): Promise<ThreadedPGlite> {
  thread ??= new PGliteThread(() => {
    thread = undefined;
  });
  return thread.open(dataDir, options);
}
