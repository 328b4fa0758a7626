// The size of a page with the points balance as a merchant's Vite app builds it from the packed tarballs: Vite's
// production build (minified, code-split) of an HTML page whose module imports the balance and the SDK, as
// `bench/size`'s "points balance alone" does from the sources. Every script chunk the build makes is one the page
// loads (the only dynamic import is the schemas' chunk, asked for with the first request), each compressed on its own
// with brotli as a server would send it. Used by `scripts/check-packages.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { repoRoot } from './setup.mjs';

/** KB of 1024 bytes, as `bench/size` and `docs/size.md` count them. */
export const KB = 1024;

/** The page's ceiling today: it may shrink, not grow. Issue #25's target for it is 24 KB. */
export const PACKED_BALANCE_BUDGET = 36.9 * KB;
export const PACKED_BALANCE_TARGET = 24 * KB;

const PAGE_SCRIPT = `import { createLoyaltyClient } from '@loyalty-elements/sdk';
import { LoyaltyPointsBalance, setSharedClient } from '@loyalty-elements/components';
LoyaltyPointsBalance.define();
setSharedClient(createLoyaltyClient({ apiBase: location.origin, publishableKey: 'pk_size' }));
`;

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><script type="module" src="./page.js"></script></head>
  <body><loyalty-points-balance></loyalty-points-balance></body>
</html>
`;

/** Vite, from the console's dependencies (the repository has no root copy). */
async function loadVite() {
  const fromConsole = createRequire(join(repoRoot, 'packages/console/package.json'));
  return import(pathToFileURL(fromConsole.resolve('vite')).href);
}

/**
 * Builds the page in `siteDir` (whose node_modules holds the unpacked tarballs) and answers its script bytes:
 * `{ chunks, brotli }`, brotli being the sum over the chunks.
 */
export async function packedBalancePageSize(siteDir) {
  const root = join(siteDir, 'balance-page');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'page.js'), PAGE_SCRIPT);
  writeFileSync(join(root, 'index.html'), PAGE_HTML);
  const { build } = await loadVite();
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, target: 'es2022', modulePreload: false, reportCompressedSize: false },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  const chunks = files.filter((file) => file.type === 'chunk').map((chunk) => Buffer.from(chunk.code));
  const brotli = chunks.reduce(
    (sum, code) => sum + brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    0,
  );
  return { chunks: chunks.length, brotli };
}
