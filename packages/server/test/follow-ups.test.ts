import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  FollowUpCase,
  FollowUpNote,
  followUpPaths,
  programSettingsPath,
  type FollowUpPage,
} from '@loyalty-elements/contract';
import type { TestServer } from './support/server.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { fullHistory } from './support/loyalty.ts';
import { admin } from './support/members.ts';
import { serviceRecoveryPerFile } from './support/follow-ups.ts';

/** A cursor made by hand, as the API encodes its own: JSON in base64url. */
const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

// Service recovery: the merchant works the queue of follow-ups unhappy shoppers raise.

describe('the follow-up queue', () => {
  let api: TestServer;
  const { clock, raise, read, resolve, queue } = serviceRecoveryPerFile((started) => ({ api } = started));

  const setTarget = async (followUpTargetHours: number) => {
    const res = await admin(api, programSettingsPath, { method: 'PATCH', body: { followUpTargetHours } });
    assert.equal(res.status, 200, await res.clone().text());
  };

  test('the queue lists open follow-ups oldest first, each due by the program’s target, and finds the overdue ones', async () => {
    clock.set('2031-03-01T08:00:00.000Z');
    const oldest = await raise();
    clock.set('2031-03-01T09:00:00.000Z');
    const middle = await raise();
    clock.set('2031-03-01T10:00:00.000Z');
    const newest = await raise();
    const ids = [oldest, middle, newest].map((raised) => raised.followUpId);

    clock.set('2031-03-02T09:30:00.000Z');
    const open = (await queue('?status=open&limit=200')).followUps.filter((followUp) => ids.includes(followUp.id));
    assert.deepEqual(
      open.map((followUp) => [followUp.id, followUp.createdAt, followUp.dueAt, followUp.overdue]),
      [
        [ids[0], '2031-03-01T08:00:00.000Z', '2031-03-02T08:00:00.000Z', true],
        [ids[1], '2031-03-01T09:00:00.000Z', '2031-03-02T09:00:00.000Z', true],
        [ids[2], '2031-03-01T10:00:00.000Z', '2031-03-02T10:00:00.000Z', false],
      ],
    );
    const overdue = (await queue('?overdue=true&limit=200')).followUps.map((followUp) => followUp.id);
    assert.deepEqual(
      overdue.filter((id) => ids.includes(id)),
      ids.slice(0, 2),
    );
    assert.ok((await queue('?overdue=true&limit=200')).followUps.every((followUp) => followUp.overdue));
    assert.deepEqual((await queue('?status=closed&overdue=true')).followUps, []);

    // Page by page, one at a time: nothing twice, the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: FollowUpPage = await queue(`?status=open&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.followUps.length <= 1);
      seen.push(...page.followUps.map((followUp) => followUp.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(
      seen.filter((id) => ids.includes(id)),
      ids,
    );

    // A longer target moves every due time at once.
    await setTarget(48);
    try {
      const relaxed = await read(ids[0]!);
      assert.deepEqual([relaxed.dueAt, relaxed.overdue], ['2031-03-03T08:00:00.000Z', false]);
      assert.deepEqual(
        (await queue('?overdue=true&limit=200')).followUps.filter((followUp) => ids.includes(followUp.id)),
        [],
      );
    } finally {
      await setTarget(24);
    }

    // A closed one leaves the open queue and is never overdue; `all` lists open ones before closed ones.
    assert.equal((await resolve(ids[0]!, { outcome: 'Called and apologised' })).status, 200);
    const all = (await queue('?limit=200')).followUps;
    const closedAt = all.findIndex((followUp) => followUp.id === ids[0]);
    assert.ok(closedAt > all.findIndex((followUp) => followUp.id === ids[2]), 'closed ones come after open ones');
    assert.deepEqual([all[closedAt]?.status, all[closedAt]?.overdue], ['closed', false]);
    assert.ok(!(await queue('?status=open&limit=200')).followUps.some((followUp) => followUp.id === ids[0]));
  });

  test('a follow-up is assigned and unassigned, and keeps internal notes oldest first', async () => {
    const { followUpId } = await raise();
    const assign = (assignee: string | null) =>
      admin(api, followUpPaths.followUp(followUpId), { method: 'PATCH', body: { assignee } });
    const assigned = parseExactly(FollowUpCase, await (await assign('Mei Lin')).json());
    assert.equal(assigned.assignee, 'Mei Lin');
    assert.equal((await read(followUpId)).assignee, 'Mei Lin');

    clock.set('2031-04-01T10:00:00.000Z');
    const first = await admin(api, followUpPaths.notes(followUpId), {
      method: 'POST',
      body: { text: 'Called, no answer', author: 'Mei Lin' },
    });
    assert.equal(first.status, 201);
    const note = parseExactly(FollowUpNote, await first.json());
    assert.deepEqual(
      [note.text, note.author, note.createdAt],
      ['Called, no answer', 'Mei Lin', '2031-04-01T10:00:00.000Z'],
    );
    clock.set('2031-04-01T11:00:00.000Z');
    await admin(api, followUpPaths.notes(followUpId), { method: 'POST', body: { text: '电话已回复，退款处理中' } });
    assert.deepEqual(
      (await read(followUpId)).notes.map((kept) => [kept.text, kept.author, kept.createdAt]),
      [
        ['Called, no answer', 'Mei Lin', '2031-04-01T10:00:00.000Z'],
        ['电话已回复，退款处理中', null, '2031-04-01T11:00:00.000Z'],
      ],
    );

    const cleared = parseExactly(FollowUpCase, await (await assign(null)).json());
    assert.deepEqual([cleared.assignee, cleared.status, cleared.notes.length], [null, 'open', 2]);
  });

  test('an unknown follow-up is 404 on every route; an id that is not one is 400 naming it', async () => {
    const unknown = randomUUID();
    const calls = (id: string) => [
      admin(api, followUpPaths.followUp(id)),
      admin(api, followUpPaths.followUp(id), { method: 'PATCH', body: { assignee: 'Mei' } }),
      admin(api, followUpPaths.notes(id), { method: 'POST', body: { text: 'Hello' } }),
      resolve(id, { outcome: 'Done' }),
    ];
    for (const res of await Promise.all(calls(unknown))) await expectProblem(res, 404, 'follow_up_not_found');
    for (const res of await Promise.all(calls('not-a-follow-up'))) {
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        ['path.followUpId'],
      );
    }
  });

  test('hostile input is refused with 400 naming the field, and changes nothing', async () => {
    const { followUpId, customerId } = await raise();
    for (const [body, path] of [
      [{}, 'body.outcome'],
      [{ outcome: '' }, 'body.outcome'],
      [{ outcome: 'x'.repeat(2001) }, 'body.outcome'],
      [{ outcome: 'Bad\u0000text' }, 'body.outcome'],
      [{ outcome: 42 }, 'body.outcome'],
      [{ outcome: 'Done', goodwillPoints: 2 ** 31 }, 'body.goodwillPoints'],
      [{ outcome: 'Done', goodwillPoints: 1e308 }, 'body.goodwillPoints'],
      [{ outcome: 'Done', goodwillPoints: -1 }, 'body.goodwillPoints'],
      [{ outcome: 'Done', goodwillPoints: 1.5 }, 'body.goodwillPoints'],
      [{ outcome: 'Done', goodwillPoints: '5' }, 'body.goodwillPoints'],
      [{ outcome: 'Done', reason: 'r'.repeat(501) }, 'body.reason'],
      [{ outcome: 'Done', resolvedBy: '' }, 'body.resolvedBy'],
      [{ outcome: 'Done', points: 5 }, 'body'],
      ['{"outcome":', 'body'],
    ] as const) {
      const problem = await expectProblem(await resolve(followUpId, body), 400, 'validation_failed');
      assert.deepEqual(
        [...new Set(problem.errors?.map((error) => error.path))],
        [path],
        JSON.stringify(body).slice(0, 80),
      );
    }
    await expectProblem(await resolve(followUpId, { outcome: 'Done' }, null), 400, 'idempotency_key_missing');

    for (const [route, body, path] of [
      [followUpPaths.followUp(followUpId), { assignee: 7 }, 'body.assignee'],
      [followUpPaths.followUp(followUpId), {}, 'body.assignee'],
      [followUpPaths.followUp(followUpId), { assignee: 'a'.repeat(201) }, 'body.assignee'],
      [followUpPaths.notes(followUpId), { text: '' }, 'body.text'],
      [followUpPaths.notes(followUpId), { text: 'Hi', author: ['x'] }, 'body.author'],
      [followUpPaths.notes(followUpId), { text: 'Hi', private: true }, 'body'],
    ] as const) {
      const method = route.endsWith('/notes') ? 'POST' : 'PATCH';
      const problem = await expectProblem(await admin(api, route, { method, body }), 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
      );
    }
    for (const [query, path] of [
      ['?status=pending', 'query.status'],
      ['?overdue=yes', 'query.overdue'],
      ['?limit=0', 'query.limit'],
      ['?limit=201', 'query.limit'],
      ['?cursor=nonsense', 'query.cursor'],
      // Dates `Date.parse` reads but the database does not: still a 400, never a 500.
      [`?cursor=${cursorOf([0, '0', '00000000-0000-4000-8000-000000000000'])}`, 'query.cursor'],
      [
        `?cursor=${cursorOf([1, 'March 7 2024 10:00 GMT+0200', '00000000-0000-4000-8000-000000000000'])}`,
        'query.cursor',
      ],
    ]) {
      const problem = await expectProblem(await admin(api, followUpPaths.followUps + query), 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [path],
        query,
      );
    }

    const untouched = await read(followUpId);
    assert.deepEqual([untouched.status, untouched.assignee, untouched.notes], ['open', null, []]);
    assert.deepEqual(await fullHistory(api, customerId), []);
  });

  test('every route needs the secret key', async () => {
    const { followUpId } = await raise();
    for (const secretKey of [null, api.config.demoPublishableKey]) {
      for (const res of [
        await admin(api, followUpPaths.followUps, { secretKey }),
        await admin(api, followUpPaths.followUp(followUpId), { secretKey }),
        await admin(api, followUpPaths.followUp(followUpId), { method: 'PATCH', body: { assignee: 'x' }, secretKey }),
        await admin(api, followUpPaths.notes(followUpId), { method: 'POST', body: { text: 'x' }, secretKey }),
      ]) {
        await expectProblem(res, 401, 'secret_key_invalid');
      }
    }
  });
});
