// `node scripts/check-packages.mjs`: checks what npm users would get from the publishable packages. `pnpm build`
// builds them all (tsc, src → dist/, plus the embed's CDN file and the components' custom-elements.json); each is
// packed with `pnpm pack` (which applies `publishConfig` and turns `workspace:*` into versions; `npm pack` does
// neither), and its tarball is checked: the packed manifest, publint and attw. The tarballs are then unpacked into a
// scratch site's node_modules: Node must import every module entry point (as a server-rendering framework would),
// and the browser entries, bundled as a site would bundle them, must contain no server-only code.
// Prints one line per check (`ok  …` or `FAIL …` followed by the tool's output), then `N passed, N failed`;
// exits with 1 if anything failed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { KB, PACKED_BALANCE_BUDGET, PACKED_BALANCE_TARGET, packedBalancePageSize } from './packed-page-size.mjs';
import { pnpmCommand, repoRoot } from './setup.mjs';

/**
 * The publishable packages, each depending only on those before it. `untyped` entry points are not modules with
 * types (attw leaves them out); `browserOnly` ones are classic scripts for a <script> tag (Node does not import them).
 * `cdn`: the package carries the drop-in's CDN files (the loader and the widget modules it imports).
 * `clientOnly`: every module entry point starts with the `'use client'` directive, so a React Server Components
 * framework (Next.js App Router) renders its components as client components without the page saying so.
 */
const PACKAGES = [
  { dir: 'packages/contract' },
  { dir: 'packages/sdk' },
  { dir: 'packages/components', untyped: ['./custom-elements.json'] },
  { dir: 'packages/embed', browserOnly: ['./loyalty-elements.js'], cdn: true },
  { dir: 'packages/react', clientOnly: true },
];

/** Browser entries bundled from the tarballs: none may contain server-only code. */
const BROWSER_ENTRIES = [
  '@loyalty-elements/sdk',
  '@loyalty-elements/components',
  '@loyalty-elements/embed/pure',
  '@loyalty-elements/react',
];

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

/** The files a target names in the unpacked package (a `*` matches within one folder level, as in `exports`). */
function filesFor(packageDir, target) {
  if (!target.includes('*')) return existsSync(join(packageDir, target)) ? [target] : [];
  const folder = dirname(target);
  const [prefix, suffix] = target.slice(folder.length + 1).split('*');
  const entries = existsSync(join(packageDir, folder)) ? readdirSync(join(packageDir, folder)) : [];
  return entries
    .filter((name) => name.startsWith(prefix) && name.endsWith(suffix) && name.length > prefix.length + suffix.length)
    .map((name) => `${folder}/${name}`);
}

/**
 * Problems with a packed package.json: entry points must be built files that are in the tarball, no `workspace:`
 * range may remain, and a `customElements` manifest must be packed and name only packed modules.
 */
