// The size budgets `pnpm test` enforces (its `size` suite): bundles every kit entry that has a budget and fails
// when one exceeds it. Prints one line per budget, then "N passed, N failed".
import { KIT_ENTRIES, PAGE_ENTRIES, SAME_COST_MARGIN } from './entries.ts';
import { measureEntries } from './measure.ts';
import { measurePages } from './pages.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let passed = 0;
let failed = 0;
const rows = [
  ...(await measureEntries(KIT_ENTRIES.filter((entry) => entry.budget))),
  ...(await measurePages(PAGE_ENTRIES)),
];
for (const { name, brotli, budget, target } of rows) {
  if (budget === undefined) continue;
  const within = brotli <= budget;
  if (within) passed += 1;
  else failed += 1;
  const goal = target === undefined ? '' : `; target ${kb(target)}${brotli <= target ? ' (met)' : ''}`;
  console.log(`${within ? 'ok  ' : 'FAIL'} ${name}: ${kb(brotli)} brotli, budget ${kb(budget)}${goal}`);
}
// Entries that must cost the same: one widget from a package's root and from its own entry point.
for (const { name, sameCostAs } of KIT_ENTRIES) {
  const row = rows.find((measured) => measured.name === name);
  const other = rows.find((measured) => measured.name === sameCostAs);
  if (!sameCostAs || !row || !other) continue;
  const apart = Math.abs(row.brotli - other.brotli);
  const same = apart <= SAME_COST_MARGIN;
  if (same) passed += 1;
  else failed += 1;
  console.log(
    `${same ? 'ok  ' : 'FAIL'} ${name} costs what ${sameCostAs} does: ${kb(apart)} apart, at most ${kb(SAME_COST_MARGIN)}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
