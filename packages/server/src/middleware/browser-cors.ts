import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, PUBLISHABLE_KEY_HEADER } from '@loyalty-elements/contract';

const EXPOSED_HEADERS = ['ETag', 'Retry-After', IDEMPOTENT_REPLAY_HEADER];

/**
 * CORS for the routes a storefront calls from the browser: `allowedOrigins` (or `*`) may read the answers.
 * Preflights are Hono's `cors`. Other requests get the same headers set before the route answers: Hono's `cors`
 * adds `Vary` after it, which makes the answer be rebuilt as a full `Response` on every request.
 */
export function browserCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const anyOrigin = allowedOrigins.includes('*');
  const exposed = EXPOSED_HEADERS.join(',');
  const preflight = cors({
    origin: anyOrigin ? '*' : [...allowedOrigins],
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', PUBLISHABLE_KEY_HEADER, IDEMPOTENCY_KEY_HEADER, 'If-None-Match', 'Content-Type'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  return (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('Origin');
    if (anyOrigin) c.header('Access-Control-Allow-Origin', '*');
    else if (origin !== undefined && allowedOrigins.includes(origin)) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposed);
    if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
    return next();
  };
}
