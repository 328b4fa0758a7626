import type { Summary } from '@loyalty-elements/contract';
import type { LoyaltyError } from './errors.ts';
import type { QueuedWrite } from './outbox/queued-write.ts';

/**
 * What `subscribe` listeners hear:
 * - `summary`: the customer's summary changed (a write, another widget's read, a revalidation);
 * - `identity`: another customer signed in, or the shopper signed out: reload everything;
 * - `outbox`: how many writes wait to be sent (0 when all are delivered);
 * - `write_failed`: the API refused a queued write for good; it was dropped.
 */
export type LoyaltyChange =
  | { type: 'summary'; summary: Summary }
  | { type: 'identity' }
  | { type: 'outbox'; pending: number }
  | { type: 'write_failed'; write: QueuedWrite; error: LoyaltyError };

export type LoyaltyChangeListener = (change: LoyaltyChange) => void;

/** The listeners of one client. A listener that throws is reported and does not stop the others. */
export class Changes {
  readonly #listeners = new Set<LoyaltyChangeListener>();

  get size(): number {
    return this.#listeners.size;
  }

  subscribe(listener: LoyaltyChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(change: LoyaltyChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error(error);
      }
    }
  }
}
