import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { OPERATIONS, buildOpenApiDocument } from '@loyalty-elements/contract/openapi';

const AUDIENCE = {
  customer: 'Shopper’s page: X-Publishable-Key + Bearer customer token',
  publishable: 'Any page: X-Publishable-Key, or ?key=',
  secret: 'Merchant backend: Bearer secret key, or the console’s session cookie',
  console: 'The console: its session cookie',
  demo: 'Demo mode only',
  none: 'Anyone',
} as const;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code{font:13px ui-monospace,monospace}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d8dee4;vertical-align:top}
.m{font-weight:700;text-transform:uppercase}`;

/** `/openapi.json`, generated from the contract, and `/docs`, a page that lists every operation. */
export function apiReferenceRoutes(app: Hono): void {
  let document: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => c.json((document ??= buildOpenApiDocument())));

  app.get('/docs', (c) => {
    // No script at all, so the page works under the strictest policy.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    const rows = Object.entries(OPERATIONS).map(
      ([id, op]) =>
        html`<tr id="${id}">
          <td class="m">${op.method}</td>
          <td><code>${op.path.replace(/:(\w+)/g, '{$1}')}</code></td>
          <td>${op.summary}</td>
          <td>${AUDIENCE[op.auth]}${op.idempotent ? html`; <code>Idempotency-Key</code> required` : ''}</td>
        </tr>`,
    );
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>Loyalty Elements API reference</title>
            <style>
              ${raw(STYLE)}
            </style>
          </head>
          <body>
            <h1>Loyalty Elements API</h1>
            <p>
              JSON over HTTPS under <code>/v1</code>. Request and response schemas:
              <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, generated from the contract package). Errors are
              <code>application/problem+json</code> with a stable <code>code</code>.
            </p>
            <table>
              <thead>
                <tr>
                  <th>Method</th>
                  <th>Path</th>
                  <th>What it does</th>
                  <th>Who calls it</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </body>
        </html>`,
    );
  });
}
