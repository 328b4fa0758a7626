import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds measured per scenario. */
  duration: number;
  /** Seconds of unmeasured load per scenario before it is measured. */
  warmup: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** Print one JSON document on stdout (progress goes to stderr). */
  json: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = { duration: 5, warmup: 1, connections: 20, json: false };

export const USAGE = `Usage: pnpm --filter @loyalty-elements/bench api [-- options]

  --duration <s>     seconds measured per scenario   (env BENCH_DURATION, default ${DEFAULT_OPTIONS.duration})
  --warmup <s>       unmeasured seconds before each  (env BENCH_WARMUP, default ${DEFAULT_OPTIONS.warmup}; 0 skips)
  --connections <n>  concurrent connections          (env BENCH_CONNECTIONS, default ${DEFAULT_OPTIONS.connections})
  --json             print the results as JSON on stdout
  --help             show this help`;

/** Flags win over environment variables, which win over the defaults. Throws on a bad value. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    duration: number('--duration', values.duration ?? env.BENCH_DURATION, DEFAULT_OPTIONS.duration, 1, 600),
    warmup: number('--warmup', values.warmup ?? env.BENCH_WARMUP, DEFAULT_OPTIONS.warmup, 0, 600),
    connections: number(
      '--connections',
      values.connections ?? env.BENCH_CONNECTIONS,
      DEFAULT_OPTIONS.connections,
      1,
      1000,
    ),
    json: values.json,
  };
}

function number(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
