// Builds examples/next with `next build` and serves it with `next start`, as a merchant deploys a Next.js app.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('../../examples/next/', import.meta.url));
const nextBin = createRequire(new URL('package.json', `file://${appDir}`)).resolve('next/dist/bin/next');
/** Next.js reports usage to its makers unless told not to; these runs never do. */
const nextEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/**
 * Runs `next build --webpack` (as the app's `build` script does) with `env` (the `NEXT_PUBLIC_…` settings are built into the browser's code); resolves with
 * everything it printed, rejects when it fails.
 */
export function buildNextExample(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [nextBin, 'build', '--webpack'], { cwd: appDir, env: { ...nextEnv, ...env } });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const text = Buffer.concat(output).toString('utf8');
      if (code === 0) resolve(text);
      else reject(new Error(`next build exited with ${code}\n${text}`));
    });
  });
}

export interface NextServer {
  url: string;
  /** Everything `next start` printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Runs `next start` on `port`; resolves once it answers. */
export async function startNextExample(port: number): Promise<NextServer> {
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: nextEnv,
    // Its own process group, so stopping it stops any worker it forks.
    detached: true,
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const server: NextServer = {
    url: `http://localhost:${port}`,
    output: () => Buffer.concat(output).toString('utf8'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${server.output()}`);
    const answered = await fetch(`http://127.0.0.1:${port}/api/loyalty-token`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`next start did not answer within 60 s\n${server.output()}`);
}
