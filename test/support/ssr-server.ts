// A merchant page rendered on the server with Lit SSR, as a Node framework would render it: the four widgets
// in declarative shadow DOM (their loading state: the server has no loyalty client), a customer token signed
// on the server, and a client bundle (ssr-client.ts) that hydrates them.
//
// Runs in its own process (see ssr-stack.ts): `node --import tsx ssr-server.ts` with TSX_TSCONFIG_PATH set to
// the repository's base tsconfig, because tsx applies test/tsconfig.json to files under test/ only, and the
// components' decorators need `experimentalDecorators` wherever they are compiled.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { html, render } from '@lit-labs/ssr';
import { RenderResultReadable } from '@lit-labs/ssr/lib/render-result-readable.js';
import '@loyalty-elements/components/define/loyalty-points-balance';
import '@loyalty-elements/components/define/loyalty-tier-progress';
import '@loyalty-elements/components/define/loyalty-birthday-greeting';
import '@loyalty-elements/components/define/loyalty-satisfaction-survey';
import { signCustomerToken } from '@loyalty-elements/sdk/server';
import type { SsrPageConfig } from './ssr-client.ts';

export interface SsrServerOptions {
  port: number;
  host: string;
  apiBase: string;
  publishableKey: string;
  secretKey: string;
}

/** The part of esbuild's API used here (esbuild comes with tsx, not as a dependency of its own). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

async function loadEsbuild(): Promise<Esbuild> {
  const fromRoot = createRequire(new URL('../../package.json', import.meta.url));
  return (await import(pathToFileURL(createRequire(fromRoot.resolve('tsx')).resolve('esbuild')).href)) as Esbuild;
}

/** The client entry, bundled for the browser as a merchant's build would bundle it. */
async function buildClient(): Promise<string> {
  const esbuild = await loadEsbuild();
  const { outputFiles } = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./ssr-client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const bundle = outputFiles[0];
  if (!bundle) throw new Error('esbuild wrote no client bundle');
  return bundle.text;
}

/** The widgets as the merchant's page template writes them. */
const widgets = () =>
  html`<loyalty-points-balance sign-in-url="/sign-in"></loyalty-points-balance>
    <loyalty-tier-progress sign-in-url="/sign-in"></loyalty-tier-progress>
    <loyalty-birthday-greeting sign-in-url="/sign-in"></loyalty-birthday-greeting>
    <loyalty-satisfaction-survey trigger="post_purchase"></loyalty-satisfaction-survey>`;

/**
 * The same tags, for the browser to render. Not `render(widgets(), { elementRenderers: [] })`: Lit SSR 4.1 then
 * marks every element after the first `defer-hydration`, which keeps them from ever updating.
 */
const CLIENT_WIDGETS = `<loyalty-points-balance sign-in-url="/sign-in"></loyalty-points-balance>
<loyalty-tier-progress sign-in-url="/sign-in"></loyalty-tier-progress>
<loyalty-birthday-greeting sign-in-url="/sign-in"></loyalty-birthday-greeting>
<loyalty-satisfaction-survey trigger="post_purchase"></loyalty-satisfaction-survey>`;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pageStart(lang: string, config: SsrPageConfig): string {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>Server-rendered loyalty widgets</title>
    <meta name="loyalty-config" content="${escapeAttribute(JSON.stringify(config))}" />
    <script type="module" src="/client.js"></script>
    <style>
      body { margin: 0; font-family: system-ui, sans-serif; }
      main { inline-size: 420px; padding: 16px; }
      main > * { margin-block-end: 16px; }
    </style>
  </head>
  <body>
    <main>
`;
}

const PAGE_END = `
    </main>
    <footer>Content after the widgets.</footer>
  </body>
</html>
`;

/**
 * `GET /?customer=<id>&lang=en|zh-CN&render=server|client&defer-client=1`: the page for a shopper (a guest
 * without `customer`). `render=client` leaves the elements to the browser (no declarative shadow DOM), for
 * comparison; `defer-client=1` sets the shared client only when the page calls `connectLoyalty()`.
 * `GET /client.js`: the client bundle.
 */
export async function startSsrServer(options: SsrServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const clientBundle = await buildClient();

  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/client.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(clientBundle);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname !== '/') {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const customerId = url.searchParams.get('customer');
      const customerToken = customerId
        ? await signCustomerToken({
            customerId,
            secretKey: options.secretKey,
            audience: options.publishableKey,
            ttlSeconds: 3600,
          })
        : null;
      const config: SsrPageConfig = {
        apiBase: options.apiBase,
        publishableKey: options.publishableKey,
        customerToken,
        deferClient: url.searchParams.get('defer-client') === '1',
      };
      const lang = url.searchParams.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.write(pageStart(lang, config));
      if (url.searchParams.get('render') === 'client') response.write(CLIENT_WIDGETS);
      else for await (const chunk of new RenderResultReadable(render(widgets()))) response.write(chunk);
      response.end(PAGE_END);
    } catch (error) {
      console.error(error);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const { url } = await startSsrServer({
    port: Number(process.env.PORT ?? 0),
    host: process.env.HOST ?? '127.0.0.1',
    apiBase: env('LOYALTY_API_BASE'),
    publishableKey: env('LOYALTY_PUBLISHABLE_KEY'),
    secretKey: env('LOYALTY_SECRET_KEY'),
  });
  console.log(`SSR page listening on ${url}`);
}
