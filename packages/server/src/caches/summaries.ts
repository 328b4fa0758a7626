import { customerCacheKey } from './customers.ts';
import { LruMap } from './lru.ts';

const SUMMARIES_CAPACITY = 10_000;

export interface CachedSummary {
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
  /** Builds under way, by customer and both counters: requests that arrive meanwhile wait for it. */
  readonly #building = new Map<string, Promise<CachedSummary>>();

  /**
   * The summary at these counters and `now`: from memory, from the build another request has under way for the
   * same counters (one build for a burst of requests after a write), or from `build`. A shared build that failed (its
   * request's client went away) or is no longer valid at `now` is not used: this request builds its own.
   */
  async getOrBuild(
    programId: string,
    customerId: string,
    counters: { version: number; settingsVersion: number },
    now: Date,
    build: () => Promise<CachedSummary>,
  ): Promise<JsonAnswer> {
    const { version, settingsVersion } = counters;
    const kept = this.#get(programId, customerId, version, settingsVersion, now);
    if (kept !== undefined) return kept;
    const key = `${customerCacheKey(programId, customerId)}\u0000${version}\u0000${settingsVersion}`;
    const shared = await this.#building.get(key)?.catch(() => undefined);
    if (shared !== undefined && servable(shared, now)) return shared.answer;
    const building = build();
    this.#building.set(key, building);
    try {
      const built = await building;
      this.#set(programId, customerId, built);
      return built.answer;
    } finally {
      if (this.#building.get(key) === building) this.#building.delete(key);
    }
  }

  #get(
    programId: string,
    customerId: string,
    version: number,
    settingsVersion: number,
    now: Date,
  ): JsonAnswer | undefined {
    const cached = this.#summaries.get(customerCacheKey(programId, customerId));
    if (cached === undefined) return undefined;
    const current = cached.version === version && cached.settingsVersion === settingsVersion && servable(cached, now);
    return current ? cached.answer : undefined;
  }

  #set(programId: string, customerId: string, entry: CachedSummary): void {
    this.#summaries.set(customerCacheKey(programId, customerId), entry);
  }
}

/** Built no later than `now` (a clock set back does not reuse it), and time alone has not changed it since. */
function servable(cached: CachedSummary, now: Date): boolean {
  return now.getTime() >= cached.builtAt && now.getTime() < cached.validUntil;
}
