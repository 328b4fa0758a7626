import { RequestAbandonedError, requestSignal } from './store/request-signal.ts';

/** Requests of one customer this process works on at once, unless `LOYALTY_CUSTOMER_CONCURRENCY` says otherwise. */
export const DEFAULT_CUSTOMER_CONCURRENCY = 2;

interface Customer {
  running: number;
  /** Requests waiting for a turn, first come first served: each is given the turn of a request that ends. */
  waiting: Array<() => void>;
}

/**
 * Turns between customers: at most `perCustomer` requests of one customer are in progress in this process at once.
 * A customer's further requests wait in the order they came, holding no connection and running no statement, so
 * one customer sending many requests at once takes no more of the event loop and the database pools than
 * `perCustomer` requests would, and everybody else's requests go ahead of that queue. A waiting request whose
 * client goes away leaves the queue.
 */
export class CustomerTurns {
  readonly #customers = new Map<string, Customer>();

  constructor(readonly perCustomer: number = DEFAULT_CUSTOMER_CONCURRENCY) {
    if (!Number.isInteger(perCustomer) || perCustomer < 1) {
      throw new RangeError(`perCustomer must be a whole number of at least 1, got ${perCustomer}`);
    }
  }

  /** Runs `work` in one of the customer's turns, waiting for one first when they are all taken. */
  async run<T>(programId: string, customerId: string, work: () => Promise<T>): Promise<T> {
    const key = `${programId}\u0000${customerId}`;
    await this.#take(key);
    try {
      return await work();
    } finally {
      this.#release(key);
    }
  }

  /** Requests of every customer in progress or waiting (what the tests read). */
  get size(): { running: number; waiting: number } {
    let running = 0;
    let waiting = 0;
    for (const customer of this.#customers.values()) {
      running += customer.running;
      waiting += customer.waiting.length;
    }
    return { running, waiting };
  }

  #take(key: string): Promise<void> | undefined {
    const customer = this.#customers.get(key);
    if (customer === undefined) {
      this.#customers.set(key, { running: 1, waiting: [] });
      return undefined;
    }
    if (customer.running < this.perCustomer) {
      customer.running++;
      return undefined;
    }
    const signal = requestSignal();
    if (signal?.aborted) return Promise.reject(new RequestAbandonedError());
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = customer.waiting.indexOf(given);
        if (index === -1) return;
        customer.waiting.splice(index, 1);
        reject(new RequestAbandonedError());
      };
      const given = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      customer.waiting.push(given);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(key: string): void {
    const customer = this.#customers.get(key)!;
    const next = customer.waiting.shift();
    // The turn passes to the next waiting request as it is: `running` counts it already.
    if (next !== undefined) next();
    else if (--customer.running === 0) this.#customers.delete(key);
  }
}
