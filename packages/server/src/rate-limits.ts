import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import { PUBLISHABLE_KEY_HEADER, PUBLISHABLE_KEY_QUERY } from '@loyalty-elements/contract';
import { ProblemError, problemResponse } from './problem.ts';
import { consoleSessionToken } from './console-auth.ts';
import { isSignedIn } from './auth.ts';

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

/** The merchant's secret key, or the console session that stands for it. */
function merchantKey(c: Context): string | null {
  const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(sk_\S+)$/i)?.[1];
  const session = consoleSessionToken(c);
  return bearer ?? (session === undefined ? null : `console:${session}`);
}

function apiKey(c: Context): string | null {
  return merchantKey(c) ?? c.req.header(PUBLISHABLE_KEY_HEADER) ?? c.req.query(PUBLISHABLE_KEY_QUERY) ?? null;
}

/**
 * Whether a request uses up its key's limit. The publishable key is on every storefront page, so only a shopper's
 * own requests (a customer token the API verified) count against it: anyone else's requests with it (a guest's
 * program read, a route that does not exist, a token refused) would otherwise let anyone keep the program's shoppers
 * out. A merchant's request counts unless its key was refused. All of them count against their address.
 */
function chargesKey(c: Context): boolean {
  if (c.res.status === 401) return false;
  return merchantKey(c) !== null || isSignedIn(c);
}

/** Makes the store one limiter counts in; unset: each process counts in its own memory. */
export type RateLimitStoreFactory = () => Store;

function limiter(
  limit: number,
  scope: string,
  key: (c: Context) => string | null,
  newStore: RateLimitStoreFactory | undefined,
  /** Whether a finished request counts; unset: every request does. */
  counts?: (c: Context) => boolean,
): MiddlewareHandler {
  return rateLimiter({
    ...(newStore ? { store: newStore() } : {}),
    ...(counts ? { skipFailedRequests: true, requestWasSuccessful: counts } : {}),
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
  if (limits.perKey > 0) middleware.push(limiter(limits.perKey, 'key', apiKey, newStore, chargesKey));
  return middleware;
}
