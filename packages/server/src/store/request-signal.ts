import { AsyncLocalStorage } from 'node:async_hooks';

// The abort signal of the HTTP request a statement runs for, so the stores can drop the reads of a request whose
// client has gone. Background work (the scheduler, webhook delivery) runs outside any request and is never dropped.
const requests = new AsyncLocalStorage<RequestClient>();

/** Whether a request's client is still there, and a signal that aborts when it goes (made only when asked for). */
export interface RequestClient {
  readonly gone: boolean;
  signal(): AbortSignal;
}

/** Runs `fn` with `client` as the client of every statement it starts, however deep. */
export function runForRequest<T>(client: RequestClient, fn: () => T): T {
  return requests.run(client, fn);
}

/** The signal of the request the caller runs for; undefined outside a request. */
export function requestSignal(): AbortSignal | undefined {
  return requests.getStore()?.signal();
}

/**
 * The client of the request went away before its reads were done: the statement was not started, or was cancelled
 * in the database. Nothing was written: a transaction already begun runs to its end whatever the client does.
 */
export class RequestAbandonedError extends Error {
  override readonly name = 'RequestAbandonedError';
  constructor() {
    super('The client closed the request; its reads were abandoned.');
  }
}

/** Throws {@link RequestAbandonedError} when the current request's client has gone. */
export function throwIfAbandoned(): void {
  if (requests.getStore()?.gone) throw new RequestAbandonedError();
}
