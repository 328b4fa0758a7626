import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { SurveyDefinition, SurveyResponse, SurveyResponseUpdate } from '@loyalty-elements/contract';
import { DEMO_SURVEYS } from '../src/demo-surveys.ts';
import { findProgramBySecretKey } from '../src/domain/programs.ts';
import { postTransaction } from '../src/domain/transactions.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { summaryOf } from './support/http.ts';
import { fullHistory } from './support/loyalty.ts';
import { eligible, expectSaved, getResponse, publish, putResponse, save, testSurvey } from './support/surveys.ts';

const REWARD = 40;

let server: TestServer;
let survey: SurveyDefinition;
before(async () => {
  server = await startTestServer();
  survey = await publish(server, testSurvey({ completionReward: REWARD }));
});
after(() => server.close());

type Answers = SurveyResponseUpdate['answers'];
const write = (sequence: number, answers: Answers, extra: Partial<SurveyResponseUpdate> = {}) =>
  ({ surveyId: survey.id, version: survey.version, sequence, answers, ...extra }) satisfies SurveyResponseUpdate;

/** The ledger entries written under a response's reward key. */
async function rewardEntries(responseId: string) {
  const rows = await server.db.query<{ customer_id: string; type: string; points: unknown; reason: string }>(
    'SELECT customer_id, type, points, reason FROM ledger_entries WHERE idempotency_key = $1',
    [`survey-response:${responseId}`],
  );
  return rows.map((row) => ({ ...row, points: Number(row.points) }));
}

const balanceOf = async (customerId: string) => (await summaryOf(server, customerId)).points.balance;

