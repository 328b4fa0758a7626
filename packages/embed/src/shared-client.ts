import {
  createLoyaltyClient,
  customerTokenFromUrl,
  type CustomerIdentity,
  type CustomerTokenGetter,
  type LoyaltyChange,
  type LoyaltyClient,
} from '@loyalty-elements/sdk';
import { getSharedClient, setSharedClient } from '@loyalty-elements/components';

export interface EmbedOptions {
  apiBase: string;
  publishableKey: string;
  /** A customer token your backend rendered into the page. */
  customerToken?: string | null | undefined;
  /** Your backend's endpoint answering `{ "token": "…" }` for the signed-in shopper (sent with cookies). */
  customerTokenUrl?: string | null | undefined;
  /** Or any function that resolves to a token, or null for a guest. */
  getCustomerToken?: CustomerTokenGetter | undefined;
}

/** Creates the client every widget on the page shares, and hands it to the widgets already there. */
export function startSharedClient(options: EmbedOptions): LoyaltyClient {
  const getCustomerToken =
    options.getCustomerToken ?? (options.customerTokenUrl ? customerTokenFromUrl(options.customerTokenUrl) : undefined);
  const client = createLoyaltyClient({
    apiBase: options.apiBase,
    publishableKey: options.publishableKey,
    customerToken: options.customerToken,
    getCustomerToken,
  });
  setSharedClient(client);
  return client;
}

function sharedClient(method: string): LoyaltyClient {
  const client = getSharedClient();
  if (!client) throw new TypeError(`LoyaltyElements.${method}: call LoyaltyElements.init first`);
  return client;
}

/** The client `init` made, shared by every widget on the page. */
export function client(): LoyaltyClient | undefined {
  return getSharedClient();
}

/** Switches every widget to another customer: a token, a token getter, or `null` for a guest. */
export function identify(identity: CustomerIdentity): Promise<void> {
  return sharedClient('identify').identify(identity);
}

/** Signs the shopper out of every widget and clears what the client kept for them. */
export function logout(): Promise<void> {
  return sharedClient('logout').logout();
}

/** Calls `handler` for each change of `type` (`summary`, `identity`, `outbox`, `write_failed`); returns the unsubscribe function. */
export function on<Type extends LoyaltyChange['type']>(
  type: Type,
  handler: (change: Extract<LoyaltyChange, { type: Type }>) => void,
): () => void {
  return sharedClient('on').subscribe((change) => {
    if (change.type === type) handler(change as Extract<LoyaltyChange, { type: Type }>);
  });
}
