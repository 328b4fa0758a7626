// The outbox's storages in real Chromium: IndexedDB, the localStorage fallback, and how
// `openOutboxStorage` picks between them (and memory) when the browser refuses one.
import {
  IndexedDbOutboxStorage,
  LOCAL_OUTBOX_LOCK,
  LocalOutboxStorage,
  openOutboxStorage,
  randomId,
  type OutboxStorage,
  type QueuedWrite,
} from '../src/index.ts';
import { expect } from './support/testing.ts';

const LOCAL_STORAGE_KEY = 'loyalty-elements:outbox';

/** A queued survey write of `owner`; every test uses owners of its own, so tests never see each other's writes. */
function write(owner: string, overrides: Partial<QueuedWrite> = {}): QueuedWrite {
  const id = overrides.id ?? `survey_response:${randomId()}`;
  const order = overrides.order ?? 1;
  return {
    id,
    revision: randomId(),
    owner,
    kind: 'survey_response',
    method: 'put',
    path: `/v1/me/surveys/responses/${id.split(':')[1] ?? id}`,
    body: { surveyId: 'post-purchase-nps', version: 1, sequence: order, answers: { nps: order } },
    order,
    queuedAt: Date.now(),
    ...overrides,
  };
}

async function writesOf(storage: OutboxStorage, owner: string): Promise<QueuedWrite[]> {
  return (await storage.list()).filter((stored) => stored.owner === owner).sort((a, b) => a.order - b.order);
}

/** Replaces a property of `window` for one test; returns the function that puts the original back. */
function stubWindow(name: 'indexedDB' | 'localStorage', get: () => unknown): () => void {
  const original = Object.getOwnPropertyDescriptor(window, name);
  Object.defineProperty(window, name, { configurable: true, enumerable: true, get });
  return () => {
    if (original) Object.defineProperty(window, name, original);
    else delete (window as unknown as Record<string, unknown>)[name];
  };
}

function refusingIndexedDb(): Pick<IDBFactory, 'open'> {
  return {
    open() {
      throw new DOMException('IndexedDB is disabled in this window', 'InvalidStateError');
    },
  };
}

/** The contract every storage keeps; `second` opens another view of the same storage, as another tab would. */
function behavesAsOutboxStorage(make: () => OutboxStorage, second: () => OutboxStorage): void {
  let owner: string;
  let storage: OutboxStorage;

  beforeEach(() => {
    owner = `test:${randomId()}`;
    storage = make();
  });
  afterEach(async () => {
    await storage.removeOwner(owner);
  });

  it('lists what was put, as it was put', async () => {
    const first = write(owner, {
      body: { surveyId: 'post-purchase-nps', version: 1, sequence: 1, answers: { complaint: '茶叶受潮了 ☔' } },
    });
    const other = write(owner, { kind: 'birthday', id: 'birthday', order: Date.now() });
    await storage.put(first);
    await storage.put(other);

    const stored = await storage.list();
    expect(stored.find((w) => w.id === first.id)).to.deep.equal(first);
    expect(stored.find((w) => w.id === other.id)).to.deep.equal(other);
    expect(await writesOf(storage, owner)).to.have.length(2);
  });

  it('never lets a lower order replace a higher one, and lets an equal or higher one replace it', async () => {
    const id = `survey_response:${randomId()}`;
    const three = write(owner, { id, order: 3 });
    await storage.put(three);
    await storage.put(write(owner, { id, order: 2 }));
    expect(await writesOf(storage, owner)).to.deep.equal([three]);

    const threeAgain = write(owner, { id, order: 3 });
    await storage.put(threeAgain);
    expect((await writesOf(storage, owner)).map((w) => w.revision)).to.deep.equal([threeAgain.revision]);

    const five = write(owner, { id, order: 5 });
    await storage.put(five);
    await storage.put(write(owner, { id, order: 4 }));
    expect(await writesOf(storage, owner)).to.deep.equal([five]);
  });

  it('keeps the highest order when puts of one id race', async () => {
    const id = `survey_response:${randomId()}`;
    const other = second();
    const versions = [4, 1, 6, 2, 5, 3].map((order) => write(owner, { id, order }));
    await Promise.all(versions.map((version, index) => (index % 2 === 0 ? storage : other).put(version)));
    expect((await writesOf(storage, owner)).map((w) => w.order)).to.deep.equal([6]);
  });

  it('removes a write only while the stored revision is the one delivered', async () => {
    const id = `survey_response:${randomId()}`;
    const delivered = write(owner, { id, order: 1 });
    const newer = write(owner, { id, order: 2 });
    await storage.put(delivered);
    await storage.put(newer);

    await storage.remove(id, delivered.revision);
    expect(await writesOf(storage, owner)).to.deep.equal([newer], 'the newer revision stays queued');

    await storage.remove(id, newer.revision);
    expect(await writesOf(storage, owner)).to.deep.equal([]);
    await storage.remove(id, newer.revision); // removing what is gone is harmless
  });

  it('removes every write of one owner and no one else’s', async () => {
    const someoneElse = `test:${randomId()}`;
    try {
      await storage.put(write(owner));
      await storage.put(write(owner, { kind: 'birthday', id: 'birthday' }));
      const theirs = write(someoneElse);
      await storage.put(theirs);

      await storage.removeOwner(owner);
      expect(await writesOf(storage, owner)).to.deep.equal([]);
      expect(await writesOf(storage, someoneElse)).to.deep.equal([theirs]);
    } finally {
      await storage.removeOwner(someoneElse);
    }
  });

  it('shares its writes between two instances, as between two tabs', async () => {
    const other = second();
    const mine = write(owner, { order: 1 });
    await storage.put(mine);
    expect(await writesOf(other, owner)).to.deep.equal([mine], 'the second instance sees the first one’s write');

    const newer = write(owner, { id: mine.id, order: 2 });
    await other.put(newer);
    expect(await writesOf(storage, owner)).to.deep.equal([newer], 'and the first sees the second’s');

    await storage.remove(mine.id, mine.revision);
    expect(await writesOf(other, owner)).to.deep.equal([newer], 'a stale remove from one tab spares the other’s');
    await other.remove(newer.id, newer.revision);
    expect(await writesOf(storage, owner)).to.deep.equal([]);
  });
}

