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

/** Issue #25's render targets: how many times sooner and lighter than SurveyJS, in the same run. */
export const RENDER_TARGETS = { ready: 3, mainThread: 4 } as const;

const times = (value: number) => `${value.toFixed(1)}×`;

/**
 * Our NPS survey, and the dependency floor (Lit, ky and zod doing the least a survey can), against SurveyJS in the
 * same run, at each slowdown: SurveyJS's median over ours, so 3× means ready in a third of SurveyJS's time.
 */
export function formatRenderTargets(rows: RenderRow[]): string {
  const find = (id: string, rate: number) => rows.find((row) => row.id === id && row.rate === rate);
  const lines: string[][] = [];
  for (const rate of [...new Set(rows.map((row) => row.rate))]) {
    const peer = find('surveyjs-nps', rate);
    if (!peer) continue;
    for (const id of ['satisfaction-survey', 'dependency-floor']) {
      const ours = find(id, rate);
      if (!ours) continue;
      const ready = peer.readyMs.median / ours.readyMs.median;
      const cpu = peer.mainThreadMs.median / ours.mainThreadMs.median;
      lines.push([
        ours.name,
        `${rate}x`,
        `${times(ready)} (${ms(ours.readyMs.median)} vs ${ms(peer.readyMs.median)} ms)`,
        `≥ ${RENDER_TARGETS.ready}×`,
        ready >= RENDER_TARGETS.ready ? 'yes' : 'no',
        `${times(cpu)} (${ms(ours.mainThreadMs.median)} vs ${ms(peer.mainThreadMs.median)} ms)`,
        `≥ ${RENDER_TARGETS.mainThread}×`,
        cpu >= RENDER_TARGETS.mainThread ? 'yes' : 'no',
      ]);
    }
  }
  return formatTable(
    ['against SurveyJS', 'CPU', 'ready, sooner', 'target', 'met', 'main thread, lighter', 'target', 'met'],
    lines,
  );
}
