import { SignJWT } from 'jose';
import { Identifier, MAX_CUSTOMER_TOKEN_TTL_SECONDS } from '@loyalty-elements/contract';

export interface SignCustomerTokenOptions {
  /** The merchant's id for the signed-in customer. */
  customerId: string;
  /** The program's secret key (`sk_…`). Never send it to a browser. */
  secretKey: string;
  /** The program's publishable key (`pk_…`): the token is only valid for that program. */
  audience: string;
  /** Lifetime in seconds, at most 24 h. Default 1 h. */
  ttlSeconds?: number;
}

/** Signs a customer token for the widgets (HS256 JWT). Server-only: runs on Node and edge runtimes. */
export async function signCustomerToken(options: SignCustomerTokenOptions): Promise<string> {
  const ttl = options.ttlSeconds ?? 3600;
  if (!options.secretKey.startsWith('sk_')) throw new TypeError('signCustomerToken: `secretKey` must start with "sk_"');
  if (!options.audience.startsWith('pk_'))
    throw new TypeError('signCustomerToken: `audience` must be a publishable key');
  if (!options.customerId) throw new TypeError('signCustomerToken: `customerId` is required');
  // The API refuses every token for an id it would not take: a token it always refuses looks like a signed-out shopper.
  if (!Identifier.safeParse(options.customerId).success) {
    throw new TypeError('signCustomerToken: `customerId` must be 1–128 characters, without NUL or unpaired surrogates');
  }
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_CUSTOMER_TOKEN_TTL_SECONDS) {
    throw new RangeError(
      `signCustomerToken: \`ttlSeconds\` must be a whole number from 1 to ${MAX_CUSTOMER_TOKEN_TTL_SECONDS}`,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.customerId)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(new TextEncoder().encode(options.secretKey));
}

export {
  isWebhookVerificationError,
  verifyWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  WebhookVerificationError,
  type WebhookHeaders,
  type WebhookVerificationReason,
} from './server-webhooks.ts';
