import { isLoyaltyError, isTransient, LoyaltyError } from '../errors.ts';
import type { QueuedWrite } from './queued-write.ts';
import { openOutboxStorage, type OutboxStorage } from './storage.ts';

export interface OutboxOptions {
  /** Sends one write and resolves with the API's validated answer. */
  send(write: QueuedWrite): Promise<unknown>;
  /** Starts sending a write that must outlive the page (`fetch` with `keepalive`); never throws. */
  beacon(write: QueuedWrite): void;
  /** Who is signed in now (fetching a token if needed), or null for a guest. */
  owner(): Promise<string | null>;
  /** The owner of the token the client holds right now, without fetching one. */
  ownerNow(): string | null;
  onDelivered(write: QueuedWrite, result: unknown): void;
  onDropped(write: QueuedWrite, error: LoyaltyError): void;
  onPending(pending: number): void;
  /** Defaults to the most durable storage the environment has. */
  storage?: OutboxStorage | Promise<OutboxStorage> | undefined;
}

const WAITING_CODES: ReadonlySet<string> = new Set(['signed_out', 'not_member', 'unauthorized', 'token_expired']);

/**
 * Failures after which a write waits: the network or API may recover, the right customer may sign in again, a
 * shopper not yet enrolled may be.
 */
function keepsWaiting(error: unknown): error is LoyaltyError {
  if (!isLoyaltyError(error)) return false;
  return isTransient(error) || WAITING_CODES.has(error.code);
}

const LOCK_NAME = 'loyalty-elements:outbox';
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;

/**
 * Writes that must not be lost. Each is stored before it is sent and removed only once the API
 * has it (or refused it for good). Stored writes are sent again when the page comes back online,
 * on the next page load, after a growing pause while the API is unreachable, and with `keepalive`
 * when the page is hidden for good. One tab at a time flushes (Web Locks).
 */
