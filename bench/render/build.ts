import { build } from 'esbuild';
import { esbuildMinifyCss } from '../../packages/components/build/css-literals.mjs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));

/**
 * Bundles `pages/<entry>.ts` as a merchant's build would (esbuild, browser, ESM, minified, ES2022,
 * as bench/size does) into `<outDir>/<id>/`, beside an index.html that loads it, and its stylesheet
 * when it imports CSS. The bundle's first line records when it starts running.
 */
export async function buildPage(outDir: string, id: string, entry: string, body: string): Promise<void> {
  const dir = join(outDir, id);
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: { page: join(pagesDir, `${entry}.ts`) },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: dir,
    loader: { '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.svg': 'dataurl' },
    banner: { js: 'window.benchScriptStart=performance.now();' },
    plugins: [esbuildMinifyCss()],
    logLevel: 'silent',
  });
  const files = await readdir(dir);
  const stylesheet = files.includes('page.css') ? '\n    <link rel="stylesheet" href="page.css" />' : '';
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${id}</title>${stylesheet}
    <script type="module" src="page.js"></script>
  </head>
  <body>
    ${body}
  </body>
</html>
`,
  );
}
