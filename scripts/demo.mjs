// `npm start`: installs what is missing, builds the drop-in and (when its sources changed) the merchant console,
// then runs the reference API (on its embedded database, serving the console) and the demo storefront until Ctrl+C.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildConsoleIfStale } from './console-build.mjs';
import { installDependencies, pnpm, repoRoot } from './setup.mjs';
import { startApi } from './start-api.mjs';

installDependencies();
pnpm(['--filter', '@loyalty-elements/embed', 'build:cdn']);
buildConsoleIfStale();

const apiPort = process.env.PORT ?? '8787';
const storefrontPort = process.env.STOREFRONT_PORT ?? '8080';
console.log('Starting the loyalty API (the first start creates and seeds its database)…');
// Warnings and errors only: one JSON line per request would bury the addresses printed below.
const api = await startApi({
  inherit: true,
  inMemory: false,
  env: { PORT: apiPort, LOYALTY_LOG_LEVEL: process.env.LOYALTY_LOG_LEVEL ?? 'warn' },
});
const apiBase = api.baseUrl.replace('127.0.0.1', 'localhost');
console.log(`Merchant console ready on ${apiBase}/console/ (demo mode: sign in with the demo key)`);

const storefront = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('../examples/storefront/serve.ts', import.meta.url))],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, LOYALTY_API_BASE: apiBase, STOREFRONT_PORT: storefrontPort },
  },
);

const stop = async () => {
  storefront.kill('SIGTERM');
  await api.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
storefront.on('exit', (code) => {
  if (code) void api.stop().then(() => process.exit(code));
});
