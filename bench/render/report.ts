import { formatTable, ms } from '../report/table.ts';
import type { MainThreadTimes } from '../support/chromium.ts';
import type { Summary } from '../support/stats.ts';

export interface RenderSample {
  /** From the bundle's first statement to ready data on show. */
  readyMs: number;
  /** From navigation start (the document's time origin) to ready data on show. */
  readyFromNavigationMs: number;
  /** From the bundle's first statement to the start of the page's first request to the API; absent without one. */
  firstRequestMs?: number | undefined;
  /** Main-thread CPU time from before navigation until ready was seen (DevTools, thread ticks). */
  mainThread: MainThreadTimes;
}

export interface RenderRow {
  id: string;
  name: string;
  rate: number;
  readyMs: Summary;
  readyFromNavigationMs: Summary;
  /** Of the runs that asked the API anything (none for a page that does not). */
  firstRequestMs: Summary;
  mainThreadMs: Summary;
  scriptMs: Summary;
  samples: RenderSample[];
}

export interface RenderReport {
  bench: 'render';
  ok: boolean;
  startedAt: string;
  node: string;
  chromium: string;
  cores: number;
  cpu: string;
  settings: { runs: number; rates: number[]; warmupRuns: 1; contextPerRun: true };
  rows: RenderRow[];
  problems: string[];
}

/** The results as a plain-text table, one row per page and slowdown. */
export function formatRenderTable(rows: RenderRow[]): string {
  const range = (s: Summary) => `${ms(s.min)}–${ms(s.max)}`;
  return formatTable(
    [
      'page',
      'CPU',
      'ready ms',
      'p90',
      'min–max',
      'main thread ms',
      'p90',
      'min–max',
      'ready from nav ms',
      'first API request at ms',
    ],
    rows.map((row) => [
      row.name,
      `${row.rate}x`,
      ms(row.readyMs.median),
      ms(row.readyMs.p90),
      range(row.readyMs),
      ms(row.mainThreadMs.median),
      ms(row.mainThreadMs.p90),
      range(row.mainThreadMs),
      ms(row.readyFromNavigationMs.median),
      ms(row.firstRequestMs.median),
    ]),
  );
}
