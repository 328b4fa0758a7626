import { errors, jwtVerify } from 'jose';
import type { Context } from 'hono';
import {
  Identifier,
  MAX_CUSTOMER_TOKEN_TTL_SECONDS,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
} from '@loyalty-elements/contract';
import type { Queryable } from './store/database.ts';
import { findProgramByPublishableKey, findProgramBySecretKey, type Program } from './domain/programs.ts';
import { ProblemError } from './problem.ts';

/**
 * HMAC keys imported once per program and reused: importing per request costs about a third of
 * the verify throughput. Re-imported when a program's secret key changes.
 */
export class ProgramKeys {
  readonly #keys = new Map<string, { secret: string; key: Promise<CryptoKey> }>();

  get(program: Pick<Program, 'id' | 'secretKey'>): Promise<CryptoKey> {
    const cached = this.#keys.get(program.id);
    if (cached?.secret === program.secretKey) return cached.key;
    const key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(program.secretKey),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    this.#keys.set(program.id, { secret: program.secretKey, key });
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
export async function authenticatePublishableKey(c: Context, db: Queryable, fromQuery = false): Promise<Program> {
  const publishableKey =
    c.req.header(PUBLISHABLE_KEY_HEADER) ?? (fromQuery ? c.req.query(PUBLISHABLE_KEY_QUERY) : undefined);
  const program = publishableKey ? await findProgramByPublishableKey(db, publishableKey) : undefined;
  if (program === undefined) {
    throw new ProblemError(
      401,
      'publishable_key_invalid',
      `Send a known publishable key in ${PUBLISHABLE_KEY_HEADER}${fromQuery ? ` or the ${PUBLISHABLE_KEY_QUERY} query parameter` : ''}.`,
    );
  }
  return program;
}

/**
 * Resolves the program from `X-Publishable-Key` and the customer from the Bearer customer token.
 * The token's audience must be that publishable key; whether the customer exists is the caller's check.
 */
export async function authenticateCustomer(
  c: Context,
  db: Queryable,
  keys: ProgramKeys,
): Promise<AuthenticatedCustomer> {
  const program = await authenticatePublishableKey(c, db);
  const token = bearerToken(c.req.header('Authorization'));
  if (token === undefined)
    throw new ProblemError(401, 'token_missing', 'Send the customer token as Authorization: Bearer <token>.');

  const customerId = await verifyCustomerToken(token, program, await keys.get(program));
  return { program, customerId };
}

/** How far ahead of this server's clock a token's `iat` may be: clocks drift, but a token is not issued tomorrow. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

async function verifyCustomerToken(token: string, program: Program, key: CryptoKey): Promise<string> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: program.publishableKey,
      requiredClaims: ['sub', 'iat', 'exp'],
    }));
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
  return payload.sub as string;
}

/** The program whose secret key is the Bearer credential of an admin request. */
export async function authenticateSecretKey(c: Context, db: Queryable): Promise<Program> {
  const secretKey = bearerToken(c.req.header('Authorization'));
  const program = secretKey ? await findProgramBySecretKey(db, secretKey) : undefined;
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
