// What `npm start` and `npm test` need on a machine that has only Node and npm: pnpm, the
// workspace's dependencies (from the lockfile) and, for the tests, a Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const PNPM_VERSION = '12.21.0';

function pnpmOnPath() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim().startsWith('12.');
  } catch {
    return false;
  }
}

/** The command that runs pnpm 12: the one on PATH, or a pinned copy through npx. */
export function pnpmCommand() {
  return pnpmOnPath() ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot, ...options });
  if (result.status !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}`);
  }
}

export function pnpm(args, options) {
  const [command, ...prefix] = pnpmCommand();
  run(command, [...prefix, ...args], options);
}

export function installDependencies() {
  pnpm(['install', '--frozen-lockfile'], {
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Finds Chromium (CHROME_PATH wins); installs Debian's package when running as root on Debian. */
export function ensureChromium() {
  const found = [process.env.CHROME_PATH, ...CHROMIUM_CANDIDATES].find((path) => path && existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian’s chromium package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'The browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH.',
  );
}

const TEST_POSTGRES_URL = 'postgres://loyalty:loyalty@127.0.0.1:5432/postgres';

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * A PostgreSQL server for the API's second store: LOYALTY_TEST_DATABASE_URL when set; else, as root
 * on Debian, the `postgresql` package (installed if missing), started on loopback with a `loyalty`
 * role. Returns null when neither is possible.
 */
export function ensurePostgres() {
  if (process.env.LOYALTY_TEST_DATABASE_URL) return process.env.LOYALTY_TEST_DATABASE_URL;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return null;
  if (!existsSync('/usr/bin/pg_ctlcluster')) {
    console.log('PostgreSQL not found: installing Debian’s postgresql package…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n');
  const [version, name, , status] = (clusters[0] ?? '').trim().split(/\s+/);
  if (!version || !name) return null;
  if (status !== 'online') run('pg_ctlcluster', [version, name, 'start']);
  const createRole = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loyalty') THEN
      CREATE ROLE loyalty LOGIN SUPERUSER PASSWORD 'loyalty';
    END IF;
  END $$;`;
  if (!succeeds('su', ['postgres', '-c', `psql -q -v ON_ERROR_STOP=1 -c "${createRole.replace(/\$/g, '\\$')}"`])) {
    return null;
  }
  return TEST_POSTGRES_URL;
}

/** Debian's `redis-server` binary (installed when missing and running as root on Debian), or null. */
export function ensureRedisServer() {
  const binary = '/usr/bin/redis-server';
  if (existsSync(binary)) return binary;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return null;
  console.log('redis-server not found: installing Debian’s redis-server package…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'redis-server'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return existsSync(binary) ? binary : null;
}
