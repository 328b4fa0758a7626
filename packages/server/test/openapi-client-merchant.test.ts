// The merchant's operations on customers, members, the ledger, orders, the rewards catalogue and the program's
// settings, through a client generated from the OpenAPI document, each answer checked against the document
// (support/openapi-validator.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CREATE_ONLY_HEADERS } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { merchantOperations, startClientsFile, type ClientsFile } from './support/openapi-client.ts';

let file: ClientsFile;
before(async () => {
  file = await startClientsFile();
});
after(() => file.server.close());

const key = () => ({ 'Idempotency-Key': randomUUID() });
const customer = (customerId: string) => ({ params: { path: { customerId } } });

test('a customer: created (201), updated (200), read, listed, exported, ended, erased; 400, 401 and 404 too', async () => {
  const customerId = `client-${randomUUID()}`;
  const { merchant, anonymous } = file;
  const created = await merchant.PUT('/v1/admin/customers/{customerId}', {
    ...customer(customerId),
    body: { name: 'Wang Fang', email: 'fang@example.com', locale: 'zh-CN' },
  });
  assert.equal(created.response.status, 201);
  const updated = await merchant.PUT('/v1/admin/customers/{customerId}', {
    ...customer(customerId),
    body: { name: 'Wang Fang', locale: 'en' },
  });
  assert.equal(updated.response.status, 200);
  const nameless = await merchant.PUT('/v1/admin/customers/{customerId}', {
    ...customer(customerId),
    body: { name: '' },
  });
  assert.equal(nameless.error?.code, 'validation_failed');
  const keyless = await anonymous.PUT('/v1/admin/customers/{customerId}', {
    ...customer(customerId),
    body: { name: 'x' },
  });
  assert.equal(keyless.error?.code, 'secret_key_invalid');

  const profile = await merchant.GET('/v1/admin/customers/{customerId}', customer(customerId));
  assert.equal(profile.response.status, 200);
  const unknown = customer(`nobody-${randomUUID()}`);
  assert.equal((await merchant.GET('/v1/admin/customers/{customerId}', unknown)).error?.code, 'customer_not_found');

  const list = await merchant.GET('/v1/admin/customers', { params: { query: { query: 'Wang Fang', limit: 5 } } });
  assert.ok(
    list.data?.customers.some((found) => found.id === customerId),
    JSON.stringify(list.data),
  );
  const tooMany = await merchant.GET('/v1/admin/customers', { params: { query: { limit: 1_000 } } });
  assert.equal(tooMany.error?.code, 'validation_failed');

  const exported = await merchant.GET('/v1/admin/customers/{customerId}/export', customer(customerId));
  assert.match(exported.response.headers.get('content-disposition') ?? '', /^attachment/);
  assert.equal((await merchant.GET('/v1/admin/customers/{customerId}/export', unknown)).response.status, 404);

  const history = await merchant.GET('/v1/admin/customers/{customerId}/history', {
    params: { path: { customerId }, query: { limit: 5 } },
  });
  assert.equal(history.data?.entries.length, 0);
  const historyOfNobody = await merchant.GET('/v1/admin/customers/{customerId}/history', unknown);
  assert.equal(historyOfNobody.error?.code, 'customer_not_found');

  const ended = await merchant.POST('/v1/admin/customers/{customerId}/membership/end', {
    ...customer(customerId),
    body: { reason: 'price' },
  });
  assert.equal(ended.response.status, 200);
  const endUnknown = await merchant.POST('/v1/admin/customers/{customerId}/membership/end', {
    ...unknown,
    body: { reason: 'price' },
  });
  assert.equal(endUnknown.response.status, 404);

  assert.equal((await merchant.DELETE('/v1/admin/customers/{customerId}', customer(customerId))).response.status, 200);
  assert.equal((await merchant.DELETE('/v1/admin/customers/{customerId}', unknown)).response.status, 404);
});

test('the churn report for a range of months, and 400 for a month that is not one', async () => {
  const month = new Date().toISOString().slice(0, 7);
  const churn = await file.merchant.GET('/v1/admin/members/churn', { params: { query: { from: month, to: month } } });
  assert.equal(churn.response.status, 200);
  const bad = await file.merchant.GET('/v1/admin/members/churn', { params: { query: { from: '2026-13', to: month } } });
  assert.equal(bad.error?.code, 'validation_failed');
});

