import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Hono, MiddlewareHandler } from 'hono';

/**
 * The console's pages allow nothing but this origin's own files: no inline script or style, no eval, no framing.
 * Lit's styles are constructed style sheets and Chart.js sizes its canvas through the CSSOM, which the policy allows.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Built files under `assets/` carry a content hash in their names: they never change, so they are cached a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const CONSOLE_BUILD_COMMAND = 'pnpm --filter @loyalty-elements/console build';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body><h1>The console is not built yet</h1>
<p>Build it with <code>${CONSOLE_BUILD_COMMAND}</code>, then reload this page.</p></body></html>`;

async function fileAt(path: string): Promise<Buffer | undefined> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

function send(c: Context, body: Buffer, path: string, cacheControl: string): Response {
  c.header('Content-Type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
  c.header('Cache-Control', cacheControl);
  c.header('Content-Security-Policy', CONSOLE_CSP);
  return c.body(new Uint8Array(body));
}

/**
 * Serves the built console (`distDir`) at `/console/`: its files, and `index.html` for every other path under it
 * (the app's own routes). Without a build, `/console/` answers 503 with a page saying how to make one.
 */
export function consoleStaticRoutes(app: Hono, distDir: string): void {
  const serve: MiddlewareHandler = async (c, next) => {
    if (c.req.path.startsWith('/console/api/') || !['GET', 'HEAD'].includes(c.req.method)) return next();
    if (c.req.path === '/console') return c.redirect('/console/', 308);
    const relative = normalize(decodedPath(c.req.path.slice('/console/'.length)) ?? '..');
    const path = join(distDir, relative);
    if (relative.startsWith('..') || !(path === distDir || path.startsWith(distDir + sep))) return next();
    const file = relative === '.' || relative === '' ? undefined : await fileAt(path);
    if (file !== undefined) return send(c, file, path, relative.startsWith(`assets${sep}`) ? IMMUTABLE : 'no-cache');
    // A missing hashed asset is a 404, not the app's page.
    if (relative.startsWith(`assets${sep}`)) return next();
    const indexPath = join(distDir, 'index.html');
    const index = await fileAt(indexPath);
    if (index === undefined) {
      c.header('Content-Security-Policy', CONSOLE_CSP);
      c.header('Cache-Control', 'no-store');
      return c.html(NOT_BUILT_PAGE, 503);
    }
    return send(c, index, indexPath, 'no-cache');
  };
  app.use('/console', serve);
  app.use('/console/*', serve);
}

function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
