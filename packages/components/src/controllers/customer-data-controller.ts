import type { ReactiveController, TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { isLoyaltyError, type LoyaltyClient, type LoyaltyError, type Summary } from '@loyalty-elements/sdk';
import type { LoyaltyElement } from '../base/loyalty-element.ts';
import { ClientChangesController } from '../client/client-changes-controller.ts';
import { LoyaltyClientController } from '../client/client-controller.ts';

/** What a widget shows: a skeleton, the data, a sign-in invitation, or an error with a retry. */
export type CustomerDataState = 'loading' | 'ready' | 'guest' | 'error';

export interface CustomerDataOptions<T> {
  /** The host's own client property. */
  client: () => LoyaltyClient | null | undefined;
  /** Reads what the widget shows; `signal` aborts when a newer load supersedes this one. */
  load: (client: LoyaltyClient, signal: AbortSignal) => Promise<T>;
  /** The summary inside the loaded data, the `detail` of `loyalty-ready`. */
  summaryOf: (value: T) => Summary;
}

export interface CustomerDataRenderers<T> {
  loading: () => TemplateResult;
  ready: (value: T) => TemplateResult;
  guest: () => TemplateResult;
  error: (error: unknown) => TemplateResult;
}

/**
 * The data a widget shows about the signed-in customer, and its state. Finds the client, loads,
 * reloads when the client or the customer changes, and when another widget's write changes the
 * summary (keeping the current data on screen meanwhile, so nothing flashes). Fires
 * `loyalty-ready` once per new data and `loyalty-error` once per failure (never for a guest).
 */
export class CustomerDataController<T> implements ReactiveController {
  readonly #host: LoyaltyElement;
  readonly #options: CustomerDataOptions<T>;
  readonly #clients: LoyaltyClientController;
  readonly #task: Task<readonly [LoyaltyClient | undefined], T>;
  /** A change another widget caused keeps the data on screen while it is read again. */
  #keepShowing = false;
  #announced: T | undefined;
  #reported: unknown;

  constructor(host: LoyaltyElement, options: CustomerDataOptions<T>) {
    this.#host = host;
    this.#options = options;
    this.#clients = new LoyaltyClientController(host, options.client);
    this.#task = new Task(host, {
      args: () => [this.#clients.client] as const,
      task: async ([client]: readonly [LoyaltyClient | undefined], { signal }) => {
        if (!client) return initialState;
        return options.load(client, signal);
      },
    });
    new ClientChangesController(
      host,
      () => this.#clients.client,
      (change) => {
        if (change.type !== 'summary' && change.type !== 'identity') return;
        this.#keepShowing = change.type === 'summary' && this.#task.status === TaskStatus.COMPLETE;
        void this.#task.run().finally(() => (this.#keepShowing = false));
      },
    );
    host.addController(this);
  }

  /** The client in use, if the page has one. */
  get client(): LoyaltyClient | undefined {
    return this.#clients.client;
  }

  get state(): CustomerDataState {
    if (this.#host.serverRendering) return 'loading';
    if (!this.#clients.client) return 'error';
    switch (this.#task.status) {
      case TaskStatus.COMPLETE:
        return 'ready';
      case TaskStatus.ERROR:
        return isSignedOut(this.#task.error) ? 'guest' : 'error';
      default:
        return this.#keepShowing && this.#task.value !== undefined ? 'ready' : 'loading';
    }
  }

  /** The data on show, if any. */
  get value(): T | undefined {
    return this.state === 'ready' ? this.#task.value : undefined;
  }

  /** The failure on show, if any. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** Loads again (what a retry button does). Resolves when it has settled. */
  async refresh(): Promise<void> {
    if (!this.#clients.client) {
      this.#host.requestUpdate();
      return;
    }
    await this.#task.run().catch(() => undefined);
  }

  render(renderers: CustomerDataRenderers<T>): TemplateResult {
    switch (this.state) {
      case 'ready':
        return renderers.ready(this.#task.value!);
      case 'guest':
        return renderers.guest();
      case 'error':
        return renderers.error(this.#clients.client ? this.#task.error : undefined);
      default:
        return renderers.loading();
    }
  }

  hostUpdated(): void {
    const { status } = this.#task;
    if (status === TaskStatus.COMPLETE && this.#task.value !== undefined && this.#task.value !== this.#announced) {
      this.#announced = this.#task.value;
      this.#host.dispatchEvent(
        new CustomEvent('loyalty-ready', {
          bubbles: true,
          composed: true,
          detail: this.#options.summaryOf(this.#task.value),
        }),
      );
    } else if (status === TaskStatus.ERROR && this.#task.error !== this.#reported) {
      const error = this.#task.error;
      this.#reported = error;
      if (isLoyaltyError(error) && !isSignedOut(error)) {
        this.#host.dispatchEvent(new CustomEvent('loyalty-error', { bubbles: true, composed: true, detail: error }));
      } else if (!isLoyaltyError(error)) console.error(error);
    }
  }
}

/**
 * True when no member is signed in: a guest, or a shopper signed in to the site whom the program does not have yet.
 * Both are invited to join rather than shown an error.
 */
export function isSignedOut(error: unknown): error is LoyaltyError {
  return isLoyaltyError(error) && (error.code === 'signed_out' || error.code === 'not_member');
}
