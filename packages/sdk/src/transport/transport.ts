import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import {
  CUSTOMER_TOKEN_QUERY,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  PUBLISHABLE_KEY_QUERY,
} from '@loyalty-elements/contract/plain';
import type { Problem } from '@loyalty-elements/contract';
import { LoyaltyError, codeForStatus } from '../errors.ts';
import { loadSchemas } from '../schemas/load-schemas.ts';
import type { Session } from '../session.ts';
import { retryOptions, type RetrySettings } from './retry-policy.ts';

/** What the transport needs of a schema: zod's `safeParse`. */
export interface Validator<T> {
  safeParse(
    data: unknown,
    context?: { jitless?: boolean },
  ): { success: true; data: T } | { success: false; error: unknown };
}

/**
 * A page checks each answer's shape once or a few times: compiling a fast parser for every object schema (zod's
 * `new Function` path) costs its main thread more than it saves, so answers are checked without it.
 */
const ONE_OFF_PARSE = { jitless: true } as const;

/** What loads a request's schema: the transport calls it once the request is on its way. */
export type SchemaLoader<T> = () => Promise<Validator<T>>;

export interface RequestSpec<T> {
  method: 'get' | 'put' | 'post';
  /** Path from the API's root, e.g. `/v1/me/summary`. */
  path: string;
  schema: SchemaLoader<T>;
  /** Sends the customer's token; without it the call needs only the publishable key. */
  asCustomer: boolean;
  /**
   * Sends the publishable key in the URL (`?key=`) rather than its header: a GET with no custom header needs
   * no CORS preflight. Every GET does so (and puts the customer's token there too); kept for the program read.
   */
  keyInQuery?: boolean | undefined;
  searchParams?: Record<string, string | number | undefined> | undefined;
  json?: unknown;
  /** Makes a POST safe to repeat, and so retryable. */
  idempotencyKey?: string | undefined;
  /** A PUT or POST the API treats as idempotent without a key. */
  repeatable?: boolean | undefined;
  /** The ETag of a cached copy: the API may answer 304. */
  etag?: string | undefined;
  /** Sent only with a token of this owner: a queued write never goes out under another customer. */
  owner?: string | undefined;
}

export type Answer<T> = { kind: 'fresh'; data: T; etag: string | undefined } | { kind: 'not_modified' };

export interface TransportOptions {
  apiBase: string;
  publishableKey: string;
  timeoutMs: number;
  retry: RetrySettings | undefined;
  fetch: typeof fetch | undefined;
  session: Session;
}

const TOKEN_PROBLEMS = new Set(['token_expired', 'token_invalid']);

