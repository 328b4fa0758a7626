// `node scripts/check-packages.mjs`: checks what npm users would get from the publishable packages. Each one is
// built (tsc, src → dist/), packed with `pnpm pack` (which applies `publishConfig` and turns `workspace:*` into
// versions; `npm pack` does neither), and its tarball is checked: the packed manifest, publint and attw. The
// tarballs are then unpacked into a scratch site's node_modules: Node must import every entry point, and the SDK's
// browser entry, bundled as a site would bundle it, must contain no server-only code.
// Prints one line per check (`ok  …` or `FAIL …` followed by the tool's output), then `N passed, N failed`;
// exits with 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { pnpmCommand, repoRoot } from './setup.mjs';

/** The publishable packages, in build order (the SDK depends on the contract). */
const PACKAGES = ['packages/contract', 'packages/sdk'];

/** The SDK's browser entry must not pull in any of these: they only come with server-only code. */
const SERVER_ONLY = ['SignJWT', 'node:', 'createHash'];

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const [pnpmBin, ...pnpmPrefix] = pnpmCommand();

// attw: ESM-only packages cannot pass the default `strict` profile, for two reasons that are by design:
// - node10 (TypeScript's legacy `moduleResolution: node`, from before `exports` and ESM) ignores `exports`, so
//   subpaths such as `./server` cannot resolve there without a `typesVersions` shim, for consumers who could not
//   load an ESM-only package anyway. The `node16` profile leaves out node10 only; `main`/`types` still serve `.`.
// - node16 from CJS: `require()` resolving to an ES module (`cjs-resolves-to-esm`) is exactly what ESM-only means
//   (and Node ≥ 20.19 can `require()` it). We ignore that one rule rather than use `--profile esm-only`, which would
//   skip the node16-from-CJS resolution altogether: every other problem there (no types for `require`, a types
//   file whose format does not match its JavaScript, …) still fails the check.
const ATTW_FLAGS = ['--format', 'ascii', '--no-color', '--no-emoji', '--profile', 'node16'];
const ATTW_IGNORED_RULES = ['--ignore-rules', 'cjs-resolves-to-esm'];

let passed = 0;
let failed = 0;

function report(ok, name, output = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL '}${name}`);
  if (!ok && output.trim()) console.log(output.trim().replace(/^/gm, '    '));
  return ok;
}

// Plain output from the tools (picocolors, used by publint, takes any FORCE_COLOR, even 0, as "use colours").
const { FORCE_COLOR: _forceColor, ...plainEnv } = { ...process.env, NO_COLOR: '1' };

/** Runs a command; returns its status and combined output. */
function run(command, args, cwd = repoRoot) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: plainEnv });
  const output = [result.stdout, result.stderr, result.error?.message].filter(Boolean).join('\n');
  return { ok: result.status === 0, output };
}

