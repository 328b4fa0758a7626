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
