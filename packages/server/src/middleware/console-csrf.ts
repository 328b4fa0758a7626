import type { Context, MiddlewareHandler } from 'hono';
import { CONSOLE_REQUEST_HEADER } from '@loyalty-elements/contract';
import { ProblemError } from '../problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The API's own origin as the browser sees it. Behind a proxy that ends TLS, `X-Forwarded-Proto` names the
 * scheme; trusting it is safe here because a forged request cannot set it in a victim's browser.
 */
export function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const forwarded = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
  if (forwarded === 'https' || forwarded === 'http') url.protocol = `${forwarded}:`;
  return url.origin;
}

/**
 * Refuses (403 `cross_site_refused`) a request a cookie could authenticate unless it comes from the console's
 * own pages: a browser's `Sec-Fetch-Site` must say `same-origin` when sent, and a request that changes something
 * must carry `X-Loyalty-Console: 1` (which no cross-site form can send without CORS) and an `Origin` equal to the
 * API's own.
 */
export function refuseCrossSite(c: Context): void {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin') {
    throw new ProblemError(403, 'cross_site_refused', `Console requests come from the console itself, not ${site}.`);
  }
  if (SAFE_METHODS.has(c.req.method)) return;
  if (c.req.header(CONSOLE_REQUEST_HEADER) !== '1') {
    throw new ProblemError(
      403,
      'cross_site_refused',
      `Console requests that change something send ${CONSOLE_REQUEST_HEADER}: 1.`,
    );
  }
  if (c.req.header('Origin') !== ownOrigin(c)) {
    throw new ProblemError(
      403,
      'cross_site_refused',
      "Console requests that change something come from the API's own origin.",
    );
  }
}

/** {@link refuseCrossSite} as middleware, for the console's own routes. */
export const consoleCsrf: MiddlewareHandler = async (c, next) => {
  refuseCrossSite(c);
  await next();
};
