// Helpers that talk to the real reference API started by scripts/web-test-runner.mjs.
import type { SurveyResults } from '@loyalty-elements/contract';
import { createLoyaltyClient, type LoyaltyClient, type LoyaltyClientOptions } from '../../src/index.ts';
import { executeServerCommand } from './testing.ts';

/** The demo program's publishable key (packages/server/src/config.ts). */
export const PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';

let env: Promise<{ apiBase: string }> | undefined;

/** The base URL of the API this test run started. */
export async function apiBase(): Promise<string> {
  env ??= fetch('/__loyalty-test-env.json').then(async (response) => {
    if (!response.ok) throw new Error(`/__loyalty-test-env.json answered ${response.status}`);
    return (await response.json()) as { apiBase: string };
  });
  return (await env).apiBase.replace(/\/+$/, '');
}

/**
 * A shopper of the demo program no other test has used, with a token the test server signs:
 * no survey cooldown, no recontact period, no queued writes of anyone else's.
 */
export async function newShopper(): Promise<{ customerId: string; token: string }> {
  const customerId = await executeServerCommand<string, { name: string }>('loyalty-create-customer', {
    name: 'Outbox test shopper',
  });
  if (typeof customerId !== 'string') throw new Error('The loyalty-create-customer command answered nothing');
  const token = await executeServerCommand<string, { customerId: string }>('loyalty-customer-token', { customerId });
  if (typeof token !== 'string') throw new Error('The loyalty-customer-token command answered nothing');
  return { customerId, token };
}

/** The admin API's results of a survey (the secret key stays with the test server). */
export async function surveyResults(surveyId: string): Promise<SurveyResults> {
  const results = await executeServerCommand<SurveyResults, { surveyId: string }>('loyalty-survey-results', {
    surveyId,
  });
  if (!results) throw new Error('The loyalty-survey-results command answered nothing');
  return results;
}

/** One request the page sent, as the network saw it. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  /** `performance.now()` when it was sent. */
  at: number;
}

/**
 * A `fetch` for a client that can be taken "offline" (every request throws a `TypeError`, as
 * `fetch` does when the network is down) and "held" (requests wait for `release()`), and that
 * records what reached the API.
 */
export class Network {
  online = true;
  /** Requests that reached the API (or are on their way, when held). */
  readonly sent: SentRequest[] = [];
  /** Requests refused while offline. */
  refused = 0;
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!this.online) {
      this.refused += 1;
      throw new TypeError('Failed to fetch');
    }
    const at = performance.now();
    const body: unknown =
      request.method === 'GET'
        ? undefined
        : await request
            .clone()
            .json()
            .catch(() => undefined);
    this.sent.push({ method: request.method, path: new URL(request.url).pathname, body, at });
    await this.#held;
    return fetch(request);
  };

  /** Requests sent with `method` to a path starting with `prefix`. */
  sentTo(method: string, prefix: string): SentRequest[] {
    return this.sent.filter((request) => request.method === method && request.path.startsWith(prefix));
  }

  /** From now on, requests wait until `release()`. */
  hold(): void {
    this.#held ??= new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#release?.();
    this.#held = undefined;
    this.#release = undefined;
  }
}

/** Every client the tests made; `closeClients` stops them listening to the page between tests. */
const clients: LoyaltyClient[] = [];

/** A client for the test API; no retries, so an offline write is queued at once. */
export async function apiClient(options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  const client = createLoyaltyClient({
    apiBase: await apiBase(),
    publishableKey: PUBLISHABLE_KEY,
    retry: { limit: 0 },
    ...options,
  });
  clients.push(client);
  return client;
}

export function closeClients(): void {
  for (const client of clients.splice(0)) client.close();
}