export class Outbox {
  readonly #options: OutboxOptions;
  readonly #storage: Promise<OutboxStorage>;
  /** This page's undelivered writes, readable synchronously on `pagehide`. */
  readonly #mirror = new Map<string, QueuedWrite>();
  /** Writes storage refused: only the mirror has them. */
  readonly #unstored = new Set<string>();
  /** Deliveries in progress, by revision. */
  readonly #sending = new Map<string, Promise<unknown>>();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = FIRST_RETRY_MS;
  #localLock: Promise<unknown> = Promise.resolve();
  readonly #detach: Array<() => void> = [];

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#storage = Promise.resolve(options.storage ?? openOutboxStorage());
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      this.#listen(window, 'online', () => void this.flush());
      this.#listen(window, 'pagehide', () => this.#beaconAll());
    }
  }

  /** Which storage holds the writes. */
  async storageKind(): Promise<OutboxStorage['kind']> {
    return (await this.#storage).kind;
  }

  /**
   * Stores `write`, then sends it. Resolves with the API's answer, or with the transient failure
   * that leaves it queued. Rejects when the API refuses it for good; it is then dropped.
   */
  async submit(
    write: QueuedWrite,
  ): Promise<{ delivered: true; result: unknown } | { delivered: false; error: LoyaltyError }> {
    // Like the storage, the mirror never trades a version for one with a lower order.
    const mirrored = this.#mirror.get(write.id);
    if (mirrored === undefined || mirrored.order <= write.order) this.#mirror.set(write.id, write);
    const storage = await this.#storage;
    try {
      await storage.put(write);
      this.#unstored.delete(write.id);
    } catch (error) {
      this.#unstored.add(write.id);
      // Storage failed (quota, a closed database): the write still goes out, and the mirror keeps
      // it for `pagehide` and for retries while this page lives.
      console.warn('Loyalty Elements: could not store a write on this device', error);
    }
    await this.#reportPending();
    let result: unknown;
    try {
      result = await this.#deliver(write);
    } catch (error) {
      if (!keepsWaiting(error)) {
        await this.#reportPending();
        throw error;
      }
      if (isTransient(error)) this.#scheduleRetry();
      return { delivered: false, error };
    }
    await this.#reportPending();
    return { delivered: true, result };
  }

  /** Flushes if writes were left by an earlier page: on load, before anything else asks for a token. */
  async resume(): Promise<void> {
    const stored = await (await this.#storage).list().catch(() => []);
    if (stored.length > 0) await this.flush();
  }

  /** Sends every stored write of the signed-in customer; one tab at a time. */
  async flush(): Promise<void> {
    let owner: string | null;
    try {
      owner = await this.#options.owner();
    } catch (error) {
      // No token now (offline, the token route down): try again later while writes wait.
      if (isLoyaltyError(error) && isTransient(error) && (await this.#known(await this.#storage)).length > 0) {
        this.#scheduleRetry();
      }
      return;
    }
    if (!owner) return;
    let remaining = 0;
    await this.#exclusively(async () => {
      const storage = await this.#storage;
      const writes = new Map((await this.#known(storage)).map((write) => [write.id, write]));
      const mine = [...writes.values()]
        .filter((write) => write.owner === owner)
        .sort((a, b) => a.queuedAt - b.queuedAt);
      for (const write of mine) {
        try {
          await this.#deliver(write);
        } catch (error) {
          if (keepsWaiting(error) && isTransient(error)) remaining += 1;
        }
      }
    });
    await this.#reportPending();
    if (remaining > 0) this.#scheduleRetry();
    else this.#retryDelay = FIRST_RETRY_MS;
  }

  /** Writes of the signed-in customer still waiting to be sent. */
  async pending(): Promise<number> {
    const owner = this.#options.ownerNow();
    if (!owner) return 0;
    const known = await this.#known(await this.#storage);
    return new Set(known.filter((write) => write.owner === owner).map((write) => write.id)).size;
  }

  /**
   * The stored writes, plus those only this page holds because storage refused them. A write another
   * tab delivered is gone from storage, and is not sent again from this page's mirror.
   */
  async #known(storage: OutboxStorage): Promise<QueuedWrite[]> {
    const stored = await storage.list().catch(() => null);
    const mirrored = [...this.#mirror.values()];
    if (stored === null) return mirrored;
    const ids = new Set(stored.map((write) => write.id));
    return [...stored, ...mirrored.filter((write) => this.#unstored.has(write.id) && !ids.has(write.id))];
  }

  /** Forgets every write of `owner` (the shopper signed out). */
  async discard(owner: string): Promise<void> {
    for (const [id, write] of this.#mirror) if (write.owner === owner) this.#mirror.delete(id);
    await (await this.#storage).removeOwner(owner).catch(() => undefined);
    await this.#reportPending();
  }

  /** Stops listening to the page and retrying. Stored writes stay for the next page load. */
  close(): void {
    for (const detach of this.#detach.splice(0)) detach();
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /** Sends `write`; a version already on its way (a flush while `submit` sends it) is not sent twice. */
  #deliver(write: QueuedWrite): Promise<unknown> {
    const sending = this.#sending.get(write.revision);
    if (sending) return sending;
    const delivery = this.#send(write).finally(() => this.#sending.delete(write.revision));
    this.#sending.set(write.revision, delivery);
    return delivery;
  }

  async #send(write: QueuedWrite): Promise<unknown> {
    let result: unknown;
    try {
      result = await this.#options.send(write);
    } catch (error) {
      if (keepsWaiting(error)) throw error;
      // Refused for good (or a bug): keeping it would only repeat the refusal.
      const refusal = isLoyaltyError(error)
        ? error
        : new LoyaltyError('invalid_response', 'A queued write failed', { cause: error });
      await this.#forget(write);
      this.#options.onDropped(write, refusal);
      throw refusal;
    }
    await this.#forget(write);
    this.#options.onDelivered(write, result);
    return result;
  }

  async #forget(write: QueuedWrite): Promise<void> {
    if (this.#mirror.get(write.id)?.revision === write.revision) {
      this.#mirror.delete(write.id);
      this.#unstored.delete(write.id);
    }
    await (await this.#storage).remove(write.id, write.revision).catch(() => undefined);
  }

  #beaconAll(): void {
    const owner = this.#options.ownerNow();
    for (const write of this.#mirror.values()) if (write.owner === owner) this.#options.beacon(write);
  }

  #scheduleRetry(): void {
    if (this.#retryTimer !== undefined) return;
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(this.#retryDelay * 2, LAST_RETRY_MS);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.flush();
    }, delay);
    // Node: a pending retry must not keep a script alive.
    (this.#retryTimer as { unref?: () => void }).unref?.();
  }

  async #reportPending(): Promise<void> {
    this.#options.onPending(await this.pending());
  }

  #exclusively(task: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks) return locks.request(LOCK_NAME, task).then(() => undefined);
    const run = this.#localLock.then(task, task);
    this.#localLock = run.catch(() => undefined);
    return run;
  }

  #listen(target: Window, type: string, listener: () => void): void {
    target.addEventListener(type, listener);
    this.#detach.push(() => target.removeEventListener(type, listener));
  }
}
