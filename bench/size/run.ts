// `pnpm --filter @loyalty-elements/bench size`: what the kit costs a page. Bundles each entry for the
// browser as a merchant's build would (esbuild, minified, ES2022) and prints minified, gzip and brotli
// bytes. `--json` prints the rows as JSON.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A page with one widget: the widget, the SDK client it talks through, and Lit. */
const singleWidget = (className: string) => `
  import { createLoyaltyClient } from '@loyalty-elements/sdk';
  import { ${className}, setSharedClient } from '@loyalty-elements/components';
  ${className}.define();
  setSharedClient(createLoyaltyClient({ apiBase: location.origin, publishableKey: 'pk_size' }));
`;

const ENTRIES: Array<{ name: string; contents: string }> = [
  { name: 'drop-in: four widgets, SDK, Lit', contents: `import '@loyalty-elements/embed';` },
  { name: 'points balance alone', contents: singleWidget('LoyaltyPointsBalance') },
  { name: 'tier progress alone', contents: singleWidget('LoyaltyTierProgress') },
  { name: 'birthday greeting alone', contents: singleWidget('LoyaltyBirthdayGreeting') },
  { name: 'satisfaction survey alone', contents: singleWidget('LoyaltySatisfactionSurvey') },
  {
    name: 'SDK alone',
    contents: `import { createLoyaltyClient } from '@loyalty-elements/sdk'; globalThis.client = createLoyaltyClient;`,
  },
  {
    name: 'Lit alone (the floor)',
    contents: `import { LitElement, html, css } from 'lit'; globalThis.lit = [LitElement, html, css];`,
  },
];

interface Row {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
}

async function measure(contents: string): Promise<Omit<Row, 'name'>> {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

const rows: Row[] = [];
for (const entry of ENTRIES) rows.push({ name: entry.name, ...(await measure(entry.contents)) });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`${'bundle'.padEnd(34)} ${'minified'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(34)} ${kb(row.minified)} ${kb(row.gzip)} ${kb(row.brotli)}`);
  }
}
