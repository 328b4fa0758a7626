import { Webhook, WebhookVerificationError as SignatureMismatch } from 'standardwebhooks';
import { WebhookEvent } from '@loyalty-elements/contract';

/** Standard Webhooks' tolerance: a timestamp further than this from the receiver's clock is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * Why an incoming webhook was refused: its signature does not match the body and secret (`bad_signature`), its
 * timestamp is more than five minutes from now (`stale_timestamp`, a replay or a badly set clock), or a header is
 * missing or the body is not an event (`malformed`).
 */
export type WebhookVerificationReason = 'bad_signature' | 'stale_timestamp' | 'malformed';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
  }
}

export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return error instanceof WebhookVerificationError;
}

/** Request headers as a framework gives them: a Fetch `Headers`, or Node's object (lower-case names). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Verifies an event the Loyalty Elements API posted to your endpoint and returns it, typed by its `type`.
 * Pass the body exactly as received (before any JSON parsing), the request's headers and the endpoint's
 * `whsec_…` secret. Throws {@link WebhookVerificationError} with a `reason` when the event must not be trusted.
 * The same event can arrive more than once: deduplicate on its `id`.
 */
export function verifyWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): WebhookEvent {
  const signed = signatureHeaders(headers);
  const timestamp = Number(signed['webhook-timestamp']);
  if (!/^\d{1,12}$/.test(signed['webhook-timestamp'])) {
    throw new WebhookVerificationError('malformed', 'The webhook-timestamp header is not a Unix time in seconds.');
  }
  if (Math.abs(Date.now() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('stale_timestamp', 'The webhook was signed more than five minutes from now.');
  }
  const webhook = signingKey(secret);
  try {
    webhook.verify(rawBody, signed, { jsonParse: false });
  } catch (error) {
    if (error instanceof SignatureMismatch) {
      throw new WebhookVerificationError('bad_signature', 'The signature does not match this body and secret.');
    }
    throw error;
  }
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('malformed', 'The body is not JSON.');
  }
  const parsed = WebhookEvent.safeParse(body);
  if (!parsed.success) throw new WebhookVerificationError('malformed', 'The body is not a Loyalty Elements event.');
  if (parsed.data.id !== signed['webhook-id']) {
    throw new WebhookVerificationError('malformed', 'The webhook-id header is not the event’s id.');
  }
  return parsed.data;
}

/**
 * The endpoint's signing key from its `whsec_…` secret, read with the whitespace a secrets file or an environment
 * variable may leave around it. A secret that is not one is the receiver's mistake, not the event's: a TypeError.
 */
function signingKey(secret: string): Webhook {
  const trimmed = typeof secret === 'string' ? secret.trim() : '';
  try {
    if (!trimmed.startsWith('whsec_')) throw new Error('it does not start with "whsec_"');
    return new Webhook(trimmed);
  } catch (cause) {
    throw new TypeError(
      `verifyWebhook: \`secret\` is not the endpoint's whsec_… signing secret (${(cause as Error).message})`,
      { cause },
    );
  }
}

function signatureHeaders(headers: WebhookHeaders): Record<(typeof SIGNATURE_HEADERS)[number], string> {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(' ') : value;
  };
  const entries = SIGNATURE_HEADERS.map((name) => {
    const value = read(name);
    if (value === undefined || value === '') {
      throw new WebhookVerificationError('malformed', `The ${name} header is missing.`);
    }
    return [name, value] as const;
  });
  return Object.fromEntries(entries) as Record<(typeof SIGNATURE_HEADERS)[number], string>;
}
