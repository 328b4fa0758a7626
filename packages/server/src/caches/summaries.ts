import { customerCacheKey } from './customers.ts';
import { LruMap } from './lru.ts';

const SUMMARIES_CAPACITY = 10_000;

interface CachedSummary {
  /** The customer's version the summary was built at. */
  version: number;
  settingsVersion: number;
  /** Milliseconds since the epoch, on the app clock: when it was built (a clock set back does not reuse it). */
  builtAt: number;
  /** Milliseconds since the epoch, on the app clock: the first moment time alone may change the summary. */
  validUntil: number;
  /** The summary as the response sends it: its JSON and that JSON's entity tag. */
  answer: JsonAnswer;
}

export interface JsonAnswer {
  body: string;
  etag: string;
}

/**
 * Customers' summaries kept in this process. One is served while the customer's version and the program's
 * settings version are the ones it was built at (every write that touches the customer bumps the version in its
 * own transaction, on any instance) and until its `validUntil`.
 */
export class SummaryCache {
  readonly #summaries = new LruMap<string, CachedSummary>(SUMMARIES_CAPACITY);

  get(
    programId: string,
    customerId: string,
    version: number,
    settingsVersion: number,
    now: Date,
  ): JsonAnswer | undefined {
    const cached = this.#summaries.get(customerCacheKey(programId, customerId));
    if (cached === undefined) return undefined;
    const current =
      cached.version === version &&
      cached.settingsVersion === settingsVersion &&
      now.getTime() >= cached.builtAt &&
      now.getTime() < cached.validUntil;
    return current ? cached.answer : undefined;
  }

  set(programId: string, customerId: string, entry: CachedSummary): void {
    this.#summaries.set(customerCacheKey(programId, customerId), entry);
  }
}
