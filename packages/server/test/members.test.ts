import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { CUSTOMER_LIST_MAX_LIMIT, paths, rewardPaths } from '@loyalty-elements/contract';
import { expectProblem, postTransaction } from './support/http.ts';
import { asCustomer, clockedServerPerFile, expectUpsert, transact, upsertCustomer } from './support/loyalty.ts';
import {
  admin,
  customerPage,
  endMembershipOf,
  expectRecord,
  listCustomers,
  profileOf,
  searchAll,
} from './support/members.ts';
import type { TestServer } from './support/server.ts';

// The merchant finds members, reads one, and ends a membership; a member who left earns and redeems nothing.

describe('members', () => {
  let server: TestServer;
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));

  const marker = randomUUID().slice(0, 8);
  const create = async (suffix: string, name: string, email?: string) => {
    const id = `m-${marker}-${suffix}`;
    await expectUpsert(await upsertCustomer(api, id, { name, ...(email ? { email } : {}) }), 201);
    return id;
  };

  describe('GET /v1/admin/customers', () => {
    const ids: string[] = [];
    test('finds customers by part of the id, page by page, in a stable order with no gaps', async () => {
      ids.push(
        await create('a', 'Alice Zhang', 'Alice.Z@Example.COM'),
        await create('b', '李 100% Tea'),
        await create('c', 'Bob_Smith'),
        await create('d', 'BobxSmith'),
        await create('e', '王 Wang'),
        await create('f', 'Frank', 'frank@tea.example'),
        await create('g', 'Grace'),
      );
      for (const limit of [1, 2, 3, 7, 100]) {
        assert.deepEqual(await searchAll(api, marker, limit), ids, `limit ${limit}`);
      }
      const first = await customerPage(api, { query: marker, limit: 3 });
      assert.deepEqual(
        first.customers.map((customer) => customer.id),
        ids.slice(0, 3),
      );
      assert.ok(first.nextCursor);
    });

    test('finds by name and e-mail, whatever the case; e-mail is stored lower-cased', async () => {
      const byName = await customerPage(api, { query: 'aLiCe zHANG' });
      assert.deepEqual(
        byName.customers.map((customer) => customer.id),
        [ids[0]],
      );
      assert.equal(byName.customers[0]?.email, 'alice.z@example.com');
      const byEmail = await customerPage(api, { query: 'ALICE.Z@EXAMPLE' });
      assert.deepEqual(
        byEmail.customers.map((customer) => customer.id),
        [ids[0]],
      );
      const chinese = await customerPage(api, { query: '王 wang' });
      assert.deepEqual(
        chinese.customers.map((customer) => customer.id),
        [ids[4]],
      );
    });

    test('% and _ in a query are plain characters', async () => {
      const percent = await customerPage(api, { query: '100%', limit: 100 });
      assert.deepEqual(
        percent.customers.map((customer) => customer.id),
        [ids[1]],
      );
      const underscore = await customerPage(api, { query: 'b_s', limit: 100 });
      assert.deepEqual(
        underscore.customers.map((customer) => customer.id),
        [ids[2]],
      );
      const onlyPercent = await customerPage(api, { query: '%', limit: 100 });
      assert.ok(onlyPercent.customers.length >= 1);
      for (const customer of onlyPercent.customers) {
        assert.ok(`${customer.id}${customer.name}${customer.email ?? ''}`.includes('%'), customer.id);
      }
    });

    test('filters by status', async () => {
      await expectRecord(await endMembershipOf(api, ids[5]!, { reason: 'price' }));
      const ended = await customerPage(api, { query: marker, status: 'ended' });
      assert.deepEqual(
        ended.customers.map((customer) => [customer.id, customer.status]),
        [[ids[5], 'ended']],
      );
      const active = await customerPage(api, { query: marker, status: 'active' });
      assert.deepEqual(
        active.customers.map((customer) => customer.id),
        ids.filter((id) => id !== ids[5]),
      );
      const erased = await customerPage(api, { query: marker, status: 'erased' });
      assert.deepEqual(erased, { customers: [], nextCursor: null });
    });

    test('a bad query parameter is a 400 naming it', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ limit: '0' }, 'query.limit'],
        [{ limit: String(CUSTOMER_LIST_MAX_LIMIT + 1) }, 'query.limit'],
        [{ limit: '1e400' }, 'query.limit'],
        [{ limit: 'ten' }, 'query.limit'],
        [{ limit: '2.5' }, 'query.limit'],
        [{ status: 'gone' }, 'query.status'],
        [{ cursor: 'not-a-cursor' }, 'query.cursor'],
        [{ cursor: 'c1.!!!' }, 'query.cursor'],
        [{ query: 'x'.repeat(201) }, 'query.query'],
        [{ query: 'a\u0000b' }, 'query.query'],
      ];
      for (const [query, path] of cases) {
        const problem = await expectProblem(await listCustomers(api, query), 400, 'validation_failed');
        assert.deepEqual(
          problem.errors?.map((error) => error.path),
          [path],
          JSON.stringify(query),
        );
      }
      await expectProblem(await admin(api, '/v1/admin/customers', { secretKey: null }), 401, 'secret_key_invalid');
    });
  });

  describe('GET /v1/admin/customers/{id}', () => {
    test('the profile: record, spendable and pending points, tier and birthday', async () => {
      const id = await create('profile', 'Pat', 'PAT@tea.example');
      await expectUpsert(
        await upsertCustomer(api, id, { name: 'Pat', birthday: { month: 5, day: 4, calendar: 'gregorian' } }),
        200,
      );
      await transact(api, id, { type: 'earn', points: 1_200 });
      const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
      await transact(api, id, { type: 'earn', points: 50, pendingUntil: inAWeek });
      const profile = await profileOf(api, id);
      assert.equal(profile.customer.id, id);
      assert.equal(profile.customer.email, 'pat@tea.example', 'e-mail left out of a PUT keeps its value');
      assert.equal(profile.customer.status, 'active');
      assert.deepEqual(profile.balance, { spendable: 1_200, pending: 50 });
      assert.equal(profile.tier.id, 'silver');
      assert.deepEqual(
        [profile.birthday?.month, profile.birthday?.day, profile.birthday?.calendar],
        [5, 4, 'gregorian'],
      );
      assert.deepEqual(profile.customer.birthday, { month: 5, day: 4, calendar: 'gregorian' });
    });

    test('404 for a customer the program does not have; 401 without the secret key', async () => {
      await expectProblem(await admin(api, paths.customer(`nobody-${marker}`)), 404, 'customer_not_found');
      await expectProblem(
        await admin(api, paths.customer('demo-gold'), { secretKey: server.config.demoPublishableKey }),
        401,
        'secret_key_invalid',
      );
    });

    test('an e-mail that is not one is a 400 naming body.email', async () => {
      for (const email of ['not-an-email', 'a@', 42, `${'x'.repeat(250)}@tea.example`]) {
        const problem = await expectProblem(
          await upsertCustomer(api, `m-${marker}-bad`, JSON.stringify({ name: 'X', email })),
          400,
          'validation_failed',
        );
        assert.deepEqual(
          problem.errors?.map((error) => error.path),
          ['body.email'],
        );
      }
    });
  });

  describe('POST /v1/admin/customers/{id}/membership/end', () => {
    test('ends the membership at the app clock, with the reason; a second call changes nothing', async () => {
      const id = await create('end', 'Erin');
      clock.set('2027-02-10T03:00:00.000Z');
      const ended = await expectRecord(await endMembershipOf(api, id, { reason: 'service', note: 'Slow replies' }));
      assert.deepEqual(
        [ended.status, ended.endedAt, ended.endReason],
        ['ended', '2027-02-10T03:00:00.000Z', 'service'],
      );
      clock.set('2027-02-11T03:00:00.000Z');
      const again = await expectRecord(await endMembershipOf(api, id, { reason: 'price' }));
      assert.deepEqual(again, ended);
      assert.deepEqual((await profileOf(api, id)).customer, ended);
    });

    test('twenty parallel calls end it once, with one reason', async () => {
      const id = await create('parallel-end', 'Pia');
      const reasons = ['price', 'product', 'service', 'market', 'technology', 'reputation', 'other'] as const;
      const records = await Promise.all(
        Array.from({ length: 20 }, async (_, i) =>
          expectRecord(await endMembershipOf(api, id, { reason: reasons[i % 7] })),
        ),
      );
      assert.equal(new Set(records.map((record) => JSON.stringify(record))).size, 1);
      const [row] = await server.db.query<{ n: unknown }>(
        'SELECT count(*)::int AS n FROM membership_endings WHERE customer_id = $1',
        [id],
      );
      assert.equal(Number(row?.n), 1);
    });

    test('an ended member earns and redeems nothing (409 membership_ended) but can still read and be corrected', async () => {
      const id = await create('no-credit', 'Nico');
      await transact(api, id, { type: 'earn', points: 500 });
      await expectRecord(await endMembershipOf(api, id, { reason: 'market' }));
      await expectProblem(
        await postTransaction(api, { customerId: id, body: { type: 'earn', points: 10 } }),
        409,
        'membership_ended',
      );
      await expectProblem(
        await postTransaction(api, { customerId: id, body: { type: 'adjust', points: 10 } }),
        409,
        'membership_ended',
      );
      await expectProblem(
        await postTransaction(api, { customerId: id, body: { type: 'redeem', points: 10 } }),
        409,
        'membership_ended',
      );
      const redeem = await asCustomer(api, id, rewardPaths.redeem('free-jasmine-tea'), {
        method: 'POST',
        idempotencyKey: randomUUID(),
      });
      await expectProblem(redeem, 409, 'membership_ended');
      await transact(api, id, { type: 'adjust', points: -20, reason: 'correction' });
      const summary = await asCustomer(api, id, paths.summary);
      assert.equal(summary.status, 200);
      assert.equal(((await summary.json()) as { points: { balance: number } }).points.balance, 480);
    });

    test('credits racing the end: each is either written before it or refused, and the balance adds up', async () => {
      const id = await create('race', 'Rae');
      const results = await Promise.all([
        ...Array.from({ length: 20 }, () =>
          postTransaction(api, { customerId: id, body: { type: 'earn', points: 7 } }),
        ),
        endMembershipOf(api, id, { reason: 'other' }),
      ]);
      const credits = results.slice(0, 20).map((res) => res.status);
      assert.ok(
        credits.every((status) => status === 201 || status === 409),
        credits.join(),
      );
      assert.equal(results[20]?.status, 200);
      const written = credits.filter((status) => status === 201).length;
      assert.equal((await profileOf(api, id)).balance.spendable, written * 7);
    });

    test('PUT with status active brings the member back; they earn again', async () => {
      const id = await create('rejoin', 'Rita');
      await expectRecord(await endMembershipOf(api, id, { reason: 'price' }));
      const stillEnded = await expectUpsert(await upsertCustomer(api, id, { name: 'Rita' }), 200);
      assert.equal(stillEnded.customer.status, 'ended', 'a PUT without status leaves the membership as it is');
      const back = await expectUpsert(await upsertCustomer(api, id, { name: 'Rita', status: 'active' }), 200);
      assert.deepEqual([back.customer.status, back.customer.endedAt, back.customer.endReason], ['active', null, null]);
      await transact(api, id, { type: 'earn', points: 30 });
      assert.equal((await profileOf(api, id)).balance.spendable, 30);
    });

    test('hostile bodies are a 400 naming the field; unknown customers 404', async () => {
      const id = await create('hostile', 'Hal');
      const cases: [unknown, string][] = [
        [{ reason: 'bored' }, 'body.reason'],
        [{}, 'body.reason'],
        [{ reason: 'price', note: 'x'.repeat(1_001) }, 'body.note'],
        [{ reason: 'price', note: 7 }, 'body.note'],
        [{ reason: 'price', note: 'a\u0000b' }, 'body.note'],
        [{ reason: 'price', extra: true }, 'body'],
        ['[1', 'body'],
      ];
      for (const [body, path] of cases) {
        const problem = await expectProblem(await endMembershipOf(api, id, body), 400, 'validation_failed');
        assert.ok(
          problem.errors?.some((error) => error.path === path),
          `${JSON.stringify(body)}: ${JSON.stringify(problem.errors)}`,
        );
      }
      assert.equal((await profileOf(api, id)).customer.status, 'active');
      await expectProblem(
        await endMembershipOf(api, `nobody-${marker}`, { reason: 'price' }),
        404,
        'customer_not_found',
      );
    });
  });
});
