import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLoyaltyClient, customerTokenFromUrl } from '@loyalty-elements/sdk';
import { setSharedClient } from '@loyalty-elements/react';
import { App } from './App.tsx';
import './app.css';

// One client for every widget on the page; the merchant's backend signs the shopper's token.
setSharedClient(
  createLoyaltyClient({
    apiBase: import.meta.env.VITE_LOYALTY_API_BASE ?? 'http://localhost:8787',
    publishableKey: import.meta.env.VITE_LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements',
    getCustomerToken: customerTokenFromUrl('/api/loyalty-token'),
  }),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
