// `npm test`: every check and test suite of the repository, then one line totalling them all:
// "N passed, N failed, N skipped". `npm test -- server components` runs only the suites named.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureChromium,
  ensurePostgres,
  ensureRedisServer,
  installDependencies,
  pnpm,
  pnpmCommand,
  repoRoot,
} from './setup.mjs';
import { buildConsoleIfStale } from './console-build.mjs';

const nodeSuite = (name, dir, pattern, browser = false) => ({ name, kind: 'node', dir, pattern, browser });
const SUITES = [
  { name: 'typecheck', kind: 'check', args: ['typecheck'] },
  { name: 'lint', kind: 'check', args: ['lint'] },
  // Builds and packs each publishable package: publint, attw, Node imports, no server code in the browser bundle.
  { name: 'packages', kind: 'script', script: 'scripts/check-packages.mjs' },
  // The size budgets: the drop-in, each one-widget page and the SDK, in brotli bytes (bench/size/entries.ts), and
  // real pages in Chromium against the real API.
  { name: 'size', kind: 'script', script: 'bench/size/check.ts', browser: true },
  nodeSuite('contract', 'packages/contract', /\.test\.ts$/),
  nodeSuite('sdk', 'packages/sdk', /\.test\.ts$/),
  // The SDK in Chromium: IndexedDB, localStorage, Web Locks and `online` (test-browser/*.browser-test.ts).
  { name: 'sdk-browser', kind: 'wtr', dir: 'packages/sdk', browser: true },
  // The API's two stores share no port or database: their suites run side by side (`together`).
  { ...nodeSuite('server', 'packages/server', /\.test\.ts$/), together: 'api' },
  { ...nodeSuite('server-postgres', 'packages/server', /\.test\.ts$/), postgres: true, together: 'api' },
  { name: 'components', kind: 'wtr', dir: 'packages/components', browser: true },
  // The merchant's journey (journey.e2e.ts) runs on PGlite and on PostgreSQL. Each file starts its own API, pages and
  // browser on free ports, so two files run at once (`concurrency`): much of a browser test is waiting.
  { ...nodeSuite('e2e', 'test', /^(?!storybook\.).*\.e2e\.ts$/, true), postgres: true, concurrency: 2 },
  // Real processes under faults (test/chaos): kill -9 under load, PostgreSQL restarts, start-up against
  // absent storage, a full disk under PGlite, Redis dying under shared rate limits. Starts a PostgreSQL cluster and
  // a Redis of its own: needs their binaries.
  { ...nodeSuite('chaos', 'test', /\.chaos\.ts$/), postgresBinaries: true, redis: true },
  // Builds Storybook first, then opens every story of the build in Chromium.
  { ...nodeSuite('storybook', 'test', /^storybook\.e2e\.ts$/, true), prepare: buildStorybook },
];

// Fewer tests than this in a suite means tests vanished (a file no longer matched, a describe lost its tests):
// the suite fails. Raise a floor when a suite grows; lower it only with the tests it lost.
const MIN_TESTS = {
  typecheck: 1,
  lint: 1,
  packages: 45,
  size: 27,
  contract: 44,
  sdk: 252,
  'sdk-browser': 26,
  server: 622,
  'server-postgres': 625,
  components: 326,
  e2e: 127,
  storybook: 13,
  chaos: 19,
};
// In CI a suite that cannot start (no PostgreSQL, say) fails the run instead of being skipped.
const ci = ['1', 'true'].includes(String(process.env.CI).toLowerCase());

const wanted = process.argv.slice(2);
const selected = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
const scratch = mkdtempSync(join(tmpdir(), 'loyalty-test-'));

installDependencies();
const env = { ...process.env };
if (selected.some((suite) => suite.browser)) env.CHROME_PATH = ensureChromium();
const postgresUrl = selected.some((suite) => suite.postgres) ? ensurePostgres() : null;
const postgresBinaries = selected.some((suite) => suite.postgresBinaries) ? ensurePostgresBinaries() : null;
const redisServer = selected.some((suite) => suite.redis) ? ensureRedisServer() : null;
if (redisServer) env.LOYALTY_REDIS_SERVER = redisServer;

