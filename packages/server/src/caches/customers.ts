import { findVersionedCustomer, type VersionedCustomer } from '../domain/customers.ts';
import type { Queryable } from '../store/database.ts';
import { LruMap } from './lru.ts';

const CUSTOMERS_CAPACITY = 10_000;

/** How a `/v1/me/*` request reads its customer, their version and their program's settings version. */
export interface CustomerReader {
  read(db: Queryable, programId: string, customerId: string): Promise<VersionedCustomer | undefined>;
  /** Forgets what is kept of one customer, or of every customer of a program. */
  forget(programId: string, customerId?: string): void;
  clear(): void;
}

/** Reads the database every time: for stores where another process may write (PostgreSQL). */
export const customersFromDatabase: CustomerReader = {
  read: findVersionedCustomer,
  forget: () => undefined,
  clear: () => undefined,
};

/**
 * Customers' rows kept in this process, for a store where every write passes through it (PGlite): an entry is
 * forgotten when the store says the customer's row changed (any write that touches the customer bumps its version)
 * or the program's settings changed. A read that was under way when any change arrived is not kept: it may predate
 * the change.
 */
export class CustomersInMemory implements CustomerReader {
  readonly #entries = new LruMap<string, VersionedCustomer>(CUSTOMERS_CAPACITY);
  #changes = 0;

  async read(db: Queryable, programId: string, customerId: string): Promise<VersionedCustomer | undefined> {
    const key = customerCacheKey(programId, customerId);
    const kept = this.#entries.get(key);
    if (kept !== undefined) return kept;
    const changesBefore = this.#changes;
    const found = await findVersionedCustomer(db, programId, customerId);
    if (found !== undefined && changesBefore === this.#changes) this.#entries.set(key, found);
    return found;
  }

  forget(programId: string, customerId?: string): void {
    this.#changes++;
    if (customerId !== undefined) this.#entries.delete(customerCacheKey(programId, customerId));
    else this.#entries.deleteWhere((_entry, key) => key.startsWith(customerCacheKey(programId, '')));
  }

  clear(): void {
    this.#changes++;
    this.#entries.clear();
  }
}

/** The key of what is kept of one customer of one program. */
export function customerCacheKey(programId: string, customerId: string): string {
  return `${programId}\u0000${customerId}`;
}
