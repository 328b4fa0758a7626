import { CONSOLE_REQUEST_HEADER, Problem, type FieldError } from '@loyalty-elements/contract';

/**
 * An answer that is not the success the console asked for: its HTTP status, the problem's code, if any, and the
 * fields a 400 names (`body.tiers.1.threshold`), so a form can show each message beside its field.
 */
export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(`The API answered ${status}${code ? ` ${code}` : ''}.`);
  }

  /**
   * The answer says the console's session is gone. The console signs in by its session cookie alone, so any 401 is
   * that: a session that ended or expired (`console_session_invalid`), or a request that went without the cookie
   * (`secret_key_invalid`: signed out in another tab, or the cookie expired in the browser). Without the cookie, a
   * request that changes something is taken for a secret key sent from a web page (403 `secret_key_in_browser`).
   */
  get sessionEnded(): boolean {
    return this.status === 401 || this.code === 'secret_key_in_browser';
  }
}

/**
 * Dispatched on `window` when an answer says the console's session is gone (`ConsoleApiError.sessionEnded`): the
 * shell brings the merchant back to sign-in, whichever page asked.
 */
export const SESSION_ENDED_EVENT = 'console-session-ended';

/**
 * Calls the API the console is served by. The session cookie goes along by itself (same origin); a request that
 * changes something carries the console's header, which the API's CSRF rules require.
 */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (method !== 'GET' && method !== 'HEAD') headers.set(CONSOLE_REQUEST_HEADER, '1');
  const res = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const problem = Problem.safeParse(await res.json().catch(() => undefined));
    const error = new ConsoleApiError(res.status, problem.data?.code, problem.data?.errors);
    if (error.sessionEnded) dispatchEvent(new Event(SESSION_ENDED_EVENT));
    throw error;
  }
  return res;
}

/** A GET whose answer is checked against its contract schema. */
export async function read<T>(schema: { parse(value: unknown): T }, path: string): Promise<T> {
  return schema.parse(await (await call(path)).json());
}

/** A request with a JSON body whose answer is checked against its contract schema. */
export async function send<T>(
  schema: { parse(value: unknown): T },
  path: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers = { ...headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  return schema.parse(await (await call(path, init)).json());
}
