import type { Logger } from '../../logger.ts';
import { startPeriodic } from '../../periodic.ts';
import type { Database } from '../../store/database.ts';
import { recordAttempt } from './delivery-attempts.ts';
import { claimDueDeliveries, endpointAcceptsDeliveries, type ClaimedDelivery } from './delivery-claims.ts';
import { postEvent } from './post-event.ts';
import { signEvent } from './signing.ts';

/** Deliveries sent at once by one API process. */
export const MAX_DELIVERIES_IN_FLIGHT = 16;
/** Added to the request timeout to lease a claimed delivery: time to record the attempt after the answer. */
export const LEASE_MARGIN_MS = 5_000;

export interface DeliveryWorkerOptions {
  /** How often to look for due deliveries. */
  pollMs: number;
  /** How long one attempt may wait for the receiver's answer. */
  timeoutMs: number;
  /** The first retry delay of the retry policy. */
  retryBaseMs: number;
  /** Receivers on this machine may be reached (demo mode, or `LOYALTY_WEBHOOKS_ALLOW_HTTP_LOOPBACK`). */
  allowLoopback?: boolean;
  /** The app clock: what is due, and when the next attempt is. */
  now: () => Date;
  logger: Pick<Logger, 'error'>;
}

export interface DeliveryWorker {
  /** Looks for due deliveries now, e.g. right after one was made due, instead of at the next poll. */
  runNow(): Promise<void>;
  /** Stops polling and abandons requests in flight unrecorded: their lease makes them due again later. */
  stop(): Promise<void>;
}

/**
 * Sends the webhook deliveries that are due, signed, with at most {@link MAX_DELIVERIES_IN_FLIGHT} requests in flight.
 * A poll only claims and starts requests, so a slow receiver never holds up the next poll, nor the API's requests.
 * Safe with several API processes on one database: each delivery is leased to one worker at a time.
 */
export function startDeliveryWorker(db: Database, options: DeliveryWorkerOptions): DeliveryWorker {
  const inFlight = new Set<Promise<void>>();
  const stopping = new AbortController();
  const leaseMs = options.timeoutMs + LEASE_MARGIN_MS;
  let backlog = false;

  const deliver = async (delivery: ClaimedDelivery): Promise<void> => {
    // The endpoint may have been turned off or deleted since the claim.
    if (!(await endpointAcceptsDeliveries(db, delivery.endpointId))) return;
    // webhook-timestamp is compared with the receiver's own clock, so it is the real time of sending.
    const signed = signEvent(delivery.event, delivery.secret, new Date());
    const outcome = await postEvent(delivery.url, signed, {
      timeoutMs: options.timeoutMs,
      stopSignal: stopping.signal,
      allowLoopback: options.allowLoopback ?? false,
    });
    if (outcome.kind === 'stopped') return;
    await recordAttempt(db, delivery, outcome, options.now(), options.retryBaseMs);
  };

  const poll = async (): Promise<void> => {
    const free = MAX_DELIVERIES_IN_FLIGHT - inFlight.size;
    if (free <= 0 || stopping.signal.aborted) return;
    const now = options.now();
    const claimed = await claimDueDeliveries(db, now, new Date(now.getTime() + leaseMs), free);
    backlog = claimed.length === free;
    for (const delivery of claimed) {
      const sending: Promise<void> = deliver(delivery)
        .catch((error: unknown) => {
          options.logger.error({ err: error, deliveryId: delivery.id }, 'Webhook delivery could not be recorded');
        })
        .finally(() => {
          inFlight.delete(sending);
          if (backlog && !stopping.signal.aborted) void periodic.runNow();
        });
      inFlight.add(sending);
    }
  };

  const periodic = startPeriodic('webhook-delivery', options.pollMs, poll, options.logger);
  return {
    runNow: () => periodic.runNow(),
    stop: async () => {
      stopping.abort();
      await periodic.stop();
      await Promise.all(inFlight);
    },
  };
}
