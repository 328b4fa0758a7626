// Starts the reference API in a child process for tests and the demo, and resolves once it listens.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const serverMain = fileURLToPath(new URL('../packages/server/src/main.ts', import.meta.url));
const READY = /Loyalty API listening on (http:\/\/\S+)/;

/**
 * @param {{ env?: Record<string, string>, inMemory?: boolean, inherit?: boolean, timeoutMs?: number }} [options]
 *   `inMemory` (default true) gives the run a fresh in-memory database; false keeps LOYALTY_DATA_DIR's.
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>}
 */
export function startApi({ env = {}, inMemory = true, inherit = false, timeoutMs = 120_000 } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    env: { ...process.env, PORT: '0', ...(inMemory ? { LOYALTY_DATA_DIR: 'memory://' } : {}), ...env },
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
      reject(new Error(`The loyalty API did not start within ${timeoutMs} ms\n${Buffer.concat(stderr)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The loyalty API exited with code ${code} before it was ready\n${Buffer.concat(stderr)}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (inherit) console.log(line);
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ baseUrl: match[1], stop });
      }
    });
  });
}
