import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { paths } from '@loyalty-elements/contract';
import { startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, summaryOf } from './support/http.ts';
import { expectUpsert, transact, upsertCustomer } from './support/loyalty.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

describe('PUT /v1/admin/customers/{id}', () => {
  test('creates a customer (201) who can then sign in, earn and be summarised', async () => {
    const id = `shopper-${randomUUID()}`;
    const before = Date.now();
    const created = await expectUpsert(
      await upsertCustomer(server, id, {
        name: 'Wang Lei',
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        birthday: { month: 1, day: 30, calendar: 'chinese-lunar' },
      }),
      201,
    );
    assert.equal(created.created, true);
    assert.deepEqual(
      { ...created.customer, joinedAt: undefined },
      {
        id,
        name: 'Wang Lei',
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        birthday: { month: 1, day: 30, calendar: 'chinese-lunar' },
        email: null,
        status: 'active',
        joinedAt: undefined,
        endedAt: null,
        endReason: null,
      },
    );
    assert.ok(Date.parse(created.customer.joinedAt) >= before - 1000);

    await transact(server, id, { type: 'earn', points: 42 });
    const summary = await summaryOf(server, id);
    assert.deepEqual(summary.customer, { id, name: 'Wang Lei', locale: 'zh-CN', timezone: 'Asia/Shanghai' });
    assert.equal(summary.points.balance, 42);
    assert.equal(summary.birthday?.calendar, 'chinese-lunar');
  });

  test('updates (200), keeping what the body leaves out and clearing what it nulls', async () => {
    const id = `shopper-${randomUUID()}`;
    const first = await expectUpsert(
      await upsertCustomer(server, id, {
        name: 'Ana',
        locale: 'en',
        timezone: 'Europe/Lisbon',
        birthday: { month: 7, day: 4, calendar: 'gregorian' },
      }),
      201,
    );
    const renamed = await expectUpsert(await upsertCustomer(server, id, { name: 'Ana Silva' }), 200);
    assert.equal(renamed.created, false);
    assert.deepEqual(renamed.customer, { ...first.customer, name: 'Ana Silva' });

    const cleared = await expectUpsert(
      await upsertCustomer(server, id, { name: 'Ana Silva', timezone: null, birthday: null, locale: null }),
      200,
    );
    assert.deepEqual(cleared.customer, {
      ...first.customer,
      name: 'Ana Silva',
      locale: null,
      timezone: null,
      birthday: null,
    });
    const summary = await summaryOf(server, id);
    assert.equal(summary.customer.timezone, 'Asia/Shanghai', "the program's time zone stands in");
    assert.equal(summary.birthday, null);
  });

  test('is safe to repeat, and to race', async () => {
    const id = `shopper-${randomUUID()}`;
    const body = { name: 'Repeat', locale: 'en' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => upsertCustomer(server, id, body)));
    const statuses = responses.map((res) => res.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    for (const res of responses) await res.body?.cancel();
  });

  test('rejects bad fields, naming them', async () => {
    const id = `shopper-${randomUUID()}`;
    const cases: Array<[unknown, string]> = [
      [{}, 'body.name'],
      [{ name: '' }, 'body.name'],
      [{ name: 'A', timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
      [{ name: 'A', locale: 'not a locale' }, 'body.locale'],
      [{ name: 'A', birthday: { month: 2, day: 30, calendar: 'gregorian' } }, 'body.birthday.day'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(
        await upsertCustomer(server, id, JSON.stringify(body)),
        400,
        'validation_failed',
      );
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${JSON.stringify(body)} → ${JSON.stringify(problem.errors)}`,
      );
    }
    const longId = await upsertCustomer(server, 'x'.repeat(129), { name: 'A' });
    const problem = await expectProblem(longId, 400, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['path.customerId'],
    );
    await expectProblem(await upsertCustomer(server, id, '{"name":'), 400, 'validation_failed');
  });

  test('needs the secret key', async () => {
    const id = `shopper-${randomUUID()}`;
    await expectProblem(await upsertCustomer(server, id, { name: 'A' }, null), 401, 'secret_key_invalid');
    await expectProblem(
      await upsertCustomer(server, id, { name: 'A' }, server.config.demoPublishableKey),
      401,
      'secret_key_invalid',
    );
    const res = await fetch(server.baseUrl + paths.customer(id), { method: 'GET' });
    await expectProblem(res, 401, 'secret_key_invalid');
  });
});
