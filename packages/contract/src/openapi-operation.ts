import type * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE, type ProblemCode } from './errors.ts';
import { API_VERSION_PREFIX, IDEMPOTENT_REPLAY_HEADER } from './http.ts';

/**
 * Who may call an operation: a shopper's page, anyone with the publishable key, the merchant's backend (or its
 * console), the console alone (its session cookie), or anyone.
 */
export type Auth = 'customer' | 'publishable' | 'secret' | 'console' | 'demo' | 'none';

/** The problems an operation answers, by HTTP status. */
export type Problems = Readonly<Partial<Record<number, readonly ProblemCode[]>>>;

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style pattern (`:id`); turned into OpenAPI's `{id}`. */
  path: string;
  summary: string;
  auth: Auth;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** The body of a success; none for a 204. */
  response?: z.ZodMiniType;
  /** Default `application/json`. */
  contentType?: string;
  status?: number;
  /** Other success statuses: with the same body (a PUT that creates answers 201, otherwise 200), or 304 with none. */
  otherStatuses?: readonly number[];
  /**
   * A PUT that creates or replaces and takes `If-None-Match: *` to create only: it then answers 412 (with the
   * problem of `problems[412]`) when the resource already exists, writing nothing.
   */
  createOnly?: boolean;
  /** Takes an `Idempotency-Key` header: `true`, required; `'optional'`, the key makes a repeat a replay. */
  idempotent?: boolean | 'optional';
  /**
   * The same request again answers the first answer, marked `Idempotent-Replayed: true` (every `idempotent`
   * operation, and those whose body carries the key, such as an order's id).
   */
  replays?: boolean;
  /** The problems of this operation beyond those its authentication, input and the server as a whole give. */
  problems?: Problems;
  /** True for a download: the answer names a file in `Content-Disposition: attachment`. */
  attachment?: boolean;
  /** False for an operation that never reads the database (it then never answers `storage_unavailable`). */
  storage?: boolean;
}

type JsonSchema = Record<string, unknown>;

const PROBLEM_CONTENT = { content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };

const AUTH_PROBLEMS: Record<Auth, Problems> = {
  customer: {
    401: ['publishable_key_invalid', 'token_missing', 'token_invalid', 'token_expired', 'customer_not_found'],
    403: ['customer_erased'],
  },
  publishable: { 401: ['publishable_key_invalid'] },
  secret: {
    401: ['secret_key_invalid', 'console_session_invalid'],
    403: ['secret_key_in_browser', 'cross_site_refused'],
  },
  console: { 401: ['console_session_invalid'], 403: ['cross_site_refused'] },
  demo: {},
  none: {},
};

/** Every problem an operation can answer, by status: its own, its authentication's, its input's and the server's. */
export function problemsOf(op: Operation): Map<number, ProblemCode[]> {
  const problems = new Map<number, ProblemCode[]>();
  const add = (status: number, ...codes: ProblemCode[]) => {
    const known = problems.get(status) ?? [];
    problems.set(status, [...known, ...codes.filter((code) => !known.includes(code))]);
  };
  if (op.body !== undefined || op.query !== undefined || op.path.includes(':')) add(400, 'validation_failed');
  if (op.idempotent === true) add(400, 'idempotency_key_missing');
  for (const source of [AUTH_PROBLEMS[op.auth], op.problems ?? {}]) {
    for (const [status, codes] of Object.entries(source)) add(Number(status), ...(codes ?? []));
  }
  if (op.method !== 'get') add(413, 'payload_too_large');
  if (op.body !== undefined) add(415, 'unsupported_media_type');
  if (isRateLimited(op)) add(429, 'rate_limited');
  add(500, 'internal');
  if (op.storage !== false) add(503, 'storage_unavailable');
  return new Map([...problems].sort(([a], [b]) => a - b));
}

