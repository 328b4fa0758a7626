import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ESM script without types, shared with the demo and the component tests
import { startApi, startService } from '../../scripts/start-api.mjs';
import { DEMO_PUBLISHABLE_KEY, DEMO_SECRET_KEY, freePort } from './stack.ts';

const serverMain = fileURLToPath(new URL('./ssr-server.ts', import.meta.url));
const baseTsconfig = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));
const READY = /SSR page listening on (http:\/\/\S+)/;

export interface SsrStack {
  /** The API, for the test's own calls and for the page's. */
  apiBase: string;
  /** The server-rendered merchant page (ssr-server.ts). */
  pageUrl: string;
  stop(): Promise<void>;
}

/**
 * Imports each module in a fresh Node process with no DOM shim, as a server framework would; resolves with
 * the process's exit code and output. Bare specifiers resolve from test/.
 */
export function importInNode(specifiers: string[]): Promise<{ code: number | null; output: string }> {
  const script = `for (const specifier of JSON.parse(process.argv[1])) await import(specifier);`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script, JSON.stringify(specifiers)],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, TSX_TSCONFIG_PATH: baseTsconfig },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, output: Buffer.concat(output).toString() })),
  );
}

/** Starts ssr-server.ts in a child process; resolves with its URL and a stop function once it listens. */
function startSsrProcess(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  return startService({
    main: serverMain,
    ready: READY,
    name: 'The SSR page server',
    env: { TSX_TSCONFIG_PATH: baseTsconfig, ...env },
    timeoutMs: 60_000,
  });
}

/** The reference API on a fresh database, and the server-rendered merchant page pointing at it. */
export async function startSsrStack(): Promise<SsrStack> {
  const pagePort = await freePort();
  const api: { baseUrl: string; stop(): Promise<void> } = await startApi({
    env: { LOYALTY_ALLOWED_ORIGINS: `http://localhost:${pagePort}` },
  });
  const apiBase = api.baseUrl.replace('127.0.0.1', 'localhost');
  try {
    const page = await startSsrProcess({
      PORT: String(pagePort),
      HOST: '127.0.0.1',
      LOYALTY_API_BASE: apiBase,
      LOYALTY_PUBLISHABLE_KEY: DEMO_PUBLISHABLE_KEY,
      LOYALTY_SECRET_KEY: DEMO_SECRET_KEY,
    });
    return {
      apiBase,
      pageUrl: page.url,
      async stop() {
        await page.stop();
        await api.stop();
      },
    };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