function manifestProblems(manifest, packageDir) {
  const problems = [];
  if (!manifest.exports) problems.push('no "exports"');
  const targets = [...exportTargets(manifest.exports), ...['main', 'types', 'module'].map((f) => manifest[f])];
  for (const target of targets.filter(Boolean)) {
    if (/(?<!\.d)\.ts$/.test(target)) problems.push(`${target}: a TypeScript source as an entry point`);
    else if (!filesFor(packageDir, target).length) problems.push(`${target}: not in the tarball`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${name} is still ${range}`);
    }
  }
  if (manifest.customElements) {
    const file = join(packageDir, manifest.customElements);
    if (!existsSync(file)) problems.push(`customElements → ${manifest.customElements}: not in the tarball`);
    else {
      const { modules = [] } = JSON.parse(readFileSync(file, 'utf8'));
      if (!modules.length) problems.push(`${manifest.customElements} lists no modules`);
      for (const { path } of modules) {
        if (!existsSync(join(packageDir, path))) problems.push(`${manifest.customElements} names ${path}: not packed`);
      }
    }
  }
  return problems;
}

/** The files every published package carries besides its code, and the fields a registry search reads. */
function publishingProblems(manifest, packageDir) {
  const problems = [];
  const license = join(packageDir, 'LICENSE');
  if (!existsSync(license)) problems.push('LICENSE: not in the tarball');
  else if (readFileSync(license, 'utf8') !== readFileSync(join(repoRoot, 'LICENSE'), 'utf8'))
    problems.push("LICENSE differs from the repository's");
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, not MIT`);
  if (!existsSync(join(packageDir, 'README.md'))) problems.push('README.md: not in the tarball');
  if (!manifest.description) problems.push('no description');
  if (!manifest.keywords?.length) problems.push('no keywords');
  // Source maps and build manifests stay out of the tarball; a file that still names a missing map would make
  // browsers' developer tools and some bundlers complain.
  for (const file of readdirSync(packageDir, { recursive: true }).map(String)) {
    if (file.endsWith('.map') || file.split(/[\\/]/).includes('.vite')) problems.push(`${file}: packed`);
    else if (/\.js$/.test(file) && /sourceMappingURL=/.test(readFileSync(join(packageDir, file), 'utf8')))
      problems.push(`${file}: names a source map`);
  }
  return problems;
}

/** The packed JavaScript entry points that do not begin with the `'use client'` directive. */
function missingClientDirective(manifest, packageDir) {
  const entries = new Set(
    [...exportTargets(manifest.exports), manifest.main].filter((target) => target?.endsWith('.js')),
  );
  if (!entries.size) return ['no JavaScript entry points'];
  return [...entries]
    .filter((entry) => !/^(['"])use client\1;?\r?\n/.test(readFileSync(join(packageDir, entry), 'utf8')))
    .map((entry) => `${entry}: does not start with 'use client'`);
}

/**
 * What a CDN serving the packed package would miss: the loader that the `unpkg` and `jsdelivr` fields name, and
 * every file the widget build's manifest (in the build, not the tarball) names (each widget's module and the chunks
 * it imports), which the loader fetches from `widgets/` beside itself.
 */
/**
 * What is wrong with the packed Lit `css` templates: the widgets' build minifies them
 * (packages/components/build/css-literals.mjs), except in a file that builds CSS with `unsafeCSS()`, and keeps
 * media queries in the form Safari before 16.4 reads (`max-width`, not `width <=`).
 */
function shippedCssProblems(packageDir) {
  const problems = [];
  for (const file of readdirSync(join(packageDir, 'dist'), { recursive: true }).map(String)) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(packageDir, 'dist', file), 'utf8');
    const templates = [...code.matchAll(/\bcss\s*`([^`]*)`/g)].map(([, text]) => text);
    if (!code.includes('unsafeCSS(') && templates.some((text) => /\/\*|\n/.test(text))) {
      problems.push(`${file}: a css template is not minified`);
    }
    if (templates.some((text) => /@media[^{]*\((width|height)\s*[<>]/.test(text))) {
      problems.push(`${file}: a media query in range syntax`);
    }
  }
  return problems;
}

function cdnProblems(manifest, packageDir, builtDir) {
  const loader = join(packageDir, 'dist/loyalty-elements.js');
  const manifestFile = join(builtDir, 'dist/widgets/.vite/manifest.json');
  if (!existsSync(loader)) return ['dist/loyalty-elements.js: not in the tarball'];
  if (!existsSync(join(packageDir, 'dist/loyalty-elements.all.js')))
    return ['dist/loyalty-elements.all.js: not in the tarball'];
  if (!existsSync(manifestFile)) return ['dist/widgets/.vite/manifest.json: not built'];
  const cdnFields = ['unpkg', 'jsdelivr'].filter((field) => manifest[field] !== './dist/loyalty-elements.js');
  if (cdnFields.length) return cdnFields.map((field) => `"${field}" does not name ./dist/loyalty-elements.js`);
  const chunks = Object.values(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const problems = chunks
    .map((chunk) => `dist/widgets/${chunk.file}`)
    .filter((file) => !existsSync(join(packageDir, file)))
    .map((file) => `${file}: not in the tarball`);
  const entries = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.file);
  const loaderText = readFileSync(loader, 'utf8');
  if (!entries.length) problems.push('the widget build made no modules');
  for (const entry of entries) {
    // The loader asks for `widgets/${tag}.js`: each module's tag must be one it knows.
    const tag = entry.replace(/\.js$/, '');
    if (!new RegExp(`["'\`]${tag}["'\`]`).test(loaderText))
      problems.push(`dist/widgets/${entry}: the loader does not know <${tag}>`);
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
const nameOf = (dir) => JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')).name;
const names = new Set(PACKAGES.map(({ dir }) => nameOf(dir)));

try {
  const build = run(pnpmBin, [...pnpmPrefix, 'run', 'build']);
  report(build.ok, 'pnpm build: every publishable package and the CDN files', build.output);

  // changesets reads its config and the pending changesets, and plans the next versions.
  const plan = join(scratch, 'changeset-plan.json');
  const changesets = run(bin('changeset'), ['status', '--output', plan]);
  report(
    changesets.ok && existsSync(plan),
    'changeset status: config and pending changesets are valid',
    changesets.output,
  );

  /** name → { dir, manifest, browserOnly } of each package that packed and unpacked with a sound package.json. */
  const unpacked = new Map();
  for (const { dir, untyped = [], browserOnly = [], cdn = false, clientOnly = false } of build.ok ? PACKAGES : []) {
    const cwd = join(repoRoot, dir);
    const name = nameOf(dir);

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
    const manifest = untar.ok ? JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) : undefined;
    if (manifest) {
      problems = manifestProblems(manifest, target);
      if (!problems.length) unpacked.set(name, { dir, manifest, target, browserOnly });
    }
    report(!problems.length, `packed package.json ${name}`, problems.join('\n'));
    if (manifest) {
      const unpublishable = publishingProblems(manifest, target);
      const what = `publishing files of ${name}: LICENSE, README, keywords, no source maps`;
      report(!unpublishable.length, what, unpublishable.join('\n'));
    }
    if (cdn && manifest) {
      const missing = cdnProblems(manifest, target, cwd);
      report(!missing.length, `CDN files of ${name}: the loader and every widget module`, missing.join('\n'));
    }
    if (name === '@loyalty-elements/components' && manifest) {
      const css = shippedCssProblems(target);
      report(!css.length, `CSS templates of ${name}: minified, media queries Safari 16 reads`, css.join('\n'));
    }
    if (clientOnly && !problems.length) {
      const missing = missingClientDirective(manifest, target);
      report(!missing.length, `'use client' first in every entry of ${name}`, missing.join('\n'));
    }

    const publint = run(bin('publint'), ['run', tarball, '--strict']);
    report(publint.ok, `publint ${name}`, publint.output);

    const excluded = untyped.length ? ['--exclude-entrypoints', ...untyped] : [];
    const attw = run(bin('attw'), [tarball, ...ATTW_FLAGS, ...ATTW_IGNORED_RULES, ...excluded]);
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
  // Peer dependencies a site brings itself (React for the React wrappers): the workspace's copies.
  for (const { dir, manifest } of unpacked.values()) {
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      const link = join(consumer, 'node_modules', peer);
      const installed = join(repoRoot, dir, 'node_modules', peer);
      if (names.has(peer) || existsSync(link) || !existsSync(installed)) continue;
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(realpathSync(installed), link, 'junction');
    }
  }

  // Node imports every module entry point of the packed packages, as a server-rendering framework (Next.js, Nuxt)
  // would, with no DOM: catches `.ts` imports left in the JavaScript and browser globals touched at import time.
  for (const [name, { manifest, target, browserOnly }] of unpacked) {
    const specifiers = Object.entries(manifest.exports)
      // Entries with no JavaScript (the editors' JSON, the types-only framework typings) are not imported.
      .filter(([, targets]) => exportTargets(targets).some((path) => path.endsWith('.js')))
      .filter(([subpath]) => subpath.startsWith('.') && !browserOnly.includes(subpath))
      .flatMap(([subpath, targets]) => {
        if (!subpath.includes('*')) return [name + subpath.slice(1)];
        // `./define/*` → one specifier per packed file it matches.
        const pattern = exportTargets(targets).find((path) => path.endsWith('.js'));
        const [before, after] = pattern.split('*');
        return filesFor(target, pattern).map(
          (file) => name + subpath.slice(1).replace('*', file.slice(before.length, file.length - after.length)),
        );
      });
    const script = `for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);`;
    const imported = run(process.execPath, ['--input-type=module', '--eval', script], consumer);
    report(imported.ok, `node import ${specifiers.join(', ')}`, imported.output);
  }

  // A Node-only project (`lib` without the DOM, Node's types) typechecks against the SDK's server entry, as a
  // merchant's backend that signs tokens and verifies webhooks would.
  if (unpacked.has('@loyalty-elements/sdk')) {
    const project = join(consumer, 'node-only');
    mkdirSync(join(consumer, 'node_modules/@types'), { recursive: true });
    const nodeTypes = join(consumer, 'node_modules/@types/node');
    if (!existsSync(nodeTypes))
      symlinkSync(realpathSync(join(repoRoot, 'node_modules/@types/node')), nodeTypes, 'junction');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    const compilerOptions = { module: 'nodenext', target: 'es2022', lib: ['es2022'], types: ['node'], strict: true };
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true } }),
    );
    writeFileSync(
      join(project, 'backend.ts'),
      [
        "import { signCustomerToken, verifyWebhook, WebhookVerificationError } from '@loyalty-elements/sdk/server';",
        "export const token: Promise<string> = signCustomerToken({ customerId: 'c', secretKey: 'sk_x', audience: 'pk_x' });",
        "export const receive = (body: string, headers: Record<string, string>) => verifyWebhook(body, headers, 'whsec_x');",
        'export const isBadSignature = (error: unknown) => error instanceof WebhookVerificationError;',
      ].join('\n'),
    );
    const typecheck = run(bin('tsc'), ['-p', project]);
    report(
      typecheck.ok,
      '@loyalty-elements/sdk/server typechecks in a Node-only project (no DOM lib)',
      typecheck.output,
    );
  }

  // Typed templates (test/types/<framework>): a project of each framework, with the packed packages, type-checks its
  // own use of the elements' tags, and each line marked as an expected error (a misspelt attribute, a value of the
  // wrong type, a handler for another event) is one. The editors' data names every element.
  if (unpacked.has('@loyalty-elements/components')) {
    const { target } = unpacked.get('@loyalty-elements/components');
    const vue = join(repoRoot, 'examples/vue/node_modules/vue');
    if (!existsSync(join(consumer, 'node_modules/vue')))
      symlinkSync(realpathSync(vue), join(consumer, 'node_modules/vue'), 'junction');
    const checkers = {
      react: [bin('tsc'), 'TSX with React 19'],
      vue: [join(repoRoot, 'examples/vue/node_modules/.bin/vue-tsc'), 'Vue templates under vue-tsc strictTemplates'],
    };
    for (const [framework, [checker, what]] of Object.entries(checkers)) {
      const project = join(consumer, `types-${framework}`);
      cpSync(join(repoRoot, 'test/types', framework), project, { recursive: true });
      const typecheck = run(checker, ['-p', project]);
      report(typecheck.ok, `typed templates: ${what} (test/types/${framework})`, typecheck.output);
    }
    const tags = JSON.parse(readFileSync(join(target, 'custom-elements.json'), 'utf8'))
      .modules.flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => declaration.tagName);
    const manifest = unpacked.get('@loyalty-elements/components').manifest;
    const webTypes = JSON.parse(readFileSync(join(target, manifest['web-types']), 'utf8'));
    const vsCode = JSON.parse(readFileSync(join(target, 'dist/editors/vscode.html-custom-data.json'), 'utf8'));
    const missing = [
      ...tags
        .filter((tag) => !webTypes.contributions.html.elements.some((element) => element.name === tag))
        .map((tag) => `web-types: ${tag}`),
      ...tags
        .filter((tag) => !vsCode.tags.some((element) => element.name === tag))
        .map((tag) => `VS Code data: ${tag}`),
    ];
    report(
      tags.length > 0 && !missing.length,
      `editor data names all ${tags.length} elements (VS Code, JetBrains)`,
      missing.join('\n'),
    );
  }

  // The browser entries, bundled from the tarballs as a site's bundler would. The search for server-only code runs
  // on a bundle whose identifiers are not minified, since minifying renames classes such as jose's SignJWT; the sizes
  // are those of the fully minified bundle. A bundle of `./server` is the control: the search must find SignJWT there.
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
      // React is the site's own; the check is about what this kit adds.
      external: ['react', 'react/*'],
      ...options,
    });
    return result.outputFiles[0].contents;
  };
  const readable = { minifyWhitespace: true, minifySyntax: true };
  const serverOnlyIn = (bytes) => SERVER_ONLY.filter((text) => Buffer.from(bytes).includes(text));
  for (const specifier of BROWSER_ENTRIES) {
    const owner = [...unpacked.keys()].find((name) => specifier === name || specifier.startsWith(`${name}/`));
    if (!owner) {
      report(false, `browser bundle ${specifier}`, 'not checked: its package did not build and pack cleanly (above)');
      continue;
    }
    try {
      const found = serverOnlyIn(await bundle(specifier, readable));
      const minified = await bundle(specifier, { minify: true });
      const sizes = `${kB(minified.length)} minified, ${kB(brotliCompressSync(minified).length)} brotli`;
      report(
        !found.length,
        `browser bundle ${specifier}: no server-only code (${sizes})`,
        `contains ${found.join(', ')}`,
      );
    } catch (error) {
      report(false, `browser bundle ${specifier}`, String(error.message ?? error));
    }
  }
  if (unpacked.has('@loyalty-elements/components')) {
    try {
      const { chunks, brotli } = await packedBalancePageSize(consumer);
      const size = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
      report(
        brotli <= PACKED_BALANCE_BUDGET,
        `a page with the points balance, built by Vite from the tarballs: ${size(brotli)} brotli in ${chunks} ` +
          `chunks, budget ${size(PACKED_BALANCE_BUDGET)}; target ${size(PACKED_BALANCE_TARGET)}`,
        'over its budget',
      );
    } catch (error) {
      report(false, 'a page with the points balance, built by Vite from the tarballs', String(error.message ?? error));
    }
  }
  if (unpacked.has('@loyalty-elements/sdk')) {
    try {
      const control = serverOnlyIn(await bundle('@loyalty-elements/sdk/server', readable));
      report(
        control.includes('SignJWT'),
        'browser bundle @loyalty-elements/sdk/server: server-only code detected (control)',
        'SignJWT not found in the server entry: the check above cannot see server-only code any more',
      );
    } catch (error) {
      report(false, 'browser bundle @loyalty-elements/sdk/server', String(error.message ?? error));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
