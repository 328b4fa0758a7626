import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoyaltyChange, LoyaltyClient } from '@loyalty-elements/sdk';

/**
 * Hears the changes of the host's current client while the host is connected: a write made by
 * another widget, a revalidated summary, another customer signing in. Follows the host when its
 * client is replaced.
 */
export class ClientChangesController implements ReactiveController {
  readonly #client: () => LoyaltyClient | undefined;
  readonly #onChange: (change: LoyaltyChange) => void;
  #subscribed: LoyaltyClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    client: () => LoyaltyClient | undefined,
    onChange: (change: LoyaltyChange) => void,
  ) {
    this.#client = client;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow();
  }

  #follow(): void {
    const client = this.#connected ? this.#client() : undefined;
    if (client === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = client;
    this.#unsubscribe = client?.subscribe((change) => this.#onChange(change));
  }
}
