import type { MiddlewareHandler } from 'hono';

const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * Headers every API response carries: no MIME sniffing, no referrer, and no framing (added to a
 * Content-Security-Policy the route set itself, such as the API reference page's).
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  // Set before the route answers: a header set after it makes the answer be rebuilt as a full `Response`.
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', FRAME_ANCESTORS);
  await next();
  // A Response the route built itself does not carry what was set before it.
  if (c.res.headers.get('X-Content-Type-Options') === null) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  }
  const policy = c.res.headers.get('Content-Security-Policy');
  if (policy === null) c.header('Content-Security-Policy', FRAME_ANCESTORS);
  else if (!/frame-ancestors/i.test(policy)) c.header('Content-Security-Policy', `${policy}; ${FRAME_ANCESTORS}`);
};
