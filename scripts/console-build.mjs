// Builds the merchant console into packages/console/dist (which the API serves at /console/) when it is missing or
// older than the console's sources, so `npm start` stays fast once it is built.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm, repoRoot } from './setup.mjs';

const consoleDir = join(repoRoot, 'packages/console');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

/** The newest modification time among `path` and the files under it. */
function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

export function buildConsoleIfStale() {
  const built = join(consoleDir, 'dist/index.html');
  const sources = Math.max(...SOURCES.map((source) => newestChange(join(consoleDir, source))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  pnpm(['--filter', '@loyalty-elements/console', 'build']);
}
