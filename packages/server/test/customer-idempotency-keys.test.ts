import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { rewardPaths } from '@loyalty-elements/contract';
import { asCustomer, expectUpsert, transact, upsertCustomer } from './support/loyalty.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// A shopper's Idempotency-Key is theirs alone, whatever characters the merchant's customer ids hold.

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test('customer "a" with key "x:K" and customer "a:x" with key "K" are two redemptions', async () => {
  const base = `keys-${randomUUID()}`;
  const [first, second] = [base, `${base}:x`];
  for (const id of [first, second]) {
    await expectUpsert(await upsertCustomer(server, id, { name: 'Key Keeper' }), 201);
    await transact(server, id, { type: 'earn', points: 300 });
  }
  const key = randomUUID();
  const redeem = (customerId: string, idempotencyKey: string) =>
    asCustomer(server, customerId, rewardPaths.redeem('free-jasmine-tea'), { method: 'POST', idempotencyKey });
  const statuses = [(await redeem(first, `x:${key}`)).status, (await redeem(second, key)).status];
  assert.deepEqual(statuses, [201, 201], 'each shopper redeemed with their own key');
});