/** The newest `/usr/lib/postgresql/<version>/bin` holding `pg_ctl`, installing Debian's package when root. */
function ensurePostgresBinaries() {
  const find = () => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const version = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a))[0];
    return version ? join(root, version, 'bin') : null;
  };
  if (find() === null) ensurePostgres();
  return find();
}
// What the e2e files serve is built once here, before they run side by side.
if (selected.some((suite) => suite.name === 'e2e')) {
  pnpm(['--filter', '@loyalty-elements/embed', 'build:cdn']);
  buildConsoleIfStale();
}

function testFiles(dir, pattern) {
  const found = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(repoRoot, dir, relative), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name)) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

function tapTotals(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const total = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    passed: total('pass'),
    failed: total('fail') + total('cancelled'),
    skipped: total('skipped') + total('todo'),
    failures: failedTests(text),
  };
}

/**
 * The tests a TAP report says failed, innermost first within each file, as "file › suite › test", each with the
 * first line of its error: a log that keeps only its tail still says why.
 */
function failedTests(tap) {
  const failures = [];
  const path = [];
  const lines = tap.split('\n');
  lines.forEach((line, index) => {
    const subtest = /^( *)# Subtest: (.*)$/.exec(line);
    if (subtest) path[subtest[1].length / 4] = subtest[2];
    const failed = /^( *)not ok \d+ - (.*?)(?: # .*)?$/.exec(line);
    if (!failed) return;
    const depth = failed[1].length / 4;
    const name = [...path.slice(0, depth), failed[2]].join(' › ');
    // A suite fails with its tests: name the tests, not again each suite around them.
    if (failures.some((known) => known.name.startsWith(`${name} › `))) return;
    failures.push({ name, error: tapError(lines, index + 1, failed[1].length) });
  });
  return failures.map(({ name, error }) => (error ? `${name}\n      ${error}` : name));
}

/** The first line of the `error:` in the YAML block after a "not ok" line. */
function tapError(lines, start, indent) {
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '...' || (line.length - line.trimStart().length <= indent && line.trim() !== '---')) break;
    const error = /^ *error: (.*)$/.exec(line);
    if (!error) continue;
    const value = /^[|>]-?$/.test(error[1]) ? (lines[i + 1] ?? '').trim() : error[1].replace(/^'(.*)'$/, '$1');
    return value.replaceAll("''", "'").slice(0, 240);
  }
  return '';
}

const [pnpmBin, ...pnpmPrefix] = pnpmCommand();

