import type { MiddlewareHandler } from 'hono';

const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * Headers every API response carries: no MIME sniffing, no referrer, and no framing (added to a
 * Content-Security-Policy the route set itself, such as the API reference page's).
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  const policy = c.res.headers.get('Content-Security-Policy');
  if (policy === null) c.header('Content-Security-Policy', FRAME_ANCESTORS);
  else if (!/frame-ancestors/i.test(policy)) c.header('Content-Security-Policy', `${policy}; ${FRAME_ANCESTORS}`);
};
