import type { Context, MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';
import { runForRequest, type RequestClient } from '../store/request-signal.ts';

/**
 * Runs the rest of the request with a signal that aborts when its client goes away before the response is sent,
 * so the stores abandon its reads (see store/request-signal.ts).
 */
export const abandonWhenClientGoes: MiddlewareHandler = (c, next) => runForRequest(clientGone(c), next);

function clientGone(c: Context): RequestClient {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing === undefined) {
    const signal = c.req.raw.signal;
    return {
      get gone() {
        return signal.aborted;
      },
      signal: () => signal,
    };
  }
  // Under @hono/node-server, watching the response directly spares building the whole Request for its signal; the
  // abort controller is made only for a statement that can be cancelled (PostgreSQL), most requests never need one.
  let gone = false;
  let controller: AbortController | undefined;
  outgoing.once('close', () => {
    if (outgoing.writableFinished) return;
    gone = true;
    controller?.abort();
  });
  return {
    get gone() {
      return gone;
    },
    signal: () => {
      controller ??= new AbortController();
      if (gone) controller.abort();
      return controller.signal;
    },
  };
}
