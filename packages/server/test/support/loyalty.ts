import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { randomUUID } from 'node:crypto';
import {
  BirthdayClaimResult,
  BirthdayStatus,
  CustomerUpsertResult,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  PointsHistory,
  TransactionResult,
  paths,
  type Birthday,
  type CustomerUpsertRequest,
  type LedgerEntry,
  type TransactionRequest,
} from '@loyalty-elements/contract';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { serveApp, type ServingApp } from '../../src/server.ts';
import { demoToken, parseExactly, postTransaction } from './http.ts';
import { startTestServer, type TestServer } from './server.ts';

/**
 * A clock tests move by hand. `now()` is the real time until `set` or `advance` fixes it; `reset`
 * goes back to real time.
 */
export class TestClock {
  #fixed: number | null = null;
  readonly now = (): Date => new Date(this.#fixed ?? Date.now());
  set(instant: Date | string): void {
    this.#fixed = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.#fixed = this.now().getTime() + ms;
  }
  reset(): void {
    this.#fixed = null;
  }
}

/**
 * A second app on the test server's database whose clock is `clock`, served on its own port: what
 * the real server is, with time under the test's control. Returns a TestServer view of it, so the
 * helpers in http.ts work with it; close it with `app.close()`.
 */
export async function serveWithClock(
  server: TestServer,
  clock: TestClock,
): Promise<{ api: TestServer; app: ServingApp }> {
  const app = await serveApp(
    createApp({
      logger: createLogger('silent'),
      db: server.db,
      demo: server.config.demo,
      allowedOrigins: server.config.allowedOrigins,
      now: clock.now,
      logError: (error) => server.loggedErrors.push(error),
    }),
    { port: 0, host: '127.0.0.1' },
  );
  return { api: { ...server, baseUrl: app.url, url: app.url, port: app.port }, app };
}

/**
 * One real server per test file plus a second app on the same database whose clock the tests move.
 * `onStart` receives both once they are up; the clock is reset after every test.
 */
export function clockedServerPerFile(onStart: (started: { server: TestServer; api: TestServer }) => void): TestClock {
  const clock = new TestClock();
  let server: TestServer | undefined;
  let app: ServingApp | undefined;
  before(async () => {
    server = await startTestServer();
    const served = await serveWithClock(server, clock);
    app = served.app;
    onStart({ server, api: served.api });
  });
  after(async () => {
    await app?.close();
    await server?.close();
  });
  afterEach(() => clock.reset());
  return clock;
}

export interface CustomerCall {
  method?: string;
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

/** A request to a `/v1/me/*` route as `customerId`, with the demo program's publishable key. */
export async function asCustomer(
  server: TestServer,
  customerId: string,
  path: string,
  call: CustomerCall = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey,
    Authorization: `Bearer ${await demoToken(server, customerId)}`,
    ...call.headers,
  };
  if (call.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = call.idempotencyKey;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(server.baseUrl + path, {
    method: call.method ?? 'GET',
    headers,
    ...(call.body === undefined ? {} : { body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body) }),
  });
}

/** Posts an admin transaction and asserts it was created. */
export async function transact(
  server: TestServer,
  customerId: string,
  body: TransactionRequest,
  idempotencyKey: string = randomUUID(),
): Promise<TransactionResult> {
  const res = await postTransaction(server, { customerId, body, idempotencyKey });
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(TransactionResult, await res.json());
}

/** One page of the customer's history. */
export async function historyPage(
  server: TestServer,
  customerId: string,
  query: { limit?: number; cursor?: string } = {},
): Promise<PointsHistory> {
  const params = new URLSearchParams();
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor !== undefined) params.set('cursor', query.cursor);
  const res = await asCustomer(server, customerId, `${paths.pointsHistory}?${params}`);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(PointsHistory, await res.json());
}

/** Every entry of the customer's history, page by page, newest first. */
export async function fullHistory(server: TestServer, customerId: string, limit = 100): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await historyPage(server, customerId, { limit, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

export function putBirthday(server: TestServer, customerId: string, birthday: Birthday | unknown): Promise<Response> {
  return asCustomer(server, customerId, paths.birthday, { method: 'PUT', body: birthday });
}

export async function setBirthday(server: TestServer, customerId: string, birthday: Birthday): Promise<BirthdayStatus> {
  const res = await putBirthday(server, customerId, birthday);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(BirthdayStatus, await res.json());
}

export function claimBirthday(
  server: TestServer,
  customerId: string,
  idempotencyKey = randomUUID(),
): Promise<Response> {
  return asCustomer(server, customerId, paths.birthdayClaim, { method: 'POST', idempotencyKey });
}

export async function expectClaim(res: Response): Promise<BirthdayClaimResult> {
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(BirthdayClaimResult, await res.json());
}

export function upsertCustomer(
  server: TestServer,
  customerId: string,
  body: CustomerUpsertRequest | string,
  secretKey: string | null = server.config.demoSecretKey,
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
  return fetch(server.baseUrl + paths.customer(customerId), {
    method: 'PUT',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function expectUpsert(res: Response, status: 200 | 201): Promise<CustomerUpsertResult> {
  assert.equal(res.status, status, await res.clone().text());
  return parseExactly(CustomerUpsertResult, await res.json());
}

export const DAY_MS = 24 * 60 * 60 * 1000;
