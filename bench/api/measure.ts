import autocannon, { type Request, type Result } from 'autocannon';

/** One load pattern against one server. */
export interface Scenario {
  id: string;
  name: string;
  /** Origin of the server, `http://127.0.0.1:<port>`. */
  url: string;
  /** The status every response must have. */
  expectedStatus: number;
  /** The requests of one autocannon run (built afresh per run, so counters restart cleanly). */
  requests(): Request[];
  /** A further check of a response that had the expected status: why it is wrong, or null. */
  check?(headers: Record<string, string | string[]>, body: string): string | null;
}

export interface LoadSettings {
  duration: number;
  connections: number;
}

/** Responses that were not what the scenario expects, grouped by reason, with one body each. */
export interface Tally {
  unexpected: Map<string, { count: number; sample: string }>;
  /** Connection errors and timeouts, by message. */
  errors: Map<string, number>;
}

export interface Measurement {
  result: Result;
  tally: Tally;
  /**
   * Every completed request's time, in ms to the microsecond, as they completed. autocannon's own percentiles are in
   * whole milliseconds, too coarse to compare latencies of a few milliseconds.
   */
  latencies: number[];
}

export function emptyTally(): Tally {
  return { unexpected: new Map(), errors: new Map() };
}

export function tallyCount(tally: Tally): { unexpected: number; errors: number } {
  let unexpected = 0;
  let errors = 0;
  for (const { count } of tally.unexpected.values()) unexpected += count;
  for (const count of tally.errors.values()) errors += count;
  return { unexpected, errors };
}

/** Runs autocannon against `scenario` on loopback, checking every response. */
export async function measure(scenario: Scenario, settings: LoadSettings, tally = emptyTally()): Promise<Measurement> {
  const url = new URL(scenario.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`The bench only loads loopback, not ${url.hostname}`);
  const note = (reason: string, body: string) => {
    const seen = tally.unexpected.get(reason);
    if (seen) seen.count += 1;
    else tally.unexpected.set(reason, { count: 1, sample: body.slice(0, 300) });
  };
  const requests = scenario.requests().map((request): Request => ({
    ...request,
    onResponse: (status, body, _context, headers) => {
      if (status !== scenario.expectedStatus) return note(`status ${status}`, body);
      const problem = scenario.check?.(headers, body);
      if (problem) note(problem, body);
    },
  }));
  const instance = autocannon({
    url: url.origin,
    connections: settings.connections,
    duration: settings.duration,
    timeout: 10,
    requests,
  });
  instance.on('reqError', (error: Error) => {
    tally.errors.set(error.message, (tally.errors.get(error.message) ?? 0) + 1);
  });
  const latencies: number[] = [];
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  return { result, tally, latencies };
}

/** A header's value whatever the case of its name. */
export function header(headers: Record<string, string | string[]>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}
