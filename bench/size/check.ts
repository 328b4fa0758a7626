// The size budgets `pnpm test` enforces (its `size` suite): bundles every kit entry that has a budget and fails
// when one exceeds it. Prints one line per budget, then "N passed, N failed".
import { KIT_ENTRIES } from './entries.ts';
import { measureEntries } from './measure.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let passed = 0;
let failed = 0;
for (const { name, brotli, budget, target } of await measureEntries(KIT_ENTRIES.filter((entry) => entry.budget))) {
  if (budget === undefined) continue;
  const within = brotli <= budget;
  if (within) passed += 1;
  else failed += 1;
  const goal = target === undefined ? '' : `; target ${kb(target)}${brotli <= target ? ' (met)' : ''}`;
  console.log(`${within ? 'ok  ' : 'FAIL'} ${name}: ${kb(brotli)} brotli, budget ${kb(budget)}${goal}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
