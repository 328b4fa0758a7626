import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createStorefront } from '../../examples/storefront/serve.ts';

export const EMBED_FILE = fileURLToPath(new URL('../../packages/embed/dist/loyalty-elements.js', import.meta.url));

/** The page without widgets: the storefront's own page with its loader script tag taken out. */
export const WITHOUT_WIDGETS_PATH = '/bench-without-widgets';
const LOADER_TAG = /<script\s[^>]*src="\/loyalty-elements\.js"[^>]*>\s*<\/script>\s*/;

export interface BenchStorefront {
  /** `http://localhost:<port>`, the origin the API is told to accept. */
  url: string;
  close(): Promise<void>;
}

/**
 * The demo storefront (examples/storefront, its CSP included) on 127.0.0.1, plus one page of the
 * same origin, headers and HTML without the loader: the yardstick for what the widgets add.
 */
export async function startBenchStorefront(port: number, apiBase: string, publishableKey: string, secretKey: string) {
  const storefront = createStorefront({ port, host: '127.0.0.1', apiBase, publishableKey, secretKey });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({
      port,
      hostname: '127.0.0.1',
      fetch: async (request) => {
        const url = new URL(request.url);
        if (url.pathname !== WITHOUT_WIDGETS_PATH) return storefront.fetch(request);
        const page = await storefront.fetch(new Request(new URL(`/${url.search}`, url), request));
        const html = await page.text();
        if (!LOADER_TAG.test(html))
          return new Response('The storefront page has no loader script tag.', { status: 500 });
        const headers = new Headers(page.headers);
        headers.delete('Content-Length');
        return new Response(html.replace(LOADER_TAG, ''), { status: page.status, headers });
      },
    }) as Server;
    started.once('error', reject);
    started.once('listening', () => resolve(started));
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${listening}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  } satisfies BenchStorefront;
}
