import type { CostRow } from './cost.ts';
import type { Result } from 'autocannon';
import { tallyCount, type Tally } from './measure.ts';

export interface ScenarioReport {
  id: string;
  name: string;
  /** Mean of the per-second request counts of the measured run. */
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** requestsPerSec / the bare route's requestsPerSec (mean of its first and last run). */
  ratioToBare: number;
  completed: number;
  non2xx: number;
  /** Responses without the expected status, or failing the scenario's check. */
  unexpected: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BenchReport {
  bench: 'api';
  ok: boolean;
  startedAt: string;
  node: string;
  cores: number;
  cpu: string;
  platform: string;
  settings: { duration: number; warmup: number; connections: number };
  /** Time to start the reference API (PGlite in memory: init, migrations, demo seed). */
  apiStartupMs: number;
  /** The yardstick: the mean req/s of the bare route's two runs, first and last. */
  bareRequestsPerSec: number;
  /** |first - last| / mean of the bare runs: how much the machine changed during the run. */
  bareDrift: number;
  scenarios: ScenarioReport[];
  /** The summary against the bare route per store, history length and isolation (cost.ts). */
  cost: CostRow[];
  checks: Check[];
  problems: string[];
}

export function scenarioReport(
  id: string,
  name: string,
  result: Result,
  tally: Tally,
  bareRps: number,
): ScenarioReport {
  const counts = tallyCount(tally);
  const statusCodes: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statusCodes[status] = count;
  const requestsPerSec = round(result.requests.mean, 1);
  return {
    id,
    name,
    requestsPerSec,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ratioToBare: round(result.requests.mean / bareRps, 4),
    completed: result.latency.totalCount,
    non2xx: result.non2xx,
    unexpected: counts.unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The results as a plain-text table, one row per scenario. */
export function formatTable(scenarios: ScenarioReport[]): string {
  const header = [
    'scenario',
    'req/s (mean)',
    'p50 ms',
    'p99 ms',
    'x bare',
    'requests',
    'non-2xx',
    'unexpected',
    'errors',
  ];
  const rows = scenarios.map((s) => [
    s.name,
    integer.format(s.requestsPerSec),
    String(s.p50Ms),
    String(s.p99Ms),
    s.ratioToBare.toFixed(3),
    integer.format(s.completed),
    String(s.non2xx),
    String(s.unexpected),
    s.timeouts > 0 ? `${s.errors} (${s.timeouts} timeouts)` : String(s.errors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The problems a tally records, one line each, labelled with the scenario and phase. */
export function tallyProblems(label: string, tally: Tally): string[] {
  const lines: string[] = [];
  for (const [reason, { count, sample }] of tally.unexpected) {
    lines.push(`${label}: ${count} x ${reason}; e.g. ${JSON.stringify(sample)}`);
  }
  for (const [message, count] of tally.errors) lines.push(`${label}: ${count} x error "${message}"`);
  return lines;
}

/** The cost rows as a table. */
export function formatCostTable(rows: readonly CostRow[]): string {
  const header = ['store', 'row', 'figure', 'target', 'met'];
  const cells = rows.map((row) => [row.store, row.row, row.figure, row.target, row.met ? 'yes' : 'NO']);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  return [header, ...cells].map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
