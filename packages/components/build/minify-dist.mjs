// After `tsc`: minifies the `css` templates of the built package in dist/ (see css-literals.mjs).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCssTemplates } from './css-literals.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let before = 0;
let after = 0;
for (const entry of await readdir(dist, { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const path = join(dist, entry);
  const code = await readFile(path, 'utf8');
  const result = await minifyCssTemplates(code, path);
  if (!result) continue;
  before += code.length;
  after += result.code.length;
  await writeFile(path, result.code);
}
console.log(`css templates minified in dist/: ${before - after} bytes fewer`);
