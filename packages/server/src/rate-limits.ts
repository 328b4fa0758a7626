import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { PUBLISHABLE_KEY_HEADER, PUBLISHABLE_KEY_QUERY } from '@loyalty-elements/contract';
import { ProblemError, problemResponse } from './problem.ts';
import { consoleSessionToken } from './console-auth.ts';

/** Requests per minute; 0 turns a limit off. */
export interface RateLimits {
  /** From one client address, across all routes. */
  perIp: number;
  /** With one API key (the publishable key, or the secret key for admin routes). */
  perKey: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perIp: 1200, perKey: 6000 };

const WINDOW_MS = 60_000;

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function apiKey(c: Context): string | null {
  const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(sk_\S+)$/i)?.[1];
  const session = consoleSessionToken(c);
  return (
    bearer ??
    c.req.header(PUBLISHABLE_KEY_HEADER) ??
    c.req.query(PUBLISHABLE_KEY_QUERY) ??
    (session === undefined ? null : `console:${session}`)
  );
}

/** Makes the store one limiter counts in; unset: each process counts in its own memory. */
export type RateLimitStoreFactory = () => Store;

function limiter(
  limit: number,
  scope: string,
  key: (c: Context) => string | null,
  newStore: RateLimitStoreFactory | undefined,
  chargeRefused = true,
): MiddlewareHandler {
  return rateLimiter({
    ...(newStore ? { store: newStore() } : {}),
    // A request refused as unauthenticated (401) is given back: it did not use what the key may do.
    ...(chargeRefused ? {} : { skipFailedRequests: true, requestWasSuccessful: (c: Context) => c.res.status !== 401 }),
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-6',
    // Requests without the key are left to the per-address limit.
    skip: (c) => key(c) === null,
    keyGenerator: (c) => `${scope}:${key(c)}`,
    handler: (c) => {
      const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const retryAfter = Math.max(
        1,
        Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000),
      );
      const response = problemResponse(
        c,
        new ProblemError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`),
      );
      response.headers.set('Retry-After', String(retryAfter));
      return response;
    },
  });
}

/** Per-address and per-key limits, answering 429 `rate_limited` with `Retry-After`. */
export function rateLimits(limits: RateLimits, newStore?: RateLimitStoreFactory): MiddlewareHandler[] {
  const middleware: MiddlewareHandler[] = [];
  if (limits.perIp > 0) middleware.push(limiter(limits.perIp, 'ip', clientAddress, newStore));
  // The publishable key is on every storefront page: requests that bring it with a token the API refuses do not use
  // up the program's limit, or anyone could keep its shoppers out. They still count against their address.
  if (limits.perKey > 0) middleware.push(limiter(limits.perKey, 'key', apiKey, newStore, false));
  return middleware;
}