/** `pnpm run build-storybook` (into dist/storybook, git-ignored); the storybook suite serves that folder. */
function buildStorybook() {
  const started = Date.now();
  const { status } = spawnSync(pnpmBin, [...pnpmPrefix, 'run', '--silent', 'build-storybook', '--quiet'], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  console.log(
    `Storybook build: ${status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  env.LOYALTY_STORYBOOK_DIR = join(repoRoot, 'dist/storybook');
  return status === 0;
}

function runSuite(suite, logFile) {
  const cwd = join(repoRoot, suite.dir ?? '');
  if (suite.kind === 'check') {
    const { status } = spawnSync(pnpmBin, [...pnpmPrefix, 'run', '--silent', ...suite.args], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    return status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  }
  if (suite.kind === 'script') {
    // The script prints its own closing "N passed, N failed" line.
    const loader = suite.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const { status, stdout } = spawnSync(process.execPath, [...loader, join(repoRoot, suite.script)], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(stdout);
    const match = /^(\d+) passed, (\d+) failed/m.exec(stdout);
    const failures = [...stdout.matchAll(/^FAIL +(.*)$/gm)].map((line) => line[1]);
    const totals = match
      ? { passed: Number(match[1]), failed: Number(match[2]), skipped: 0, failures }
      : { passed: 0, failed: 1, skipped: 0, failures };
    if (status !== 0 && totals.failed === 0) totals.failed = 1;
    return totals;
  }
  if (suite.kind === 'wtr') {
    const summaryFile = join(scratch, `${suite.name}.json`);
    const { status } = spawnSync(pnpmBin, [...pnpmPrefix, 'exec', 'wtr'], {
      cwd,
      env: { ...env, LOYALTY_TEST_SUMMARY_FILE: summaryFile },
      stdio: 'inherit',
    });
    const totals = existsSync(summaryFile)
      ? JSON.parse(readFileSync(summaryFile, 'utf8'))
      : { passed: 0, failed: 0, skipped: 0 };
    if (status !== 0 && totals.failed === 0) totals.failed = 1;
    return totals;
  }
  if (suite.postgresBinaries && !postgresBinaries) {
    return { passed: 0, failed: 1, skipped: 0, note: 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin' };
  }
  if (suite.redis && !redisServer) {
    return { passed: 0, failed: 1, skipped: 0, note: 'no redis-server (Debian: apt-get install redis-server)' };
  }
  if (suite.postgres && !postgresUrl) {
    const note = 'no PostgreSQL: set LOYALTY_TEST_DATABASE_URL';
    return ci ? { passed: 0, failed: 1, skipped: 0, note } : { passed: 0, failed: 0, skipped: 1, note };
  }
  const files = testFiles(suite.dir, suite.pattern);
  if (files.length === 0) return { passed: 0, failed: 1, skipped: 0, note: 'no test files found' };
  const tapFile = join(scratch, `${suite.name}.tap`);
  const args = [
    '--import',
    'tsx',
    '--test',
    ...(suite.concurrency ? [`--test-concurrency=${suite.concurrency}`] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ];
  const suiteEnv = suite.postgres ? { ...env, LOYALTY_TEST_DATABASE_URL: postgresUrl } : env;
  const finish = (status) => {
    const totals = tapTotals(tapFile);
    if (status !== 0 && totals.failed === 0) totals.failed = 1;
    return totals;
  };
  if (!logFile) {
    const { status } = spawnSync(process.execPath, args, { cwd, env: suiteEnv, stdio: 'inherit' });
    return finish(status);
  }
  const log = openSync(logFile, 'w');
  return new Promise((resolve) => {
    spawn(process.execPath, args, { cwd, env: suiteEnv, stdio: ['ignore', log, log] }).on('close', (status) => {
      closeSync(log);
      resolve(finish(status));
    });
  });
}

/** Runs one suite and checks its floor; with `logFile`, a node suite runs in the background into that file. */
async function runChecked(suite, logFile) {
  const started = Date.now();
  const prepared = suite.prepare ? suite.prepare() : true;
  const totals = prepared
    ? await runSuite(suite, logFile)
    : { passed: 0, failed: 1, skipped: 0, note: 'preparation failed' };
  const ran = totals.passed + totals.failed;
  const floor = MIN_TESTS[suite.name] ?? 1;
  if (totals.skipped === 0 && ran < floor) {
    totals.failed += 1;
    totals.note = `${totals.note ? `${totals.note}; ` : ''}ran ${ran} tests, at least ${floor} expected`;
  }
  return { suite: suite.name, ...totals, seconds: Math.round((Date.now() - started) / 1000) };
}

const results = [];
for (let i = 0; i < selected.length; i++) {
  const suite = selected[i];
  const group = suite.together ? selected.slice(i).filter((other) => other.together === suite.together) : [suite];
  if (group.length === 1) {
    console.log(`\n━━ ${suite.name} ━━`);
    results.push(await runChecked(suite));
    continue;
  }
  console.log(`\n━━ ${group.map((member) => member.name).join(' + ')} (side by side) ━━`);
  const logs = group.map((member) => join(scratch, `${member.name}.log`));
  const grouped = await Promise.all(group.map((member, index) => runChecked(member, logs[index])));
  group.forEach((member, index) => {
    console.log(`\n━━ ${member.name} ━━`);
    process.stdout.write(readFileSync(logs[index], 'utf8'));
  });
  results.push(...grouped);
  i = selected.indexOf(group.at(-1));
}

console.log('\nsuite            passed  failed  skipped  seconds');
for (const r of results) {
  console.log(
    `${r.suite.padEnd(16)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds).padStart(7)}${r.note ? `  (${r.note})` : ''}`,
  );
}
const failures = results.flatMap((r) => (r.failures ?? []).map((name) => `${r.suite}: ${name}`));
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const name of failures.slice(0, 40)) console.log(`  ${name}`);
  if (failures.length > 40) console.log(`  … and ${failures.length - 40} more`);
}
const sum = (key) => results.reduce((total, r) => total + r[key], 0);
console.log(`\n${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(sum('failed') > 0 ? 1 : 0);
