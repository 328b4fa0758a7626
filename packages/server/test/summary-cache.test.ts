import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { paths, programSettingsPath, type Summary } from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { DAY_MS } from '../src/domain/time.ts';
import { createProgram } from '../src/domain/program-setup.ts';
import { admin as adminOf, anOrder, ownProgram } from './support/orders.ts';
import { eraseCustomer, endMembershipOf } from './support/members.ts';
import { asCustomer, serveWithClock, TestClock, transact, upsertCustomer } from './support/loyalty.ts';
import { demoToken, getSummary, summaryOf } from './support/http.ts';
import { TEST_POSTGRES_URL } from './support/postgres.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { StatementCounter } from './support/statements.ts';
import { dismiss, publish, testSurvey } from './support/surveys.ts';

const counter = new StatementCounter();
let server: TestServer;
before(async () => {
  server = await startTestServer({}, { wrapDatabase: counter.wrap });
});
after(() => server.close());

async function summaryResponse(api: TestServer, customerId: string, token?: string): Promise<Response> {
  return getSummary(api, {
    token: token ?? (await demoToken(api, customerId)),
    publishableKey: api.config.demoPublishableKey,
  });
}

describe('GET /v1/me/summary from memory', () => {
  test('a warm summary takes at most 3 statements, and no program lookup', async () => {
    const customerId = await createDemoCustomer(server);
    await transact(server, customerId, { type: 'earn', points: 120, reason: 'welcome back' });
    const token = await demoToken(server, customerId);
    const cold = await counter.during(async () => {
      const res = await summaryResponse(server, customerId, token);
      assert.equal(res.status, 200);
      await res.body?.cancel();
    });
    let body = '';
    const warm = await counter.during(async () => {
      const res = await summaryResponse(server, customerId, token);
      assert.equal(res.status, 200);
      body = await res.text();
    });
    assert.ok(warm.count <= 3, `a warm summary took ${warm.count} statements: ${warm.statements.join(' | ')}`);
    assert.ok(warm.count < cold.count, `warm ${warm.count}, cold ${cold.count}`);
    assert.ok(
      warm.statements.every((sql) => !sql.includes('FROM programs p')),
      `the program was looked up again: ${warm.statements.join(' | ')}`,
    );
    assert.equal((JSON.parse(body) as Summary).points.balance, 120);
  });

  test("a first summary takes at most 3 statements once its program's surveys are known; a survey published or paused since shows at once", async () => {
    await (await summaryResponse(server, await createDemoCustomer(server))).text();
    const customerId = await createDemoCustomer(server);
    const token = await demoToken(server, customerId);
    const cold = await counter.during(async () => {
      assert.equal((await summaryResponse(server, customerId, token)).status, 200);
    });
    assert.ok(cold.count <= 3, `a first summary took ${cold.count} statements: ${cold.statements.join(' | ')}`);
    assert.ok(
      cold.statements.every((sql) => !sql.includes('FROM surveys s') && !sql.includes('FROM survey_settings')),
      `the program's surveys were read again: ${cold.statements.join(' | ')}`,
    );

    const draft = testSurvey();
    await publish(server, draft);
    const published = (await (await summaryResponse(server, customerId, token)).json()) as Summary;
    assert.equal(published.dueSurveys?.[draft.trigger]?.id, draft.id, `due: ${published.surveysDue?.join(', ')}`);
    await publish(server, { ...draft, status: 'paused' });
    const paused = (await (await summaryResponse(server, customerId, token)).json()) as Summary;
    assert.equal(paused.surveysDue?.includes(draft.trigger), false, `due: ${paused.surveysDue?.join(', ')}`);
  });

  test('a warm summary reads nothing on PGlite, where every write passes through the process, and one row on PostgreSQL; a write shows at once', async () => {
    const customerId = await createDemoCustomer(server);
    await transact(server, customerId, { type: 'earn', points: 40, reason: 'welcome' });
    const token = await demoToken(server, customerId);
    await (await summaryResponse(server, customerId, token)).text();
    const warm = await counter.during(async () => {
      assert.equal((await summaryResponse(server, customerId, token)).status, 200);
    });
    assert.equal(warm.count, TEST_POSTGRES_URL ? 1 : 0, warm.statements.join(' | '));
    // Straight after the write's answer, with nothing between: the change notice has already arrived.
    await transact(server, customerId, { type: 'earn', points: 2, reason: 'then more' });
    const res = await summaryResponse(server, customerId, token);
    assert.equal(((await res.json()) as Summary).points.balance, 42);
  });

  test('ten requests at once after a write build the summary once, and all get it', async () => {
    const customerId = await createDemoCustomer(server);
    const token = await demoToken(server, customerId);
    await transact(server, customerId, { type: 'earn', points: 10, reason: 'first' });
    const one = await counter.during(async () => {
      await (await summaryResponse(server, customerId, token)).text();
    });
    await transact(server, customerId, { type: 'earn', points: 5, reason: 'second' });
    const bodies: Summary[] = [];
    const burst = await counter.during(() =>
      Promise.all(
        Array.from({ length: 10 }, async () => {
          bodies.push((await (await summaryResponse(server, customerId, token)).json()) as Summary);
        }),
      ),
    );
    assert.deepEqual(
      bodies.map((body) => body.points.balance),
      Array.from({ length: 10 }, () => 15),
    );
    // One build (as many statements as one cold summary), plus each request's read of the customer.
    assert.ok(burst.count <= one.count + 10, `${burst.count} statements for ten, ${one.count} for one`);
  });

  test('a program settings change is seen at once by a warm summary', async () => {
    const program = await ownProgram(server, { earnRate: 1, returnWindowDays: 0 });
    const merchant = adminOf(server, program);
    const customerId = await merchant.customer();
    const before = await merchant.summary(customerId);
    assert.notEqual(before.program.name, 'Renamed shop');
    await ok(await merchant.call('PATCH', programSettingsPath, { name: 'Renamed shop' }));
    assert.equal((await merchant.summary(customerId)).program.name, 'Renamed shop');
  });
});

