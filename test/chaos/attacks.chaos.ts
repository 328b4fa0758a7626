// What an attacker tries against a real API process: free points through the survey reward and the birthday gift,
// on both stores, and a matrix of hostile input over every write route, on PostgreSQL, where the suite can count
// every table's rows before and after.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  customerToken,
  postgresBinDir,
  report,
  startApi,
  startCluster,
  type ApiProcess,
  type Cluster,
} from './support.ts';

const run = promisify(execFile);
const ATTEMPTS = 25;

const dataDir = mkdtempSync(join(tmpdir(), 'loyalty-chaos-attacks-'));
let cluster: Cluster | undefined;
const apis: Record<string, ApiProcess> = {};
before(async () => {
  cluster = await startCluster();
  [apis.PostgreSQL, apis.PGlite] = await Promise.all([
    startApi({ DATABASE_URL: cluster.url, LOYALTY_LOG_LEVEL: 'info' }),
    startApi({ LOYALTY_DATA_DIR: join(dataDir, 'pglite'), LOYALTY_LOG_LEVEL: 'info' }),
  ]);
});
after(async () => {
  await Promise.all(Object.values(apis).map((api) => api.stop('SIGKILL')));
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(
  api: ApiProcess,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; type: string | null; json: Record<string, unknown> | null }> {
  const res = await fetch(api.url + path, { method, headers: init.headers, body: init.body });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, type: res.headers.get('content-type'), json };
}

const adminHeaders = (extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${SECRET_KEY}`,
  'Content-Type': 'application/json',
  'Idempotency-Key': randomUUID(),
  ...extra,
});

async function shopperHeaders(customerId: string, extra: Record<string, string> = {}) {
  return {
    Authorization: `Bearer ${await customerToken(customerId)}`,
    'X-Publishable-Key': PUBLISHABLE_KEY,
    'Idempotency-Key': randomUUID(),
    ...extra,
  };
}

async function newCustomer(api: ApiProcess, prefix: string): Promise<string> {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  const res = await call(api, 'PUT', `/v1/admin/customers/${id}`, {
    headers: adminHeaders(),
    body: JSON.stringify({ name: `Chaos ${prefix}` }),
  });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return id;
}

async function ledgerOf(
  api: ApiProcess,
  customerId: string,
): Promise<{ balance: number; entries: { type: string; points: number }[] }> {
  const headers = await shopperHeaders(customerId);
  const summary = await call(api, 'GET', '/v1/me/summary', { headers });
  const history = await call(api, 'GET', '/v1/me/points/history?limit=100', { headers });
  assert.equal(summary.status, 200);
  assert.equal(history.status, 200);
  return {
    balance: (summary.json!.points as { balance: number }).balance,
    entries: history.json!.entries as { type: string; points: number }[],
  };
}

/** Today in the demo program's time zone, as a Gregorian birthday. */
function birthdayToday() {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date())
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  return { month: parts.month!, day: parts.day!, calendar: 'gregorian' };
}

describe('free points', () => {
  for (const store of ['PGlite', 'PostgreSQL']) {
    test(`the survey reward pays once however many new responses complete at once (${store})`, async () => {
      const api = apis[store]!;
      const customerId = await newCustomer(api, 'survey-farm');
      const eligible = await call(api, 'GET', '/v1/me/surveys/eligible?trigger=post_purchase', {
        headers: await shopperHeaders(customerId),
      });
      const survey = eligible.json!.survey as { id: string; version: number; completionReward?: number };
      assert.ok(survey, 'the post-purchase survey is due for a new shopper');
      const answer = async () =>
        call(api, 'PUT', `/v1/me/surveys/responses/${randomUUID()}`, {
          headers: await shopperHeaders(customerId, { 'Content-Type': 'application/json' }),
          body: JSON.stringify({
            surveyId: survey.id,
            version: survey.version,
            sequence: 1,
            answers: { nps: 9 },
            complete: true,
          }),
        });
      const parallel = await Promise.all(Array.from({ length: ATTEMPTS }, answer));
      const sequential = [];
      for (let i = 0; i < ATTEMPTS; i++) sequential.push(await answer());
      const answers = [...parallel, ...sequential];
      const created = answers.filter((res) => res.status === 201);
      const refused = answers.filter((res) => res.status === 409 && res.json?.code === 'survey_not_due');
      assert.equal(created.length, 1, JSON.stringify(answers.map((res) => res.status)));
      assert.equal(refused.length, answers.length - 1);
      const { balance, entries } = await ledgerOf(api, customerId);
      assert.deepEqual(
        entries.map((entry) => entry.type),
        ['earn'],
      );
      assert.equal(balance, survey.completionReward ?? 0);
      report(
        `survey reward (${store}): ${answers.length} completed responses with new ids (${ATTEMPTS} at once, ${ATTEMPTS} in a row): ` +
          `1 created, ${refused.length} × 409 survey_not_due; ledger holds 1 earn, balance ${balance}`,
      );
    });

    test(`a birthday set today pays nothing however often it is claimed (${store})`, async () => {
      const api = apis[store]!;
      const customerId = await newCustomer(api, 'birthday-farm');
      const set = await call(api, 'PUT', '/v1/me/birthday', {
        headers: await shopperHeaders(customerId, { 'Content-Type': 'application/json' }),
        body: JSON.stringify(birthdayToday()),
      });
      assert.equal(set.status, 200, JSON.stringify(set.json));
      const claims = await Promise.all(
        Array.from({ length: ATTEMPTS }, async () =>
          call(api, 'POST', '/v1/me/birthday/claim', { headers: await shopperHeaders(customerId) }),
        ),
      );
      const codes = claims.map((res) => `${res.status} ${String(res.json?.code)}`);
      assert.deepEqual(new Set(codes), new Set(['409 birthday_recently_set']), codes.join(', '));
      const change = await call(api, 'PUT', '/v1/me/birthday', {
        headers: await shopperHeaders(customerId, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ ...birthdayToday(), calendar: 'chinese-lunar' }),
      });
      assert.equal(change.status, 409, 'a second change within the year is refused');
      const { balance, entries } = await ledgerOf(api, customerId);
      assert.deepEqual(entries, []);
      assert.equal(balance, 0);
      report(
        `birthday gift (${store}): birthday set to today, ${ATTEMPTS} claims at once: all 409 birthday_recently_set; ` +
          `a switch of calendar refused (${String(change.json?.code)}); ledger empty`,
      );
    });
  }
});

/** Every table's row count, read with psql from the suite's own cluster. */
async function rowCounts(): Promise<Record<string, number>> {
  const sql = `SELECT table_name || '=' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
                 FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const { stdout } = await run(join(postgresBinDir()!, 'psql'), ['-At', '-d', cluster!.url, '-c', sql]);
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('='))
      .map(([table, count]) => [table!, Number(count)]),
  );
}

