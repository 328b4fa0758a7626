// `pnpm --filter @loyalty-elements/bench size`: what the kit costs a page, beside what a merchant would
// use instead, in the same run. `--json` prints the rows as JSON; `--breakdown` adds what the drop-in is made of,
// and what zod's validation costs each bundle.
import { breakdown, bundle, measure, measureEntries } from './measure.ts';
import { KIT_ENTRIES, PAGE_ENTRIES, PEER_ENTRIES } from './entries.ts';
import { measurePages } from './pages.ts';

const rows = [...(await measureEntries([...KIT_ENTRIES, ...PEER_ENTRIES])), ...(await measurePages(PAGE_ENTRIES))];

const kb = (bytes: number | undefined) => (bytes === undefined ? '' : `${(bytes / 1024).toFixed(1)} KB`).padStart(9);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const header = ['minified', 'gzip', 'brotli', 'budget', 'target'].map((title) => title.padStart(9)).join(' ');
  console.log(`${'bundle'.padEnd(34)} ${header}`);
  for (const row of rows) {
    const figures = [row.minified, row.gzip, row.brotli, row.budget, row.target].map(kb).join(' ');
    console.log(`${row.name.padEnd(34)} ${figures}`);
  }
  console.log('\nbudget: the most `pnpm test` allows (brotli); target: where the project wants the bundle to be.');
}

if (process.argv.includes('--breakdown')) {
  const dropIn = KIT_ENTRIES.find((entry) => entry.contents?.includes('@loyalty-elements/embed'))!;
  const { metafile } = await bundle(dropIn.contents!);
  console.log(`\n${dropIn.name}, minified bytes by what they come from:`);
  for (const { owner, minified } of breakdown(metafile)) {
    console.log(`${owner.padEnd(52)} ${kb(minified)}`);
  }
  console.log("\nWhat checking answers with zod costs (brotli; zod's code left out, every schema inert):");
  console.log(`${'bundle'.padEnd(34)} ${['with zod', 'without'].map((title) => title.padStart(9)).join(' ')}`);
  for (const entry of KIT_ENTRIES.filter((kit) => kit.contents)) {
    const [withZod, without] = await Promise.all([measure(entry.contents!), measure(entry.contents!, { zod: false })]);
    console.log(`${entry.name.padEnd(34)} ${kb(withZod.brotli)} ${kb(without.brotli)}`);
  }
}
