/**
 * bench/api: requests per second and p50/p99 latency of the reference API on its embedded database
 * (PGlite in memory, demo seed), beside a bare Hono route measured in the same process and run, so
 * the figures that matter are ratios that hold on a noisy machine. See ../README.md.
 *
 *   pnpm --filter @loyalty-elements/bench api [-- --duration 5 --warmup 1 --connections 20 --json]
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureCost } from './cost.ts';
import { measure, type Measurement, type Scenario } from './measure.ts';
import { parseOptions, USAGE, type BenchOptions } from './options.ts';
import { formatCostTable, formatTable, scenarioReport, tallyProblems, type BenchReport, type Check } from './report.ts';
import {
  bareScenario,
  earnHeaders,
  replayScenario,
  summaryScenario,
  uniqueEarnScenario,
  CUSTOMER_ID,
  EARN_BODY,
  REPLAY_HEADER,
  SUMMARY_PATH,
  TRANSACTIONS_PATH,
  type ApiAccess,
} from './scenarios.ts';
import {
  signCustomerToken,
  startBareServer,
  startReferenceApi,
  type BareServer,
  type ReferenceApi,
} from './servers.ts';

/** Time for requests cut off at the end of a run to finish on the server before the ledger is read. */
const SETTLE_MS = 500;
/** How far apart (relative to their mean) the two bare runs may be before the run warns. */
const DRIFT_WARNING = 0.2;

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseOptions(process.argv.slice(2), process.env);
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  // With --json, stdout carries the JSON document only.
  const log = options.json ? (text: string) => console.error(text) : (text: string) => console.log(text);
  const cores = os.availableParallelism();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown';
  log(`node ${process.version}, ${cores} cores (${cpu}), ${os.platform()} ${os.arch()}`);
  log(
    `${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per scenario, 127.0.0.1, one process`,
  );

  const startedAt = new Date().toISOString();
  const started = performance.now();
  log('starting the reference API (PGlite in memory, demo seed)...');
  let api: ReferenceApi | undefined;
  let bare: BareServer | undefined;
  try {
    api = await startReferenceApi();
    const apiStartupMs = Math.round(performance.now() - started);
    bare = await startBareServer();
    log(`  API ${api.server.url} up in ${(apiStartupMs / 1000).toFixed(1)} s; bare route ${bare.url}`);

    const access: ApiAccess = {
      url: api.server.url,
      publishableKey: api.config.demoPublishableKey,
      secretKey: api.config.demoSecretKey,
      customerToken: await signCustomerToken(api.config, CUSTOMER_ID),
    };
    const problems: string[] = [];
    const checks: Check[] = [];
    const measured: { scenario: Scenario; measurement: Measurement }[] = [];
    const check = (name: string, ok: boolean, detail: string) => {
      checks.push({ name, ok, detail });
      if (!ok) problems.push(`check failed: ${name}: ${detail}`);
    };

    /** Warm-up, then the measured run; every response of both is checked. */
    const run = async (scenario: Scenario): Promise<{ warmup: Measurement | null; measured: Measurement }> => {
      log(`${scenario.name}...`);
      let warmup: Measurement | null = null;
      if (options.warmup > 0) {
        warmup = await measure(scenario, { duration: options.warmup, connections: options.connections });
        problems.push(...tallyProblems(`${scenario.id} (warm-up)`, warmup.tally));
      }
      const measurement = await measure(scenario, { duration: options.duration, connections: options.connections });
      problems.push(...tallyProblems(scenario.id, measurement.tally));
      if (measurement.result.latency.totalCount === 0) problems.push(`${scenario.id}: no response completed`);
      measured.push({ scenario, measurement });
      const { requests, latency } = measurement.result;
      log(`  ${Math.round(requests.mean)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms`);
      return { warmup, measured: measurement };
    };
    const balance = async (): Promise<number> => {
      const res = await fetch(access.url + SUMMARY_PATH, {
        headers: { 'X-Publishable-Key': access.publishableKey, Authorization: `Bearer ${access.customerToken}` },
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${SUMMARY_PATH} answered ${res.status}: ${text.slice(0, 300)}`);
      const value = (JSON.parse(text) as { points?: { balance?: unknown } }).points?.balance;
      if (typeof value !== 'number')
        throw new Error(`GET ${SUMMARY_PATH} has no points.balance: ${text.slice(0, 300)}`);
      return value;
    };
    const statusCount = (runs: { warmup: Measurement | null; measured: Measurement }, status: number) =>
      [runs.warmup, runs.measured].reduce((sum, m) => sum + (m?.result.statusCodeStats[status]?.count ?? 0), 0);
    const sent = (runs: { warmup: Measurement | null; measured: Measurement }) =>
      [runs.warmup, runs.measured].reduce((sum, m) => sum + (m?.result.requests.sent ?? 0), 0);

    // 1 and 2: reads. The bare route is measured first and again last, so the yardstick spans the
    // same stretch of machine time as the API scenarios.
    const bareFirst = await run(bareScenario(bare.url));
    await run(summaryScenario(access));

    // 3: every earn a new ledger entry; the balance must rise by exactly the number that went through.
    const beforeEarns = await balance();
    const earn = uniqueEarnScenario(access);
    const earns = await run(earn);
    await sleep(SETTLE_MS);
    const afterEarns = await balance();
    const credited = afterEarns - beforeEarns;
    const acknowledged = statusCount(earns, 201);
    check(
      'unique earns credited once each',
      credited >= acknowledged && credited <= Math.min(sent(earns), earn.keysIssued()),
      `balance +${credited} for ${acknowledged} earns answered 201 (${sent(earns)} sent; the rest were cut off in flight)`,
    );

    // 4: one key, replayed; the first request is the only one that may credit anything.
    const replayKey = `bench-replay-${randomUUID()}`;
    const first = await fetch(access.url + TRANSACTIONS_PATH, {
      method: 'POST',
      headers: earnHeaders(access, replayKey),
      body: EARN_BODY,
    });
    const firstText = await first.text();
    check(
      'first use of the replayed key creates the earn',
      first.status === 201 && first.headers.get(REPLAY_HEADER) === null,
      first.status === 201 && first.headers.get(REPLAY_HEADER) === null
        ? '201, not a replay'
        : `${first.status}, ${REPLAY_HEADER}: ${first.headers.get(REPLAY_HEADER)}; ${firstText.slice(0, 300)}`,
    );
    const beforeReplays = await balance();
    const replays = await run(replayScenario(access, replayKey));
    await sleep(SETTLE_MS);
    const afterReplays = await balance();
    check(
      'replays credit nothing',
      afterReplays === beforeReplays,
      `balance ${beforeReplays} -> ${afterReplays} over ${statusCount(replays, 201)} replays`,
    );
    const bareLast = await run(bareScenario(bare.url, 'bare-again', 'bare Hono route, again'));
    const bareRates = [bareFirst, bareLast].map((runs) => runs.measured.result.requests.mean);
    const bareRps = (bareRates[0]! + bareRates[1]!) / 2;
    const bareDrift = Math.abs(bareRates[0]! - bareRates[1]!) / bareRps;
    const reports = measured.map(({ scenario, measurement }) =>
      scenarioReport(scenario.id, scenario.name, measurement.result, measurement.tally, bareRps),
    );
    const cost = await measureCost({
      duration: options.duration,
      warmup: options.warmup,
      postgresUrl: process.env.BENCH_POSTGRES_URL?.trim() || undefined,
      log,
    });
    problems.push(...cost.problems);
    if (api.logged.length > 0) {
      problems.push(`the API logged ${api.logged.length} unexpected errors; first: ${String(api.logged[0])}`);
    }

    const report: BenchReport = {
      bench: 'api',
      ok: problems.length === 0,
      startedAt,
      node: process.version,
      cores,
      cpu,
      platform: `${os.platform()} ${os.arch()}`,
      settings: { duration: options.duration, warmup: options.warmup, connections: options.connections },
      apiStartupMs,
      bareRequestsPerSec: Math.round(bareRps * 10) / 10,
      bareDrift: Math.round(bareDrift * 1000) / 1000,
      scenarios: reports,
      cost: cost.rows,
      checks,
      problems,
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      log('');
      log(formatTable(reports));
      log('');
      log(`x bare = req/s over ${Math.round(bareRps)} req/s, the mean of the two bare runs`);
      log('');
      log(formatCostTable(cost.rows));
      for (const c of checks) log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    }
    if (bareDrift > DRIFT_WARNING) {
      log('');
      log(
        `warning: the bare route moved ${Math.round(bareDrift * 100)} % between the first and last run: ` +
          'the machine (other jobs, or this process) changed speed during the run, so even the ratios are rough; run it again.',
      );
    }
    if (problems.length > 0) {
      log('');
      log(`FAILED: ${problems.length} problem(s); the figures above are not trustworthy:`);
      for (const problem of problems) log(`  - ${problem}`);
      return 1;
    }
    log('');
    log('ok: every response had the expected status, no errors or timeouts; compare the "x bare" ratios, not req/s.');
    return 0;
  } catch (error) {
    console.error('bench/api failed:', error);
    // A joining script still gets a document that says the run failed.
    if (options.json) console.log(JSON.stringify({ bench: 'api', ok: false, problems: [String(error)] }, null, 2));
    return 1;
  } finally {
    await bare?.close().catch(() => {});
    await api?.server.close().catch(() => {});
  }
}

const code = await main();
process.exitCode = code;
// Nothing should be left running; if something is, do not hang the caller.
setTimeout(() => process.exit(code), 2000).unref();
