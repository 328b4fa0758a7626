import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, TransactionResult, paths } from '@loyalty-elements/contract';
import { MAX_BODY_BYTES } from '../src/app.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { createDemoCustomer, startTestServer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly, postTransaction, summaryOf } from './support/http.ts';
import { admin, anOrder, ownProgram } from './support/orders.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function expectResult(res: Response, status = 201): Promise<TransactionResult> {
  assert.equal(res.status, status, await res.clone().text());
  return parseExactly(TransactionResult, await res.json());
}

describe('POST /v1/admin/customers/{id}/transactions', () => {
  test('an earn is credited and shows in the summary', async () => {
    const customerId = 'demo-shopper';
    const before = await summaryOf(server, customerId);
    const res = await postTransaction(server, { customerId, body: { type: 'earn', points: 150, reason: 'Order #1' } });
    const result = await expectResult(res);
    assert.equal(res.headers.get(IDEMPOTENT_REPLAY_HEADER), null);
    assert.equal(result.transaction.customerId, customerId);
    assert.equal(result.transaction.type, 'earn');
    assert.equal(result.transaction.points, 150);
    assert.equal(result.transaction.reason, 'Order #1');
    assert.equal(result.balance, before.points.balance + 150);
    assert.equal((await summaryOf(server, customerId)).points.balance, result.balance);
  });

  test('earning past a threshold moves the customer up a tier', async () => {
    const customerId = await createDemoCustomer(server);
    const [lowest, next] = [...DEMO_SEED.tiers].sort((a, b) => a.threshold - b.threshold);
    assert.ok(lowest && next);
    assert.equal((await summaryOf(server, customerId)).tier.current.id, lowest.id);
    await expectResult(await postTransaction(server, { customerId, body: { type: 'earn', points: next.threshold } }));
    assert.deepEqual((await summaryOf(server, customerId)).tier.current, { id: next.id, name: next.name });
  });

  test('replaying an idempotency key returns the first result and posts once', async () => {
    const customerId = await createDemoCustomer(server);
    const post = { customerId, idempotencyKey: randomUUID(), body: { type: 'earn', points: 40 } } as const;
    const first = await expectResult(await postTransaction(server, post));
    await expectResult(await postTransaction(server, { customerId, body: { type: 'earn', points: 2 } }));

    const replay = await postTransaction(server, post);
    assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await expectResult(replay), first, 'same transaction, balance as recorded then');
    assert.equal((await summaryOf(server, customerId)).points.balance, 42);
  });

  test('reusing an idempotency key for a different request is rejected', async () => {
    const customerId = await createDemoCustomer(server);
    const idempotencyKey = randomUUID();
    await expectResult(
      await postTransaction(server, { customerId, idempotencyKey, body: { type: 'earn', points: 10 } }),
    );
    const reused = await postTransaction(server, { customerId, idempotencyKey, body: { type: 'earn', points: 11 } });
    await expectProblem(reused, 422, 'idempotency_key_reused');
    const otherCustomer = await postTransaction(server, {
      customerId: 'demo-new',
      idempotencyKey,
      body: { type: 'earn', points: 10 },
    });
    await expectProblem(otherCustomer, 422, 'idempotency_key_reused');
    assert.equal((await summaryOf(server, customerId)).points.balance, 10);
  });

  test('100 concurrent posts with one idempotency key make one entry', async () => {
    const customerId = await createDemoCustomer(server);
    const post = { customerId, idempotencyKey: randomUUID(), body: { type: 'earn', points: 7 } } as const;
    const responses = await Promise.all(Array.from({ length: 100 }, () => postTransaction(server, post)));
    const results = await Promise.all(responses.map((res) => expectResult(res)));
    const ids = new Set(results.map((result) => result.transaction.id));
    assert.equal(ids.size, 1);
    assert.equal(responses.filter((res) => res.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true').length, 99);
    assert.equal((await summaryOf(server, customerId)).points.balance, 7);
  });

  test('concurrent redeems never overdraw the balance', async () => {
    const customerId = await createDemoCustomer(server);
    const balance = 1_000;
    const redeem = 100;
    await expectResult(await postTransaction(server, { customerId, body: { type: 'earn', points: balance } }));

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        postTransaction(server, { customerId, body: { type: 'redeem', points: redeem } }),
      ),
    );
    const created = responses.filter((res) => res.status === 201);
    const refused = responses.filter((res) => res.status !== 201);
    assert.equal(created.length, balance / redeem);
    for (const res of refused) await expectProblem(res, 409, 'insufficient_points');
    const balances = await Promise.all(created.map(async (res) => (await expectResult(res)).balance));
    assert.deepEqual(
      balances.sort((a, b) => a - b),
      Array.from({ length: balance / redeem }, (_, i) => i * redeem),
    );
    assert.equal((await summaryOf(server, customerId)).points.balance, 0);
  });

  test('redeeming more than the balance is a conflict', async () => {
    const customerId = 'demo-new';
    const balance = (await summaryOf(server, customerId)).points.balance;
    const res = await postTransaction(server, { customerId, body: { type: 'redeem', points: balance + 1 } });
    await expectProblem(res, 409, 'insufficient_points');
  });
});