describe('IndexedDbOutboxStorage', () => {
  behavesAsOutboxStorage(
    () => new IndexedDbOutboxStorage(),
    () => new IndexedDbOutboxStorage(),
  );

  it('is what openOutboxStorage picks in Chromium', async () => {
    const storage = await openOutboxStorage();
    expect(storage.kind).to.equal('indexeddb');
    expect(storage).to.be.instanceOf(IndexedDbOutboxStorage);
  });
});

describe('LocalOutboxStorage', () => {
  beforeEach(() => localStorage.removeItem(LOCAL_STORAGE_KEY));
  afterEach(() => localStorage.removeItem(LOCAL_STORAGE_KEY));

  behavesAsOutboxStorage(
    () => new LocalOutboxStorage(localStorage),
    () => new LocalOutboxStorage(localStorage),
  );

  it('keeps its writes in localStorage, and leaves no key behind when empty', async () => {
    const storage = new LocalOutboxStorage(localStorage);
    const queued = write(`test:${randomId()}`);
    await storage.put(queued);
    expect(JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? '[]')).to.deep.equal([queued]);
    await storage.remove(queued.id, queued.revision);
    expect(localStorage.getItem(LOCAL_STORAGE_KEY)).to.equal(null);
  });

  it('keeps another tab’s write that was being saved at the same moment', async () => {
    const storage = new LocalOutboxStorage(localStorage);
    const owner = `test:${randomId()}`;
    const theirs = write(owner);
    const ours = write(owner);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let theyHaveRead!: () => void;
    const read = new Promise<void>((resolve) => (theyHaveRead = resolve));
    // The other tab reads the stored list, then saves it with its write a moment later, as a tab does.
    const otherTab = navigator.locks.request(LOCAL_OUTBOX_LOCK, async () => {
      const stored = JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? '[]') as QueuedWrite[];
      theyHaveRead();
      await released;
      localStorage.setItem(LOCAL_STORAGE_KEY, JSON.stringify([...stored, theirs]));
    });
    try {
      await read;
      const saving = storage.put(ours);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([otherTab, saving]);
    } finally {
      release();
    }
    expect((await writesOf(storage, owner)).map((stored) => stored.id)).to.have.members([theirs.id, ours.id]);
  });

  it('reads unreadable contents as empty instead of failing', async () => {
    localStorage.setItem(LOCAL_STORAGE_KEY, '{not json');
    const storage = new LocalOutboxStorage(localStorage);
    expect(await storage.list()).to.deep.equal([]);
    const queued = write(`test:${randomId()}`);
    await storage.put(queued);
    expect(await storage.list()).to.deep.equal([queued]);
  });
});

describe('openOutboxStorage', () => {
  const restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
    localStorage.removeItem(LOCAL_STORAGE_KEY);
  });

  it('falls back to localStorage when indexedDB.open throws', async () => {
    restore.push(stubWindow('indexedDB', refusingIndexedDb));
    const storage = await openOutboxStorage();
    expect(storage.kind).to.equal('localstorage');

    const queued = write(`test:${randomId()}`);
    await storage.put(queued);
    expect(JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? '[]')).to.deep.equal([queued]);
    expect(localStorage.getItem(`${LOCAL_STORAGE_KEY}:probe`)).to.equal(null, 'the probe is cleaned up');
  });

  it('falls back to localStorage when the IndexedDB database cannot be opened', async () => {
    // Like Firefox's private windows: `open` returns a request that fails.
    restore.push(
      stubWindow('indexedDB', () => ({
        open() {
          const request = { error: new DOMException('denied', 'InvalidStateError') } as unknown as IDBOpenDBRequest;
          setTimeout(() => request.onerror?.call(request, new Event('error')));
          return request;
        },
      })),
    );
    expect((await openOutboxStorage()).kind).to.equal('localstorage');
  });

  it('falls back to memory when IndexedDB and localStorage both throw', async () => {
    restore.push(stubWindow('indexedDB', refusingIndexedDb));
    restore.push(
      stubWindow('localStorage', () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      }),
    );
    const storage = await openOutboxStorage();
    expect(storage.kind).to.equal('memory');

    const owner = `test:${randomId()}`;
    const queued = write(owner);
    await storage.put(queued);
    expect(await writesOf(storage, owner)).to.deep.equal([queued]);
  });

  it('falls back to memory when localStorage exists but refuses to store', async () => {
    restore.push(stubWindow('indexedDB', refusingIndexedDb));
    const full = {
      getItem: () => null,
      removeItem: () => undefined,
      setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    restore.push(stubWindow('localStorage', () => full));
    expect((await openOutboxStorage()).kind).to.equal('memory');
  });

  it('leaves the real IndexedDB and localStorage in place after the stubs', async () => {
    expect((await openOutboxStorage()).kind).to.equal('indexeddb');
    expect(window.localStorage).to.be.instanceOf(Storage);
  });
});