const NUL = 'a\u0000b';
const LONE = 'a\uD800b';

describe('hostile input', () => {
  test('every write route answers 4xx problem+json, writes nothing and stays healthy (PostgreSQL)', async () => {
    const api = apis.PostgreSQL!;
    const customerId = await newCustomer(api, 'hostile');
    const survey = (
      await call(api, 'GET', '/v1/me/surveys/eligible?trigger=post_purchase', {
        headers: await shopperHeaders(customerId),
      })
    ).json!.survey as { id: string; version: number };
    const reward = {
      name: { en: 'Tea' },
      description: { en: 'A cup' },
      pointsCost: 100,
      requiredTierId: null,
      stock: null,
      validityDays: null,
      availableFrom: null,
      availableUntil: null,
      active: true,
    };
    const response = { surveyId: survey.id, version: survey.version, sequence: 1, answers: { nps: 3 } };
    const json = { 'Content-Type': 'application/json' };

    type Attempt = {
      what: string;
      method: string;
      path: string;
      headers: () => Promise<Record<string, string>>;
      body?: string;
    };
    const admin = (
      what: string,
      method: string,
      path: string,
      body: unknown,
      extra: Record<string, string> = {},
    ): Attempt => ({
      what,
      method,
      path,
      headers: async () => adminHeaders(extra),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const shopper = (
      what: string,
      method: string,
      path: string,
      body?: unknown,
      extra: Record<string, string> = {},
      sub = customerId,
    ): Attempt => ({
      what,
      method,
      path,
      headers: async () => shopperHeaders(sub, body === undefined ? extra : { ...json, ...extra }),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const tx = `/v1/admin/customers/${customerId}/transactions`;
    const attempts: Attempt[] = [];
    for (const [name, text] of [
      ['NUL', NUL],
      ['lone surrogate', LONE],
    ] as const) {
      attempts.push(
        admin(`customer name with a ${name}`, 'PUT', `/v1/admin/customers/new-${randomUUID()}`, { name: text }),
        admin(`earn reason with a ${name}`, 'POST', tx, { type: 'earn', points: 10, reason: text }),
        admin(`reward name with a ${name}`, 'PUT', '/v1/admin/rewards/hostile', { ...reward, name: { en: text } }),
        admin(`reward name language with a ${name}`, 'PUT', '/v1/admin/rewards/hostile', {
          ...reward,
          name: { [text]: 'x' },
        }),
        shopper(`free-text answer with a ${name}`, 'PUT', `/v1/me/surveys/responses/${randomUUID()}`, {
          ...response,
          answers: { nps: 3, complaint: text },
        }),
        shopper(`token subject with a ${name}`, 'POST', '/v1/me/birthday/claim', undefined, {}, text),
      );
    }
    attempts.push(
      admin('customer id with %00 in the path', 'PUT', '/v1/admin/customers/a%00b', { name: 'Ann' }),
      admin('customer id of 129 characters', 'PUT', `/v1/admin/customers/${'x'.repeat(129)}`, { name: 'Ann' }),
      admin('transactions of a customer id with %00', 'POST', '/v1/admin/customers/a%00b/transactions', {
        type: 'earn',
        points: 1,
      }),
      admin('reward id with a slash', 'PUT', '/v1/admin/rewards/a%2F..%2Fb', reward),
    );
    for (const points of [2 ** 31, Number.MAX_SAFE_INTEGER, 2 ** 64, -5, 0, 1.5, '10', null]) {
      attempts.push(admin(`earn of ${String(points)} points`, 'POST', tx, { type: 'earn', points }));
    }
    for (const version of [2 ** 31, 0, -1, 1.5, '1']) {
      attempts.push(
        shopper(`dismissal of version ${String(version)}`, 'POST', `/v1/me/surveys/${survey.id}/dismissals`, {
          version,
        }),
        shopper(`response to version ${String(version)}`, 'PUT', `/v1/me/surveys/responses/${randomUUID()}`, {
          ...response,
          version,
        }),
      );
    }
    for (const sequence of [2 ** 63, -1, 0.5]) {
      attempts.push(
        shopper(`response with sequence ${sequence}`, 'PUT', `/v1/me/surveys/responses/${randomUUID()}`, {
          ...response,
          sequence,
        }),
      );
    }
    for (const [month, day] of [
      [13, 1],
      [2, 30],
      [0, 0],
      [2 ** 31, 1],
      [1.5, 1],
    ]) {
      attempts.push(
        shopper(`birthday ${month}/${day}`, 'PUT', '/v1/me/birthday', { month, day, calendar: 'gregorian' }),
      );
    }
    attempts.push(
      shopper('birthday in an unknown calendar', 'PUT', '/v1/me/birthday', { month: 1, day: 1, calendar: 'julian' }),
      shopper('response id that is not a UUID', 'PUT', '/v1/me/surveys/responses/1%00', response),
      shopper('redeem of an unknown reward', 'POST', '/v1/me/rewards/a%00b/redeem'),
      admin('a body that is not JSON', 'POST', tx, '{"type":"earn","points":'),
      admin('a JSON array', 'POST', tx, '[]'),
      admin('JSON null', 'POST', tx, 'null'),
      admin('a 70 KB reason', 'POST', tx, { type: 'earn', points: 1, reason: 'x'.repeat(70_000) }),
      admin('a body sent as text/plain', 'POST', tx, { type: 'earn', points: 1 }, { 'Content-Type': 'text/plain' }),
      admin('no Idempotency-Key', 'POST', tx, { type: 'earn', points: 1 }, { 'Idempotency-Key': '' }),
      admin(
        'an Idempotency-Key of 300 characters',
        'POST',
        tx,
        { type: 'earn', points: 1 },
        { 'Idempotency-Key': 'k'.repeat(300) },
      ),
      admin(
        'a secret key from a web page',
        'POST',
        tx,
        { type: 'earn', points: 1 },
        { Origin: 'https://evil.example' },
      ),
      admin('a wrong secret key', 'POST', tx, { type: 'earn', points: 1 }, { Authorization: 'Bearer sk_nope' }),
      shopper('a token issued ten years ahead', 'POST', '/v1/me/birthday/claim'),
    );
    // The last one's token: replace its headers with a future-dated token.
    const future = attempts.at(-1)!;
    future.headers = async () => {
      const { SignJWT } = await import('jose');
      const iat = Math.floor(Date.now() / 1000) + 10 * 365 * 86_400;
      const token = await new SignJWT()
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(customerId)
        .setAudience(PUBLISHABLE_KEY)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 600)
        .sign(new TextEncoder().encode(SECRET_KEY));
      return {
        Authorization: `Bearer ${token}`,
        'X-Publishable-Key': PUBLISHABLE_KEY,
        'Idempotency-Key': randomUUID(),
      };
    };

    const before = await rowCounts();
    const statuses = new Map<number, number>();
    for (const attempt of attempts) {
      const res = await call(api, attempt.method, attempt.path, {
        headers: await attempt.headers(),
        body: attempt.body,
      });
      assert.ok(res.status >= 400 && res.status < 500, `${attempt.what}: ${res.status} ${JSON.stringify(res.json)}`);
      assert.match(res.type ?? '', /^application\/problem\+json/, `${attempt.what}: ${res.type}`);
      assert.equal(typeof res.json?.code, 'string', attempt.what);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    const afterCounts = await rowCounts();
    assert.deepEqual(afterCounts, before, 'no table gained or lost a row');
    assert.ok(api.alive(), 'the API process is still running');
    assert.equal((await call(api, 'GET', '/readyz')).status, 200);
    const errorLines = api.output.filter((line) => /"level":50/.test(line));
    assert.deepEqual(errorLines, [], 'no request ended in a server error');
    const spread = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
    report(
      `hostile input (PostgreSQL): ${attempts.length} requests over the write routes (text, numbers, paths, bodies, headers, tokens): ` +
        `${spread}, all problem+json; ${Object.keys(before).length} tables unchanged; no 5xx; /readyz 200 after`,
    );
  });
});
