import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface SizeRow {
  name: string;
  minified: number;
  gzip: number;
  brotli: number;
  budget?: number;
  target?: number;
}

/** Bundles `contents` as a merchant's build would: esbuild, browser, ESM, minified, ES2022. */
export async function bundle(contents: string) {
  return build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
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

/** Every file the bundle makes (the script, and a stylesheet when it imports CSS), compressed one by one. */
export async function measure(contents: string): Promise<Omit<SizeRow, 'name'>> {
  const result = await bundle(contents);
  const files = result.outputFiles.filter((file) => !file.path.endsWith('.map'));
  const total = (size: (code: Uint8Array) => number) => files.reduce((sum, file) => sum + size(file.contents), 0);
  return {
    minified: total((code) => code.byteLength),
    gzip: total((code) => gzipSync(code, { level: 9 }).byteLength),
    brotli: total(brotli),
  };
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
