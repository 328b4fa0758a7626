import { randomUUID } from 'node:crypto';
import type { Request } from 'autocannon';
import { header, type Scenario } from './measure.ts';
import { BARE_BODY, BARE_PATH } from './servers.ts';

export const CUSTOMER_ID = 'demo-shopper';
export const SUMMARY_PATH = '/v1/me/summary';
export const TRANSACTIONS_PATH = `/v1/admin/customers/${CUSTOMER_ID}/transactions`;
export const EARN_BODY = JSON.stringify({ type: 'earn', points: 1 });
/** What the API sets on a response that replays an earlier request with the same key. */
export const REPLAY_HEADER = 'Idempotent-Replayed';

export interface ApiAccess {
  /** Origin of the reference API. */
  url: string;
  publishableKey: string;
  secretKey: string;
  /** A customer token for {@link CUSTOMER_ID}. */
  customerToken: string;
}

export function bareScenario(url: string, id = 'bare', name = 'bare Hono route'): Scenario {
  const expected = JSON.stringify(BARE_BODY);
  return {
    id,
    name,
    url,
    expectedStatus: 200,
    requests: () => [{ method: 'GET', path: BARE_PATH }],
    check: (_headers, body) => (body === expected ? null : 'unexpected body'),
  };
}

export function summaryScenario(api: ApiAccess): Scenario {
  return {
    id: 'summary',
    name: 'GET /v1/me/summary',
    url: api.url,
    expectedStatus: 200,
    requests: () => [
      {
        method: 'GET',
        path: SUMMARY_PATH,
        headers: { 'X-Publishable-Key': api.publishableKey, Authorization: `Bearer ${api.customerToken}` },
      },
    ],
    check: (_headers, body) => (body.includes(`"id":"${CUSTOMER_ID}"`) ? null : 'summary of another customer'),
  };
}

export function earnHeaders(api: ApiAccess, idempotencyKey: string): Record<string, string> {
  return {
    Authorization: `Bearer ${api.secretKey}`,
    'Content-Type': 'application/json',
    'Idempotency-Key': idempotencyKey,
  };
}

/** Earns of 1 point, each under an Idempotency-Key never used before: every one is a new ledger entry. */
export function uniqueEarnScenario(api: ApiAccess): Scenario & { keysIssued(): number } {
  const run = randomUUID().slice(0, 8);
  let issued = 0;
  return {
    id: 'earn',
    name: 'POST earn, new key each',
    url: api.url,
    expectedStatus: 201,
    keysIssued: () => issued,
    requests: (): Request[] => [
      {
        method: 'POST',
        path: TRANSACTIONS_PATH,
        body: EARN_BODY,
        // autocannon calls this before every send on every connection: each request gets its own key.
        setupRequest: (request) => ({ ...request, headers: earnHeaders(api, `bench-${run}-${++issued}`) }),
      },
    ],
    check: (headers) => (header(headers, REPLAY_HEADER) === undefined ? null : 'replayed, but its key was new'),
  };
}

/** The same earn under one Idempotency-Key, again and again: every response is a replay. */
export function replayScenario(api: ApiAccess, idempotencyKey: string): Scenario {
  return {
    id: 'replay',
    name: 'POST earn, one key replayed',
    url: api.url,
    expectedStatus: 201,
    requests: () => [
      { method: 'POST', path: TRANSACTIONS_PATH, body: EARN_BODY, headers: earnHeaders(api, idempotencyKey) },
    ],
    check: (headers) => (header(headers, REPLAY_HEADER) === 'true' ? null : `no ${REPLAY_HEADER}: true`),
  };
}
