// Starts the reference API (or another Node service of the repository) in a child process for tests and the demo,
// and resolves once it says it listens.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('../packages/server/src/main.ts', import.meta.url));

/**
 * Runs `node --import tsx <main>` and resolves with the first capture of `ready` in a line of its output (its URL).
 * @param {{ main: string, ready: RegExp, name: string, env?: Record<string, string>, cwd?: string,
 *   inherit?: boolean, timeoutMs?: number }} options
 *   `inherit` passes the service's output through to ours.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export function startService({ main, ready, name, env = {}, cwd, inherit = false, timeoutMs = 120_000 }) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', inherit ? 'inherit' : 'pipe'],
  });
  const stderr = [];
  child.stderr?.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${timeoutMs} ms\n${Buffer.concat(stderr)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready\n${Buffer.concat(stderr)}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (inherit) console.log(line);
      const match = ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    });
  });
}

/**
 * @param {{ env?: Record<string, string>, inMemory?: boolean, inherit?: boolean, timeoutMs?: number }} [options]
 *   `inMemory` (default true) gives the run a fresh in-memory database; false keeps LOYALTY_DATA_DIR's.
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>}
 */
export async function startApi({ env = {}, inMemory = true, inherit = false, timeoutMs = 120_000 } = {}) {
  const { url, stop } = await startService({
    main: serverMain,
    ready: /Loyalty API listening on (http:\/\/\S+)/,
    name: 'The loyalty API',
    env: { PORT: '0', ...(inMemory ? { LOYALTY_DATA_DIR: 'memory://' } : {}), ...env },
    inherit,
    timeoutMs,
  });
  return { baseUrl: url, stop };
}
