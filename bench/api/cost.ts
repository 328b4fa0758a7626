/**
 * The API's cost rows of bench/api: the summary against the bare route at 50 connections on each store, the
 * summary and an order (which earns points) for a customer with 10 ledger entries beside one with 100,000, and a light customer's p99
 * alone and while the heavy one is loaded. Run by run.ts after its own scenarios.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig, openPostgres, startServer } from '@loyalty-elements/server';
import { percentile } from '../support/stats.ts';
import { measure, type Measurement, type Scenario } from './measure.ts';
import { bareScenario, earnHeaders, type ApiAccess } from './scenarios.ts';
import { BENCH_RATE_LIMIT, signCustomerToken, startBareServer } from './servers.ts';
import { tallyProblems } from './report.ts';

export const LIGHT_ENTRIES = 10;
export const HEAVY_ENTRIES = 100_000;
/** Connections of the summary-to-bare comparison. */
const SUMMARY_CONNECTIONS = 50;
/** Connections of the history-length and isolation rows. */
const CUSTOMER_CONNECTIONS = 10;
/** Rounds of the isolation row, alone then loaded each; the row reports the median round. */
const ISOLATION_ROUNDS = 3;

export interface CostRow {
  store: 'PGlite' | 'PostgreSQL';
  row: string;
  figure: string;
  target: string;
  met: boolean;
}

export interface CostOptions {
  duration: number;
  warmup: number;
  /** A PostgreSQL server to make a fresh database on; without it the PostgreSQL rows are left out. */
  postgresUrl: string | undefined;
  log: (line: string) => void;
}

export async function measureCost(options: CostOptions): Promise<{ rows: CostRow[]; problems: string[] }> {
  const rows: CostRow[] = [];
  const problems: string[] = [];
  await storeCost('PGlite', undefined, options, rows, problems);
  if (options.postgresUrl) {
    const name = `loyalty_bench_${randomUUID().replaceAll('-', '')}`;
    const admin = await openPostgres(options.postgresUrl);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(options.postgresUrl);
      url.pathname = `/${name}`;
      await storeCost('PostgreSQL', url.toString(), options, rows, problems);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.close();
    }
  } else {
    options.log('PostgreSQL rows left out: set BENCH_POSTGRES_URL to a server the bench may create a database on.');
  }
  return { rows, problems };
}

