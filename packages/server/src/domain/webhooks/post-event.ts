import type { SignedEvent } from './signing.ts';

export const WEBHOOK_USER_AGENT = 'LoyaltyElements-Webhooks/1.0 (reference loyalty API)';

/** How one attempt went: the receiver's status code, or why there was no answer. */
export type PostOutcome =
  | { kind: 'answered'; status: number; durationMs: number }
  | { kind: 'no_answer'; cause: 'timeout' | 'refused' | 'dns' | 'network'; durationMs: number }
  /** The worker stopped while the request was in flight; nothing is recorded and the lease makes it due again. */
  | { kind: 'stopped' };

/**
 * Posts a signed event to `url`, waiting at most `timeoutMs` for the answer's status. The answer's body is read and
 * dropped: only its status code matters. Never throws.
 */
export async function postEvent(
  url: string,
  signed: SignedEvent,
  timeoutMs: number,
  stopSignal: AbortSignal,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': WEBHOOK_USER_AGENT, ...signed.headers },
      body: signed.body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, stopSignal]),
    });
    const durationMs = elapsed();
    await res.body?.cancel().catch(() => {});
    return { kind: 'answered', status: res.status, durationMs };
  } catch (error) {
    if (stopSignal.aborted) return { kind: 'stopped' };
    return { kind: 'no_answer', cause: timeout.aborted ? 'timeout' : networkCause(error), durationMs: elapsed() };
  }
}

function networkCause(error: unknown): 'refused' | 'dns' | 'network' {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
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
  }
}
