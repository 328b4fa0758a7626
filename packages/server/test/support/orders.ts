import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_HEADER,
  OrderRecord,
  OrderResult,
  PUBLISHABLE_KEY_HEADER,
  PointsHistory,
  RefundResult,
  Summary,
  TransactionResult,
  orderPaths,
  paths,
  programSettingsPath,
  type CustomerUpsertRequest,
  type LedgerEntry,
  type OrderRequest,
  type ProgramSettingsPatch,
  type TransactionRequest,
} from '@loyalty-elements/contract';
import { createProgram } from '../../src/domain/program-setup.ts';
import { parseExactly, signCustomerToken } from './http.ts';
import type { TestServer } from './server.ts';

// A program of the test's own, set up over the admin API, and the merchant's calls against it.

export interface OwnProgram {
  id: string;
  publishableKey: string;
  secretKey: string;
}

/** Creates a program in `currency` and applies `settings` to it over the admin API. */
export async function ownProgram(
  api: TestServer,
  settings: ProgramSettingsPatch,
  currency = 'CNY',
): Promise<OwnProgram> {
  const created = await createProgram(api.db, {
    id: `orders-${randomUUID()}`,
    name: 'Orders test shop',
    currency,
    timezone: 'Asia/Shanghai',
  });
  const program = { id: created.programId, publishableKey: created.publishableKey, secretKey: created.secretKey };
  const res = await admin(api, program).call('PATCH', programSettingsPath, settings);
  assert.equal(res.status, 200, await res.text());
  return program;
}

/** The merchant's backend calling the admin API of `program`. */
export function admin(api: TestServer, program: OwnProgram) {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(api.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${program.secretKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  const created = async <T>(res: Response, parse: (value: unknown) => T): Promise<T> => {
    assert.equal(res.status, 201, await res.clone().text());
    return parse(await res.json());
  };

  return {
    call,
    putCustomer: (customerId: string) => call('PUT', paths.customer(customerId), { name: 'Shopper', locale: 'en' }),
    /** A new customer of the program, with `fields` (a time zone, say) besides name and locale; returns its id. */
    async customer(prefix = 'shopper', fields: Partial<CustomerUpsertRequest> = {}): Promise<string> {
      const id = `${prefix}-${randomUUID()}`;
      const res = await call('PUT', paths.customer(id), { name: 'Shopper', locale: 'en', ...fields });
      assert.equal(res.status, 201, await res.text());
      return id;
    },
    postOrder: (body: OrderRequest | Record<string, unknown> | string) => call('POST', orderPaths.orders, body),
    order: async (body: OrderRequest) =>
      created(await call('POST', orderPaths.orders, body), (v) => parseExactly(OrderResult, v)),
    getOrder: (orderId: string) => call('GET', orderPaths.order(orderId)),
    async readOrder(orderId: string): Promise<OrderRecord> {
      const res = await call('GET', orderPaths.order(orderId));
      assert.equal(res.status, 200, await res.clone().text());
      return parseExactly(OrderRecord, await res.json());
    },
    postRefund: (orderId: string, body: unknown) => call('POST', orderPaths.refunds(orderId), body),
    refund: async (orderId: string, refundId: string, amount: number) =>
      created(await call('POST', orderPaths.refunds(orderId), { refundId, amount }), (v) =>
        parseExactly(RefundResult, v),
      ),
    postReversal: (customerId: string, entryId: string) => call('POST', orderPaths.reversal(customerId, entryId)),
    transact: async (customerId: string, body: TransactionRequest) =>
      created(
        await call('POST', paths.customerTransactions(customerId), body, { [IDEMPOTENCY_KEY_HEADER]: randomUUID() }),
        (v) => parseExactly(TransactionResult, v),
      ),
    /** What the shopper's widgets read. */
    async summary(customerId: string): Promise<Summary> {
      const res = await asShopper(api, program, customerId, paths.summary);
      assert.equal(res.status, 200, await res.clone().text());
      return parseExactly(Summary, await res.json());
    },
    /** The shopper's whole history, newest first (up to 100 entries). */
    async history(customerId: string): Promise<LedgerEntry[]> {
      const res = await asShopper(api, program, customerId, `${paths.pointsHistory}?limit=100`);
      assert.equal(res.status, 200, await res.clone().text());
      return parseExactly(PointsHistory, await res.json()).entries;
    },
  };
}

/** A shopper's read with a token signed now: tokens are checked against real time, whatever the API's clock. */
export async function asShopper(
  api: TestServer,
  program: OwnProgram,
  customerId: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const token = await signCustomerToken({
    secret: program.secretKey,
    audience: program.publishableKey,
    sub: customerId,
  });
  return fetch(api.baseUrl + path, {
    headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: program.publishableKey, ...headers },
  });
}

/** An order of `amount` for the customer with a fresh id. */
export function anOrder(customerId: string, amount: number, extra: Partial<OrderRequest> = {}): OrderRequest {
  return { orderId: `order-${randomUUID()}`, customerId, amount, currency: 'CNY', ...extra };
}

/** The statuses of answers to requests sent at once, lowest first. */
export function statusesOf(responses: readonly Response[]): number[] {
  return responses.map((res) => res.status).sort((a, b) => a - b);
}

/** One request recorded, the others answered as its replays. */
export function onceThenReplays(count: number): number[] {
  return [...Array<number>(count - 1).fill(200), 201];
}

/** An instant `days` before `now`, as the API writes instants. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();
}
