import {
  createLoyaltyClient,
  customerTokenFromUrl,
  type CustomerTokenGetter,
  type LoyaltyClient,
} from '@loyalty-elements/sdk';
import { LoyaltyPointsBalance, setSharedClient } from '@loyalty-elements/components';

/** Every element the drop-in defines. */
const ELEMENTS = [LoyaltyPointsBalance];

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

/**
 * Defines every `<loyalty-*>` element and gives them one shared client.
 * Importing this module has no side effects; calling `init` does.
 */
export function init(options: EmbedOptions): LoyaltyClient {
  const getCustomerToken =
    options.getCustomerToken ?? (options.customerTokenUrl ? customerTokenFromUrl(options.customerTokenUrl) : undefined);
  const client = createLoyaltyClient({
    apiBase: options.apiBase,
    publishableKey: options.publishableKey,
    customerToken: options.customerToken,
    getCustomerToken,
  });
  for (const element of ELEMENTS) element.define();
  setSharedClient(client);
  return client;
}
