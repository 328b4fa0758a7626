import assert from 'node:assert/strict';
import {
  CustomerExport,
  CustomerList,
  CustomerProfile,
  CustomerRecord,
  memberPaths,
  paths,
  type CustomerListQuery,
  type MembershipEndRequest,
} from '@loyalty-elements/contract';
import { parseExactly } from './http.ts';
import type { TestServer } from './server.ts';

export interface AdminCall {
  method?: string;
  body?: unknown;
  /** Default: the demo secret key; null leaves the header out. */
  secretKey?: string | null;
}

/** A request to an admin route of the demo program. */
export function admin(server: TestServer, path: string, call: AdminCall = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const secretKey = call.secretKey === undefined ? server.config.demoSecretKey : call.secretKey;
  if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(server.baseUrl + path, {
    method: call.method ?? 'GET',
    headers,
    ...(call.body === undefined ? {} : { body: typeof call.body === 'string' ? call.body : JSON.stringify(call.body) }),
  });
}

async function expectOk<T>(res: Response, parse: (value: unknown) => T): Promise<T> {
  assert.equal(res.status, 200, await res.clone().text());
  return parse(await res.json());
}

export async function profileOf(server: TestServer, customerId: string): Promise<CustomerProfile> {
  return expectOk(await admin(server, paths.customer(customerId)), (value) => parseExactly(CustomerProfile, value));
}

export function listCustomers(server: TestServer, query: Partial<Record<keyof CustomerListQuery, string | number>>) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return admin(server, `${memberPaths.customers}?${params}`);
}

export async function customerPage(
  server: TestServer,
  query: Partial<Record<keyof CustomerListQuery, string | number>>,
): Promise<CustomerList> {
  return expectOk(await listCustomers(server, query), (value) => parseExactly(CustomerList, value));
}

/** Every customer the search finds, page by page, asserting no page repeats one. */
export async function searchAll(server: TestServer, query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: CustomerList = await customerPage(server, { query, limit, ...(cursor ? { cursor } : {}) });
    assert.ok(page.customers.length <= limit);
    ids.push(...page.customers.map((customer) => customer.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  assert.equal(new Set(ids).size, ids.length, 'no customer appears twice');
  return ids;
}

export function endMembershipOf(server: TestServer, customerId: string, body: MembershipEndRequest | unknown) {
  return admin(server, memberPaths.membershipEnd(customerId), { method: 'POST', body });
}

export async function expectRecord(res: Response): Promise<CustomerRecord> {
  return expectOk(res, (value) => parseExactly(CustomerRecord, value));
}

export function eraseCustomer(server: TestServer, customerId: string): Promise<Response> {
  return admin(server, paths.customer(customerId), { method: 'DELETE' });
}

export async function exportOf(server: TestServer, customerId: string): Promise<CustomerExport> {
  const res = await admin(server, memberPaths.export(customerId));
  assert.equal(
    res.headers.get('content-disposition'),
    `attachment; filename="customer-${customerId.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`,
  );
  return expectOk(res, (value) => parseExactly(CustomerExport, value));
}
