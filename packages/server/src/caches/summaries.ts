import type { Summary } from '@loyalty-elements/contract';
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
  summary: Summary;
}

/**
 * Customers' summaries kept in this process. One is served while the customer's version and the program's
 * settings version are the ones it was built at (every write that touches the customer bumps the version in its
 * own transaction, on any instance) and until its `validUntil`.
 */
export class SummaryCache {
  readonly #summaries = new LruMap<string, CachedSummary>(SUMMARIES_CAPACITY);

  get(programId: string, customerId: string, version: number, settingsVersion: number, now: Date): Summary | undefined {
    const cached = this.#summaries.get(cacheKey(programId, customerId));
    if (cached === undefined) return undefined;
    const current =
      cached.version === version &&
      cached.settingsVersion === settingsVersion &&
      now.getTime() >= cached.builtAt &&
      now.getTime() < cached.validUntil;
    return current ? cached.summary : undefined;
  }

  set(programId: string, customerId: string, entry: CachedSummary): void {
    this.#summaries.set(cacheKey(programId, customerId), entry);
  }
}

function cacheKey(programId: string, customerId: string): string {
  return `${programId}\u0000${customerId}`;
}
