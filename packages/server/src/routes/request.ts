import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import {
  EARLIEST_INSTANT_MS,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  LATEST_INSTANT_MS,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateCustomer, refuseErasedCustomer } from '../auth.ts';
import { authenticatedForTurn } from '../middleware/customer-turn-taking.ts';
import type { Customer } from '../domain/customers.ts';
import type { JsonAnswer } from '../caches/summaries.ts';
import type { Program } from '../domain/programs.ts';
import { ProblemError, validationFailed } from '../problem.ts';

/** Request helpers the ledger, birthday and customer routes share. */

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The `Idempotency-Key` header every write carries; 400 when missing or too long. */
export function readIdempotencyKey(c: Context): string {
  const key = optionalIdempotencyKey(c);
  if (key === undefined) {
    throw new ProblemError(
      400,
      'idempotency_key_missing',
      `Send a unique ${IDEMPOTENCY_KEY_HEADER} header with every write.`,
    );
  }
  return key;
}

/** The request's idempotency key where one is optional; 400 naming the header when it is too long. */
export function optionalIdempotencyKey(c: Context): string | undefined {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER)?.trim();
  if (!key) return undefined;
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw validationFailed([
      {
        path: `header.${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`,
        message: `Too long: at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      },
    ]);
  }
  return key;
}

/**
 * The prefixes of the ledger keys the API makes itself (an order's points, a refund, a welcome bonus, a customer's
 * own write…). A merchant's key that took one would stand in the way of that write for good.
 */
const API_LEDGER_KEY_PREFIX =
  /^(?:order|refund|welcome|reversal|referral|expire|follow-up|win-back|survey-response|seed|me):/;

/** A merchant's key for a ledger entry: as {@link readIdempotencyKey}, and 400 when it takes one of the API's prefixes. */
export function readLedgerIdempotencyKey(c: Context): string {
  const key = readIdempotencyKey(c);
  const reserved = API_LEDGER_KEY_PREFIX.exec(key);
  if (reserved) {
    throw validationFailed([
      {
        path: `header.${IDEMPOTENCY_KEY_HEADER.toLowerCase()}`,
        message: `Keys that start with "${reserved[0]}" are the API's own: choose another.`,
      },
    ]);
  }
  return key;
}

/**
 * True for an instant exactly as the API writes it (`toISOString()`), within the years it stores: the only form its
 * cursors carry. Looser forms that `Date.parse` reads, and years the database cannot hold, are refused.
 */
export function isApiInstant(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const ms = Date.parse(text);
  return ms >= EARLIEST_INSTANT_MS && ms <= LATEST_INSTANT_MS && new Date(ms).toISOString() === text;
}

/** The body as JSON; 400 naming `body` when it is not. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ path: 'body', message: 'The body must be a JSON document.' }]);
  }
}

export interface SignedInCustomer {
  program: Program;
  customer: Customer;
  /** The customer's version: a cached summary built at it is current. */
  version: number;
}

/**
 * The program and the signed-in customer of a `/v1/me/*` request; 401 when the customer does not exist, 403 when
 * they were erased. The program and the token's verification may come from memory: the customer's read also
 * returns the program's settings version, and when that differs from the cached program's (or the customer is not
 * found) the program is read again and the token verified again before answering.
 */
export async function signedInCustomer(
  c: Context,
  context: Pick<AppContext, 'db' | 'keys' | 'now' | 'settings' | 'customers'>,
): Promise<SignedInCustomer> {
  const now = context.now();
  const first = authenticatedForTurn(c) ?? (await authenticateCustomer(c, context, now));
  let found = await context.customers.read(context.db, first.program.id, first.customerId);
  let program = first.program;
  if (found === undefined || found.settingsVersion !== program.settingsVersion) {
    context.settings.forgetProgram(program.id);
    context.customers.forget(program.id);
    const again = await authenticateCustomer(c, context, now);
    program = again.program;
    found = await context.customers.read(context.db, program.id, again.customerId);
  }
  const customer = found?.customer;
  if (customer === undefined) {
    throw new ProblemError(
      401,
      'customer_not_found',
      'The customer token names a customer this program does not have.',
    );
  }
  refuseErasedCustomer(customer);
  return { program, customer, version: found!.version };
}

/** A strong entity tag of a response body. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** RFC 9110 weak comparison, as If-None-Match requires. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/** `value` as JSON, with its entity tag. */
export function jsonAnswer(value: unknown): JsonAnswer {
  const body = JSON.stringify(value);
  return { body, etag: strongEtag(body) };
}

/** Answers `value` as JSON with an ETag, or 304 when the client's copy matches. */
export function conditionalJson(c: Context, value: unknown, cacheControl: string, vary: string): Response {
  return conditionalAnswer(c, jsonAnswer(value), cacheControl, vary);
}

/** Answers JSON already serialised with its ETag, or 304 when the client's copy matches. */
export function conditionalAnswer(
  c: Context,
  { body, etag }: JsonAnswer,
  cacheControl: string,
  vary: string,
): Response {
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Vary', vary, { append: true });
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}

/**
 * Idempotency keys sent by customers are kept apart from the admin's and from other customers'. A `:` (and so a `%`)
 * in the customer's id is escaped, so that customer `a` with key `x:K` and customer `a:x` with key `K` stay apart;
 * an id without either keeps the form keys were stored in before.
 */
export function customerIdempotencyKey(customerId: string, key: string): string {
  return `me:${customerId.replaceAll('%', '%25').replaceAll(':', '%3A')}:${key}`;
}

/** The answer of an idempotent write: 201 with its result, marked `Idempotent-Replayed: true` when it was a replay. */
export function createdOrReplayed(c: Context, outcome: { kind: 'created' | 'replayed'; result: unknown }): Response {
  if (outcome.kind === 'replayed') c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
  return c.json(outcome.result, 201);
}
