import { formatTable, ms } from '../report/table.ts';
import { summarize, type Summary } from '../support/stats.ts';

export interface LayoutShift {
  value: number;
  startMs: number;
  /** The elements that moved, as `tag#id.class`. */
  sources: string[];
}

/** Marks a request in `apiRequests` that the browser answered from its HTTP cache, without the network. */
export const FROM_CACHE = '(HTTP cache)';

export interface PageSample {
  /**
   * `METHOD /v1/path?query` of every request the page sent to the API, CORS preflights included; one the browser
   * answered from its HTTP cache ends with {@link FROM_CACHE}.
   */
  apiRequests: string[];
  cls: number;
  shifts: LayoutShift[];
  /** Main-thread CPU ms from before navigation until QUIET_MS after every widget settled. */
  mainThreadMs: number;
  /** performance.now() when every widget had left `loading` (the load event without widgets). */
  settledMs: number;
  /** Each widget's `state` at the end (`undefined` when not defined). */
  states: Record<string, string>;
}

export interface PageVariant {
  widgets: boolean;
  /** Median count of each request per page view (a request seen in only some runs still counts). */
  apiRequests: Record<string, number>;
  /** Requests that reached the network (the HTTP cache's answers left out). */
  apiRequestsTotal: Summary;
  cls: Summary;
  mainThreadMs: Summary;
  settledMs: Summary;
  /** Each distinct set of end states, with how many runs ended that way. */
  states: Array<{ states: Record<string, string>; runs: number }>;
  samples: PageSample[];
}

export interface PageViewReport {
  id: string;
  name: string;
  withWidgets: PageVariant;
  withoutWidgets: PageVariant;
  /** Median main-thread ms with the widgets minus without. */
  widgetsMainThreadMs: number;
}

export interface PageReport {
  bench: 'page';
  ok: boolean;
  startedAt: string;
  node: string;
  chromium: string;
  cores: number;
  cpu: string;
  settings: { runs: number; warmupRuns: 1; quietMs: number; contextPerRun: true; embedBuilt: boolean };
  views: PageViewReport[];
  problems: string[];
}

export function variantOf(widgets: boolean, samples: PageSample[]): PageVariant {
  const keys = [...new Set(samples.flatMap((sample) => sample.apiRequests))].sort(byPath);
  const apiRequests: Record<string, number> = {};
  for (const key of keys) {
    apiRequests[key] = summarize(samples.map((sample) => sample.apiRequests.filter((r) => r === key).length)).median;
  }
  const states = new Map<string, number>();
  for (const sample of samples) {
    const key = JSON.stringify(sample.states);
    states.set(key, (states.get(key) ?? 0) + 1);
  }
  return {
    widgets,
    apiRequests,
    apiRequestsTotal: summarize(samples.map((sample) => sample.apiRequests.filter(overTheNetwork).length)),
    cls: summarize(samples.map((sample) => sample.cls)),
    mainThreadMs: summarize(samples.map((sample) => sample.mainThreadMs)),
    settledMs: summarize(samples.map((sample) => sample.settledMs)),
    states: [...states].map(([key, runs]) => ({ states: JSON.parse(key) as Record<string, string>, runs })),
    samples,
  };
}

const overTheNetwork = (request: string) => !request.endsWith(FROM_CACHE);

/** By path, then preflight (OPTIONS) before its request. */
function byPath(a: string, b: string): number {
  const [methodA = '', pathA = ''] = a.split(' ');
  const [methodB = '', pathB = ''] = b.split(' ');
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  return methodA === 'OPTIONS' ? -1 : methodB === 'OPTIONS' ? 1 : methodA.localeCompare(methodB);
}

/** CLS with up to 4 decimals; 0 as "0". */
function cls(value: number): string {
  return value === 0 ? '0' : value.toFixed(4);
}

/** The results as a plain-text table, two rows per view, and each view's API requests. */
export function formatPageTable(views: PageViewReport[]): string {
  const rows: string[][] = [];
  for (const view of views) {
    for (const variant of [view.withWidgets, view.withoutWidgets]) {
      rows.push([
        variant.widgets ? view.name : '',
        variant.widgets ? 'with widgets' : 'without',
        String(variant.apiRequestsTotal.median),
        cls(variant.cls.median),
        cls(variant.cls.max),
        ms(variant.mainThreadMs.median),
        ms(variant.mainThreadMs.p90),
        ms(variant.settledMs.median),
      ]);
    }
    rows.push(['', 'widgets add', '', '', '', ms(view.widgetsMainThreadMs), '', '']);
  }
  const table = formatTable(
    ['shopper view', 'page', 'API requests', 'CLS', 'CLS max', 'main thread ms', 'p90', 'settled ms'],
    rows,
    2,
  );
  const lists = views.map((view) => {
    const requests = Object.entries(view.withWidgets.apiRequests)
      .map(([request, count]) => (count === 1 ? `  ${request}` : `  ${request}  x${count}`))
      .join('\n');
    const ends = view.withWidgets.states
      .map(({ states, runs }) => {
        const list = Object.entries(states).map(([tag, state]) => `${tag.replace(/^loyalty-/, '')}=${state}`);
        return `  ${list.join(' ')} (${runs} of ${view.withWidgets.samples.length} views)`;
      })
      .join('\n');
    return `${view.name}: API requests per page view\n${requests || '  (none)'}\nwidgets ended as\n${ends}`;
  });
  return [table, '', ...lists].join('\n');
}