async function storeCost(
  store: CostRow['store'],
  databaseUrl: string | undefined,
  options: CostOptions,
  rows: CostRow[],
  problems: string[],
): Promise<void> {
  const { log } = options;
  log(`cost on ${store}: starting the API...`);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOYALTY_DATA_DIR: 'memory://',
    LOYALTY_LOG_LEVEL: 'silent',
    LOYALTY_RATE_LIMIT_PER_IP: BENCH_RATE_LIMIT,
    LOYALTY_RATE_LIMIT_PER_KEY: BENCH_RATE_LIMIT,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The PostgreSQL pools' size and the turns of one customer, to compare settings on one machine.
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
    ...(process.env.LOYALTY_CUSTOMER_CONCURRENCY
      ? { LOYALTY_CUSTOMER_CONCURRENCY: process.env.LOYALTY_CUSTOMER_CONCURRENCY }
      : {}),
  });
  const logged: unknown[] = [];
  const server = await startServer(config, { logError: (error) => logged.push(error) });
  const bare = await startBareServer();
  try {
    const access = (token: string): ApiAccess => ({
      url: server.url,
      publishableKey: config.demoPublishableKey,
      secretKey: config.demoSecretKey,
      customerToken: token,
    });
    const run = async (scenario: Scenario, connections: number): Promise<Measurement> => {
      if (options.warmup > 0) {
        const warm = await measure(scenario, { duration: options.warmup, connections });
        problems.push(...tallyProblems(`${store} ${scenario.id} (warm-up)`, warm.tally));
      }
      const measured = await measure(scenario, { duration: options.duration, connections });
      problems.push(...tallyProblems(`${store} ${scenario.id}`, measured.tally));
      const { requests, latency } = measured.result;
      log(`  ${scenario.name}: ${Math.round(requests.mean)} req/s, p99 ${latency.p99} ms`);
      return measured;
    };

    const light = await seededCustomer(server, config, LIGHT_ENTRIES);
    const heavy = await seededCustomer(server, config, HEAVY_ENTRIES);
    log(`  seeded ${LIGHT_ENTRIES} and ${HEAVY_ENTRIES} ledger entries in ${heavy.seedMs} ms`);
    const lightAccess = access(await signCustomerToken(config, light.id));
    const heavyAccess = access(await signCustomerToken(config, heavy.id));

    // The summary against the bare route, both at 50 connections, one after the other.
    const bareRun = await run(bareScenario(bare.url), SUMMARY_CONNECTIONS);
    const summaryRun = await run(summaryOf(lightAccess, light.id, 'summary-50'), SUMMARY_CONNECTIONS);
    const ratio = summaryRun.result.requests.mean / bareRun.result.requests.mean;
    const ratioTarget = store === 'PGlite' ? 0.15 : 0.1;
    rows.push({
      store,
      row: `GET /v1/me/summary, ${SUMMARY_CONNECTIONS} connections`,
      figure: `${percent(ratio)} of bare (${Math.round(summaryRun.result.requests.mean)} / ${Math.round(bareRun.result.requests.mean)} req/s), p99 ${summaryRun.result.latency.p99} ms`,
      target: `≥ ${percent(ratioTarget)}, p99 ≤ 50 ms`,
      met: ratio >= ratioTarget && summaryRun.result.latency.p99 <= 50,
    });

    // History length: the same requests for 10 and for 100,000 entries.
    for (const [what, scenarioFor] of [
      ['GET /v1/me/summary', (a: ApiAccess, id: string) => summaryOf(a, id, `summary-${id}`)],
      ['POST order (earns points)', (a: ApiAccess, id: string) => orderFor(a, id)],
    ] as const) {
      const lightRun = await run(scenarioFor(lightAccess, light.id), CUSTOMER_CONNECTIONS);
      const heavyRun = await run(scenarioFor(heavyAccess, heavy.id), CUSTOMER_CONNECTIONS);
      const slower = lightRun.result.requests.mean / heavyRun.result.requests.mean;
      rows.push({
        store,
        row: `${what}, ${HEAVY_ENTRIES.toLocaleString('en')} vs ${LIGHT_ENTRIES} entries`,
        figure: `${slower.toFixed(2)}× the time (${Math.round(heavyRun.result.requests.mean)} vs ${Math.round(lightRun.result.requests.mean)} req/s)`,
        target: '≤ 2×',
        met: slower <= 2,
      });
    }

    // Isolation: the light customer's summary alone, then while the heavy one is loaded with earns and summaries;
    // ISOLATION_ROUNDS times, one after the other, so a slow stretch of the machine lands on both phases of a round.
    const rounds: Array<{ alone: number; loaded: number }> = [];
    for (let round = 0; round < ISOLATION_ROUNDS; round++) {
      const alone = await run(summaryOf(lightAccess, light.id, 'light-alone'), CUSTOMER_CONNECTIONS);
      const loadSettings = { duration: options.duration + 1, connections: CUSTOMER_CONNECTIONS };
      const [underLoad] = await Promise.all([
        measure(summaryOf(lightAccess, light.id, 'light-loaded'), {
          duration: options.duration,
          connections: CUSTOMER_CONNECTIONS,
        }),
        measure(orderFor(heavyAccess, heavy.id), loadSettings),
        measure(summaryOf(heavyAccess, heavy.id, 'heavy-load'), loadSettings),
      ]);
      problems.push(...tallyProblems(`${store} light-loaded`, underLoad.tally));
      rounds.push({ alone: percentile(alone.latencies, 99), loaded: percentile(underLoad.latencies, 99) });
      log(`  light summary p99: ${ms(rounds.at(-1)!.alone)} alone, ${ms(rounds.at(-1)!.loaded)} under heavy load`);
    }
    const ratios = rounds.map(({ alone, loaded }) => loaded / alone);
    const middle = rounds[medianIndex(ratios)]!;
    rows.push({
      store,
      row: `light customer's summary p99, alone vs while a ${HEAVY_ENTRIES.toLocaleString('en')}-entry one is loaded`,
      figure:
        `${ms(middle.alone)} alone, ${ms(middle.loaded)} loaded (${(middle.loaded / middle.alone).toFixed(2)}×; ` +
        `median of ${ISOLATION_ROUNDS} rounds: ${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')})`,
      target: '≤ 2×',
      met: middle.loaded <= 2 * middle.alone,
    });
    if (logged.length > 0)
      problems.push(`${store}: the API logged ${logged.length} errors; first: ${String(logged[0])}`);
  } finally {
    await bare.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}

