import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the drop-in's CDN files (packages/embed/dist: the loader and each widget's modules) from the current
 * sources. The build's output goes to stderr, or, when `quiet`, only into the error of a failed build.
 */
export function buildEmbed({ quiet = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@loyalty-elements/embed', 'build:cdn'], {
      cwd: repoRoot,
      stdio: ['ignore', quiet ? 'pipe' : 2, quiet ? 'pipe' : 2],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`pnpm --filter @loyalty-elements/embed build:cdn exited ${code}\n${output}`)),
    );
  });
}
