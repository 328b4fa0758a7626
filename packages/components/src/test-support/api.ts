// Test helpers that talk to the real reference API started by web-test-runner.config.mjs.
import { executeServerCommand } from '@web/test-runner-commands';
import { DemoCustomerToken, paths, type Birthday } from '@loyalty-elements/contract';
import {
  MemoryOutboxStorage,
  createLoyaltyClient,
  type LoyaltyClient,
  type LoyaltyClientOptions,
  type Summary,
} from '@loyalty-elements/sdk';

export const PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
/** Nothing listens on the discard port: every request fails as a network error. */
export const CLOSED_API_BASE = 'http://127.0.0.1:9';

export type DemoCustomer = 'demo-shopper' | 'demo-gold' | 'demo-new' | 'demo-birthday';

let env: Promise<{ apiBase: string }> | undefined;

/** The base URL of the API this test run started. */
export async function apiBase(): Promise<string> {
  env ??= fetch('/__loyalty-test-env.json').then(async (response) => {
    if (!response.ok) throw new Error(`/__loyalty-test-env.json answered ${response.status}`);
    return (await response.json()) as { apiBase: string };
  });
  return (await env).apiBase.replace(/\/+$/, '');
}

/** A real customer token from the API's demo route. */
export async function demoToken(customer: DemoCustomer = 'demo-shopper'): Promise<DemoCustomerToken> {
  const url = `${await apiBase()}${paths.demoCustomerToken}?customer=${encodeURIComponent(customer)}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return DemoCustomerToken.parse(await response.json());
}

/** The same token with its signature replaced: well-formed, but not signed by the program. */
export async function forgedToken(customer: DemoCustomer = 'demo-shopper'): Promise<string> {
  const { token } = await demoToken(customer);
  const [header, payload] = token.split('.');
  return `${header}.${payload}.${'A'.repeat(43)}`;
}

/** A client for the test API; pass `customerToken: null` (and no getter) for a guest. */
export async function apiClient(options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  return createLoyaltyClient({ apiBase: await apiBase(), publishableKey: PUBLISHABLE_KEY, ...options });
}

const opened: LoyaltyClient[] = [];

/**
 * A client for a token with its outbox in memory and no retries, so a test's failures show at once and nothing it
 * queued outlives it; `closeClients` (in an afterEach) closes every one.
 */
export async function quietClient(token: string, options: Partial<LoyaltyClientOptions> = {}): Promise<LoyaltyClient> {
  const client = await apiClient({
    customerToken: token,
    outboxStorage: new MemoryOutboxStorage(),
    retry: { limit: 0 },
    ...options,
  });
  opened.push(client);
  return client;
}

/** Closes every client `quietClient` made. */
export function closeClients(): void {
  for (const client of opened.splice(0)) client.close();
}

/** A client signed in as a demo shopper. */
export async function customerClient(customer: DemoCustomer = 'demo-shopper'): Promise<LoyaltyClient> {
  return apiClient({ customerToken: (await demoToken(customer)).token });
}

/** What the API says about a demo shopper, fetched independently of any element. */
export async function summaryOf(customer: DemoCustomer = 'demo-shopper'): Promise<Summary> {
  return (await customerClient(customer)).getSummary();
}

/**
 * A signed-in client whose token arrives only when `open()` is called, like a slow merchant
 * backend: the element stays in its loading state for as long as a test needs.
 */
export async function gatedClient(
  customer: DemoCustomer = 'demo-shopper',
): Promise<{ client: LoyaltyClient; open: () => void }> {
  const { token } = await demoToken(customer);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const client = await apiClient({
    getCustomerToken: async () => {
      await gate;
      return token;
    },
  });
  return { client, open };
}

/**
 * A signed-in client whose token source fails the first time (the merchant's token endpoint was
 * briefly down) and works afterwards.
 */
export async function flakyTokenClient(customer: DemoCustomer = 'demo-shopper'): Promise<LoyaltyClient> {
  const { token } = await demoToken(customer);
  let calls = 0;
  return apiClient({
    getCustomerToken: () => {
      calls += 1;
      if (calls === 1) throw new Error('The token endpoint is unavailable');
      return token;
    },
  });
}

export interface NewShopperOptions {
  name?: string;
  /** The birthday the merchant has on file: the notice period does not hold it back, so today's can be claimed. */
  birthday?: Birthday;
  /** Spendable points credited through the admin API. */
  points?: number;
}

/**
 * A new customer of the demo program that no other test uses, and a real token for them: the test server makes the
 * customer through the admin API and signs the token, as a merchant's backend does, so the secret key never reaches
 * the page. A test that claims a one-time reward claims it for such a customer, never for a seeded demo shopper.
 */
export async function newShopper(options: NewShopperOptions = {}): Promise<{ customerId: string; token: string }> {
  const { points = 0, ...customer } = options;
  const customerId = await executeServerCommand<string, Omit<NewShopperOptions, 'points'>>(
    'loyalty-create-customer',
    customer,
  );
  if (typeof customerId !== 'string') throw new Error('The loyalty-create-customer command answered nothing');
  if (points > 0) await executeServerCommand('loyalty-earn-points', { customerId, points });
  const token = await executeServerCommand<string, { customerId: string }>('loyalty-customer-token', { customerId });
  if (typeof token !== 'string') throw new Error('The loyalty-customer-token command answered nothing');
  return { customerId, token };
}

/**
 * A real token, signed by the test server as a merchant's backend would, for a shopper signed in to the site whom the
 * program does not have (never enrolled).
 */
export async function nonMemberToken(): Promise<string> {
  const customerId = `not-enrolled-${crypto.randomUUID()}`;
  const token = await executeServerCommand<string, { customerId: string }>('loyalty-customer-token', { customerId });
  if (typeof token !== 'string') throw new Error('The loyalty-customer-token command answered nothing');
  return token;
}

/** A client signed in as a {@link newShopper}. */
export async function newCustomerClient(options: NewShopperOptions = {}): Promise<LoyaltyClient> {
  return apiClient({ customerToken: (await newShopper(options)).token });
}

/** Today's date in the demo program's time zone (Asia/Shanghai) as a Gregorian birthday: inside its window. */
export function birthdayToday(): Birthday {
  const fields = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date())
    .reduce<Record<string, number>>((parts, part) => ({ ...parts, [part.type]: Number(part.value) }), {});
  return { month: fields.month ?? 1, day: fields.day ?? 1, calendar: 'gregorian' };
}
