import { createServer } from 'node:net';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi } from '../../scripts/start-api.mjs';
import { startStorefront } from '../../examples/storefront/serve.ts';
import { startApiLink, type ApiLink } from './api-link.ts';

export const DEMO_PUBLISHABLE_KEY = 'pk_demo_loyalty_elements';
export const DEMO_SECRET_KEY = 'sk_demo_loyalty_elements_not_secret';

/** A port nothing listens on now, on loopback. */
export function freePort(): Promise<number> {
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
  /** The API, for the test's own calls. */
  apiBase: string;
  storefrontUrl: string;
  /** With `cuttableApi`: the link the storefront's pages reach the API through. */
  link?: ApiLink;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Pages reach the API through a link the test can cut (see api-link.ts). Default false. */
  cuttableApi?: boolean;
  /** More origins the API accepts calls from, beside the storefront's. */
  allowedOrigins?: string[];
}

/** The reference API on a fresh database, and the demo storefront pointing at it, as a shopper meets them. */
export async function startStack({ cuttableApi = false, allowedOrigins = [] }: StackOptions = {}): Promise<Stack> {
  const storefrontPort = await freePort();
  const storefrontOrigin = `http://localhost:${storefrontPort}`;
  const api: { baseUrl: string; stop(): Promise<void> } = await startApi({
    env: { LOYALTY_ALLOWED_ORIGINS: [storefrontOrigin, ...allowedOrigins].join(',') },
  });
  const apiBase = api.baseUrl.replace('127.0.0.1', 'localhost');
  const link = cuttableApi ? await startApiLink(apiBase) : undefined;
  const storefront = await startStorefront({
    port: storefrontPort,
    host: '127.0.0.1',
    apiBase: link?.url ?? apiBase,
    publishableKey: DEMO_PUBLISHABLE_KEY,
    secretKey: DEMO_SECRET_KEY,
  });
  return {
    apiBase,
    storefrontUrl: storefrontOrigin,
    ...(link ? { link } : {}),
    async stop() {
      await storefront.close();
      await link?.close();
      await api.stop();
    },
  };
}
