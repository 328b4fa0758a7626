import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { TransactionResult, type LedgerEntry } from '@loyalty-elements/contract';
import { lockCustomer } from '../src/domain/customers.ts';
import { applyEntryLocked, type EntryDraft } from '../src/domain/ledger.ts';
import { findProgramById } from '../src/domain/programs.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import {
  admin,
  anOrder,
  daysBefore,
  onceThenReplays,
  type OwnProgram,
  ownProgram,
  statusesOf,
} from './support/orders.ts';
import type { TestServer } from './support/server.ts';

// POST /v1/admin/customers/{id}/transactions/{entryId}/reversal: one entry undone, once.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

const MONTH_AGO = () => daysBefore(clock.now(), 30);

async function shop(settings: Parameters<typeof ownProgram>[1] = {}) {
  const program = await ownProgram(api, { earnRate: 1, returnWindowDays: 14, welcomeBonus: 0, ...settings });
  return { program, merchant: admin(api, program) };
}

/** An entry the API writes itself (a birthday gift, a survey reward, a reward redemption), as its writer does. */
async function written(program: OwnProgram, customerId: string, draft: EntryDraft): Promise<LedgerEntry> {
  const loaded = (await findProgramById(api.db, program.id))!;
  const row = await api.db.transaction(async (tx) => {
    await lockCustomer(tx, program.id, customerId);
    const applied = await applyEntryLocked(
      tx,
      loaded,
      customerId,
      draft,
      { idempotencyKey: randomUUID(), requestHash: null },
      clock.now(),
    );
    assert.equal(applied.kind, 'created');
    return applied.kind === 'created' ? applied.row : undefined;
  });
  return (await admin(api, program).history(customerId)).find((entry) => entry.id === row?.id)!;
}

async function reverse(merchant: ReturnType<typeof admin>, customerId: string, entryId: string) {
  const res = await merchant.postReversal(customerId, entryId);
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(TransactionResult, await res.json());
}

describe('reversing a credit takes its points back', () => {
  test('each kind of credit: an earn, a positive adjustment, a welcome, birthday or survey gift', async () => {
    const { program, merchant } = await shop({ welcomeBonus: 30 });
    const shopper = await merchant.customer();
    const credits = [
      (await merchant.history(shopper))[0]!,
      (await merchant.transact(shopper, { type: 'earn', points: 100, reason: 'Phone order' })).transaction,
      (await merchant.transact(shopper, { type: 'adjust', points: 20 })).transaction,
      await written(program, shopper, { type: 'birthday_bonus', kind: 'birthday', points: 200, reason: null }),
      await written(program, shopper, {
        type: 'earn',
        kind: 'survey',
        references: { surveyId: 'nps' },
        points: 50,
        reason: null,
      }),
    ];
    assert.deepEqual(
      credits.map((entry) => entry.kind),
      ['welcome', 'order', 'adjustment', 'birthday', 'survey'],
    );
    let balance = 400;
    for (const credit of credits) {
      const { transaction, balance: after } = await reverse(merchant, shopper, credit.id);
      balance -= credit.points;
      assert.deepEqual(
        [transaction.kind, transaction.type, transaction.points, transaction.shortfall, after],
        ['reversal', 'adjust', -credit.points, null, balance],
      );
      assert.deepEqual(transaction.references, { reversesEntryId: credit.id });
    }
    assert.equal((await merchant.summary(shopper)).points.balance, 0);
  });

  test('a credit already spent: what cannot be taken back is the shortfall, the balance stops at zero', async () => {
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const earn = await merchant.transact(shopper, { type: 'adjust', points: 100 });
    await merchant.transact(shopper, { type: 'redeem', points: 80 });
    const { transaction, balance } = await reverse(merchant, shopper, earn.transaction.id);
    assert.deepEqual([transaction.points, transaction.shortfall, balance], [-20, 80, 0]);
    const { tier } = await merchant.summary(shopper);
    assert.equal(tier.progress.qualified, 0, 'the whole adjustment stops qualifying');
  });

  test('a pending credit is taken from its own batch', async () => {
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'earn', points: 10 });
    const pendingUntil = new Date(clock.now().getTime() + 7 * 24 * 3600 * 1000).toISOString();
    const pending = await merchant.transact(shopper, { type: 'earn', points: 60, pendingUntil });
    const { transaction } = await reverse(merchant, shopper, pending.transaction.id);
    assert.deepEqual([transaction.points, transaction.shortfall, transaction.balanceAfter], [-60, null, 10]);
    const { points } = await merchant.summary(shopper);
    assert.deepEqual([points.balance, points.pending], [10, 0]);
  });

  test('points of the credit that expired are not taken again', async () => {
    clock.set('2027-05-01T00:00:00Z');
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const lapsing = await merchant.transact(shopper, { type: 'adjust', points: 50, expiresAt: '2027-05-02T00:00:00Z' });
    await merchant.transact(shopper, { type: 'earn', points: 100 });
    clock.set('2027-05-03T00:00:00Z');
    const { transaction, balance } = await reverse(merchant, shopper, lapsing.transaction.id);
    assert.deepEqual([transaction.points, transaction.shortfall, balance], [0, null, 100]);
    assert.equal((await merchant.summary(shopper)).tier.progress.qualified, 100, 'the adjustment no longer counts');
  });
});

