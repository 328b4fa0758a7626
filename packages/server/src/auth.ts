import { errors, jwtVerify } from 'jose';
import type { Context } from 'hono';
import {
  Identifier,
  MAX_CUSTOMER_TOKEN_TTL_SECONDS,
  CUSTOMER_TOKEN_QUERY,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
} from '@loyalty-elements/contract';
import type { Queryable } from './store/database.ts';
import { findProgramByPublishableKey, findProgramBySecretKey, type Program } from './domain/programs.ts';
import type { SettingsCache } from './caches/settings.ts';
import { ProblemError } from './problem.ts';
import { authenticateConsoleSession, consoleSessionToken } from './console-auth.ts';

/**
 * HMAC keys imported once per secret and reused: importing per request costs about a third of
 * the verify throughput. A program has one current secret, and for a while after a rotation the old one too.
 */
export class ProgramKeys {
  readonly #keys = new Map<string, Promise<CryptoKey>>();

  get(secret: string): Promise<CryptoKey> {
    let key = this.#keys.get(secret);
    if (key === undefined) {
      key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
        'verify',
      ]);
      // Secrets rotated out stay cached until the map is cleared; only many rotations fill it.
      if (this.#keys.size > 1_000) this.#keys.clear();
      this.#keys.set(secret, key);
    }
    return key;
  }
}

export interface AuthenticatedCustomer {
  program: Program;
  customerId: string;
}

/**
 * The program named by the `X-Publishable-Key` header (or, where `fromQuery` allows it and the header is absent,
 * the `key` query parameter), or 401 `publishable_key_invalid`.
 */
export async function authenticatePublishableKey(
  c: Context,
  db: Queryable,
  fromQuery = false,
  now: Date = new Date(),
  settings?: SettingsCache,
): Promise<Program> {
  const publishableKey =
    c.req.header(PUBLISHABLE_KEY_HEADER) ?? (fromQuery ? c.req.query(PUBLISHABLE_KEY_QUERY) : undefined);
  const find = (key: string) =>
    settings ? settings.programByPublishableKey(db, key, now) : findProgramByPublishableKey(db, key, now);
  const program = publishableKey ? await find(publishableKey) : undefined;
  if (program === undefined) {
    throw new ProblemError(
      401,
      'publishable_key_invalid',
      `Send a known publishable key in ${PUBLISHABLE_KEY_HEADER}${fromQuery ? ` or the ${PUBLISHABLE_KEY_QUERY} query parameter` : ''}.`,
    );
  }
  return program;
}

/** Requests that carried a customer token the API verified. */
const signedInRequests = new WeakSet<Request>();

/** Whether the request carried a customer token that `authenticateCustomer` verified. */
export function isSignedIn(c: Context): boolean {
  return signedInRequests.has(c.req.raw);
}

/**
 * Resolves the program from `X-Publishable-Key` and the customer from the Bearer customer token.
 * The token's audience must be that publishable key; whether the customer exists is the caller's check.
 * With `settings`, the program and a token verified before come from memory.
 */
export async function authenticateCustomer(
  c: Context,
  deps: { db: Queryable; keys: ProgramKeys; settings?: SettingsCache },
  now: Date = new Date(),
): Promise<AuthenticatedCustomer> {
  const customer = await verifiedCustomer(c, deps, now);
  signedInRequests.add(c.req.raw);
  return customer;
}

async function verifiedCustomer(
  c: Context,
  { db, keys, settings }: { db: Queryable; keys: ProgramKeys; settings?: SettingsCache },
  now: Date,
): Promise<AuthenticatedCustomer> {
  // A GET may carry both in its URL: then a browser sends it cross-origin with no CORS preflight.
  const fromQuery = c.req.method === 'GET' || c.req.method === 'HEAD';
  const program = await authenticatePublishableKey(c, db, fromQuery, now, settings);
  const token =
    bearerToken(c.req.header('Authorization')) ??
    (fromQuery ? c.req.query(CUSTOMER_TOKEN_QUERY) || undefined : undefined);
  if (token === undefined) {
    const orQuery = fromQuery ? ` or the ${CUSTOMER_TOKEN_QUERY} query parameter` : '';
    throw new ProblemError(401, 'token_missing', `Send the customer token as Authorization: Bearer <token>${orQuery}.`);
  }

  const remembered = settings?.verifiedCustomer(program, token, now);
  if (remembered !== undefined) return { program, customerId: remembered };
  const verify = async (against: Program): Promise<AuthenticatedCustomer> => {
    const { customerId, exp } = await verifyCustomerToken(token, against, keys);
    settings?.rememberToken(against, token, customerId, exp);
    return { program: against, customerId };
  };
  try {
    return await verify(program);
  } catch (error) {
    if (settings === undefined || !(error instanceof ProblemError)) throw error;
    // A program from memory may predate a key rotation on another instance: one look at the stored program.
    settings.forgetProgram(program.id);
    const stored = await authenticatePublishableKey(c, db, fromQuery, now, settings);
    if (stored.settingsVersion === program.settingsVersion) throw error;
    return verify(stored);
  }
}

