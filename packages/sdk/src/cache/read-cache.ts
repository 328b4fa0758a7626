import { LoyaltyError } from '../errors.ts';
import type { Answer } from '../transport/transport.ts';

interface Entry {
  data: unknown;
  etag: string | undefined;
  storedAt: number;
}

export interface ReadOptions {
  /** How long a stored answer is served without asking the API. */
  maxAgeMs: number;
  /** Ask the API even when the stored answer is fresh (it may still answer 304). */
  revalidate?: boolean | undefined;
}

/**
 * Reads shared by a page: identical concurrent reads become one request, answers are kept for a
 * short while, and an older answer is revalidated with its ETag so an unchanged one costs a 304.
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #now: () => number;
  /** Bumped by `clear`: answers to requests sent before it are not kept. */
  #epoch = 0;
  /** Bumped per key by `invalidate`: an answer to a request sent before it is not kept. */
  readonly #invalidations = new Map<string, number>();
  /** Called when a key that had an answer gets a different one. */
  readonly #onChange: (key: string, data: unknown) => void;

  constructor(now: () => number, onChange: (key: string, data: unknown) => void) {
    this.#now = now;
    this.#onChange = onChange;
  }

  read<T>(key: string, fetch: (etag: string | undefined) => Promise<Answer<T>>, options: ReadOptions): Promise<T> {
    const pending = this.#inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const entry = this.#entries.get(key);
    if (entry && !options.revalidate && this.#now() - entry.storedAt < options.maxAgeMs) {
      return Promise.resolve(entry.data as T);
    }
    const epoch = this.#epoch;
    const invalidation = this.#invalidations.get(key) ?? 0;
    const request = (async () => {
      let answer = await fetch(entry?.etag);
      const current = this.#entries.get(key);
      if (answer.kind === 'not_modified') {
        if (current && current.etag === entry?.etag) {
          current.storedAt = this.#now();
          return current.data as T;
        }
        // The copy the API vouched for is gone (cleared meanwhile): ask for the whole answer.
        answer = await fetch(undefined);
        if (answer.kind === 'not_modified') {
          throw new LoyaltyError('invalid_response', `${key}: the API answered 304 to an unconditional read`, {
            status: 304,
          });
        }
      }
      if (epoch === this.#epoch && invalidation === (this.#invalidations.get(key) ?? 0)) {
        this.#entries.set(key, { data: answer.data, etag: answer.etag, storedAt: this.#now() });
        const changed = current !== undefined && (answer.etag === undefined || answer.etag !== current.etag);
        if (changed) this.#onChange(key, answer.data);
      }
      return answer.data;
    })().finally(() => {
      if (this.#inFlight.get(key) === request) this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, request);
    return request;
  }

  /** True when `key` has an answer stored. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /**
   * Forgets the answer to `key` and any read of it in flight (a write changed it): the next read asks
   * the API for the whole answer, and what a read sent before now brings back is not kept.
   */
  invalidate(key: string): void {
    this.supersede(key);
    this.#entries.delete(key);
  }

  /**
   * A write changed `key`: a read of it in flight, sent before, is neither joined by the next read nor kept. The
   * stored answer stays, so the next read can still revalidate it with its ETag.
   */
  supersede(key: string): void {
    this.#invalidations.set(key, (this.#invalidations.get(key) ?? 0) + 1);
    this.#inFlight.delete(key);
  }

  /** Forgets every answer and every read in flight (another customer signed in). */
  clear(): void {
    this.#epoch += 1;
    this.#entries.clear();
    this.#inFlight.clear();
  }
}
