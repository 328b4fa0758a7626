import ky, { TimeoutError, type KyInstance } from 'ky';
import { PUBLISHABLE_KEY_HEADER, Problem, Summary, paths } from '@loyalty-elements/contract';
import { LoyaltyError } from './errors.ts';
import type { CustomerTokenGetter } from './token-source.ts';

export interface LoyaltyClientOptions {
  /** Base URL of the loyalty API, e.g. `https://loyalty.example.com`. */
  apiBase: string;
  /** The program's publishable key (`pk_…`); safe in a browser. */
  publishableKey: string;
  /** A customer token signed by the merchant's backend. Leave out (and `getCustomerToken` too) for a guest. */
  customerToken?: string | null | undefined;
  /** Called for a token when the client has none, and once more when the API refuses the current one. */
  getCustomerToken?: CustomerTokenGetter | undefined;
  /** Milliseconds before a request gives up with a `timeout` error. Default 10 000. */
  timeoutMs?: number | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch | undefined;
}

export interface LoyaltyClient {
  readonly apiBase: string;
  readonly publishableKey: string;
  /** The signed-in customer's profile, points and tier. Rejects with `LoyaltyError`. */
  getSummary(): Promise<Summary>;
}

const TOKEN_PROBLEMS = new Set(['token_expired', 'token_invalid']);

interface Validator<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export function createLoyaltyClient(options: LoyaltyClientOptions): LoyaltyClient {
  if (!options.apiBase) throw new TypeError('createLoyaltyClient: `apiBase` is required');
  if (!options.publishableKey?.startsWith('pk_')) {
    throw new TypeError('createLoyaltyClient: `publishableKey` must be a publishable key starting with "pk_"');
  }
  const apiBase = options.apiBase.endsWith('/') ? options.apiBase : `${options.apiBase}/`;
  const http: KyInstance = ky.create({
    prefixUrl: apiBase,
    timeout: options.timeoutMs ?? 10_000,
    retry: 0,
    throwHttpErrors: false,
    headers: { Accept: 'application/json', [PUBLISHABLE_KEY_HEADER]: options.publishableKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  let token: string | null | undefined = options.customerToken;
  const inFlight = new Map<string, Promise<unknown>>();

  async function currentToken(refresh: boolean): Promise<string | null> {
    if ((refresh || !token) && options.getCustomerToken) {
      try {
        token = (await options.getCustomerToken()) ?? null;
      } catch (cause) {
        throw new LoyaltyError('unauthorized', 'Could not get a customer token', { cause });
      }
    }
    return token || null;
  }

  async function send<T>(path: string, schema: Validator<T>, refreshed = false): Promise<T> {
    const bearer = await currentToken(refreshed);
    if (!bearer) throw new LoyaltyError('signed_out', 'No customer is signed in');

    let response: Response;
    try {
      response = await http.get(path.replace(/^\//, ''), { headers: { Authorization: `Bearer ${bearer}` } });
    } catch (cause) {
      if (cause instanceof TimeoutError) throw new LoyaltyError('timeout', `${path} timed out`, { cause });
      throw new LoyaltyError('network', `${path} could not be reached`, { cause });
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      const tokenRefused = response.status === 401 && TOKEN_PROBLEMS.has(problem?.code ?? '');
      // A token the API refuses may be stale: the page gets one chance to hand over a fresh one.
      if (tokenRefused && !refreshed && options.getCustomerToken) return send(path, schema, true);
      if (problem?.code === 'token_expired') {
        throw new LoyaltyError('token_expired', 'The customer token has expired', { status: 401, problem });
      }
      const code =
        response.status === 401 || response.status === 403
          ? 'unauthorized'
          : response.status >= 500
            ? 'server'
            : 'rejected';
      throw new LoyaltyError(code, problem?.detail ?? problem?.title ?? `${path} answered ${response.status}`, {
        status: response.status,
        problem,
      });
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new LoyaltyError('invalid_response', `${path} did not answer JSON`, { status: response.status, cause });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new LoyaltyError('invalid_response', `${path} answered data that does not match the contract`, {
        status: response.status,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** Identical concurrent reads share one request. */
  function coalesced<T>(path: string, schema: Validator<T>): Promise<T> {
    const pending = inFlight.get(path) as Promise<T> | undefined;
    if (pending) return pending;
    const request = send(path, schema).finally(() => inFlight.delete(path));
    inFlight.set(path, request);
    return request;
  }

  return {
    apiBase,
    publishableKey: options.publishableKey,
    getSummary: () => coalesced(paths.summary, Summary),
  };
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = Problem.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
