import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../logger.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is a sane one, else a new UUID), echoes it in
 * the response, and writes one log line when the response is ready: id, method, route, status, duration.
 */
export function requestLog(logger: Logger): MiddlewareHandler[] {
  const log: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const line = {
      requestId: c.get('requestId') as string,
      method: c.req.method,
      route: routeOf(c),
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
  return [requestId({ headerName: REQUEST_ID_HEADER, limitLength: 128 }), log];
}

/** The route pattern that answered (`/v1/admin/customers/:customerId`), or null when none did (a 404). */
function routeOf(c: Context): string | null {
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return handler?.path ?? null;
}
