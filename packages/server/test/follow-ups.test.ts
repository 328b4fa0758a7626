import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  FOLLOW_UP_CHECK_SURVEY_ID,
  FollowUpCase,
  FollowUpNote,
  FollowUpPage,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  WEBHOOK_EVENT_SCHEMAS,
  followUpPaths,
  programSettingsPath,
  type FollowUpResolutionRequest,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly, summaryOf } from './support/http.ts';
import { clockedServerPerFile, fullHistory } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer } from './support/members.ts';
import { dismiss, eligible, publish, save, testSurvey } from './support/surveys.ts';
import { createEndpoint, eventsFor } from './support/webhooks.ts';

// Service recovery: the merchant works the follow-ups unhappy shoppers raise, and closes each once.

describe('the service-recovery API', () => {
  let server: TestServer;
  let api: TestServer;
  let survey: SurveyDefinition;
  let endpointId: string;
  const clock = clockedServerPerFile((started) => ({ server, api } = started));

  before(async () => {
    survey = await publish(server, testSurvey());
    endpointId = (await createEndpoint(server, { events: ['follow_up.resolved'] })).id;
  });

  /** A detractor who complains and may be contacted raises a follow-up, at the clock's time. */
  async function raise(): Promise<{ followUpId: string; customerId: string }> {
    const customerId = await createDemoCustomer(server, 'unhappy');
    const responseId = randomUUID();
    await save(api, customerId, responseId, {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers: { nps: 2, complaint: 'The tea arrived cold' },
      complete: true,
      contactConsent: true,
    });
    const [row] = await server.db.query<{ id: string }>('SELECT id FROM survey_follow_ups WHERE response_id = $1', [
      responseId,
    ]);
    assert.ok(row, 'the complaint raised a follow-up');
    return { followUpId: row.id, customerId };
  }

  const read = async (followUpId: string) => {
    const res = await admin(api, followUpPaths.followUp(followUpId));
    assert.equal(res.status, 200, await res.clone().text());
    return parseExactly(FollowUpCase, await res.json());
  };

  const queue = async (query: string) => {
    const res = await admin(api, followUpPaths.followUps + query);
    assert.equal(res.status, 200, await res.clone().text());
    return parseExactly(FollowUpPage, await res.json());
  };

  const resolve = (followUpId: string, body: FollowUpResolutionRequest | unknown, key: string | null = randomUUID()) =>
    fetch(api.baseUrl + followUpPaths.resolution(followUpId), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${api.config.demoSecretKey}`,
        'Content-Type': 'application/json',
        ...(key === null ? {} : { [IDEMPOTENCY_KEY_HEADER]: key }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const setTarget = async (followUpTargetHours: number) => {
    const res = await admin(api, programSettingsPath, { method: 'PATCH', body: { followUpTargetHours } });
    assert.equal(res.status, 200, await res.clone().text());
  };

  const goodwillEntries = async (customerId: string) =>
    (await fullHistory(api, customerId)).filter((entry) => entry.kind === 'goodwill');

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

  test('resolving with goodwill closes the follow-up, credits the shopper as goodwill with its reason, and emits follow_up.resolved', async () => {
    const { followUpId, customerId } = await raise();
    clock.set('2031-05-01T12:00:00.000Z');
    const res = await resolve(followUpId, {
      outcome: 'Replaced the order and apologised',
      goodwillPoints: 6_000,
      reason: 'Sorry about the cold tea',
      resolvedBy: 'Mei Lin',
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get(IDEMPOTENT_REPLAY_HEADER), null);
    const closed = parseExactly(FollowUpCase, await res.json());
    const [entry, ...others] = await goodwillEntries(customerId);
    assert.ok(entry);
    assert.deepEqual(others, []);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.overdue, false);
    assert.deepEqual(closed.resolution, {
      outcome: 'Replaced the order and apologised',
      resolvedAt: '2031-05-01T12:00:00.000Z',
      goodwillPoints: 6_000,
      entryId: entry.id,
      resolvedBy: 'Mei Lin',
    });
    assert.equal(closed.check, null);
    assert.deepEqual(await read(followUpId), closed);

    // The shopper's own history and balance, through their token.
    assert.deepEqual(
      [entry.type, entry.points, entry.reason, entry.references, entry.createdAt],
      ['adjust', 6_000, 'Sorry about the cold tea', { followUpId }, '2031-05-01T12:00:00.000Z'],
    );
    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 6_000);
    assert.equal(summary.points.lifetimeEarned, 6_000);
    // A gift, like a birthday's: goodwill above the gold threshold moves no tier.
    assert.equal(summary.tier.current.id, 'member');

    const events = (await eventsFor(server, endpointId, customerId)).filter(
      (event) => event.type === 'follow_up.resolved',
    );
    assert.equal(events.length, 1);
    const event = WEBHOOK_EVENT_SCHEMAS['follow_up.resolved'].parse(events[0]);
    assert.deepEqual(event.data, { followUpId, surveyId: survey.id });
  });

  test('resolving without goodwill closes it and writes nothing to the ledger', async () => {
    const { followUpId, customerId } = await raise();
    const res = await resolve(followUpId, { outcome: 'Explained the delay', goodwillPoints: 0 });
    assert.equal(res.status, 200, await res.clone().text());
    const closed = parseExactly(FollowUpCase, await res.json());
    assert.deepEqual(
      [closed.status, closed.resolution?.goodwillPoints, closed.resolution?.entryId, closed.resolution?.resolvedBy],
      ['closed', 0, null, null],
    );
    assert.deepEqual(await fullHistory(api, customerId), []);
    assert.equal((await summaryOf(api, customerId)).points.balance, 0);
  });

  test('a resolution is written once: a replay answers the same, another body or another key is refused', async () => {
    const { followUpId, customerId } = await raise();
    const body = { outcome: 'Refunded', goodwillPoints: 100, reason: 'With our apologies' };
    const key = randomUUID();
    const first = await resolve(followUpId, body, key);
    assert.equal(first.status, 200);
    const answer = await first.json();

    const replay = await resolve(followUpId, body, key);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await replay.json(), answer);

    await expectProblem(
      await resolve(followUpId, { ...body, goodwillPoints: 200 }, key),
      422,
      'idempotency_key_reused',
    );
    await expectProblem(await resolve(followUpId, body), 409, 'follow_up_closed');
    const other = await raise();
    await expectProblem(await resolve(other.followUpId, body, key), 422, 'idempotency_key_reused');
    assert.equal((await read(other.followUpId)).status, 'open');
    assert.equal((await goodwillEntries(customerId)).length, 1);
    assert.equal((await summaryOf(api, customerId)).points.balance, 100);
  });

  for (const keys of ['one key', 'different keys'] as const) {
    test(`20 resolutions at once with ${keys} close the follow-up once and credit once`, async () => {
      const { followUpId, customerId } = await raise();
      const shared = randomUUID();
      const body = { outcome: 'Sent a new tin', goodwillPoints: 250, reason: 'Sorry' };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => resolve(followUpId, body, keys === 'one key' ? shared : randomUUID())),
      );
      const statuses = answers.map((res) => res.status).sort();
      if (keys === 'one key') assert.deepEqual(statuses, Array(20).fill(200));
      else assert.deepEqual(statuses, [200, ...Array(19).fill(409)]);
      const closed = await read(followUpId);
      assert.equal(closed.status, 'closed');
      const entries = await goodwillEntries(customerId);
      assert.deepEqual(
        entries.map((entry) => [entry.id, entry.points]),
        [[closed.resolution?.entryId, 250]],
      );
      assert.equal((await summaryOf(api, customerId)).points.balance, 250);
      const events = (await eventsFor(server, endpointId, customerId)).filter(
        (event) => event.type === 'follow_up.resolved',
      );
      assert.equal(events.length, 1);
    });
  }

  test('goodwill for an ended membership or an erased customer is refused, changing nothing; the close alone is allowed', async () => {
    const ended = await raise();
    assert.equal((await endMembershipOf(api, ended.customerId, { reason: 'service' })).status, 200);
    const erased = await raise();
    assert.equal((await eraseCustomer(api, erased.customerId)).status, 200);

    for (const [{ followUpId, customerId }, code] of [
      [ended, 'membership_ended'],
      [erased, 'customer_erased'],
    ] as const) {
      await expectProblem(await resolve(followUpId, { outcome: 'Sorry', goodwillPoints: 50 }), 409, code);
      assert.equal((await read(followUpId)).status, 'open', code);
      const ledger = await server.db.query('SELECT 1 FROM ledger_entries WHERE customer_id = $1', [customerId]);
      assert.equal(ledger.length, 0, code);
      const res = await resolve(followUpId, { outcome: 'Apologised; no points for a closed membership' });
      assert.equal(res.status, 200, await res.clone().text());
      const closed = parseExactly(FollowUpCase, await res.json());
      assert.deepEqual([closed.status, closed.resolution?.goodwillPoints], ['closed', 0]);
    }
  });

  test('erasing the shopper removes the complaint’s text, the staff notes and the outcome', async () => {
    const { followUpId, customerId } = await raise();
    await admin(api, followUpPaths.notes(followUpId), { method: 'POST', body: { text: 'Lives at 12 Tea Street' } });
    assert.equal((await resolve(followUpId, { outcome: 'Called Ms Li on 138 0000 0000' })).status, 200);
    assert.equal((await eraseCustomer(api, customerId)).status, 200);
    const erased = await read(followUpId);
    assert.deepEqual(
      [erased.comments, erased.notes, erased.resolution?.outcome, erased.status],
      [[], [], '', 'closed'],
    );
  });

  test('after a resolution the shopper is asked "was this resolved?" first, at any trigger, and the answer joins the follow-up', async () => {
    const { followUpId, customerId } = await raise();
    // An open follow-up asks nothing; the survey just completed starts the cooldown.
    assert.equal((await eligible(api, customerId, survey.trigger)).survey, null);

    assert.equal((await resolve(followUpId, { outcome: 'Sent a new tin' })).status, 200);
    const atPurchase = (await eligible(api, customerId, survey.trigger)).survey;
    const atAccount = (await eligible(api, customerId, 'account_page')).survey;
    assert.equal(atPurchase?.id, FOLLOW_UP_CHECK_SURVEY_ID);
    assert.deepEqual(atAccount, atPurchase);
    assert.deepEqual(atPurchase.questions, [
      {
        kind: 'single_choice',
        id: 'resolved',
        required: true,
        text: { en: 'Was your issue resolved?', 'zh-CN': '您的问题解决了吗？' },
        options: [
          { id: 'yes', text: { en: 'Yes', 'zh-CN': '已解决' } },
          { id: 'no', text: { en: 'No', 'zh-CN': '未解决' } },
        ],
      },
    ]);
    assert.equal(atPurchase.completionReward, undefined, 'no reward for answering');
    assert.ok((await summaryOf(api, customerId)).surveysDue?.includes(survey.trigger));

    clock.set('2031-06-01T09:00:00.000Z');
    const answered = await save(api, customerId, randomUUID(), {
      surveyId: atPurchase.id,
      version: atPurchase.version,
      sequence: 1,
      answers: { resolved: { option: 'no' } },
      complete: true,
    });
    assert.equal(answered.pointsAwarded, null);
    assert.deepEqual((await read(followUpId)).check, { resolved: false, answeredAt: '2031-06-01T09:00:00.000Z' });
    assert.equal((await eligible(api, customerId, survey.trigger)).survey, null, 'asked once');
  });

  test('a shopper who dismisses the check is not asked again for that resolution', async () => {
    const { followUpId, customerId } = await raise();
    assert.equal((await resolve(followUpId, { outcome: 'Refunded', goodwillPoints: 20 })).status, 200);
    assert.equal((await eligible(api, customerId, survey.trigger)).survey?.id, FOLLOW_UP_CHECK_SURVEY_ID);
    assert.equal((await dismiss(api, customerId, FOLLOW_UP_CHECK_SURVEY_ID, {})).status, 201);
    assert.equal((await eligible(api, customerId, survey.trigger)).survey, null);
    assert.equal((await read(followUpId)).check, null);
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