/** How far ahead of this server's clock a token's `iat` may be: clocks drift, but a token is not issued tomorrow. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** The token's claims, verified with the program's current secret, else with a secret still in its grace period. */
async function verifyWithProgramSecrets(token: string, program: Program, keys: ProgramKeys) {
  const audience = [program.publishableKey, ...program.gracePublishableKeys];
  const secrets = [program.secretKey, ...program.graceSecretKeys];
  for (const [index, secret] of secrets.entries()) {
    try {
      return await jwtVerify(token, await keys.get(secret), {
        algorithms: ['HS256'],
        audience,
        requiredClaims: ['sub', 'iat', 'exp'],
      });
    } catch (error) {
      const wrongKey = error instanceof errors.JWSSignatureVerificationFailed;
      if (!wrongKey || index === secrets.length - 1) throw error;
    }
  }
  throw new Error('unreachable: a program always has a secret key');
}

async function verifyCustomerToken(
  token: string,
  program: Program,
  keys: ProgramKeys,
): Promise<{ customerId: string; exp: number }> {
  let payload;
  try {
    ({ payload } = await verifyWithProgramSecrets(token, program, keys));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new ProblemError(401, 'token_expired', 'The customer token has expired.');
    if (error instanceof errors.JOSEError)
      throw new ProblemError(401, 'token_invalid', 'The customer token is not valid.');
    throw error;
  }
  // requiredClaims guarantees these are present; jose has already checked they are numbers.
  if ((payload.iat as number) > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
    throw new ProblemError(401, 'token_invalid', 'The customer token was issued in the future (iat).');
  }
  const lifetime = (payload.exp as number) - (payload.iat as number);
  if (lifetime > MAX_CUSTOMER_TOKEN_TTL_SECONDS) {
    throw new ProblemError(401, 'token_invalid', 'Customer tokens may live at most 24 hours (exp - iat).');
  }
  if (!Identifier.safeParse(payload.sub).success) {
    throw new ProblemError(401, 'token_invalid', 'The customer token has no valid sub.');
  }
  return { customerId: payload.sub as string, exp: payload.exp as number };
}

/**
 * Refuses a valid token of a customer who was erased (403 `customer_erased`): tokens the merchant signed before
 * the erasure stop working at once.
 */
export function refuseErasedCustomer(customer: { id: string; status: string }): void {
  if (customer.status === 'erased') {
    throw new ProblemError(403, 'customer_erased', `Customer ${customer.id} was erased; their tokens are refused.`);
  }
}

/**
 * The program whose secret key is the Bearer credential of an admin request or, when the request has no
 * Authorization header, whose console session its cookie carries (the admin-credentials middleware has already
 * refused such a request from another site).
 */
export async function authenticateSecretKey(c: Context, db: Queryable, now: Date = new Date()): Promise<Program> {
  const secretKey = bearerToken(c.req.header('Authorization'));
  if (c.req.header('Authorization') === undefined && consoleSessionToken(c) !== undefined) {
    return (await authenticateConsoleSession(c, db, now)).program;
  }
  const program = secretKey ? await findProgramBySecretKey(db, secretKey, now) : undefined;
  if (program === undefined) {
    throw new ProblemError(401, 'secret_key_invalid', "Send the program's secret key as Authorization: Bearer <key>.");
  }
  return program;
}

/** The credential of `Bearer <credential>`, or undefined when there is none. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}
