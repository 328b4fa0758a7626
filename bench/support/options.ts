import { parseArgs } from 'node:util';

export interface BrowserBenchOptions {
  runs: number;
  json: boolean;
  /** CPU slowdowns to measure at (`Emulation.setCPUThrottlingRate`); 1 is none. */
  rates: number[];
  /** Use packages/embed/dist/loyalty-elements.js as it is instead of building it first (bench/page). */
  skipBuild: boolean;
}

/**
 * Parses `--runs N --json --help`, and `--rates 1,4` or `--skip-build` when the bench takes them
 * (`defaults.rates` set, or `skipBuild: true`); throws on a bad or unknown flag.
 */
export function parseBrowserBenchOptions(
  argv: string[],
  defaults: { runs: number; rates?: number[]; skipBuild?: boolean },
): BrowserBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      runs: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...(defaults.rates ? { rates: { type: 'string' } } : {}),
      ...(defaults.skipBuild !== undefined ? { 'skip-build': { type: 'boolean', default: false } } : {}),
    },
    strict: true,
  }) as { values: { runs?: string; json: boolean; help: boolean; rates?: string; 'skip-build'?: boolean } };
  if (values.help) return 'help';
  const runs = values.runs === undefined ? defaults.runs : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) {
    throw new Error(`--runs must be a whole number from 1 to 1000, got "${values.runs}"`);
  }
  const rates = values.rates === undefined ? (defaults.rates ?? [1]) : values.rates.split(',').map(Number);
  if (rates.length === 0 || rates.some((rate) => !Number.isFinite(rate) || rate < 1 || rate > 20)) {
    throw new Error(`--rates must be a comma-separated list of slowdowns from 1 to 20, got "${values.rates}"`);
  }
  return { runs, json: values.json, rates, skipBuild: values['skip-build'] ?? false };
}

/** With --json, stdout carries the JSON document only and progress goes to stderr. */
export function progressLog(json: boolean): (text: string) => void {
  return json ? (text) => console.error(text) : (text) => console.log(text);
}

/**
 * The options of a bench's command line, or the exit code to end with: 0 after printing `usage` for `--help`,
 * 2 after printing what is wrong and `usage`.
 */
export function browserBenchOptionsOrExit(
  argv: string[],
  defaults: { runs: number; rates?: number[]; skipBuild?: boolean },
  usage: string,
): BrowserBenchOptions | number {
  try {
    const parsed = parseBrowserBenchOptions(argv, defaults);
    if (parsed !== 'help') return parsed;
    console.log(usage);
    return 0;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
}