describe('the completion reward', () => {
  test('is earned once, by the write that completes the response, and kept on the response', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const partial = await save(server, customerId, id, write(1, { nps: 9 }));
    assert.equal(partial.pointsAwarded, null);
    assert.equal(await balanceOf(customerId), 0);

    const done = await expectSaved(
      await putResponse(server, customerId, id, write(2, { nps: 9, csat: 5 }, { complete: true })),
      200,
    );
    assert.equal(done.status, 'complete');
    assert.equal(done.pointsAwarded, REWARD);
    assert.deepEqual(await expectSaved(await getResponse(server, customerId, id), 200), done);

    const summary = await summaryOf(server, customerId);
    assert.equal(summary.points.balance, REWARD);
    assert.equal(summary.points.lifetimeEarned, REWARD);
    const [entry, ...others] = await fullHistory(server, customerId);
    assert.equal(others.length, 0);
    assert.equal(entry?.type, 'earn');
    assert.equal(entry?.points, REWARD);
    assert.equal(entry?.reason, `Survey reward: ${survey.id}`);
    assert.ok(entry?.expiresAt, 'the program’s default expiry applies');
    assert.deepEqual(await rewardEntries(id), [
      { customer_id: customerId, type: 'earn', points: REWARD, reason: `Survey reward: ${survey.id}` },
    ]);
  });

  test('is earned by a response completed in its first write', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const done = await expectSaved(
      await putResponse(server, customerId, id, write(1, { nps: 6 }, { complete: true })),
      201,
    );
    assert.equal(done.pointsAwarded, REWARD);
    assert.equal(await balanceOf(customerId), REWARD);
  });

  test('is never earned by a partial response, however many answers it saves', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const answers: Answers = { nps: 10, csat: 5, ces: 7, channel: { option: 'web' } };
    let last: SurveyResponse | undefined;
    for (let sequence = 1; sequence <= 4; sequence++)
      last = await save(server, customerId, id, write(sequence, answers));
    assert.equal(last?.status, 'partial');
    assert.equal(last?.pointsAwarded, null);
    assert.deepEqual(await rewardEntries(id), []);
    assert.equal(await balanceOf(customerId), 0);
  });

  test('is not earned again by repeated or replayed completing writes', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const body = write(1, { nps: 8 }, { complete: true });
    const first = await save(server, customerId, id, body);
    const replays = await Promise.all(
      Array.from({ length: 5 }, async () => expectSaved(await putResponse(server, customerId, id, body), 200)),
    );
    for (const replay of replays) assert.deepEqual(replay, first);
    // A later completing write changes nothing either, and still says what the completion earned.
    const later = await save(server, customerId, id, write(2, { nps: 1 }, { complete: true }));
    assert.deepEqual(later, first);
    assert.equal(later.pointsAwarded, REWARD);
    assert.equal((await rewardEntries(id)).length, 1);
    assert.equal(await balanceOf(customerId), REWARD);
  });

  test('is earned once under 30 concurrent completing writes of one response', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        putResponse(server, customerId, id, write(i + 1, { nps: 4, complaint: 'Cold tea' }, { complete: true })),
      ),
    );
    const saved = await Promise.all(responses.map((res) => expectSaved(res)));
    assert.ok(saved.every((response) => response.pointsAwarded === REWARD));
    assert.equal((await rewardEntries(id)).length, 1);
    assert.equal(await balanceOf(customerId), REWARD);
  });

  test('is earned by one of a customer’s responses completing at once; the others are kept, uncounted', async () => {
    const own = await publish(server, testSurvey({ completionReward: 15 }));
    const customerId = await createDemoCustomer(server);
    const ids = Array.from({ length: 8 }, () => randomUUID());
    // Each response begins while the survey is due (partial first writes), then its writes race: a
    // partial one and two completing ones, all responses at once.
    await Promise.all(
      ids.map(async (id) =>
        expectSaved(
          await putResponse(server, customerId, id, {
            surveyId: own.id,
            version: own.version,
            sequence: 1,
            answers: { nps: 10 },
          }),
          201,
        ),
      ),
    );
    await Promise.all(
      ids.flatMap((id) =>
        [2, 3, 4].map(async (sequence) =>
          expectSaved(
            await putResponse(server, customerId, id, {
              surveyId: own.id,
              version: own.version,
              sequence,
              answers: { nps: 10 },
              complete: sequence > 2,
            }),
          ),
        ),
      ),
    );
    const rewarded: string[] = [];
    for (const id of ids) {
      const stored = await expectSaved(await getResponse(server, customerId, id), 200);
      assert.equal(stored.status, 'complete', id);
      if (stored.pointsAwarded !== null) rewarded.push(id);
      assert.equal((await rewardEntries(id)).length, stored.pointsAwarded === null ? 0 : 1, id);
    }
    assert.equal(rewarded.length, 1, 'one rewarded completion');
    assert.equal(await balanceOf(customerId), 15);
  });

  test('is the same whatever the score: a detractor, a passive and a promoter earn alike', async () => {
    const groups: Array<[string, Answers]> = [
      ['detractor', { nps: 0, reason: { options: ['rude'] }, complaint: 'Rude staff' }],
      ['passive', { nps: 7 }],
      ['promoter', { nps: 10, csat: 5 }],
    ];
    const outcomes: Array<[string, number | null, number]> = [];
    for (const [group, answers] of groups) {
      const customerId = await createDemoCustomer(server);
      const done = await save(
        server,
        customerId,
        randomUUID(),
        write(1, answers, { complete: true, contactConsent: true }),
      );
      outcomes.push([group, done.pointsAwarded, await balanceOf(customerId)]);
    }
    assert.deepEqual(outcomes, [
      ['detractor', REWARD, REWARD],
      ['passive', REWARD, REWARD],
      ['promoter', REWARD, REWARD],
    ]);
  });

  test('nothing is earned where the survey offers no reward', async () => {
    const plain = await publish(server, testSurvey());
    assert.equal(plain.completionReward, undefined);
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    const done = await save(server, customerId, id, {
      surveyId: plain.id,
      version: plain.version,
      sequence: 1,
      answers: { nps: 9 },
      complete: true,
    });
    assert.equal(done.status, 'complete');
    assert.equal(done.pointsAwarded, null);
    assert.deepEqual(await rewardEntries(id), []);
    assert.equal(await balanceOf(customerId), 0);
  });

  test('stays the one of the version the response started on when the reward changes', async () => {
    const draft = testSurvey({ completionReward: 20 });
    const v1 = await publish(server, draft);
    const customerId = await createDemoCustomer(server);
    const started = randomUUID();
    await save(server, customerId, started, { surveyId: v1.id, version: 1, sequence: 1, answers: { nps: 9 } });

    // The reward is part of the version: changing it (alone) publishes the next one.
    const v2 = await publish(server, { ...draft, completionReward: 100 });
    assert.equal(v2.version, 2);
    assert.equal(v2.completionReward, 100);
    assert.equal((await eligible(server, await createDemoCustomer(server), v2.trigger)).survey?.completionReward, 100);
    const v3 = await publish(server, { ...draft, completionReward: undefined });
    assert.equal(v3.version, 3);
    assert.equal(v3.completionReward, undefined);

    const finished = await save(server, customerId, started, {
      surveyId: v1.id,
      version: 1,
      sequence: 2,
      answers: { nps: 9 },
      complete: true,
    });
    assert.equal(finished.pointsAwarded, 20, 'the reward offered when the shopper started');

    const onV2 = await createDemoCustomer(server);
    const second = await save(server, onV2, randomUUID(), {
      surveyId: v1.id,
      version: 2,
      sequence: 1,
      answers: { nps: 3 },
      complete: true,
    });
    assert.equal(second.pointsAwarded, 100);
    const onV3 = await createDemoCustomer(server);
    const third = await save(server, onV3, randomUUID(), {
      surveyId: v1.id,
      version: 3,
      sequence: 1,
      answers: { nps: 3 },
      complete: true,
    });
    assert.equal(third.pointsAwarded, null);
    assert.deepEqual([await balanceOf(customerId), await balanceOf(onV2), await balanceOf(onV3)], [20, 100, 0]);
  });

  test('completes without a second entry when an admin transaction already holds its key', async () => {
    const customerId = await createDemoCustomer(server);
    const id = randomUUID();
    // The admin route refuses such a key now; one taken before it did is still in the ledger.
    const program = (await findProgramBySecretKey(server.db, server.config.demoSecretKey))!;
    const earlier = await postTransaction(server.db, {
      program,
      customerId,
      idempotencyKey: `survey-response:${id}`,
      request: { type: 'earn', points: 7 },
      now: new Date(),
    });
    assert.equal(earlier.kind, 'created');
    const done = await save(server, customerId, id, write(1, { nps: 9 }, { complete: true }));
    assert.equal(done.status, 'complete');
    assert.equal(done.pointsAwarded, null);
    assert.equal((await rewardEntries(id)).length, 1);
    assert.equal(await balanceOf(customerId), 7);
  });

  test('the demo post-purchase survey offers 50 points, and a completion earns them', async () => {
    const customerId = await createDemoCustomer(server);
    const { survey: offered } = await eligible(server, customerId, DEMO_SURVEYS.postPurchase.trigger);
    assert.ok(offered);
    assert.equal(offered.id, DEMO_SURVEYS.postPurchase.id);
    assert.equal(offered.completionReward, 50);
    const done = await save(server, customerId, randomUUID(), {
      surveyId: offered.id,
      version: offered.version,
      sequence: 1,
      answers: { nps: 2 },
      complete: true,
    });
    assert.equal(done.pointsAwarded, 50);
    assert.equal(await balanceOf(customerId), 50);
  });
});
