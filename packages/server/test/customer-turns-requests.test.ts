import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PUBLISHABLE_KEY_HEADER, paths, rewardPaths } from '@loyalty-elements/contract';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { CUSTOMER_ROUTES } from '../src/middleware/customer-turn-taking.ts';
import type { Database, Queryable } from '../src/store/database.ts';
import { demoToken } from './support/http.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';

// One request of a customer at a time (LOYALTY_CUSTOMER_CONCURRENCY=1): while that customer's statements are held
// in the database, their next request waits its turn without reaching the database, and other shoppers are served.

/**
 * The customer whose statements are held, until `release`: all but the read of the customer every `/v1/me/*`
 * request makes before its turn.
 */
let holding: { customerId: string; released: Promise<void> } | undefined;
/** Statements started with the held customer's id among their parameters. */
let heldStatements = 0;
/** Their SQL, in the order they started. */
const heldSql: string[] = [];

async function holdIfTheirs(sql: string, params: unknown[] | undefined): Promise<void> {
  const held = holding;
  if (held === undefined || !params?.includes(held.customerId) || sql.includes('settings_version')) return;
  heldStatements++;
  heldSql.push(sql);
  await held.released;
}

function holdingStatements(db: Database): Database {
  const hold = <Q extends Queryable>(queryable: Q): Q => ({
    ...queryable,
    async query(sql: string, params?: unknown[]) {
      await holdIfTheirs(sql, params);
      return queryable.query(sql, params);
    },
  });
  return {
    ...db,
    ...hold(db),
    transaction: (fn) => db.transaction((tx) => fn(hold(tx))),
    close: () => db.close(),
  } as Database;
}

let server: TestServer;
before(async () => {
  server = await startTestServer({ LOYALTY_CUSTOMER_CONCURRENCY: '1' }, { wrapDatabase: holdingStatements });
});
after(() => server.close());

function get(path: string, token: string): Promise<Response> {
  return fetch(server.baseUrl + path, {
    headers: { Authorization: `Bearer ${token}`, [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await sleep(10);
  }
}

/** Holds the statements of `customerId` until the returned function is called. */
function hold(customerId: string): () => void {
  let release!: () => void;
  holding = { customerId, released: new Promise((resolve) => (release = resolve)) };
  return release;
}

/** Waits for a request's first held statement and whatever more it starts at once; how many are held then. */
async function statementsStartedBy(what: string): Promise<number> {
  await until(() => heldStatements > 0, what);
  await sleep(50);
  return heldStatements;
}

test("a customer's second request waits for their first, and another shopper is served meanwhile", async () => {
  const busy = await createDemoCustomer(server, 'busy');
  const other = await createDemoCustomer(server, 'other');
  const [busyToken, otherToken] = await Promise.all([demoToken(server, busy), demoToken(server, other)]);
  const release = hold(busy);
  try {
    const first = get(paths.pointsHistory, busyToken);
    // Whatever more the first request starts, it starts at once (its statements run side by side).
    const startedByFirst = await statementsStartedBy("the first request's statements");
    const second = get(rewardPaths.rewards, busyToken);
    const served = await get(paths.summary, otherToken);
    assert.equal(served.status, 200, 'another shopper is not held up by the busy one');
    await sleep(100);
    assert.equal(heldStatements, startedByFirst, 'the second request has not reached the database');
    release();
    const answers = await Promise.all([first, second]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200],
    );
  } finally {
    release();
    holding = undefined;
  }
});

test("a summary from memory is served while the customer's turn is taken; one to build waits for it", async () => {
  const busy = await createDemoCustomer(server, 'summary');
  const token = await demoToken(server, busy);
  assert.equal((await get(paths.summary, token)).status, 200);
  const release = hold(busy);
  try {
    const history = get(paths.pointsHistory, token);
    const startedByHistory = await statementsStartedBy("the history's statements");
    assert.equal((await get(paths.summary, token)).status, 200, 'the summary in memory is answered at once');
    // Another instance's write: the customer's version moves on, so the next summary is built again.
    await server.db.query(`UPDATE customers SET version = version + 1 WHERE id = '${busy}'`);
    let built = false;
    const summary = get(paths.summary, token).then((answer) => ((built = true), answer));
    await sleep(100);
    assert.equal(built, false, 'the build waits for the turn');
    assert.deepEqual(heldSql.slice(startedByHistory), [], 'the build has not reached the database');
    release();
    assert.deepEqual([(await history).status, (await summary).status], [200, 200]);
  } finally {
    release();
    holding = undefined;
  }
});

test('every route of a signed-in shopper takes turns, the summary (which takes one to build) aside', () => {
  const app = createApp({ db: server.db, logger: createLogger('silent') });
  const shopperRoutes = new Set(
    app.routes.filter((route) => route.method !== 'ALL' && route.path.startsWith('/v1/me/')).map((route) => route.path),
  );
  assert.ok(shopperRoutes.has(paths.summary));
  shopperRoutes.delete(paths.summary);
  assert.deepEqual([...shopperRoutes].sort(), [...CUSTOMER_ROUTES].sort());
});

test('a customer route still answers 401 to a request without a token, and an unknown path 404', async () => {
  const missing = await fetch(server.baseUrl + paths.summary, {
    headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
  });
  assert.equal(missing.status, 401);
  assert.equal((await missing.json()).code, 'token_missing');
  const unknown = await fetch(`${server.baseUrl}/v1/me/nothing-here`, {
    headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
  });
  assert.equal(unknown.status, 404);
});
