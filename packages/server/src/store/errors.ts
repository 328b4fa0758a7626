/** Seconds a client is asked to wait (`Retry-After`) before retrying a request the store could not serve. */
export const STORAGE_RETRY_AFTER_SECONDS = 2;

/**
 * The database could not serve a statement for a reason outside the request: the connection was
 * lost or refused, the server is shutting down or restarting, the statement timed out, or the disk
 * is full. The app answers it with 503 `storage_unavailable` and `Retry-After`; a retry with the same
 * Idempotency-Key is safe whether or not the failed write was committed.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Ends the process when the store cannot serve again without a restart (see database.ts). */
export class StorageFailedError extends StorageUnavailableError {}

/** Connection-class and resource SQLSTATEs: nothing about the request itself was wrong. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping or the backend was terminated
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53000', // insufficient_resources
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '58000', // system_error
  '58030', // io_error
]);

const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres's own messages for a connection that is gone or never came. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /not queryable/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` (or an error it aggregates or wraps) means the database is unreachable or unable. */
export function isStorageUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  if (code !== undefined && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) return true;
  if (code !== undefined && UNAVAILABLE_NODE_CODES.has(code)) return true;
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // `connect ECONNREFUSED` for every address of a host name arrives as an AggregateError.
  if (error instanceof AggregateError && error.errors.some(isStorageUnavailable)) return true;
  return error.cause !== undefined && error.cause !== error && isStorageUnavailable(error.cause);
}

/** A short cause for a log line: the SQLSTATE or node error code and the message. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = codeOf(error);
  let message = error.message;
  if (!message && error instanceof AggregateError) message = error.errors.map(describeCause).join('; ');
  if (!message && error.cause !== undefined) message = describeCause(error.cause);
  return code && !message.includes(code) ? `${message} (${code})` : message || error.name;
}

/** `error` as a {@link StorageUnavailableError} when it is one in substance; otherwise `error` unchanged. */
export function toStorageError(error: unknown, what = 'The database'): unknown {
  if (error instanceof StorageUnavailableError || !isStorageUnavailable(error)) return error;
  return new StorageUnavailableError(`${what} is unavailable: ${describeCause(error)}`, { cause: error });
}
