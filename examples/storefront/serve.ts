// The demo merchant site: serves the storefront page and the embed file, and, standing in for a
// merchant backend, chooses which demo shopper is signed in.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { signCustomerToken } from '@loyalty-elements/sdk/server';
import { CUSTOMER_TOKEN_PATH, renderStorefront } from './render.ts';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
const headTemplate = fileURLToPath(new URL('./page-head.html', import.meta.url));
const embedDir = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));

export interface StorefrontOptions {
  port: number;
  host: string;
  apiBase: string;
  publishableKey: string;
  /** The program's secret key, which signs shoppers' tokens here as it would on a merchant's server. */
  secretKey: string;
}

const CUSTOMER_TOKEN_TTL_SECONDS = 60 * 60;

const allowAnyOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', '*');
};

export function createStorefront(options: StorefrontOptions) {
  const app = new Hono();
  const contentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(options.apiBase).origin}`,
    "img-src 'self' data:",
  ].join('; ');
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  // The merchant backend's part: a token for the signed-in shopper (here, the one the query names).
  app.get(CUSTOMER_TOKEN_PATH, async (c) => {
    const customerId = c.req.query('shopper') ?? '';
    c.header('Cache-Control', 'no-store');
    if (customerId === '' || customerId === 'guest' || customerId.length > 128) return c.body(null, 401);
    const token = await signCustomerToken({
      customerId,
      secretKey: options.secretKey,
      audience: options.publishableKey,
      ttlSeconds: CUSTOMER_TOKEN_TTL_SECONDS,
    });
    return c.json({ token });
  });

  /** Serves a page template of public/ filled for the shopper and language the query names. */
  const page = (template: string) => async (c: Context) =>
    c.html(
      renderStorefront(
        await readFile(`${publicDir}${template}`, 'utf8'),
        {
          apiBase: options.apiBase,
          publishableKey: options.publishableKey,
          shopper: c.req.query('shopper') ?? 'demo-shopper',
          lang: c.req.query('lang') === 'en' ? 'en' : 'zh-CN',
        },
        await readFile(headTemplate, 'utf8'),
      ),
    );
  app.get('/', page('index.html'));
  // Where a shopper leaves the program: the exit survey asks why.
  app.get('/leave', page('leave.html'));
  // A shop page with the rewards panel alone: a launcher in the corner that opens every widget.
  app.get('/shop', page('shop.html'));
  // The drop-in as a CDN serves it: the loader, and beside it the widget modules it imports when their tags
  // appear. Any origin may import them, as from a CDN (a page of your own on :8000, say).
  app.use('/loyalty-elements.js', allowAnyOrigin);
  app.use('/widgets/*', allowAnyOrigin);
  app.get('/loyalty-elements.js', async (c) => {
    try {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      return c.body(await readFile(`${embedDir}loyalty-elements.js`, 'utf8'));
    } catch {
      return c.text('loyalty-elements.js is not built yet: run `pnpm build` first.', 503);
    }
  });
  app.use('/widgets/*', serveStatic({ root: embedDir }));
  app.use('/*', serveStatic({ root: publicDir }));
  return app;
}

export function startStorefront(options: StorefrontOptions): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: createStorefront(options).fetch, port: options.port, hostname: options.host },
      (info) =>
        resolve({
          url: `http://${options.host === '127.0.0.1' ? 'localhost' : options.host}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        }),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apiBase = process.env.LOYALTY_API_BASE ?? 'http://localhost:8787';
  const { url } = await startStorefront({
    port: Number(process.env.STOREFRONT_PORT ?? 8080),
    host: process.env.STOREFRONT_HOST ?? '127.0.0.1',
    apiBase,
    publishableKey: process.env.LOYALTY_DEMO_PUBLISHABLE_KEY ?? 'pk_demo_loyalty_elements',
    secretKey: process.env.LOYALTY_DEMO_SECRET_KEY ?? 'sk_demo_loyalty_elements_not_secret',
  });
  console.log(`Storefront ready on ${url} (API ${apiBase})`);
}
