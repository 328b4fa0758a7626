import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  FOLLOW_UP_CHECK_SURVEY_ID,
  FollowUpCase,
  IDEMPOTENT_REPLAY_HEADER,
  WEBHOOK_EVENT_SCHEMAS,
  followUpPaths,
  type SurveyDefinition,
} from '@loyalty-elements/contract';
import type { TestServer } from './support/server.ts';
import { expectProblem, parseExactly, summaryOf } from './support/http.ts';
import { fullHistory } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer } from './support/members.ts';
import { dismiss, eligible, save } from './support/surveys.ts';
import { eventsFor } from './support/webhooks.ts';
import { serviceRecoveryPerFile } from './support/follow-ups.ts';

// Service recovery: a follow-up is resolved once, with goodwill points if the merchant likes, and the shopper is
// then asked whether it was.

describe('resolving a follow-up', () => {
  let server: TestServer;
  let api: TestServer;
  let survey: SurveyDefinition;
  let endpointId: string;
  const { clock, raise, read, resolve, goodwillEntries } = serviceRecoveryPerFile(
    (started) => ({ server, api, survey, endpointId } = started),
  );

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
      // What happened to an erased customer is not written down.
      assert.equal(
        closed.resolution?.outcome,
        code === 'customer_erased' ? '' : 'Apologised; no points for a closed membership',
      );
    }
  });

  test('an erased customer’s follow-up takes no notes: nothing personal is written after the erasure', async () => {
    const { followUpId, customerId } = await raise();
    assert.equal((await eraseCustomer(api, customerId)).status, 200);
    const note = await admin(api, followUpPaths.notes(followUpId), {
      method: 'POST',
      body: { text: 'Called Jane Doe on +44 7700 900123' },
    });
    await expectProblem(note, 409, 'customer_erased');
    assert.deepEqual((await read(followUpId)).notes, []);
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
});
