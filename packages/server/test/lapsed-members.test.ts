import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { memberPaths, ProgramSettings, programSettingsPath } from '@loyalty-elements/contract';
import { expectProblem, parseExactly } from './support/http.ts';
import { clockedServerPerFile, DAY_MS, expectUpsert, transact, upsertCustomer } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer, expectRecord } from './support/members.ts';
import type { TestServer } from './support/server.ts';
import { allLapsed, expectWinBack, lapsedPage, postWinBack } from './support/win-backs.ts';

/** A cursor made by hand, as the API encodes its own: JSON in base64url. */
const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

// Lapsed members: active members with no activity for the program's lapsedAfterDays, by the app clock.

describe('GET /v1/admin/members/lapsed', () => {
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ api } = started));

  const setLapsedAfterDays = async (lapsedAfterDays: unknown) =>
    admin(api, programSettingsPath, { method: 'PATCH', body: { lapsedAfterDays } });
  const join = async (prefix: string) => {
    const id = `${prefix}-${randomUUID().slice(0, 8)}`;
    await expectUpsert(await upsertCustomer(api, id, { name: `Lapsed ${id}`, email: `${id}@example.com` }), 201);
    return id;
  };
  const lapsedIds = async (prefix: string) =>
    (await allLapsed(api)).map((member) => member.customer.id).filter((id) => id.startsWith(prefix));

  test('lapsedAfterDays is a program setting (7–730, default 90) the list follows at once', async () => {
    const settings = await admin(api, programSettingsPath);
    assert.equal(parseExactly(ProgramSettings, await settings.json()).lapsedAfterDays, 90);
    assert.equal((await lapsedPage(api)).lapsedAfterDays, 90);
    for (const bad of [6, 731, 30.5, '30', null]) {
      const problem = await expectProblem(await setLapsedAfterDays(bad), 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((error) => error.path === 'body.lapsedAfterDays'),
        JSON.stringify(problem),
      );
    }
    const changed = await setLapsedAfterDays(30);
    assert.equal(changed.status, 200, await changed.clone().text());
    assert.equal(parseExactly(ProgramSettings, await changed.json()).lapsedAfterDays, 30);
    assert.equal((await lapsedPage(api)).lapsedAfterDays, 30);
  });

  test('lapsed from exactly lapsedAfterDays after the last activity; ended and erased members never are', async () => {
    assert.equal((await setLapsedAfterDays(30)).status, 200);
    const prefix = `lapse-${randomUUID().slice(0, 6)}`;
    const start = Date.parse('2041-01-01T00:00:00.000Z');
    clock.set(new Date(start));
    const joinedOnly = await join(prefix);
    const ended = await join(prefix);
    const erased = await join(prefix);
    clock.set(new Date(start + 5 * DAY_MS));
    const earned = await join(prefix);
    await transact(api, earned, { type: 'earn', points: 50 });
    await expectRecord(await endMembershipOf(api, ended, { reason: 'price' }));
    assert.equal((await eraseCustomer(api, erased)).status, 200);

    clock.set(new Date(start + 30 * DAY_MS - 1));
    assert.deepEqual(await lapsedIds(prefix), [], 'a millisecond short of 30 days is not lapsed');
    clock.set(new Date(start + 30 * DAY_MS));
    assert.deepEqual(await lapsedIds(prefix), [joinedOnly], 'exactly 30 days without activity is lapsed');
    clock.set(new Date(start + 35 * DAY_MS));
    assert.deepEqual(await lapsedIds(prefix), [joinedOnly, earned], 'longest lapsed first');

    const [member] = (await allLapsed(api)).filter((m) => m.customer.id === earned);
    assert.deepEqual(member, {
      customer: { id: earned, name: `Lapsed ${earned}`, email: `${earned}@example.com` },
      lastActivityAt: new Date(start + 5 * DAY_MS).toISOString(),
      balance: { spendable: member!.balance.spendable },
      tier: { id: member!.tier.id, name: member!.tier.name },
      winBack: null,
    });
    assert.ok(member!.balance.spendable >= 50, 'the earned points are spendable');

    // New activity ends the lapse; a win-back does not, and shows on the member.
    await transact(api, joinedOnly, { type: 'earn', points: 10 });
    const winBack = await expectWinBack(await postWinBack(api, earned, { points: 25 }));
    assert.deepEqual(await lapsedIds(prefix), [earned]);
    const [wonBack] = (await allLapsed(api)).filter((m) => m.customer.id === earned);
    assert.deepEqual(wonBack!.winBack, { at: winBack.winBack.at, points: 25, rewardId: null });
    assert.equal(wonBack!.balance.spendable, member!.balance.spendable + 25);
  });

  test('pages follow one order without gaps or repeats', async () => {
    assert.equal((await setLapsedAfterDays(7)).status, 200);
    const prefix = `page-${randomUUID().slice(0, 6)}`;
    const start = Date.parse('2043-03-01T00:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(start + i * DAY_MS));
      ids.push(await join(prefix));
    }
    // Two joined at the same instant: ordered by id.
    clock.set(new Date(start + 5 * DAY_MS));
    const twins = [await join(`${prefix}-b`), await join(`${prefix}-a`)].sort();
    clock.set(new Date(start + 60 * DAY_MS));
    const whole = await allLapsed(api, 100);
    const byTwo = await allLapsed(api, 2);
    assert.deepEqual(
      byTwo.map((m) => m.customer.id),
      whole.map((m) => m.customer.id),
    );
    assert.equal(new Set(byTwo.map((m) => m.customer.id)).size, byTwo.length, 'no member twice');
    assert.deepEqual(
      whole.map((m) => m.customer.id).filter((id) => id.startsWith(prefix)),
      [...ids, ...twins],
    );
    const times = whole.map((m) => Date.parse(m.lastActivityAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    const first = await lapsedPage(api, '?limit=1');
    assert.equal(first.members.length, 1);
    assert.ok(first.nextCursor);
  });

  test('bad paging is a 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['?limit=0', 'query.limit'],
      ['?limit=101', 'query.limit'],
      ['?limit=2.5', 'query.limit'],
      ['?limit=ten', 'query.limit'],
      ['?cursor=nonsense', 'query.cursor'],
      [`?cursor=l1.${cursorOf(['0', 'shopper'])}`, 'query.cursor'],
      // Instants as JavaScript writes them, in years the database cannot hold.
      [`?cursor=l1.${cursorOf(['0000-01-01T00:00:00.000Z', 'shopper'])}`, 'query.cursor'],
      [`?cursor=l1.${cursorOf(['+275760-09-13T00:00:00.000Z', 'shopper'])}`, 'query.cursor'],
      [`?cursor=${'x'.repeat(500)}`, 'query.cursor'],
    ] as const) {
      const problem = await expectProblem(await admin(api, memberPaths.lapsed + query), 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((error) => error.path === path),
        `${query}: ${JSON.stringify(problem)}`,
      );
    }
    await expectProblem(await admin(api, memberPaths.lapsed, { secretKey: null }), 401, 'secret_key_invalid');
  });
});
