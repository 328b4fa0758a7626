import { randomId } from './ids.ts';

/**
 * The idempotency keys of a customer's writes that spend or pay (the birthday claim, a redemption per reward) while
 * their outcome is not known: the next try sends the same key, so the API replays it instead of paying twice.
 */
export class RetryKeys {
  #claim: string | undefined;
  readonly #redeem = new Map<string, string>();

  /** The birthday claim's key: one per customer and page. */
  claim(): string {
    return (this.#claim ??= randomId());
  }

  /** The key for redeeming `rewardId`: the one of a redemption whose outcome is unknown, else a new one. */
  redeem(rewardId: string): string {
    let key = this.#redeem.get(rewardId);
    if (!key) {
      key = randomId();
      this.#redeem.set(rewardId, key);
    }
    return key;
  }

  /** The redemption sent under `key` settled (answered, or refused for good): the next one is a new redemption. */
  settle(rewardId: string, key: string): void {
    if (this.#redeem.get(rewardId) === key) this.#redeem.delete(rewardId);
  }

  /** Forgets every key, keeping them in the copy it returns (another customer may sign in next). */
  takeAll(): RetryKeys {
    const taken = new RetryKeys();
    taken.#claim = this.#claim;
    for (const [rewardId, key] of this.#redeem) taken.#redeem.set(rewardId, key);
    this.#claim = undefined;
    this.#redeem.clear();
    return taken;
  }

  /** Takes back `earlier`'s keys where none was made since: the same customer signed in again. */
  restore(earlier: RetryKeys): void {
    this.#claim ??= earlier.#claim;
    for (const [rewardId, key] of earlier.#redeem) if (!this.#redeem.has(rewardId)) this.#redeem.set(rewardId, key);
  }
}
