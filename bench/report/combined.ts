import { formatCostTable, formatTable as formatApiTable, type BenchReport as ApiReport } from '../api/report.ts';
import { formatPageTable } from '../page/report.ts';
import type { PageReport } from '../page/report.ts';
import { formatRenderTable, formatRenderTargets, type RenderReport } from '../render/report.ts';
import type { SizeRow } from '../size/measure.ts';
import { formatTable } from './table.ts';

/** What one bench run came to: its JSON document, or why there is none. */
export interface BenchOutcome<T> {
  name: 'size' | 'api' | 'render' | 'page';
  command: string;
  exitCode: number;
  seconds: number;
  /** The 1-minute load average of the machine when the bench started and ended. */
  load: [number, number];
  result: T | null;
  error?: string;
}

export interface CombinedReport {
  bench: 'all';
  ok: boolean;
  startedAt: string;
  node: string;
  cores: number;
  cpu: string;
  size: BenchOutcome<SizeRow[]>;
  api: BenchOutcome<ApiReport>;
  render: BenchOutcome<RenderReport>;
  page: BenchOutcome<PageReport>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function heading(outcome: BenchOutcome<unknown>, title: string): string {
  const status = outcome.exitCode === 0 ? 'ok' : `FAILED (exit ${outcome.exitCode})`;
  const load = `load ${outcome.load[0].toFixed(1)} -> ${outcome.load[1].toFixed(1)}`;
  return `== ${outcome.name}: ${title}  [${status}, ${Math.round(outcome.seconds)} s, ${load}]`;
}

function problems(list: string[] | undefined, error: string | undefined): string[] {
  const lines = [...(error ? [error] : []), ...(list ?? [])];
  return lines.length === 0 ? [] : ['problems:', ...lines.map((line) => `  - ${line}`)];
}

/** Every bench's results in one report: a section per bench, each a table. */
export function formatCombinedReport(report: CombinedReport): string {
  const out: string[] = [
    `Loyalty Elements benches, ${report.startedAt}: node ${report.node}, ${report.cores} cores (${report.cpu})`,
    '',
  ];

  const { size, api, render, page } = report;
  out.push(heading(size, 'bytes a page downloads (esbuild, minified, ES2022; gzip -9, brotli q11)'));
  if (size.result) {
    out.push(
      formatTable(
        ['bundle', 'minified', 'gzip', 'brotli', 'budget', 'target'],
        size.result.map((row) => [
          row.name,
          kb(row.minified),
          kb(row.gzip),
          kb(row.brotli),
          row.budget ? kb(row.budget) : '',
          row.target ? kb(row.target) : '',
        ]),
      ),
    );
  }
  out.push(...problems(undefined, size.error), '');

  const apiSettings = api.result?.settings;
  out.push(
    heading(
      api,
      apiSettings
        ? `reference API throughput (PGlite in memory; ${apiSettings.duration} s per scenario, ${apiSettings.connections} connections)`
        : 'reference API throughput',
    ),
  );
  if (api.result?.scenarios) {
    out.push(formatApiTable(api.result.scenarios));
    out.push(
      `x bare = req/s over the bare Hono route's ${Math.round(api.result.bareRequestsPerSec)} req/s in the same run`,
    );
  }
  if (api.result?.cost) out.push('', formatCostTable(api.result.cost));
  out.push(...problems(api.result?.problems, api.error), '');

  const renderSettings = render.result?.settings;
  out.push(
    heading(
      render,
      renderSettings
        ? `time to ready data and main-thread CPU (headless Chromium, median of ${renderSettings.runs} runs, a new context each)`
        : 'time to ready data and main-thread CPU',
    ),
  );
  if (render.result?.rows) {
    out.push(formatRenderTable(render.result.rows));
    out.push('ready: from the bundle starting to run; main thread: CPU ms from navigation to ready (thread ticks)');
    out.push('', formatRenderTargets(render.result.rows));
  }
  out.push(...problems(render.result?.problems, render.error), '');

  const pageSettings = page.result?.settings;
  out.push(
    heading(
      page,
      pageSettings
        ? `the demo storefront with all widgets vs without the loader (median of ${pageSettings.runs} page views)`
        : 'the demo storefront with all widgets',
    ),
  );
  if (page.result?.views) out.push(formatPageTable(page.result.views));
  out.push(...problems(page.result?.problems, page.error));

  return out.join('\n').trimEnd();
}