/** The summary as an app that has nothing in memory answers it. */
async function freshSummary(customerId: string): Promise<Summary | number> {
  const { api, app } = await serveWithClock(server, new TestClock());
  try {
    const res = await summaryResponse(api, customerId);
    if (res.status === 200) return (await res.json()) as Summary;
    await res.body?.cancel();
    return res.status;
  } finally {
    await app.close();
  }
}

interface WriteCase {
  kind: string;
  /** Makes the write; the customer's summary was just served from memory. */
  write(customerId: string): Promise<void>;
  /** What the summary shows after the write. */
  shows(before: Summary, after: Summary | number): void;
}

const balanceMoved = (delta: number) => (before: Summary, after: Summary | number) => {
  assert.notEqual(typeof after, 'number');
  assert.equal((after as Summary).points.balance, before.points.balance + delta);
};

const ok = async (res: Response, status = 200) => {
  assert.ok(res.status === status || res.status === 201, `${res.status} ${await res.clone().text()}`);
  await res.body?.cancel();
};

const DEMO_WRITES: WriteCase[] = [
  {
    kind: 'credit',
    write: async (id) => void (await transact(server, id, { type: 'earn', points: 30, reason: 'credit' })),
    shows: balanceMoved(30),
  },
  {
    kind: 'debit',
    write: async (id) => void (await transact(server, id, { type: 'redeem', points: 40, reason: 'debit' })),
    shows: balanceMoved(-40),
  },
  {
    kind: 'admin adjust',
    write: async (id) => void (await transact(server, id, { type: 'adjust', points: -7, reason: 'adjust' })),
    shows: balanceMoved(-7),
  },
  {
    kind: 'birthday set',
    write: async (id) =>
      ok(
        await asCustomer(server, id, paths.birthday, {
          method: 'PUT',
          body: { month: 2, day: 29, calendar: 'gregorian' },
          idempotencyKey: randomUUID(),
        }),
      ),
    shows: (before, after) => {
      assert.equal(before.birthday, null);
      assert.deepEqual((after as Summary).birthday && { ...(after as Summary).birthday }.month, 2);
    },
  },
  {
    kind: 'profile update',
    write: async (id) => ok(await upsertCustomer(server, id, { name: 'Renamed shopper', locale: 'zh-CN' })),
    shows: (_before, after) => assert.equal((after as Summary).customer.name, 'Renamed shopper'),
  },
  {
    kind: 'survey dismissal',
    write: async (id) => ok(await dismiss(server, id, DEMO_SURVEYS.postPurchase.id), 201),
    shows: (before, after) => {
      assert.ok(before.surveysDue?.includes(DEMO_SURVEYS.postPurchase.trigger));
      assert.ok(!(after as Summary).surveysDue?.includes(DEMO_SURVEYS.postPurchase.trigger));
    },
  },
  {
    kind: 'membership end',
    write: async (id) => ok(await endMembershipOf(server, id, { reason: 'other' })),
    // The summary shows no membership: it stays what an instance with nothing in memory answers.
    shows: () => undefined,
  },
  {
    kind: 'erasure',
    write: async (id) => ok(await eraseCustomer(server, id)),
    shows: (_before, after) => assert.equal(after, 403),
  },
];