/** The index of the median of `values` (the lower middle of an even count). */
function medianIndex(values: readonly number[]): number {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  return order[Math.floor((order.length - 1) / 2)]!.index;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/**
 * A new customer of the demo program with `entries` ledger entries of 1 point each, spread over the last 300 days
 * (inside the tier window, none expiring), written by one `generate_series` insert. The triggers that keep the
 * customer's aggregates row by row are off for it, and the aggregates are added once after it.
 */
async function seededCustomer(
  server: Awaited<ReturnType<typeof startServer>>,
  config: ReturnType<typeof loadConfig>,
  entries: number,
): Promise<{ id: string; seedMs: number }> {
  const id = `bench-${entries}-${randomUUID().slice(0, 8)}`;
  const created = await fetch(`${server.url}/v1/admin/customers/${id}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${config.demoSecretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Bench shopper', locale: 'en' }),
  });
  if (created.status !== 201) throw new Error(`PUT customer answered ${created.status}: ${await created.text()}`);
  const started = performance.now();
  const [program] = await server.db.query<{ program_id: string }>('SELECT program_id FROM customers WHERE id = $1', [
    id,
  ]);
  await server.db.transaction(async (tx) => {
    // The seed is one long statement, not a request: the API's statement timeout is not for it.
    await tx.exec(
      'SET LOCAL statement_timeout = 0; ' +
        'ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_customer_points; ' +
        'ALTER TABLE point_batches DISABLE TRIGGER point_batches_customer_points',
    );
    await tx.query(
      `WITH entries AS (
         INSERT INTO ledger_entries (id, program_id, customer_id, type, kind, points, reason, idempotency_key,
                                     balance_after, created_at)
         SELECT gen_random_uuid(), $1, $2, 'adjust', 'adjustment', 1, 'seed', 'bench-seed-' || $2 || '-' || i, i,
                $3::timestamptz - (($4::int - i) * (25920000.0 / $4::int)) * interval '1 second'
           FROM generate_series(1, $4::int) AS i
         RETURNING id, program_id, customer_id, points, created_at)
       INSERT INTO point_batches (entry_id, program_id, customer_id, points, remaining, earned_at)
       SELECT id, program_id, customer_id, points, points, created_at FROM entries`,
      [program?.program_id, id, new Date(), entries],
    );
    await tx.query(
      `UPDATE customers SET points_remaining = points_remaining + $3, lifetime_earned = lifetime_earned + $3
        WHERE program_id = $1 AND id = $2`,
      [program?.program_id, id, entries],
    );
    await tx.exec(
      'ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_customer_points; ' +
        'ALTER TABLE point_batches ENABLE TRIGGER point_batches_customer_points',
    );
  });
  return { id, seedMs: Math.round(performance.now() - started) };
}

function summaryOf(api: ApiAccess, customerId: string, id: string): Scenario {
  return {
    id,
    name: `GET /v1/me/summary (${customerId})`,
    url: api.url,
    expectedStatus: 200,
    requests: () => [
      {
        method: 'GET',
        path: '/v1/me/summary',
        headers: { 'X-Publishable-Key': api.publishableKey, Authorization: `Bearer ${api.customerToken}` },
      },
    ],
    check: (_headers, body) => (body.includes(`"id":"${customerId}"`) ? null : 'summary of another customer'),
  };
}

/** An order of 100.00 CNY for the customer, with a new order id and Idempotency-Key each: every one earns points. */
function orderFor(api: ApiAccess, customerId: string): Scenario {
  const run = randomUUID().slice(0, 8);
  let issued = 0;
  return {
    id: `order-${customerId}`,
    name: `POST order (${customerId})`,
    url: api.url,
    expectedStatus: 201,
    requests: () => [
      {
        method: 'POST',
        path: '/v1/admin/orders',
        setupRequest: (request) => {
          const key = `bench-${run}-${++issued}`;
          const body = JSON.stringify({ orderId: key, customerId, amount: 10_000, currency: 'CNY' });
          return { ...request, body, headers: earnHeaders(api, key) };
        },
      },
    ],
  };
}
