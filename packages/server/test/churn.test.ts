import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { ChurnReport, memberPaths, type ChurnMonth, type MembershipEndReason } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { clockedServerPerFile, expectUpsert, upsertCustomer } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer, expectRecord } from './support/members.ts';
import type { TestServer } from './support/server.ts';

// Churn by month of the program's time zone, from the app clock: who was a member at each month's start, who
// joined, who left and why.

describe('GET /v1/admin/members/churn', () => {
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ api } = started));

  const churn = (query: string) => admin(api, `${memberPaths.churn}?${query}`);
  const report = async (from: string, to: string) => {
    const res = await churn(`from=${from}&to=${to}`);
    assert.equal(res.status, 200, await res.clone().text());
    return parseExactly(ChurnReport, await res.json()).months;
  };
  const none = { price: 0, product: 0, service: 0, market: 0, technology: 0, reputation: 0, other: 0 };
  const month = (
    name: string,
    activeAtStart: number,
    joined: number,
    byReason: Partial<Record<MembershipEndReason, number>>,
  ): ChurnMonth => {
    const ended = Object.values(byReason).reduce((sum, n) => sum + n, 0);
    return {
      month: name,
      activeAtStart,
      joined,
      ended,
      byReason: { ...none, ...byReason },
      churnRate: activeAtStart === 0 ? null : ended / activeAtStart,
    };
  };

  test('counts members, joins and endings by month and reason, in the program’s time zone', async () => {
    assert.equal(DEMO_SEED.program.timezone, 'Asia/Shanghai');
    const [baseline] = await report('2030-01', '2030-01');
    const base = baseline?.activeAtStart ?? 0;
    assert.ok(base > 0, 'the demo members were members before 2030');

    const create = async () => {
      const id = `churn-${randomUUID()}`;
      await expectUpsert(await upsertCustomer(api, id, { name: 'Churn test' }), 201);
      return id;
    };
    clock.set('2030-01-10T08:00:00.000Z');
    const [a, b, c, d] = [await create(), await create(), await create(), await create()];
    clock.set('2030-02-05T08:00:00.000Z');
    await expectRecord(await endMembershipOf(api, a!, { reason: 'price' }));
    await expectRecord(await endMembershipOf(api, b!, { reason: 'price' }));
    // 00:30 on 1 March in Shanghai, still February in UTC: a March ending.
    clock.set('2030-02-28T16:30:00.000Z');
    await expectRecord(await endMembershipOf(api, c!, { reason: 'service' }));
    clock.set('2030-03-15T08:00:00.000Z');
    await expectRecord(await eraseCustomer(api, d!));
    clock.set('2030-04-02T08:00:00.000Z');
    await expectUpsert(await upsertCustomer(api, a!, { name: 'Churn test', status: 'active' }), 200);

    assert.deepEqual(await report('2030-01', '2030-05'), [
      month('2030-01', base, 4, {}),
      month('2030-02', base + 4, 0, { price: 2 }),
      month('2030-03', base + 2, 0, { service: 1, other: 1 }),
      month('2030-04', base, 0, {}),
      month('2030-05', base + 1, 0, {}),
    ]);
  });

  test('a month with no members has a null churn rate', async () => {
    const [first] = await report('2000-01', '2000-01');
    assert.deepEqual(first, month('2000-01', 0, 0, {}));
  });

  test('at most 36 months, in order; bad months are a 400 naming the field', async () => {
    assert.equal((await report('2027-01', '2029-12')).length, 36);
    const cases: [string, string][] = [
      ['from=2027-01&to=2030-01', 'query.to'],
      ['from=2027-05&to=2027-04', 'query.to'],
      ['from=2027-13&to=2027-12', 'query.from'],
      ['from=2027-1&to=2027-12', 'query.from'],
      ['from=2027-01', 'query.to'],
      ['to=2027-01', 'query.from'],
      ['from=2027-01&to=99999-01', 'query.to'],
      ['from=%00&to=2027-01', 'query.from'],
    ];
    for (const [query, path] of cases) {
      const problem = await expectProblem(await churn(query), 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        query,
      );
    }
    await expectProblem(
      await admin(api, `${memberPaths.churn}?from=2027-01&to=2027-02`, { secretKey: null }),
      401,
      'secret_key_invalid',
    );
  });
});
