import { createServer } from 'node:net';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../../scripts/start-api.mjs';
import { startStorefront } from '../../examples/storefront/serve.ts';

export const DEMO_PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
export const DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Stack {
  apiBase: string;
  storefrontUrl: string;
  stop(): Promise<void>;
}

/** The reference API on a fresh database, and the demo storefront pointing at it, as a shopper meets them. */
export async function startStack(): Promise<Stack> {
  const storefrontPort = await freePort();
  const storefrontOrigin = `http://localhost:${storefrontPort}`;
  const api: { baseUrl: string; stop(): Promise<void> } = await startApi({
    env: { LOYALTY_ALLOWED_ORIGINS: storefrontOrigin },
  });
  const apiBase = api.baseUrl.replace('127.0.0.1', 'localhost');
  const storefront = await startStorefront({
    port: storefrontPort,
    host: '127.0.0.1',
    apiBase,
    publishableKey: DEMO_PUBLISHABLE_KEY,
  });
  return {
    apiBase,
    storefrontUrl: storefrontOrigin,
    async stop() {
      await storefront.close();
      await api.stop();
    },
  };
}
