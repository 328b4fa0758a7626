import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isRefusedAddress, PrivateAddressError } from './private-addresses.ts';
import type { SignedEvent } from './signing.ts';

export const WEBHOOK_USER_AGENT = 'LoyaltyElements-Webhooks/1.0 (reference loyalty API)';

/** How one attempt went: the receiver's status code, or why there was no answer. */
export type PostOutcome =
  | { kind: 'answered'; status: number; durationMs: number }
  | { kind: 'no_answer'; cause: 'timeout' | 'refused' | 'dns' | 'network' | 'private'; durationMs: number }
  /** The worker stopped while the request was in flight; nothing is recorded and the lease makes it due again. */
  | { kind: 'stopped' };

export interface PostOptions {
  timeoutMs: number;
  stopSignal: AbortSignal;
  /** Loopback addresses may be reached (demo mode, or a receiver under test); private ones never. */
  allowLoopback: boolean;
}

/**
 * Posts a signed event to `url`, waiting at most `timeoutMs` for the answer's status. The answer's body is read and
 * dropped: only its status code matters. Redirects are not followed. A host on a private or local address (see
 * private-addresses.ts) is not connected to. Never throws.
 */
export async function postEvent(url: string, signed: SignedEvent, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const target = new URL(url);
    // A literal address is connected to without a lookup: it is checked here.
    if (isIP(target.hostname.replace(/^\[|\]$/g, '')) && isRefusedAddress(target.hostname, options.allowLoopback)) {
      throw new PrivateAddressError(`${target.hostname} is a private or local address`);
    }
    const status = await send(target, signed, AbortSignal.any([timeout, options.stopSignal]), options.allowLoopback);
    return { kind: 'answered', status, durationMs: elapsed() };
  } catch (error) {
    if (options.stopSignal.aborted) return { kind: 'stopped' };
    return { kind: 'no_answer', cause: timeout.aborted ? 'timeout' : networkCause(error), durationMs: elapsed() };
  }
}

function send(target: URL, signed: SignedEvent, signal: AbortSignal, allowLoopback: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(signed.body),
          'user-agent': WEBHOOK_USER_AGENT,
          ...signed.headers,
        },
        signal,
        lookup: guardedLookup(allowLoopback),
      },
      (response) => {
        response.resume();
        response.once('error', () => {});
        resolve(response.statusCode ?? 0);
      },
    );
    request.once('error', reject);
    request.end(signed.body);
  });
}

function networkCause(error: unknown): 'refused' | 'dns' | 'network' | 'private' {
  if (error instanceof PrivateAddressError) return 'private';
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  return 'network';
}

/** The outcome in a sentence for the merchant, e.g. "the last answer was HTTP 500". */
export function describeOutcome(outcome: Exclude<PostOutcome, { kind: 'stopped' }>): string {
  if (outcome.kind === 'answered') return `the last answer was HTTP ${outcome.status}`;
  switch (outcome.cause) {
    case 'timeout':
      return 'the last attempt timed out';
    case 'refused':
      return 'the last attempt was refused (nothing listening)';
    case 'dns':
      return "the last attempt could not resolve the endpoint's host name";
    case 'network':
      return 'the last attempt could not reach the endpoint';
    case 'private':
      return "the endpoint's host is on a private or local address, where webhooks are not sent";
  }
}
