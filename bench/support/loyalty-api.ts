// The real reference API for the browser benches: a child process on a fresh in-memory database
// (migrated, demo seed), as the e2e tests start it, called from pages on the origins given.
import { createServer } from 'node:net';
import { signCustomerToken } from '@loyalty-elements/sdk/server';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the tests
import { startApi } from '../../scripts/start-api.mjs';
import { BENCH_RATE_LIMIT } from '../api/servers.ts';

export const DEMO_PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
export const DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';

export interface LoyaltyApi {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the API accepting browser calls from `allowedOrigins`. The rate limiters stay on, set so
 * high that a run never meets them.
 */
export async function startLoyaltyApi(allowedOrigins: string[]): Promise<LoyaltyApi> {
  const api = (await startApi({
    env: {
      LOYALTY_ALLOWED_ORIGINS: allowedOrigins.join(','),
      LOYALTY_RATE_LIMIT_PER_IP: BENCH_RATE_LIMIT,
      LOYALTY_RATE_LIMIT_PER_KEY: BENCH_RATE_LIMIT,
    },
  })) as { baseUrl: string; stop(): Promise<void> };
  return { baseUrl: api.baseUrl, stop: api.stop };
}

async function admin(apiBase: string, method: string, path: string, body: unknown, headers = {}): Promise<void> {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
}

/**
 * A new shopper of the demo program (`<prefix>-<random>`) who has earned `points` once (so the
 * widgets have a balance and tier progress to show) and answered no survey, so the demo surveys are
 * eligible.
 */
export async function createShopper(apiBase: string, prefix: string, points = 120): Promise<string> {
  const customerId = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const path = `/v1/admin/customers/${encodeURIComponent(customerId)}`;
  await admin(apiBase, 'PUT', path, { name: `Bench ${prefix}`, locale: 'en' });
  if (points > 0) {
    await admin(apiBase, 'POST', `${path}/transactions`, { type: 'earn', points }, { 'Idempotency-Key': customerId });
  }
  return customerId;
}

/** The token the merchant's backend would sign for the shopper. */
export function customerToken(customerId: string): Promise<string> {
  return signCustomerToken({ customerId, secretKey: DEMO_SECRET_KEY, audience: DEMO_PUBLISHABLE_KEY });
}

/** The shopper closes a survey, as its close button does: the survey waits for its recontact period. */
export async function dismissSurvey(apiBase: string, customerId: string, surveyId: string): Promise<void> {
  const path = `/v1/me/surveys/${encodeURIComponent(surveyId)}/dismissals`;
  const response = await fetch(`${apiBase}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await customerToken(customerId)}`,
      'X-Publishable-Key': DEMO_PUBLISHABLE_KEY,
      'Content-Type': 'application/json',
    },
    body: '{}',
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

/** A port nothing listens on now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
