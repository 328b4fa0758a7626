// `pnpm --filter @loyalty-elements/bench size`: what the kit costs a page, beside what a merchant would
// use instead, in the same run. Bundles each entry for the browser as a merchant's build would
// (esbuild, minified, ES2022) and prints minified, gzip and brotli bytes. `--json` prints the rows as JSON.
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
  { name: 'drop-in: five widgets, SDK, Lit', contents: `import '@loyalty-elements/embed';` },
  { name: 'points balance alone', contents: singleWidget('LoyaltyPointsBalance') },
  { name: 'tier progress alone', contents: singleWidget('LoyaltyTierProgress') },
  { name: 'birthday greeting alone', contents: singleWidget('LoyaltyBirthdayGreeting') },
  { name: 'satisfaction survey alone', contents: singleWidget('LoyaltySatisfactionSurvey') },
  { name: 'rewards alone', contents: singleWidget('LoyaltyRewards') },
  {
    name: 'SDK alone',
    contents: `import { createLoyaltyClient } from '@loyalty-elements/sdk'; globalThis.client = createLoyaltyClient;`,
  },
  {
    name: 'SurveyJS: one NPS question, CSS',
    contents: `
      import 'survey-core/survey-core.css';
      import { Model } from 'survey-core';
      import { renderSurvey } from 'survey-js-ui';
      const model = new Model({
        elements: [{ type: 'rating', name: 'nps', title: 'How likely are you to recommend us?', rateMin: 0, rateMax: 10 }],
      });
      renderSurvey(model, document.body);
    `,
  },
  {
    name: 'Shoelace: rating, progress bar',
    contents: `
      import '@shoelace-style/shoelace/dist/components/rating/rating.js';
      import '@shoelace-style/shoelace/dist/components/progress-bar/progress-bar.js';
    `,
  },
  {
    name: '@voucherify/sdk: client side',
    contents: `import { VoucherifyClientSide } from '@voucherify/sdk'; globalThis.client = VoucherifyClientSide;`,
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

/** Every file the bundle makes (the script, and a stylesheet when it imports CSS), compressed one by one. */
async function measure(contents: string): Promise<Omit<Row, 'name'>> {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'out',
    loader: { '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.svg': 'dataurl' },
    write: false,
    logLevel: 'silent',
  });
  const files = result.outputFiles.filter((file) => !file.path.endsWith('.map'));
  const total = (size: (code: Uint8Array) => number) => files.reduce((sum, file) => sum + size(file.contents), 0);
  return {
    minified: total((code) => code.byteLength),
    gzip: total((code) => gzipSync(code, { level: 9 }).byteLength),
    brotli: total((code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength),
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
