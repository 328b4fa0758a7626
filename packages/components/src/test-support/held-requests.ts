import { waitUntil } from '@open-wc/testing';
import type { LoyaltyClient } from '@loyalty-elements/sdk';

/**
 * A `fetch` that holds the requests `holds` picks until `release()`, like a slow network, and passes every other
 * request to the real one. `held` counts the requests held; `answered` resolves once the API answered one of them.
 */
export class HeldRequests {
  held = 0;
  #release!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#release = resolve));
  #answer!: () => void;
  readonly answered = new Promise<void>((resolve) => (this.#answer = resolve));

  readonly #holds: (request: Request) => boolean;

  constructor(holds: (request: Request) => boolean) {
    this.#holds = holds;
  }

  release(): void {
    this.#release();
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!this.#holds(request)) return fetch(request);
    this.held += 1;
    await this.#gate;
    try {
      return await fetch(request);
    } finally {
      this.#answer();
    }
  };
}

/**
 * Signs the shopper out while `held` holds their request, then lets the API answer it and gives the element time to
 * show the answer, were it to.
 */
export async function signOutWhileHeld(
  held: HeldRequests,
  client: LoyaltyClient,
  el: HTMLElement & { state: string; updateComplete: Promise<unknown> },
): Promise<void> {
  await client.identify(null);
  await waitUntil(() => el.state === 'guest', 'the guest state');
  held.release();
  await held.answered;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await el.updateComplete;
}
