import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  orderPaths,
  rewardPaths,
  WebhookEvent,
  type CreatedWebhookEndpoint,
  type TransactionRequest,
  type TransactionResult,
} from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { applyEntryLocked } from '../src/domain/ledger.ts';
import { lockCustomer } from '../src/domain/customers.ts';
import { emitEvent } from '../src/domain/webhooks/outbox.ts';
import { expectProblem, postTransaction } from './support/http.ts';
import { asCustomer, DAY_MS, expectUpsert, upsertCustomer } from './support/loyalty.ts';
import { admin, endMembershipOf, expectRecord } from './support/members.ts';
import { statusesOf } from './support/orders.ts';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { publish, save, testSurvey } from './support/surveys.ts';
import { eventsFor, storedEventCount, subscribedServerPerFile } from './support/webhooks.ts';

// Every change with a webhook event writes it in the change's own transaction: it is there exactly when the change is.

describe('webhook events are written with the change that causes them', () => {
  let api: TestServer;
  let endpoint: CreatedWebhookEndpoint;
  const clock = subscribedServerPerFile((started) => ({ api, endpoint } = started));

  const events = (customerId: string) => eventsFor(api, endpoint.id, customerId);
  const transact = async (customerId: string, body: TransactionRequest, idempotencyKey?: string) => {
    const res = await postTransaction(api, { customerId, body, ...(idempotencyKey ? { idempotencyKey } : {}) });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as TransactionResult).transaction;
  };
  const redeemTea = (customerId: string) =>
    asCustomer(api, customerId, rewardPaths.redeem('free-jasmine-tea'), {
      method: 'POST',
      idempotencyKey: randomUUID(),
    });
  const member = async () => {
    const id = `events-${randomUUID()}`;
    await expectUpsert(await upsertCustomer(api, id, { name: 'Event Evans' }), 201);
    return id;
  };

  test('every event parses with the contract and carries its program, customer and app-clock time', async () => {
    clock.set('2027-03-01T08:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 50, reason: 'Tea' });
    const received = await events(id);
    assert.deepEqual(
      received.map((event) => event.type),
      ['member.joined', 'points.earned'],
    );
    for (const event of received) {
      assert.deepEqual(WebhookEvent.parse(event), event);
      assert.equal(event.programId, DEMO_SEED.program.id);
      assert.equal(event.createdAt, '2027-03-01T08:00:00.000Z');
    }
    assert.equal(new Set(received.map((event) => event.id)).size, 2);
  });

  test('credits and redemptions: points.earned and points.redeemed name their entry and order', async () => {
    const id = await member();
    const earn = await transact(id, { type: 'earn', points: 400, reason: 'Tea' });
    const redeem = await transact(id, { type: 'redeem', points: 150, reason: 'Cup' });
    const orderId = `order-${randomUUID()}`;
    const order = await admin(api, orderPaths.orders, {
      method: 'POST',
      body: { orderId, customerId: id, amount: 12_800, currency: DEMO_SEED.program.currency },
    });
    assert.equal(order.status, 201, await order.clone().text());
    const [, earned, redeemed, fromOrder] = await events(id);
    assert.deepEqual(earned, {
      ...earned,
      type: 'points.earned',
      data: { points: 400, kind: 'order', entryId: earn.id },
    });
    assert.deepEqual(redeemed?.data, { points: 150, kind: 'redemption', entryId: redeem.id });
    assert.equal(redeemed?.type, 'points.redeemed');
    assert.equal(fromOrder?.type, 'points.earned');
    assert.deepEqual(fromOrder?.type === 'points.earned' && [fromOrder.data.kind, fromOrder.data.orderId], [
      'order',
      orderId,
    ]);
  });

  test('tier.changed when a write moves the customer across a threshold, up and down', async () => {
    const id = await member();
    await transact(id, { type: 'earn', points: 600, reason: 'Tea' });
    await transact(id, { type: 'earn', points: 600, reason: 'Tea' });
    await transact(id, { type: 'adjust', points: -700, reason: 'Correction' });
    const changes = (await events(id)).filter((event) => event.type === 'tier.changed');
    assert.deepEqual(
      changes.map((event) => event.data),
      [
        { from: 'member', to: 'silver', direction: 'up' },
        { from: 'silver', to: 'member', direction: 'down' },
      ],
    );
  });

  test('points.expired when points lapse, with the expiry entry', async () => {
    clock.set('2027-04-01T00:00:00.000Z');
    const id = await member();
    await transact(id, { type: 'earn', points: 70, reason: 'Tea', expiresAt: '2027-04-02T00:00:00.000Z' });
    clock.advance(2 * DAY_MS);
    await transact(id, { type: 'earn', points: 5, reason: 'Tea' });
    const expired = (await events(id)).filter((event) => event.type === 'points.expired');
    assert.equal(expired.length, 1);
    assert.deepEqual(expired[0]?.type === 'points.expired' && [expired[0].data.points, expired[0].data.kind], [
      70,
      'expiry',
    ]);
    assert.equal(expired[0]?.createdAt, '2027-04-03T00:00:00.000Z');
  });

  test('reward.redeemed with the reward, its name, the points, the redemption and its code', async () => {
    const id = await member();
    await transact(id, { type: 'earn', points: 500, reason: 'Tea' });
    const res = await redeemTea(id);
    assert.equal(res.status, 201, await res.clone().text());
    const { redemption } = (await res.json()) as { redemption: { id: string; code: string } };
    const reward = (await events(id)).find((event) => event.type === 'reward.redeemed');
    assert.ok(reward?.type === 'reward.redeemed', 'a reward.redeemed event');
    assert.deepEqual(
      [
        reward.data.rewardId,
        reward.data.pointsSpent,
        reward.data.redemptionId,
        reward.data.code,
        typeof reward.data.rewardName.en,
      ],
      ['free-jasmine-tea', 300, redemption.id, redemption.code, 'string'],
    );
  });

  test('reward.voided with the code when the redemption is reversed, once', async () => {
    const id = await member();
    await transact(id, { type: 'earn', points: 500, reason: 'Tea' });
    const res = await redeemTea(id);
    assert.equal(res.status, 201, await res.clone().text());
    const { redemption, entry } = (await res.json()) as {
      redemption: { id: string; code: string };
      entry: { id: string };
    };
    const reversals = [];
    for (let i = 0; i < 2; i += 1)
      reversals.push(await admin(api, orderPaths.reversal(id, entry.id), { method: 'POST' }));
    assert.deepEqual(
      reversals.map((res) => res.status),
      [201, 200],
      'reversed once, then the same reversal',
    );
    const voided = (await events(id)).filter((event) => event.type === 'reward.voided');
    assert.deepEqual(
      voided.map((event) => event.type === 'reward.voided' && event.data),
      [{ rewardId: 'free-jasmine-tea', redemptionId: redemption.id, code: redemption.code }],
    );
  });

  test('survey.completed with the NPS group, and follow_up.opened for a detractor who may be contacted', async () => {
    const survey = await publish(api, testSurvey());
    const promoter = await member();
    const promoterResponse = randomUUID();
    await save(api, promoter, promoterResponse, {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers: { nps: 10 },
      complete: true,
    });
    assert.deepEqual(
      (await events(promoter))
        .filter((event) => event.type.startsWith('survey') || event.type.startsWith('follow'))
        .map((event) => event.data),
      [{ surveyId: survey.id, version: survey.version, responseId: promoterResponse, npsGroup: 'promoter' }],
    );

    const detractor = await member();
    await save(api, detractor, randomUUID(), {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers: { nps: 2, reason: { options: ['late'] }, complaint: 'Cold tea' },
      contactConsent: true,
      complete: true,
    });
    const received = await events(detractor);
    const completed = received.find((event) => event.type === 'survey.completed');
    const opened = received.find((event) => event.type === 'follow_up.opened');
    assert.ok(completed?.type === 'survey.completed' && opened?.type === 'follow_up.opened');
    assert.equal(completed.data.npsGroup, 'detractor');
    assert.equal(opened.data.surveyId, survey.id);
    const [stored] = await api.db.query<{ id: string }>('SELECT id FROM survey_follow_ups WHERE customer_id = $1', [
      detractor,
    ]);
    assert.equal(opened.data.followUpId, stored?.id);
  });

  test('member.left with the reason', async () => {
    const id = await member();
    await expectRecord(await endMembershipOf(api, id, { reason: 'price' }));
    const left = (await events(id)).filter((event) => event.type === 'member.left');
    assert.deepEqual(
      left.map((event) => event.data),
      [{ reason: 'price' }],
    );
  });

  test('a write that is refused or rolled back leaves no event', async () => {
    const id = await member();
    const before = await storedEventCount(api, id);
    await expectProblem(
      await postTransaction(api, { customerId: id, body: { type: 'redeem', points: 10, reason: 'Cup' } }),
      409,
      'insufficient_points',
    );
    await expectProblem(await redeemTea(id), 409, 'insufficient_points');
    await expectRecord(await endMembershipOf(api, id, { reason: 'service' }));
    const afterEnd = await storedEventCount(api, id);
    assert.equal(afterEnd, before + 1, 'only member.left');
    const order = await admin(api, orderPaths.orders, {
      method: 'POST',
      body: { orderId: `order-${randomUUID()}`, customerId: id, amount: 9_900, currency: DEMO_SEED.program.currency },
    });
    await expectProblem(order, 409, 'membership_ended');
    assert.equal(await storedEventCount(api, id), afterEnd);

    // A transaction that wrote its entry and events, then failed: the events go with it.
    const other = await createDemoCustomer(api, 'rollback');
    await assert.rejects(
      api.db.transaction(async (tx) => {
        await lockCustomer(tx, DEMO_SEED.program.id, other);
        const program = { id: DEMO_SEED.program.id, pointsExpiryMonths: null };
        const draft = { type: 'earn', kind: 'adjustment', points: 2_000, reason: null } as const;
        await applyEntryLocked(
          tx,
          program,
          other,
          draft,
          { idempotencyKey: randomUUID(), requestHash: null },
          new Date(),
        );
        assert.ok((await tx.query('SELECT 1 FROM webhook_events WHERE customer_id = $1', [other])).length >= 2);
        throw new Error('the change failed after its events were written');
      }),
      /failed after its events/,
    );
    assert.equal(await storedEventCount(api, other), 0);
  });

  test('20 parallel identical idempotent writes make one event', async () => {
    const id = await member();
    const key = randomUUID();
    const body = { type: 'earn', points: 25, reason: 'Tea' } as const;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postTransaction(api, { customerId: id, body, idempotencyKey: key })),
    );
    assert.deepEqual(statusesOf(answers), Array<number>(20).fill(201));
    const earned = (await events(id)).filter((event) => event.type === 'points.earned');
    assert.equal(earned.length, 1);

    const orderId = `order-${randomUUID()}`;
    const orders = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin(api, orderPaths.orders, {
          method: 'POST',
          body: { orderId, customerId: id, amount: 3_000, currency: DEMO_SEED.program.currency },
        }),
      ),
    );
    assert.deepEqual(statusesOf(orders), [...Array<number>(19).fill(200), 201]);
    const fromOrder = (await events(id)).filter(
      (event) => event.type === 'points.earned' && event.data.orderId === orderId,
    );
    assert.equal(fromOrder.length, 1);
  });

  test('with no endpoint subscribed to a type, its changes write no event', async () => {
    const id = await createDemoCustomer(api, 'unsubscribed');
    await api.db.transaction((tx) =>
      emitEvent(tx, { programId: 'no-such-program', customerId: id, type: 'member.joined', data: {} }, new Date()),
    );
    assert.equal(await storedEventCount(api, id), 0);
    const deliveries = await api.db.query('SELECT 1 FROM webhook_deliveries WHERE program_id = $1', [
      'no-such-program',
    ]);
    assert.equal(deliveries.length, 0);
  });
});
