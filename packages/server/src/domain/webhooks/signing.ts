import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '@loyalty-elements/contract';

/** The headers and body of an event as it is posted to an endpoint, signed per the Standard Webhooks specification. */
export interface SignedEvent {
  headers: { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };
  body: string;
}

/**
 * Signs an event with the endpoint's `whsec_` secret: `webhook-id` is the event's id, stable across retries so
 * a receiver can deduplicate; `webhook-timestamp` is `at` in whole seconds; `webhook-signature` the HMAC-SHA256.
 */
export function signEvent(event: WebhookEvent, secret: string, at: Date): SignedEvent {
  const body = JSON.stringify(event);
  const seconds = Math.floor(at.getTime() / 1000);
  const signature = new Webhook(secret).sign(event.id, new Date(seconds * 1000), body);
  return {
    headers: { 'webhook-id': event.id, 'webhook-timestamp': String(seconds), 'webhook-signature': signature },
    body,
  };
}