describe('every write that touches a customer shows in their next summary', () => {
  for (const writeCase of DEMO_WRITES) {
    test(writeCase.kind, async () => {
      const customerId = await createDemoCustomer(server, 'cache');
      await transact(server, customerId, { type: 'earn', points: 100, reason: 'opening balance' });
      await summaryOf(server, customerId);
      const before = await summaryOf(server, customerId);
      await writeCase.write(customerId);
      const res = await summaryResponse(server, customerId);
      const after = res.status === 200 ? ((await res.json()) as Summary) : res.status;
      if (typeof after === 'number') await res.body?.cancel();
      writeCase.shows(before, after);
      assert.deepEqual(after, await freshSummary(customerId));
    });
  }

  test('order, refund and reversal', async () => {
    const merchant = adminOf(server, await ownProgram(server, { earnRate: 1, returnWindowDays: 0, welcomeBonus: 0 }));
    const customerId = await merchant.customer();
    await merchant.summary(customerId);
    const placed = await merchant.order(anOrder(customerId, 10_000));
    const afterOrder = await merchant.summary(customerId);
    assert.equal(afterOrder.points.balance, 100);

    await merchant.refund(placed.order.orderId, `refund-${randomUUID()}`, 4_000);
    const afterRefund = await merchant.summary(customerId);
    assert.equal(afterRefund.points.balance, 60);

    const credit = await merchant.transact(customerId, { type: 'earn', points: 25, reason: 'to reverse' });
    assert.equal((await merchant.summary(customerId)).points.balance, 85);
    await ok(await merchant.postReversal(customerId, credit.transaction.id), 201);
    assert.equal((await merchant.summary(customerId)).points.balance, 60);
  });
});

describe('a program whose id holds a space', () => {
  test('a write shows in the next summary there too', async () => {
    const created = await createProgram(server.db, {
      id: `tea house ${randomUUID()}`,
      name: 'Tea house',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
    });
    const merchant = adminOf(server, {
      id: created.programId,
      publishableKey: created.publishableKey,
      secretKey: created.secretKey,
    });
    const customerId = await merchant.customer();
    const before = (await merchant.summary(customerId)).points.balance;
    await merchant.transact(customerId, { type: 'earn', points: 40, reason: 'served from memory before' });
    assert.equal((await merchant.summary(customerId)).points.balance, before + 40);
  });
});

