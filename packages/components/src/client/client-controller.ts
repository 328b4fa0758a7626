import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import { loyaltyClientContext } from './context.ts';
import { getSharedClient, onSharedClientChange } from './shared-client.ts';

/** Where a resolved client came from. */
export type ClientSource = 'property' | 'context' | 'shared';

/**
 * Finds the client an element talks to, in order: the element's own `client` property, a client
 * provided through `loyaltyClientContext` by an ancestor, the page's shared client. It keeps
 * watching the context and the shared client and asks the host to update when either changes.
 */
export class LoyaltyClientController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #own: () => LoyaltyClient | null | undefined;
  #fromContext: LoyaltyClient | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, own: () => LoyaltyClient | null | undefined) {
    this.#host = host;
    this.#own = own;
    host.addController(this);
    new ContextConsumer(host, {
      context: loyaltyClientContext,
      subscribe: true,
      callback: (client) => {
        this.#fromContext = client ?? undefined;
        host.requestUpdate();
      },
    });
  }

  /** The client to use now, or `undefined` when none is available anywhere. */
  get client(): LoyaltyClient | undefined {
    return this.#own() ?? this.#fromContext ?? getSharedClient();
  }

  get source(): ClientSource | undefined {
    if (this.#own()) return 'property';
    if (this.#fromContext) return 'context';
    return getSharedClient() ? 'shared' : undefined;
  }

  hostConnected(): void {
    this.#unsubscribe ??= onSharedClientChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
