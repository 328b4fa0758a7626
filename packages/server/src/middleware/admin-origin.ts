import type { MiddlewareHandler } from 'hono';
import { consoleSessionToken } from '../console-auth.ts';
import { ProblemError } from '../problem.ts';
import { refuseCrossSite } from './console-csrf.ts';

/**
 * Admin routes take the program's secret key, which belongs on the merchant's server. A browser marks its
 * requests with `Origin`; such a request is refused with 403 `secret_key_in_browser`, since a secret key that
 * reached a web page is already leaked.
 */
export const refuseBrowserOrigin: MiddlewareHandler = async (c, next) => {
  // The console's pages call the same routes with a session cookie instead of the key: theirs are CSRF rules.
  if (c.req.header('Authorization') === undefined && consoleSessionToken(c) !== undefined) {
    refuseCrossSite(c);
  } else if (c.req.header('Origin') !== undefined) {
    throw new ProblemError(
      403,
      'secret_key_in_browser',
      'Admin routes take the secret key and are called from your server, never from a web page. If this key was in a page, rotate it.',
    );
  }
  await next();
};
