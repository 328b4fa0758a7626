// What the e2e tests ask the reference API from Node, as the merchant's backend would (secret key),
// or as a shopper's other device would (a demo token): never through the browser under test.
import {
  FollowUpPage,
  PUBLISHABLE_KEY_HEADER,
  RewardCatalogue,
  Summary,
  SurveyResponse,
  SurveyResults,
  type FollowUp,
  type Reward,
  type SurveyVersionResults,
} from '@loyalty-elements/contract';
import { signCustomerToken } from '@loyalty-elements/sdk/server';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY } from './stack.ts';

async function call(apiBase: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${apiBase.replace(/\/+$/, '')}${path}`, {
    ...init,
    headers: { Accept: 'application/json', ...init.headers },
  });
}

async function admin(apiBase: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await call(apiBase, path, {
    ...init,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...init.headers },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** A new shopper of the demo program (`<prefix>-<random>`): no survey history, no cooldown. */
export async function createShopper(apiBase: string, prefix: string): Promise<string> {
  const customerId = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  await admin(apiBase, `/v1/admin/customers/${encodeURIComponent(customerId)}`, {
    method: 'PUT',
    body: JSON.stringify({ name: `E2E ${prefix}`, locale: 'en' }),
  });
  return customerId;
}

/** Credits `points` to a shopper, as the merchant's backend does after an order. */
export async function award(apiBase: string, customerId: string, points: number): Promise<void> {
  await admin(apiBase, `/v1/admin/customers/${encodeURIComponent(customerId)}/transactions`, {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ type: 'earn', points, reason: 'Order #1001' }),
  });
}

/** A token for any shopper of the demo program, signed with its secret key as the merchant's backend signs one. */
export function shopperToken(customerId: string): Promise<string> {
  return signCustomerToken({ customerId, secretKey: DEMO_SECRET_KEY, audience: DEMO_PUBLISHABLE_KEY });
}

/** A shopper's summary, read with a token of their own. */
export async function summaryOf(apiBase: string, customerId: string): Promise<Summary> {
  const token = await shopperToken(customerId);
  const response = await call(apiBase, '/v1/me/summary', {
    headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY },
  });
  if (!response.ok) throw new Error(`GET summary answered ${response.status}: ${await response.text()}`);
  return Summary.parse(await response.json());
}

/** One reward of the program's catalogue, as the admin API lists it. */
export async function catalogueReward(apiBase: string, rewardId: string): Promise<Reward> {
  const { rewards } = RewardCatalogue.parse(await admin(apiBase, '/v1/admin/rewards'));
  const found = rewards.find((reward) => reward.id === rewardId);
  if (!found) throw new Error(`The catalogue has no reward ${rewardId}`);
  return found;
}

/** The admin API's results of one version of a survey. */
export async function surveyVersionResults(
  apiBase: string,
  surveyId: string,
  version: number,
): Promise<SurveyVersionResults> {
  const results = SurveyResults.parse(
    await admin(apiBase, `/v1/admin/surveys/${encodeURIComponent(surveyId)}/results?version=${version}`),
  );
  const found = results.versions.find((entry) => entry.version === version);
  if (!found) throw new Error(`The results of ${surveyId} have no version ${version}`);
  return found;
}

/** Every follow-up of the demo program (the e2e stack has a handful at most). */
export async function followUps(apiBase: string): Promise<FollowUp[]> {
  return FollowUpPage.parse(await admin(apiBase, '/v1/admin/follow-ups?limit=200')).followUps;
}

/** A shopper's response as the API stores it, read with a token of their own; undefined when it has none. */
export async function storedResponse(
  apiBase: string,
  customerId: string,
  responseId: string,
): Promise<SurveyResponse | undefined> {
  const token = await shopperToken(customerId);
  const response = await call(apiBase, `/v1/me/surveys/responses/${encodeURIComponent(responseId)}`, {
    headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: DEMO_PUBLISHABLE_KEY },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET response ${responseId} answered ${response.status}: ${await response.text()}`);
  return SurveyResponse.parse(await response.json());
}

/** Polls `check` until it answers something other than undefined, for at most `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: last });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
