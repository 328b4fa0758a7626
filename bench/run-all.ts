/**
 * `pnpm bench`: runs bench/size, bench/api (short), bench/render and bench/page one after the other,
 * each in its own process with --json (their progress shows on stderr), then prints every result as
 * one report. `--json` prints that report as one JSON document instead. See README.md.
 *
 *   pnpm bench [-- --render-runs 20 --page-runs 10 --api-duration 3 --skip-build --json --write-readme]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatCombinedReport, type BenchOutcome, type CombinedReport } from './report/combined.ts';
import { generatedBlock, writeGeneratedBlock } from './report/readme.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_RENDER_RUNS = 20;
const DEFAULT_PAGE_RUNS = 10;

const USAGE = `Usage: pnpm bench [-- options]

  --render-runs <n>    bench/render runs per page and slowdown (default 20)
  --page-runs <n>      bench/page page views per shopper and variant (default 10)
  --api-duration <s>   bench/api seconds per scenario (default 3; 1 s warm-up each)
  --skip-build         bench/page uses the drop-in script as built (default: build it first)
  --json               print one JSON document on stdout (progress goes to stderr)
  --write-readme       also write the report into bench/README.md, between its generated-block markers
  --help               show this help`;

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, got "${text}"`);
  return value;
}

/** Runs `node --import tsx <script> --json …` in bench/ and parses what it prints on stdout. */
function runBench<T>(name: BenchOutcome<T>['name'], script: string, args: string[]): Promise<BenchOutcome<T>> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const command = `node --import tsx ${script} ${args.join(' ')}`;
  console.error(`\n>>> bench/${name}: ${command}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: benchDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (exitCode: number, error?: string) => {
      const text = Buffer.concat(chunks).toString('utf8');
      let result: T | null = null;
      let parseError: string | undefined;
      try {
        result = JSON.parse(text) as T;
      } catch {
        parseError = `bench/${name} printed no JSON document (exit ${exitCode}): ${text.slice(0, 300)}`;
      }
      const outcome: BenchOutcome<T> = {
        name,
        command,
        exitCode,
        seconds: (performance.now() - started) / 1000,
        load: [loadAtStart, os.loadavg()[0]!],
        result,
      };
      const reason = error ?? parseError;
      if (reason) outcome.error = reason;
      resolve(outcome);
    };
    child.once('error', (error) => finish(1, String(error)));
    child.once('close', (code) => finish(code ?? 1));
  });
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        'render-runs': { type: 'string' },
        'page-runs': { type: 'string' },
        'api-duration': { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'write-readme': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let renderRuns: number, pageRuns: number, apiDuration: number;
  try {
    renderRuns = wholeNumber('--render-runs', values['render-runs'], DEFAULT_RENDER_RUNS);
    pageRuns = wholeNumber('--page-runs', values['page-runs'], DEFAULT_PAGE_RUNS);
    apiDuration = wholeNumber('--api-duration', values['api-duration'], 3);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }

  const startedAt = new Date().toISOString();
  const size = await runBench<CombinedReport['size']['result'] & object>('size', 'size/run.ts', ['--json']);
  const api = await runBench<CombinedReport['api']['result'] & object>('api', 'api/run.ts', [
    '--json',
    '--duration',
    String(apiDuration),
    '--warmup',
    '1',
  ]);
  const render = await runBench<CombinedReport['render']['result'] & object>('render', 'render/run.ts', [
    '--json',
    '--runs',
    String(renderRuns),
  ]);
  const page = await runBench<CombinedReport['page']['result'] & object>('page', 'page/run.ts', [
    '--json',
    '--runs',
    String(pageRuns),
    ...(values['skip-build'] ? ['--skip-build'] : []),
  ]);

  const outcomes = [size, api, render, page];
  const report: CombinedReport = {
    bench: 'all',
    ok: outcomes.every((outcome) => outcome.exitCode === 0 && outcome.result !== null),
    startedAt,
    node: process.version,
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    size,
    api,
    render,
    page,
  };
  const text = formatCombinedReport(report);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('');
    console.log(text);
    console.log('');
    console.log(report.ok ? 'ok: every bench ran and passed its checks.' : 'FAILED: see the problems above.');
  }
  if (values['write-readme']) {
    const args = process.argv.slice(2).filter((arg) => arg !== '--');
    const block = generatedBlock(report, text, {
      command: `${process.env.BENCH_POSTGRES_URL ? 'BENCH_POSTGRES_URL=<local PostgreSQL> ' : ''}pnpm bench -- ${args.join(' ')}`,
      renderRuns,
      pageRuns,
      defaultRenderRuns: DEFAULT_RENDER_RUNS,
      defaultPageRuns: DEFAULT_PAGE_RUNS,
    });
    await writeGeneratedBlock(fileURLToPath(new URL('README.md', import.meta.url)), block);
    console.error('bench/README.md: generated block rewritten.');
  }
  return report.ok ? 0 : 1;
}

process.exitCode = await main();