describe('reversing a debit gives its points back', () => {
  test('a redemption, a reward redemption and a negative adjustment, as a new batch with the default expiry', async () => {
    clock.set('2027-05-01T00:00:00Z');
    const { program, merchant } = await shop({ pointsExpiryMonths: 6 });
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'earn', points: 1_000 });
    const debits = [
      (await merchant.transact(shopper, { type: 'redeem', points: 100 })).transaction,
      (await merchant.transact(shopper, { type: 'adjust', points: -50 })).transaction,
      await written(program, shopper, {
        type: 'redeem',
        kind: 'redemption',
        references: { rewardId: 'tea', rewardName: { en: 'Free tea', 'zh-CN': '免费茶饮' } },
        points: -300,
        reason: 'Free tea',
      }),
    ];
    let balance = 550;
    for (const debit of debits) {
      const { transaction, balance: after } = await reverse(merchant, shopper, debit.id);
      balance -= debit.points;
      assert.deepEqual(
        [transaction.kind, transaction.points, transaction.expiresAt, after],
        ['reversal', -debit.points, '2027-11-01T00:00:00.000Z', balance],
      );
    }
    const { tier } = await merchant.summary(shopper);
    assert.equal(tier.progress.qualified, 1_000, 'the adjustment’s reversal restores it; redemptions never counted');
  });
});

describe('what cannot be reversed', () => {
  test('an order (refund it instead), a refund, a reversal and an expiry are 409 entry_not_reversible', async () => {
    clock.set('2027-05-01T00:00:00Z');
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const { order, transaction: orderEntry } = await merchant.order(
      anOrder(shopper, 10_000, { placedAt: MONTH_AGO() }),
    );
    const refund = await merchant.refund(order.orderId, 'r', 1_000);
    const adjust = await merchant.transact(shopper, { type: 'adjust', points: 5 });
    const reversal = await reverse(merchant, shopper, adjust.transaction.id);
    await merchant.transact(shopper, { type: 'earn', points: 7, expiresAt: '2027-05-02T00:00:00Z' });
    clock.set('2027-05-03T00:00:00Z');
    const expiry = (await merchant.history(shopper)).find((entry) => entry.kind === 'expiry')!;
    assert.ok(expiry);

    const orderProblem = await expectProblem(
      await merchant.postReversal(shopper, orderEntry!.id),
      409,
      'entry_not_reversible',
    );
    assert.match(orderProblem.detail ?? '', /refund/);
    for (const entry of [refund.transaction!, reversal.transaction, expiry]) {
      await expectProblem(await merchant.postReversal(shopper, entry.id), 409, 'entry_not_reversible');
    }
  });

  test('an unknown entry, another customer’s entry or a malformed id is 404 entry_not_found', async () => {
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const other = await merchant.customer();
    const theirs = await merchant.transact(other, { type: 'earn', points: 5 });
    await expectProblem(await merchant.postReversal(shopper, theirs.transaction.id), 404, 'entry_not_found');
    await expectProblem(await merchant.postReversal(shopper, randomUUID()), 404, 'entry_not_found');
    await expectProblem(await merchant.postReversal(shopper, 'not-a-uuid'), 404, 'entry_not_found');
    await expectProblem(await merchant.postReversal('nobody', theirs.transaction.id), 404, 'customer_not_found');
    assert.equal(api.loggedErrors.length, 0);
  });
});

describe('an entry is reversed once', () => {
  test('a second call answers 200 with the same reversal; 20 at once write one', async () => {
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const earn = await merchant.transact(shopper, { type: 'adjust', points: 40 });
    const first = await reverse(merchant, shopper, earn.transaction.id);
    const again = await merchant.postReversal(shopper, earn.transaction.id);
    assert.equal(again.status, 200);
    assert.deepEqual(parseExactly(TransactionResult, await again.json()), first);

    const second = await merchant.transact(shopper, { type: 'adjust', points: 60 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => merchant.postReversal(shopper, second.transaction.id)),
    );
    assert.deepEqual(statusesOf(responses), onceThenReplays(20));
    const reversals = (await merchant.history(shopper)).filter((entry) => entry.kind === 'reversal');
    assert.equal(reversals.length, 2);
    assert.equal((await merchant.summary(shopper)).points.balance, 0);
  });
});
