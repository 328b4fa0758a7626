import { createLoyaltyClient, customerTokenFromUrl } from '@loyalty-elements/sdk';
import { setSharedClient } from '@loyalty-elements/react';

// Next.js runs this file in the browser before it hydrates the page: the widgets the server rendered find the
// client as soon as they upgrade. One client for every widget; the app's own route signs the shopper's token.
setSharedClient(
  createLoyaltyClient({
    apiBase: process.env.NEXT_PUBLIC_LOYALTY_API_BASE ?? 'http://localhost:8787',
    publishableKey: process.env.NEXT_PUBLIC_LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements',
    getCustomerToken: customerTokenFromUrl('/api/loyalty-token'),
  }),
);