/** Every path a package's `exports` map (nested conditions included) points at. */
function exportTargets(exports) {
  if (typeof exports === 'string') return [exports];
  if (!exports || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** Problems with a packed package.json: entry points must be built files, and no `workspace:` range may remain. */
function manifestProblems(manifest) {
  const problems = [];
  if (!manifest.exports) problems.push('no "exports"');
  for (const target of exportTargets(manifest.exports)) {
    if (target !== './package.json' && !target.startsWith('./dist/')) problems.push(`exports → ${target}`);
  }
  for (const field of ['main', 'types', 'module']) {
    if (manifest[field] && !manifest[field].startsWith('./dist/')) problems.push(`${field} → ${manifest[field]}`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  return problems;
}

/** esbuild, which the repository has through tsx (and Vite) rather than as a direct dependency. */
async function loadEsbuild() {
  const fromRoot = createRequire(join(repoRoot, 'package.json'));
  for (const owner of ['tsx', 'vite']) {
    try {
      return await import(createRequire(fromRoot.resolve(owner)).resolve('esbuild'));
    } catch {
      // Not installed through this one: try the next.
    }
  }
  throw new Error('esbuild not found: run `pnpm install`');
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const scratch = mkdtempSync(join(tmpdir(), 'loyalty-packages-'));
// The unpacked tarballs, laid out as in a site's node_modules.
const consumer = join(scratch, 'site');
const names = new Set(
  PACKAGES.map((dir) => JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).name),
);

try {
  /** name → { dir, manifest } of each package that built, packed and unpacked with a sound package.json. */
  const unpacked = new Map();
  for (const dir of PACKAGES) {
    const cwd = join(repoRoot, dir);
    const { name } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));

    const build = run(pnpmBin, [...pnpmPrefix, 'run', 'build'], cwd);
    if (!report(build.ok, `build ${name}`, build.output)) continue;

    const pack = run(pnpmBin, [...pnpmPrefix, 'pack', '--json', '--pack-destination', scratch], cwd);
    let tarball;
    try {
      tarball = JSON.parse(pack.output.slice(pack.output.indexOf('{'))).filename;
    } catch {
      // Reported just below.
    }
    if (!report(pack.ok && Boolean(tarball), `pack ${name}`, pack.output)) continue;

    const target = join(consumer, 'node_modules', name);
    mkdirSync(target, { recursive: true });
    const untar = run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    let problems = [untar.output];
    if (untar.ok) {
      const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
      problems = manifestProblems(manifest);
      if (!problems.length) unpacked.set(name, { dir, manifest });
    }
    report(!problems.length, `packed package.json ${name}`, problems.join('\n'));

    const publint = run(bin('publint'), ['run', tarball, '--strict']);
    report(publint.ok, `publint ${name}`, publint.output);

    const attw = run(bin('attw'), [tarball, ...ATTW_FLAGS, ...ATTW_IGNORED_RULES]);
    report(attw.ok, `attw ${name}`, attw.output);
  }

  // The site's third-party dependencies: links to the copies the workspace has installed.
  for (const { dir, manifest } of unpacked.values()) {
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      const link = join(consumer, 'node_modules', dependency);
      if (names.has(dependency) || existsSync(link)) continue;
      try {
        mkdirSync(dirname(link), { recursive: true });
        symlinkSync(realpathSync(join(repoRoot, dir, 'node_modules', dependency)), link, 'junction');
      } catch (error) {
        report(false, `link ${dependency} into the scratch site`, `${error.message}\n(run \`pnpm install\`)`);
      }
    }
  }

  // Node imports every entry point of the packed packages (catches, say, `.ts` imports left in the JavaScript).
  for (const [name, { manifest }] of unpacked) {
    const subpaths = Object.keys(manifest.exports).filter((key) => key.startsWith('.') && key !== './package.json');
    const specifiers = (subpaths.length ? subpaths : ['.']).map((subpath) => name + subpath.slice(1));
    const script = `for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);`;
    const imported = run(process.execPath, ['--input-type=module', '--eval', script], consumer);
    report(imported.ok, `node import ${specifiers.join(', ')}`, imported.output);
  }

  // The browser entry, bundled from the tarballs as a site's bundler would. The search for server-only code runs on
  // a bundle whose identifiers are not minified, since minifying renames classes such as jose's SignJWT; the sizes
  // are those of the fully minified bundle. A bundle of `./server` is the control: the search must find SignJWT there.
  if (!unpacked.has('@loyalty-elements/sdk') || !unpacked.has('@loyalty-elements/contract')) {
    report(
      false,
      'browser bundle @loyalty-elements/sdk',
      'not checked: the SDK or the contract did not build and pack cleanly (see above)',
    );
  } else {
    const bundle = async (specifier, options) => {
      const result = await (
        await loadEsbuild()
      ).build({
        stdin: { contents: `export * from '${specifier}';`, resolveDir: consumer, sourcefile: 'site.js' },
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        ...options,
      });
      return result.outputFiles[0].contents;
    };
    const readable = { minifyWhitespace: true, minifySyntax: true };
    const serverOnlyIn = (bytes) => SERVER_ONLY.filter((text) => Buffer.from(bytes).includes(text));
    try {
      const found = serverOnlyIn(await bundle('@loyalty-elements/sdk', readable));
      const minified = await bundle('@loyalty-elements/sdk', { minify: true });
      const sizes = `${kB(minified.length)} minified, ${kB(brotliCompressSync(minified).length)} brotli`;
      report(
        !found.length,
        `browser bundle @loyalty-elements/sdk: no server-only code (${sizes})`,
        `contains ${found.join(', ')}`,
      );
      const control = serverOnlyIn(await bundle('@loyalty-elements/sdk/server', readable));
      report(
        control.includes('SignJWT'),
        'browser bundle @loyalty-elements/sdk/server: server-only code detected (control)',
        'SignJWT not found in the server entry: the check above cannot see server-only code any more',
      );
    } catch (error) {
      report(false, 'browser bundle @loyalty-elements/sdk', String(error.message ?? error));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