/** One HTTP exchange with the API: token, retries, typed errors and a validated body. */
export class Transport {
  readonly #http: KyInstance;
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#http = ky.create({
      prefixUrl: options.apiBase,
      timeout: options.timeoutMs,
      throwHttpErrors: (status) => status !== 304,
      headers: { Accept: 'application/json' },
    });
  }

  /** `refusedToken`: the token the API refused on the first try; the retry gets a replacement. */
  async send<T>(spec: RequestSpec<T>, refusedToken?: string): Promise<Answer<T>> {
    const { publishableKey } = this.#options;
    // A cross-origin GET with credentials in its URL and no custom header is a simple request: no CORS preflight.
    const credentialsInQuery = spec.keyInQuery === true || spec.method === 'get';
    const headers: Record<string, string> = credentialsInQuery ? {} : { [PUBLISHABLE_KEY_HEADER]: publishableKey };
    const searchParams: Record<string, string | number | undefined> | undefined = credentialsInQuery
      ? { ...spec.searchParams, [PUBLISHABLE_KEY_QUERY]: publishableKey }
      : spec.searchParams;
    let token: string | null = null;
    if (spec.asCustomer) {
      token = await this.#options.session.token({ refused: refusedToken });
      if (!token) throw new LoyaltyError('signed_out', 'No customer is signed in');
      if (spec.owner !== undefined && this.#options.session.ownerOf(token) !== spec.owner) {
        throw new LoyaltyError('signed_out', 'This write belongs to a customer who is not signed in');
      }
      if (credentialsInQuery) searchParams![CUSTOMER_TOKEN_QUERY] = token;
      else headers.Authorization = `Bearer ${token}`;
    }
    if (spec.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = spec.idempotencyKey;
    if (spec.etag) headers['If-None-Match'] = spec.etag;
    const repeatable = spec.method === 'get' || spec.repeatable === true || spec.idempotencyKey !== undefined;
    let validator: Promise<Validator<T>> | undefined;
    const loadValidator = () => (validator ??= spec.schema());
    // Loading the schema once `fetch` has been called lets building it overlap the wait for the answer.
    const fetchThenLoad: typeof fetch = (input, init) => {
      const sent = this.#options.fetch ? this.#options.fetch(input, init) : globalThis.fetch(input, init);
      void loadValidator().catch(() => undefined);
      return sent;
    };

    let response: Response;
    try {
      response = await this.#http(spec.path.replace(/^\//, ''), {
        method: spec.method,
        headers,
        json: spec.json,
        retry: retryOptions(spec.method, repeatable, this.#options.retry),
        fetch: fetchThenLoad,
        ...(searchParams ? { searchParams: definedOnly(searchParams) } : {}),
      });
    } catch (cause) {
      if (cause instanceof HTTPError) {
        const problem = await readProblem(cause.response);
        const tokenRefused = cause.response.status === 401 && TOKEN_PROBLEMS.has(problem?.code ?? '');
        // A refused token may be stale: the page gets one chance to hand over a fresh one.
        if (tokenRefused && token && refusedToken === undefined && this.#options.session.canRefresh) {
          return this.send(spec, token);
        }
        const status = cause.response.status;
        throw new LoyaltyError(
          codeForStatus(status, problem),
          problem?.detail ?? problem?.title ?? `${spec.path} answered ${status}`,
          {
            status,
            problem,
          },
        );
      }
      if (cause instanceof LoyaltyError) throw cause;
      if (cause instanceof TimeoutError) throw new LoyaltyError('timeout', `${spec.path} timed out`, { cause });
      throw new LoyaltyError('network', `${spec.path} could not be reached`, { cause });
    }

    if (response.status === 304) return { kind: 'not_modified' };
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new LoyaltyError('invalid_response', `${spec.path} did not answer JSON`, {
        status: response.status,
        cause,
      });
    }
    const parsed = (await loadValidator()).safeParse(body, ONE_OFF_PARSE);
    if (!parsed.success) {
      throw new LoyaltyError('invalid_response', `${spec.path} answered data that does not match the contract`, {
        status: response.status,
        cause: parsed.error,
      });
    }
    return { kind: 'fresh', data: parsed.data, etag: response.headers.get('ETag') ?? undefined };
  }

  /**
   * Starts a request that outlives the page, for `pagehide`: everything happens before this returns,
   * since nothing awaited there is sure to run. Its answer is never read; a failure is ignored.
   */
  beacon(spec: Pick<RequestSpec<unknown>, 'method' | 'path' | 'json' | 'owner' | 'idempotencyKey'>): void {
    const token = this.#options.session.tokenNow;
    if (!token || (spec.owner !== undefined && this.#options.session.ownerOf(token) !== spec.owner)) return;
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    try {
      void fetchImpl(new URL(spec.path.replace(/^\//, ''), this.#options.apiBase), {
        method: spec.method.toUpperCase(),
        keepalive: true,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          [PUBLISHABLE_KEY_HEADER]: this.#options.publishableKey,
          ...(spec.idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: spec.idempotencyKey } : {}),
        },
        body: JSON.stringify(spec.json),
      }).catch(() => undefined);
    } catch {
      // A page being torn down may refuse new requests; the write stays stored for the next load.
    }
  }
}

function definedOnly(params: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = (await loadSchemas()).Problem.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