test('the ledger: an earn (201, replayed), an order, its refund and a reversal; 404 for what does not exist', async () => {
  const { merchant } = file;
  const customerId = 'demo-shopper';
  const params = { path: { customerId }, header: key() };
  const earned = await merchant.POST('/v1/admin/customers/{customerId}/transactions', {
    params,
    body: { type: 'earn', points: 50, reason: 'Tasting' },
  });
  assert.equal(earned.response.status, 201);
  const replayed = await merchant.POST('/v1/admin/customers/{customerId}/transactions', {
    params,
    body: { type: 'earn', points: 50, reason: 'Tasting' },
  });
  assert.equal(replayed.response.headers.get('Idempotent-Replayed'), 'true');
  const nobody = await merchant.POST('/v1/admin/customers/{customerId}/transactions', {
    params: { path: { customerId: `nobody-${randomUUID()}` }, header: key() },
    body: { type: 'earn', points: 50 },
  });
  assert.equal(nobody.error?.code, 'customer_not_found');

  const entryId = earned.data!.transaction.id;
  const reversal = { params: { path: { customerId, entryId } } };
  const reversed = await merchant.POST('/v1/admin/customers/{customerId}/transactions/{entryId}/reversal', reversal);
  assert.equal(reversed.response.status, 201);
  const again = await merchant.POST('/v1/admin/customers/{customerId}/transactions/{entryId}/reversal', reversal);
  assert.equal(again.response.status, 200);
  const unknownEntry = await merchant.POST('/v1/admin/customers/{customerId}/transactions/{entryId}/reversal', {
    params: { path: { customerId, entryId: randomUUID() } },
  });
  assert.equal(unknownEntry.error?.code, 'entry_not_found');

  const order = { orderId: `order-${randomUUID()}`, customerId, amount: 12_800, currency: DEMO_SEED.program.currency };
  assert.equal((await merchant.POST('/v1/admin/orders', { body: order })).response.status, 201);
  assert.equal((await merchant.POST('/v1/admin/orders', { body: order })).response.status, 200);
  const stranger = await merchant.POST('/v1/admin/orders', {
    body: { ...order, orderId: `order-${randomUUID()}`, customerId: `nobody-${randomUUID()}` },
  });
  assert.equal(stranger.error?.code, 'customer_not_found');
  const orderPath = { params: { path: { orderId: order.orderId } } };
  assert.equal((await merchant.GET('/v1/admin/orders/{orderId}', orderPath)).data?.orderId, order.orderId);
  const noOrder = { params: { path: { orderId: `order-${randomUUID()}` } } };
  assert.equal((await merchant.GET('/v1/admin/orders/{orderId}', noOrder)).error?.code, 'order_not_found');

  const refund = { refundId: `refund-${randomUUID()}`, amount: 2_800 };
  const refunded = await merchant.POST('/v1/admin/orders/{orderId}/refunds', { ...orderPath, body: refund });
  assert.equal(refunded.response.status, 201);
  const refundNothing = await merchant.POST('/v1/admin/orders/{orderId}/refunds', { ...noOrder, body: refund });
  assert.equal(refundNothing.error?.code, 'order_not_found');
});

test('the rewards catalogue: a reward created (201), replaced (200), refused (400, 412); the list; 401 without the key', async () => {
  const { merchant } = file;
  const [first] = DEMO_SEED.rewards;
  const { id: _id, ...draft } = first!;
  const rewardId = `reward-${randomUUID().slice(0, 8)}`;
  const path = { params: { path: { rewardId } } };
  const createOnly = { params: { ...path.params, header: CREATE_ONLY_HEADERS }, body: draft };
  assert.equal((await merchant.PUT('/v1/admin/rewards/{rewardId}', createOnly)).response.status, 201);
  const taken = await merchant.PUT('/v1/admin/rewards/{rewardId}', createOnly);
  assert.equal(taken.response.status, 412);
  assert.equal(taken.error?.code, 'reward_exists');
  const replaced = await merchant.PUT('/v1/admin/rewards/{rewardId}', { ...path, body: { ...draft, pointsCost: 400 } });
  assert.equal(replaced.data?.pointsCost, 400);
  const refused = await merchant.PUT('/v1/admin/rewards/{rewardId}', { ...path, body: { ...draft, pointsCost: -1 } });
  assert.equal(refused.error?.code, 'validation_failed');

  const catalogue = await merchant.GET('/v1/admin/rewards');
  assert.equal(catalogue.response.status, 200);
  assert.equal((await file.anonymous.GET('/v1/admin/rewards')).response.status, 401);
});

test('the program settings: read, changed (200), refused (400); 401 without the key', async () => {
  const { merchant } = file;
  const settings = await merchant.GET('/v1/admin/program');
  assert.equal(settings.data?.name, DEMO_SEED.program.name);
  assert.equal((await file.anonymous.GET('/v1/admin/program')).response.status, 401);
  const changed = await merchant.PATCH('/v1/admin/program', { body: { followUpTargetHours: 24 } });
  assert.equal(changed.data?.followUpTargetHours, 24);
  const refused = await merchant.PATCH('/v1/admin/program', { body: { followUpTargetHours: 0 } });
  assert.equal(refused.error?.code, 'validation_failed');
});

test('the overview: the program at a glance (200); 401 without the key', async () => {
  const overview = await file.merchant.GET('/v1/admin/overview');
  assert.equal(overview.response.status, 200);
  assert.ok((overview.data?.members.total ?? 0) > 0, 'the demo members are counted');
  assert.equal((await file.anonymous.GET('/v1/admin/overview')).response.status, 401);
});

test('lapsed members (200, 400) and a win-back (201, 404)', async () => {
  const { merchant } = file;
  const lapsed = await merchant.GET('/v1/admin/members/lapsed', { params: { query: { limit: 5 } } });
  assert.equal(lapsed.response.status, 200);
  assert.equal(typeof lapsed.data?.lapsedAfterDays, 'number');
  const badLimit = await merchant.GET('/v1/admin/members/lapsed', { params: { query: { limit: 0 } } });
  assert.equal(badLimit.error?.code, 'validation_failed');

  const customerId = `client-${randomUUID()}`;
  const created = await merchant.PUT('/v1/admin/customers/{customerId}', {
    ...customer(customerId),
    body: { name: 'Li' },
  });
  assert.equal(created.response.status, 201);
  const given = await merchant.POST('/v1/admin/customers/{customerId}/win-back', {
    params: { path: { customerId }, header: key() },
    body: { points: 40, note: 'Welcome back' },
  });
  assert.equal(given.response.status, 201);
  assert.equal(given.data?.winBack.entry?.kind, 'win_back');
  const unknown = await merchant.POST('/v1/admin/customers/{customerId}/win-back', {
    params: { path: { customerId: `nobody-${randomUUID()}` }, header: key() },
    body: { points: 40 },
  });
  assert.equal(unknown.error?.code, 'customer_not_found');
});

test('every merchant operation on customers, the ledger, orders, rewards and settings was called', () => {
  file.coverage.assertCovered(merchantOperations(false));
});
