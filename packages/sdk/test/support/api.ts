// Shared by the SDK's test files: a mock API (msw), clients that clean up after themselves, customer
// tokens and small waiting helpers. Not a test file itself (its name does not end in `.test.ts`).
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CUSTOMER_TOKEN_QUERY } from '@loyalty-elements/contract/plain';
import {
  createLoyaltyClient,
  isLoyaltyError,
  MemoryOutboxStorage,
  type LoyaltyChange,
  type LoyaltyClient,
  type LoyaltyClientOptions,
  type LoyaltyError,
} from '../../src/index.ts';

export const apiBase = 'https://loyalty.test';
export const publishableKey = 'pk_test_tea_house';
export const url = (path: string): string => `${apiBase}${path}`;

export const api = setupServer();

const clients: LoyaltyClient[] = [];
const cleanups: Array<() => void> = [];

/** Starts the mock API for the calling test file; a request without a handler is reported and fails as a network error. */
export function useApi(): void {
  before(() => api.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    for (const cleanup of cleanups.splice(0)) cleanup();
    api.resetHandlers();
  });
  after(() => api.close());
}

/**
 * A client of the mock API with tiny retry delays and its own in-memory outbox (pass `outboxStorage`
 * to share one between clients: the next page load). Closed after the test.
 */
export function makeClient(options: Partial<LoyaltyClientOptions> = {}): LoyaltyClient {
  const client = createLoyaltyClient({
    apiBase,
    publishableKey,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    outboxStorage: new MemoryOutboxStorage(),
    ...options,
  });
  clients.push(client);
  return client;
}

/** One request as the mock API saw it. */
export interface Seen {
  method: string;
  url: URL;
  /** Its headers, with a customer token its URL carries (a GET's) as the `Authorization: Bearer` a write sends. */
  headers: Headers;
  /** Its headers as sent. */
  sentHeaders: Headers;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export type Responder = (request: Seen, attempt: number) => Response | Promise<Response>;

/**
 * Answers `method path` with `respond` (given the request and which attempt it is, from 1) and
 * returns the log of requests it saw, in order. Later `serve` calls for the same route take precedence.
 */
export function serve(method: 'get' | 'put' | 'post', path: string, respond: Responder): Seen[] {
  const seen: Seen[] = [];
  api.use(
    http[method](url(path), async ({ request }) => {
      const text = await request.text();
      const entry: Seen = {
        method: request.method,
        url: new URL(request.url),
        headers: withUrlToken(request),
        sentHeaders: request.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      seen.push(entry);
      return respond(entry, seen.length);
    }),
  );
  return seen;
}

/** Every request that reaches the mock API, handled or not, from now until the test ends. */
export function watchRequests(): Array<{ method: string; url: URL; authorization: string | null }> {
  const seen: Array<{ method: string; url: URL; authorization: string | null }> = [];
  api.events.on('request:start', ({ request }) => {
    seen.push({
      method: request.method,
      url: new URL(request.url),
      authorization: withUrlToken(request).get('authorization'),
    });
  });
  cleanups.push(() => api.events.removeAllListeners('request:start'));
  return seen;
}

/** A request's headers, with the customer token its URL carries added as the header that carries it otherwise. */
function withUrlToken(request: Request): Headers {
  const headers = new Headers(request.headers);
  const token = new URL(request.url).searchParams.get(CUSTOMER_TOKEN_QUERY);
  if (token !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/** An RFC 9457 problem answer, as the API sends its errors. */
export function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { type: `https://loyalty-elements.dev/problems/${code}`, title: code, status, code, detail: `detail of ${code}` },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/** The LoyaltyError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<LoyaltyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isLoyaltyError(error), `expected a LoyaltyError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/**
 * An unsigned, JWT-shaped customer token (the client only reads its claims; the API verifies it).
 * Every call makes a different token, also for the same customer.
 */
export function customerToken(
  customerId: string,
  options: { expiresInSeconds?: number; audience?: string } = {},
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: customerId,
    aud: options.audience ?? publishableKey,
    iat: now,
    exp: now + (options.expiresInSeconds ?? 3600),
    jti: randomUUID(),
  };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.${Buffer.from('unsigned').toString('base64url')}`;
}

/** The `Authorization` header a token is sent with. */
export const bearer = (token: string): string => `Bearer ${token}`;

/** Resolves with the first change of `type` that `client` emits (and that `matches`, if given). */
export function nextChange<T extends LoyaltyChange['type']>(
  client: LoyaltyClient,
  type: T,
  matches: (change: Extract<LoyaltyChange, { type: T }>) => boolean = () => true,
): Promise<Extract<LoyaltyChange, { type: T }>> {
  return new Promise((resolve, reject) => {
    // Fails the test instead of leaving it pending forever when the change never comes.
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no "${type}" change was emitted`));
    }, 10_000);
    const unsubscribe = client.subscribe((change) => {
      if (change.type === type && matches(change as Extract<LoyaltyChange, { type: T }>)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(change as Extract<LoyaltyChange, { type: T }>);
      }
    });
  });
}

/** Every change `client` emits from now on. */
export function recordChanges(client: LoyaltyClient): LoyaltyChange[] {
  const changes: LoyaltyChange[] = [];
  client.subscribe((change) => changes.push(change));
  return changes;
}

/** Lets queued promise callbacks and I/O callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Waits until `condition` holds; fails (instead of hanging) if it still does not after ~10 s. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 2_000; round += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}