const header = (description: string, schema: JsonSchema = { type: 'string' }, required = false) => ({
  description,
  required,
  schema,
});
const ETAG = header(
  'The version of this answer: send it back in If-None-Match to be answered 304 while it holds.',
  { type: 'string' },
  true,
);
const RETRY_AFTER = header('Seconds to wait before trying again.', { type: 'integer', minimum: 0 }, true);
const REPLAYED = header('`true` when this answers a request made before with the same key: nothing new was done.', {
  type: 'string',
  enum: ['true'],
});
const ATTACHMENT = header('`attachment`, with the name to save the file under.', { type: 'string' }, true);
const COUNT = { type: 'integer', minimum: 0 };
/** The `/v1` routes and the console's sign-in routes count toward the rate limits. */
function isRateLimited(op: Operation): boolean {
  return op.path.startsWith(`${API_VERSION_PREFIX}/`) || op.path.startsWith('/console/api/');
}

/** Sent on the rate-limited routes while rate limits are on (IETF draft 6 `RateLimit` header fields). */
const RATE_LIMIT_HEADERS = {
  'RateLimit-Policy': header('The limit and its window in seconds: `1200;w=60`.'),
  'RateLimit-Limit': header('Requests allowed in the current window (the tightest limit that applies).', COUNT),
  'RateLimit-Remaining': header('Requests left in the current window.', COUNT),
  'RateLimit-Reset': header('Seconds until the current window ends.', COUNT),
};

/** True for an operation whose answer carries an ETag and that answers 304 to a matching If-None-Match. */
export const isConditional = (op: Operation) => op.otherStatuses?.includes(304) ?? false;

/** The `If-None-Match` request header of an operation, when it takes one: a conditional read's, or create-only. */
export function ifNoneMatchParameter(op: Operation): Record<string, unknown> | undefined {
  const description = isConditional(op)
    ? 'The ETag of the copy the client holds: answered 304, with no body, while it is current.'
    : op.createOnly
      ? '`*`: create only. When the resource already exists nothing is written and the answer is 412 ' +
        `(${(op.problems?.[412] ?? []).join(', ')}), so of several creates of one id at once exactly one succeeds. ` +
        'Without it the PUT creates or replaces.'
      : undefined;
  return description === undefined
    ? undefined
    : { name: 'If-None-Match', in: 'header', required: false, description, schema: { type: 'string' } };
}

/** The response headers of an operation at one status. */
function headersOf(op: Operation, status: number): Record<string, unknown> | undefined {
  const headers: Record<string, unknown> = {};
  if (isConditional(op) && (status === 200 || status === 304)) headers.ETag = ETAG;
  if ((op.replays ?? op.idempotent) && status < 300) headers[IDEMPOTENT_REPLAY_HEADER] = REPLAYED;
  if (op.attachment && status < 300) headers['Content-Disposition'] = ATTACHMENT;
  if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER;
  if (isRateLimited(op)) Object.assign(headers, RATE_LIMIT_HEADERS);
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/** The `responses` object of an operation: its success statuses, and each problem status with its codes. */
export function responsesOf(op: Operation, schemaOf: (schema: z.ZodMiniType) => JsonSchema): Record<string, unknown> {
  const success = op.response
    ? { content: { [op.contentType ?? 'application/json']: { schema: schemaOf(op.response) } } }
    : {};
  const responses: Record<string, unknown> = {};
  const withHeaders = (status: number, response: Record<string, unknown>) => {
    const headers = headersOf(op, status);
    responses[String(status)] = headers ? { ...response, headers } : response;
  };
  for (const status of [op.status ?? 200, ...(op.otherStatuses ?? [])]) {
    withHeaders(
      status,
      status === 304
        ? { description: 'Not modified: the copy the client holds (If-None-Match) is current; no body' }
        : { description: op.response ? 'OK' : 'Done; no body', ...success },
    );
  }
  for (const [status, codes] of problemsOf(op)) {
    withHeaders(status, { description: `A problem: ${codes.join(', ')}`, ...PROBLEM_CONTENT });
  }
  responses.default = {
    description: 'Any other problem',
    ...PROBLEM_CONTENT,
  };
  return responses;
}
