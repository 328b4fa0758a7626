import type { Context, MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';
import { runForRequest } from '../store/request-signal.ts';

/**
 * Runs the rest of the request with a signal that aborts when its client goes away before the response is sent,
 * so the stores abandon its reads (see store/request-signal.ts).
 */
export const abandonWhenClientGoes: MiddlewareHandler = (c, next) => runForRequest(clientGone(c), next);

function clientGone(c: Context): AbortSignal {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  // Under @hono/node-server, watching the response directly spares building the whole Request for its signal.
  if (outgoing === undefined) return c.req.raw.signal;
  const gone = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) gone.abort();
  });
  return gone.signal;
}
