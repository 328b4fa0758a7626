import { build, type Metafile, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildEmbed } from '../support/drop-in.ts';
import { esbuildMinifyCss } from '../../packages/components/build/css-literals.mjs';
import { cdnFiles, cdnFile } from './cdn.ts';
import type { SizeEntry } from './entries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface SizeRow {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
  budget?: number;
  target?: number;
}

/**
 * An esbuild plugin that puts an inert stand-in where zod was: every export gives itself back, so the contract's
 * schemas are still built but check nothing. The bundle is only measured, never run: what validation costs a page.
 */
async function withoutZod(): Promise<Plugin> {
  const zodMini = createRequire(`${here}../../packages/contract/package.json`).resolve('zod/mini');
  const names = Object.keys((await import(pathToFileURL(zodMini).href)) as object);
  const contents = `const inert = new Proxy(function () {}, { get: () => inert, apply: () => inert });
    export { ${names.map((name) => `inert as ${name}`).join(', ')} };`;
  return {
    name: 'without-zod',
    setup(build) {
      build.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: 'inert-zod', namespace: 'without-zod' }));
      build.onLoad({ filter: /.*/, namespace: 'without-zod' }, () => ({ contents, loader: 'js' }));
    },
  };
}

export interface BundleOptions {
  /** false: zod's code left out (see `withoutZod`). */
  zod?: boolean;
  /** Packages the site brings itself, left out of the bundle. */
  external?: string[];
}

/** Bundles `contents` as a merchant's build would from the packages: esbuild, browser, ESM, minified, ES2022. */
export async function bundle(contents: string, { zod = true, external = [] }: BundleOptions = {}) {
  return build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    // The widgets' CSS templates minified, as their packages ship them.
    plugins: [esbuildMinifyCss(), ...(zod ? [] : [await withoutZod()])],
    external,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'out',
    loader: { '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.svg': 'dataurl' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

export const brotli = (code: Uint8Array) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;

export type Sizes = Omit<SizeRow, 'name'>;

/** The bytes of files a page downloads one by one, each compressed on its own as a server would send it. */
export function sizesOf(files: Uint8Array[]): Sizes {
  const total = (size: (code: Uint8Array) => number) => files.reduce((sum, file) => sum + size(file), 0);
  return {
    minified: total((code) => code.byteLength),
    gzip: total((code) => gzipSync(code, { level: 9 }).byteLength),
    brotli: total(brotli),
  };
}

/** Every file the bundle makes (the script, and a stylesheet when it imports CSS), compressed one by one. */
export async function measure(contents: string, options?: BundleOptions): Promise<Sizes> {
  const result = await bundle(contents, options);
  return sizesOf(result.outputFiles.filter((file) => !file.path.endsWith('.map')).map((file) => file.contents));
}

/** Files as they were built, compressed one by one. */
export const measureFiles = (paths: string[]): Sizes => sizesOf(paths.map((path) => readFileSync(path)));

/** Every entry's sizes, in order; builds the drop-in's CDN files first when an entry measures them. */
export async function measureEntries(entries: SizeEntry[]): Promise<SizeRow[]> {
  if (entries.some((entry) => entry.dropInWidgets || entry.dropInFile)) await buildEmbed({ quiet: true });
  const rows: SizeRow[] = [];
  for (const { name, contents, dropInWidgets, besideWidgets, dropInFile, budget, target, external } of entries) {
    const already = new Set(besideWidgets ? cdnFiles(besideWidgets) : []);
    const sizes = dropInFile
      ? measureFiles([cdnFile(dropInFile)])
      : dropInWidgets
        ? measureFiles(cdnFiles(dropInWidgets).filter((file) => !already.has(file)))
        : await measure(contents ?? '', { external });
    rows.push({ name, ...sizes, ...(budget ? { budget } : {}), ...(target ? { target } : {}) });
  }
  return rows;
}

/** The package (or workspace package's source folder) a bundled input file belongs to. */
function ownerOf(input: string): string {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dependency) return dependency[1]!;
  const workspace = /packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(input);
  if (workspace) return `@loyalty-elements/${workspace[1]}${workspace[2] ? `/${workspace[2]}` : ''}`;
  return input;
}

/** Minified bytes of a bundle by what they come from, largest first. */
export function breakdown(metafile: Metafile): Array<{ owner: string; minified: number }> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner = ownerOf(input);
      totals.set(owner, (totals.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .map(([owner, minified]) => ({ owner, minified }))
    .filter((row) => row.minified > 0)
    .sort((a, b) => b.minified - a.minified);
}
