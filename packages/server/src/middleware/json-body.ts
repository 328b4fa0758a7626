import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.ts';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * A request that carries a body must say it is JSON (`application/json`, or a `+json` type): a body sent as
 * `text/plain` or with no type at all is 415 `unsupported_media_type`. A write without a body needs no type.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const length = c.req.header('Content-Length');
  const hasBody = (length !== undefined && length.trim() !== '0') || c.req.header('Transfer-Encoding') !== undefined;
  if (hasBody) {
    const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new ProblemError(
        415,
        'unsupported_media_type',
        `Send the body as application/json${mediaType ? `, not ${mediaType}` : ' (Content-Type is missing)'}.`,
      );
    }
  }
  await next();
};
