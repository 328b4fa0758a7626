import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { QueuedWrite } from './queued-write.ts';

/** Where queued writes survive a closed tab: IndexedDB, else localStorage, else (last resort) memory. */
export interface OutboxStorage {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  list(): Promise<QueuedWrite[]>;
  /** Stores `write` unless a version with a higher `order` is already stored. */
  put(write: QueuedWrite): Promise<void>;
  /** Removes a write if the stored version is still `revision`. */
  remove(id: string, revision: string): Promise<void>;
  /** Removes every write of `owner`. */
  removeOwner(owner: string): Promise<void>;
}

const DATABASE = 'loyalty-elements';
const STORE = 'outbox';
const LOCAL_STORAGE_KEY = 'loyalty-elements:outbox';

function replaces(next: QueuedWrite, stored: QueuedWrite | undefined): boolean {
  return stored === undefined || stored.order <= next.order;
}

export class MemoryOutboxStorage implements OutboxStorage {
  readonly kind: OutboxStorage['kind'] = 'memory';
  protected writes = new Map<string, QueuedWrite>();

  async list(): Promise<QueuedWrite[]> {
    this.load();
    return [...this.writes.values()];
  }

  async put(write: QueuedWrite): Promise<void> {
    this.load();
    if (replaces(write, this.writes.get(write.id))) this.writes.set(write.id, write);
    this.save();
  }

  async remove(id: string, revision: string): Promise<void> {
    this.load();
    if (this.writes.get(id)?.revision === revision) this.writes.delete(id);
    this.save();
  }

  async removeOwner(owner: string): Promise<void> {
    this.load();
    for (const [id, write] of this.writes) if (write.owner === owner) this.writes.delete(id);
    this.save();
  }

  protected load(): void {}
  protected save(): void {}
}

/**
 * The Web Lock every tab's `LocalOutboxStorage` holds while it reads, changes and writes back the stored list,
 * so two tabs writing at once cannot overwrite each other's writes.
 */
export const LOCAL_OUTBOX_LOCK = 'loyalty-elements:outbox-storage';

/**
 * Every read and write goes through `localStorage` synchronously, so other tabs see it at once; each change
 * holds {@link LOCAL_OUTBOX_LOCK} (where the browser has Web Locks), as IndexedDB's transactions do.
 */
export class LocalOutboxStorage extends MemoryOutboxStorage {
  override readonly kind = 'localstorage' as const;
  readonly #storage: Storage;

  constructor(storage: Storage) {
    super();
    this.#storage = storage;
  }

  override put(write: QueuedWrite): Promise<void> {
    return this.#locked(() => super.put(write));
  }

  override remove(id: string, revision: string): Promise<void> {
    return this.#locked(() => super.remove(id, revision));
  }

  override removeOwner(owner: string): Promise<void> {
    return this.#locked(() => super.removeOwner(owner));
  }

  #locked(change: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(LOCAL_OUTBOX_LOCK, change).then(() => undefined) : change();
  }

  protected override load(): void {
    try {
      const stored = JSON.parse(this.#storage.getItem(LOCAL_STORAGE_KEY) ?? '[]') as QueuedWrite[];
      this.writes = new Map(Array.isArray(stored) ? stored.map((write) => [write.id, write]) : []);
    } catch {
      this.writes = new Map();
    }
  }

  protected override save(): void {
    if (this.writes.size === 0) this.#storage.removeItem(LOCAL_STORAGE_KEY);
    else this.#storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify([...this.writes.values()]));
  }
}

/** Each change is one IndexedDB transaction, so a compare-and-replace is atomic across tabs. */
export class IndexedDbOutboxStorage implements OutboxStorage {
  readonly kind = 'indexeddb' as const;
  readonly #store: UseStore;

  constructor(store: UseStore = createStore(DATABASE, STORE)) {
    this.#store = store;
  }

  list(): Promise<QueuedWrite[]> {
    return this.#store('readonly', (store) => promisifyRequest(store.getAll() as IDBRequest<QueuedWrite[]>));
  }

  put(write: QueuedWrite): Promise<void> {
    return this.#store('readwrite', async (store) => {
      const stored = await promisifyRequest(store.get(write.id) as IDBRequest<QueuedWrite | undefined>);
      if (replaces(write, stored)) store.put(write, write.id);
      return promisifyRequest(store.transaction);
    });
  }

  remove(id: string, revision: string): Promise<void> {
    return this.#store('readwrite', async (store) => {
      const stored = await promisifyRequest(store.get(id) as IDBRequest<QueuedWrite | undefined>);
      if (stored?.revision === revision) store.delete(id);
      return promisifyRequest(store.transaction);
    });
  }

  removeOwner(owner: string): Promise<void> {
    return this.#store('readwrite', async (store) => {
      const writes = await promisifyRequest(store.getAll() as IDBRequest<QueuedWrite[]>);
      for (const write of writes) if (write.owner === owner) store.delete(write.id);
      return promisifyRequest(store.transaction);
    });
  }
}

/**
 * The most durable storage this environment allows. IndexedDB and localStorage can exist and still
 * refuse to store (private windows, blocked cookies, a full disk), so each is tried once first.
 */
export async function openOutboxStorage(): Promise<OutboxStorage> {
  if (typeof indexedDB !== 'undefined') {
    try {
      const storage = new IndexedDbOutboxStorage();
      await storage.list();
      return storage;
    } catch {
      // Fall through to localStorage.
    }
  }
  try {
    const local = globalThis.localStorage;
    if (local) {
      local.setItem(`${LOCAL_STORAGE_KEY}:probe`, '1');
      local.removeItem(`${LOCAL_STORAGE_KEY}:probe`);
      return new LocalOutboxStorage(local);
    }
  } catch {
    // Fall through to memory.
  }
  return new MemoryOutboxStorage();
}