describe('POST /v1/admin/customers/{id}/transactions rejects bad requests', () => {
  test('a body that fails the contract names the field', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      body: JSON.stringify({ type: 'earn', points: 1.5 }),
    });
    const problem = await expectProblem(res, 400, 'validation_failed');
    assert.ok(problem.errors?.length);
    for (const error of problem.errors ?? []) assert.equal(error.path, 'body.points');
  });

  test('a body that is not JSON', async () => {
    const problem = await expectProblem(
      await postTransaction(server, { customerId: 'demo-shopper', body: '{"type":' }),
      400,
      'validation_failed',
    );
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['body'],
    );
  });

  test('no idempotency key', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      idempotencyKey: null,
      body: { type: 'earn', points: 1 },
    });
    await expectProblem(res, 400, 'idempotency_key_missing');
  });

  test('an idempotency key longer than 255 characters', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      idempotencyKey: 'k'.repeat(256),
      body: { type: 'earn', points: 1 },
    });
    const problem = await expectProblem(res, 400, 'validation_failed');
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['header.idempotency-key'],
    );
  });

  test('a key that takes one of the API’s own prefixes is 400, and the write it would have blocked goes through', async () => {
    const merchant = admin(server, await ownProgram(server, { earnRate: 1, welcomeBonus: 0 }));
    const shopper = await merchant.customer();
    for (const key of ['order:1001', 'welcome:new-shopper', 'refund:["1001","r1"]', `me:${shopper}:k1`]) {
      const res = await merchant.call(
        'POST',
        paths.customerTransactions(shopper),
        { type: 'earn', points: 1 },
        { [IDEMPOTENCY_KEY_HEADER]: key },
      );
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        ['header.idempotency-key'],
        key,
      );
    }
    const { order } = await merchant.order(anOrder(shopper, 1_000, { orderId: '1001' }));
    assert.equal(order.points, 10);
    const ownKey = await merchant.call(
      'POST',
      paths.customerTransactions(shopper),
      { type: 'earn', points: 1 },
      { [IDEMPOTENCY_KEY_HEADER]: 'shopify:order:1001' },
    );
    assert.equal(ownKey.status, 201, 'a key with a colon of its own is the merchant’s');
  });

  test('a wrong secret key', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      secretKey: 'sk_wrong',
      body: { type: 'earn', points: 1 },
    });
    await expectProblem(res, 401, 'secret_key_invalid');
  });

  test('no secret key', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      secretKey: null,
      body: { type: 'earn', points: 1 },
    });
    await expectProblem(res, 401, 'secret_key_invalid');
  });

  test('the publishable key in place of the secret key', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      secretKey: server.config.demoPublishableKey,
      body: { type: 'earn', points: 1 },
    });
    await expectProblem(res, 401, 'secret_key_invalid');
  });

  test('an unknown customer', async () => {
    const res = await postTransaction(server, { customerId: 'nobody-here', body: { type: 'earn', points: 1 } });
    await expectProblem(res, 404, 'customer_not_found');
  });

  test('a body over the size limit', async () => {
    const res = await postTransaction(server, {
      customerId: 'demo-shopper',
      body: JSON.stringify({ type: 'earn', points: 1, reason: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    await expectProblem(res, 413, 'payload_too_large');
  });
});
