import { createApp } from 'vue';
import { createLoyaltyClient, customerTokenFromUrl } from '@loyalty-elements/sdk';
import { setSharedClient } from '@loyalty-elements/components';
import '@loyalty-elements/components/define/loyalty-points-balance';
import '@loyalty-elements/components/define/loyalty-tier-progress';
import '@loyalty-elements/components/define/loyalty-birthday-greeting';
import '@loyalty-elements/components/define/loyalty-satisfaction-survey';
import App from './App.vue';
import './app.css';

// One client for every widget on the page; the merchant's backend signs the shopper's token.
setSharedClient(
  createLoyaltyClient({
    apiBase: import.meta.env.VITE_LOYALTY_API_BASE ?? 'http://localhost:8787',
    publishableKey: import.meta.env.VITE_LOYALTY_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements',
    getCustomerToken: customerTokenFromUrl('/api/loyalty-token'),
  }),
);

createApp(App).mount('#app');
