import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import * as z from 'zod/mini';
import {
  IDEMPOTENCY_KEY_HEADER,
  PROBLEM_CONTENT_TYPE,
  PUBLISHABLE_KEY_HEADER,
  Problem,
  Summary,
  paths,
  type TransactionRequest,
} from '@loyalty-elements/contract';
import type { TestServer } from './server.ts';

export interface TokenOptions {
  secret: string;
  audience: string;
  sub?: string;
  /** Seconds since the epoch; default now. */
  iat?: number;
  /** Seconds since the epoch; default iat + 10 minutes. */
  exp?: number;
  alg?: 'HS256' | 'HS384' | 'HS512';
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Signs a customer token the way a merchant backend would. */
export function signCustomerToken(options: TokenOptions): Promise<string> {
  const iat = options.iat ?? nowSeconds();
  const jwt = new SignJWT()
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 600);
  if (options.sub !== undefined) jwt.setSubject(options.sub);
  return jwt.sign(new TextEncoder().encode(options.secret));
}

/** A valid token for `customerId` in the demo program of `server`. */
export function demoToken(
  server: TestServer,
  customerId: string,
  overrides: Partial<TokenOptions> = {},
): Promise<string> {
  return signCustomerToken({
    secret: server.config.demoSecretKey,
    audience: server.config.demoPublishableKey,
    sub: customerId,
    ...overrides,
  });
}

export interface SummaryRequest {
  token?: string;
  publishableKey?: string;
  headers?: Record<string, string>;
}

export function getSummary(server: TestServer, request: SummaryRequest): Promise<Response> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
  if (request.publishableKey !== undefined) headers[PUBLISHABLE_KEY_HEADER] = request.publishableKey;
  return fetch(server.baseUrl + paths.summary, { headers });
}

/** The parsed summary of a demo customer, asserting a 200. */
export async function summaryOf(server: TestServer, customerId: string): Promise<Summary> {
  const res = await getSummary(server, {
    token: await demoToken(server, customerId),
    publishableKey: server.config.demoPublishableKey,
  });
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(Summary, await res.json());
}

export interface TransactionPost {
  customerId: string;
  body: TransactionRequest | string;
  /** Default: a fresh random key. `null` leaves the header out. */
  idempotencyKey?: string | null;
  /** Default: the demo secret key. `null` leaves the header out. */
  secretKey?: string | null;
}

export function postTransaction(server: TestServer, post: TransactionPost): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const secretKey = post.secretKey === undefined ? server.config.demoSecretKey : post.secretKey;
  if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
  const key = post.idempotencyKey === undefined ? randomUUID() : post.idempotencyKey;
  if (key !== null) headers[IDEMPOTENCY_KEY_HEADER] = key;
  return fetch(server.baseUrl + paths.customerTransactions(post.customerId), {
    method: 'POST',
    headers,
    body: typeof post.body === 'string' ? post.body : JSON.stringify(post.body),
  });
}

/** Asserts an RFC 9457 problem with this status and code, and returns it. */
export async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.equal(res.headers.get('content-type')?.split(';')[0], PROBLEM_CONTENT_TYPE);
  const problem = parseExactly(Problem, JSON.parse(text));
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  assert.ok(problem.type.endsWith(`/${code}`), problem.type);
  return problem;
}

/** A 400 `validation_failed` whose errors name `path`. */
export async function expectInvalid(res: Response, path: string): Promise<Problem> {
  const problem = await expectProblem(res, 400, 'validation_failed');
  const paths = problem.errors?.map((error) => error.path) ?? [];
  assert.ok(paths.includes(path), `${path} is not among ${JSON.stringify(paths)}`);
  return problem;
}

/** Parses with a contract schema and asserts nothing was dropped: the body has exactly its shape. */
export function parseExactly<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = z.parse(schema, value);
  assert.deepEqual(parsed, value);
  return parsed;
}
