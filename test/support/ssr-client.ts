// The browser side of the server-rendered page (ssr-server.ts bundles it): what a merchant's client entry
// does. Lit's hydration support must be imported before anything that imports Lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '@loyalty-elements/components/define/loyalty-points-balance';
import '@loyalty-elements/components/define/loyalty-tier-progress';
import '@loyalty-elements/components/define/loyalty-birthday-greeting';
import '@loyalty-elements/components/define/loyalty-satisfaction-survey';
import { setSharedClient } from '@loyalty-elements/components';
import { createLoyaltyClient } from '@loyalty-elements/sdk';

/** What the server puts in `<meta name="loyalty-config">`. */
export interface SsrPageConfig {
  apiBase: string;
  publishableKey: string;
  customerToken: string | null;
  /** The page sets the shared client only when `window.connectLoyalty()` is called, after the elements upgraded. */
  deferClient: boolean;
}

const meta = document.querySelector<HTMLMetaElement>('meta[name="loyalty-config"]');
if (!meta) throw new Error('The page has no <meta name="loyalty-config">');
const config = JSON.parse(meta.content) as SsrPageConfig;

function connect(): void {
  setSharedClient(
    createLoyaltyClient({
      apiBase: config.apiBase,
      publishableKey: config.publishableKey,
      customerToken: config.customerToken,
    }),
  );
}

if (config.deferClient) (window as Window & { connectLoyalty?: () => void }).connectLoyalty = connect;
else connect();