describe('time passing changes a summary served from memory', () => {
  const clock = new TestClock();
  let api: TestServer;
  let close: () => Promise<void>;
  before(async () => {
    const served = await serveWithClock(server, clock);
    api = served.api;
    close = () => served.app.close();
  });
  after(() => close());

  test('points expire and the tier window ends', async () => {
    const customerId = await createDemoCustomer(server, 'clock');
    const expiresAt = new Date(Date.now() + 2 * DAY_MS).toISOString();
    await transact(server, customerId, { type: 'adjust', points: 50, reason: 'expiring', expiresAt });
    await transact(server, customerId, { type: 'adjust', points: 2_000, reason: 'qualifying' });
    const before = await summaryOf(api, customerId);
    assert.equal(before.points.balance, 2_050);
    assert.deepEqual(before.points.expiring[0], { points: 50, expiresAt });
    assert.equal(before.tier.progress.qualified, 2_050);

    clock.set(new Date(Date.now() + 3 * DAY_MS));
    const expired = await summaryOf(api, customerId);
    assert.equal(expired.points.balance, 2_000);
    assert.deepEqual(
      expired.points.expiring.map((batch) => batch.points),
      [2_000],
    );
    // The summary wrote the lapsed points off in the ledger, as well as leaving them out.
    const written = await server.db.query<{ points: number | string }>(
      `SELECT points FROM ledger_entries WHERE customer_id = $1 AND kind = 'expiry'`,
      [customerId],
    );
    assert.deepEqual(
      written.map((row) => Number(row.points)),
      [-50],
    );

    clock.set(new Date(Date.now() + 400 * DAY_MS));
    const windowEnded = await summaryOf(api, customerId);
    assert.equal(windowEnded.tier.progress.qualified, 0);
  });

  test('the birthday window opens as the local date turns', async () => {
    const customerId = await createDemoCustomer(server, 'clock');
    const inTenDays = new Date(Date.now() + 10 * DAY_MS);
    const res = await asCustomer(api, customerId, paths.birthday, {
      method: 'PUT',
      body: { month: inTenDays.getUTCMonth() + 1, day: inTenDays.getUTCDate(), calendar: 'gregorian' },
      idempotencyKey: randomUUID(),
    });
    await ok(res);
    const before = await summaryOf(api, customerId);
    assert.equal(before.birthday?.inWindow, false);
    clock.set(new Date(Date.now() + 9 * DAY_MS));
    assert.equal((await summaryOf(api, customerId)).birthday?.inWindow, true);
  });
});

describe('two API instances on one PostgreSQL database', { skip: !TEST_POSTGRES_URL }, () => {
  let second: TestServer;
  before(async () => {
    second = await startTestServer({ DATABASE_URL: server.config.databaseUrl ?? '' });
  });
  after(() => second.close());

  test('a write on one is seen at once by a summary on the other', async () => {
    const customerId = await createDemoCustomer(server, 'instances');
    await summaryOf(second, customerId);
    assert.equal((await summaryOf(second, customerId)).points.balance, 0);
    for (const points of [10, 20, 30]) {
      await transact(server, customerId, { type: 'earn', points, reason: 'on the first instance' });
      const seen = await summaryOf(second, customerId);
      assert.equal(seen.points.balance, points === 10 ? 10 : points === 20 ? 30 : 60);
    }
  });

  test("a program's settings written on one are seen at once on the other", async () => {
    const program = await ownProgram(server, { earnRate: 1 });
    const customerId = await adminOf(server, program).customer();
    const before = await adminOf(second, program).summary(customerId);
    assert.notEqual(before.program.name, 'Elsewhere');
    await ok(await adminOf(server, program).call('PATCH', programSettingsPath, { name: 'Elsewhere' }));
    assert.equal((await adminOf(second, program).summary(customerId)).program.name, 'Elsewhere');
  });
});
