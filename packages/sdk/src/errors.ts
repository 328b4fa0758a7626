import type { Problem } from '@loyalty-elements/contract';

/**
 * Every way a call can fail, as a stable code a widget can switch on:
 * - `network`: the request never got an answer (offline, DNS, CORS, connection reset)
 * - `timeout`: no answer within the client's timeout
 * - `signed_out`: there is no customer token, so there is no "me" to ask about (a guest)
 * - `not_member`: the token is good, but the program has no such customer (signed in to the site, never enrolled)
 * - `unauthorized`: the API refused the token or the publishable key
 * - `token_expired`: the customer token expired and no fresh one could be had
 * - `rejected`: the API refused the request itself (a 4xx other than 401/403); see `problem.code`
 * - `server`: the API failed (5xx)
 * - `invalid_response`: the answer did not match the contract
 * - `invalid_request`: the call's arguments did not match the contract, so nothing was sent
 */
export type LoyaltyErrorCode =
  | 'network'
  | 'timeout'
  | 'signed_out'
  | 'not_member'
  | 'unauthorized'
  | 'token_expired'
  | 'rejected'
  | 'server'
  | 'invalid_response'
  | 'invalid_request';

const BRAND = Symbol.for('loyalty-elements.error');

export interface LoyaltyErrorOptions {
  status?: number | undefined;
  problem?: Problem | undefined;
  cause?: unknown;
}

export class LoyaltyError extends Error {
  override readonly name = 'LoyaltyError';
  readonly code: LoyaltyErrorCode;
  /** The HTTP status, when the API answered. */
  readonly status: number | undefined;
  /** The API's problem details, when it sent any. */
  readonly problem: Problem | undefined;
  readonly [BRAND] = true;

  constructor(code: LoyaltyErrorCode, message: string, options: LoyaltyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.problem = options.problem;
  }
}

/** True for a `LoyaltyError`, even one thrown by a copy of the SDK from another bundle or frame. */
export function isLoyaltyError(value: unknown): value is LoyaltyError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The code for an HTTP status the API answered with, once token problems are handled. */
export function codeForStatus(status: number, problem: Problem | undefined): LoyaltyErrorCode {
  if (status === 401 && problem?.code === 'token_expired') return 'token_expired';
  if (status === 401 && problem?.code === 'customer_not_found') return 'not_member';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 500) return 'server';
  return 'rejected';
}

/**
 * Failures that may pass if the same request is sent again later: the network, a timeout, the API
 * being busy or failing. Writes in the outbox wait and retry on these; on any other they are dropped.
 */
export function isTransient(error: LoyaltyError): boolean {
  if (error.code === 'network' || error.code === 'timeout' || error.code === 'server') return true;
  return error.status === 408 || error.status === 425 || error.status === 429;
}
