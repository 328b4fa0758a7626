import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CustomerHistory,
  memberPaths,
  PointsHistory,
  paths,
  type LedgerEntry,
  type MerchantLedgerEntry,
} from '@loyalty-elements/contract';
import { expectProblem, parseExactly, signCustomerToken } from './support/http.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { admin, anOrder, ownProgram, type OwnProgram } from './support/orders.ts';
import type { TestServer } from './support/server.ts';

// GET /v1/admin/customers/{id}/history: the merchant reads a customer's ledger as the shopper's history shows it.

let api: TestServer;
clockedServerPerFile((started) => (api = started.api));

async function shop() {
  const program = await ownProgram(api, { earnRate: 1, returnWindowDays: 14, welcomeBonus: 10 });
  return { program, merchant: admin(api, program) };
}

async function merchantPage(program: OwnProgram, customerId: string, query = ''): Promise<CustomerHistory> {
  const res = await admin(api, program).call('GET', `${memberPaths.history(customerId)}${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return parseExactly(CustomerHistory, await res.json());
}

async function shopperPage(program: OwnProgram, customerId: string, query: string): Promise<PointsHistory> {
  const token = await signCustomerToken({
    secret: program.secretKey,
    audience: program.publishableKey,
    sub: customerId,
  });
  const res = await fetch(`${api.baseUrl}${paths.pointsHistory}${query}`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Publishable-Key': program.publishableKey },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(PointsHistory, await res.json());
}

/** The shopper's part of a merchant's entry. */
function asShopperSees({ reversible: _reversible, reversedByEntryId: _reversedBy, ...entry }: MerchantLedgerEntry) {
  return entry satisfies LedgerEntry;
}

describe('the merchant reads a customer’s history', () => {
  test('the same entries as the shopper sees, newest first, each saying whether it can be reversed', async () => {
    const { program, merchant } = await shop();
    const shopper = await merchant.customer();
    const order = await merchant.order(anOrder(shopper, 300));
    const earned = await merchant.transact(shopper, { type: 'earn', points: 100, reason: 'Phone order' });
    const spent = await merchant.transact(shopper, { type: 'redeem', points: 30, reason: 'Tote bag' });
    const reversed = await merchant.transact(shopper, { type: 'adjust', points: 20, reason: 'Typo' });
    const reversal = await merchant.postReversal(shopper, reversed.transaction.id);
    assert.equal(reversal.status, 201, await reversal.clone().text());

    const history = await merchantPage(program, shopper, '?limit=100');
    assert.deepEqual(history.entries.map(asShopperSees), await merchant.history(shopper));
    assert.equal(history.nextCursor, null);

    const byId = new Map(history.entries.map((entry) => [entry.id, entry]));
    const reversalEntry = history.entries[0]!;
    assert.equal(reversalEntry.kind, 'reversal');
    assert.deepEqual(
      [reversalEntry.reversible, reversalEntry.reversedByEntryId],
      [false, null],
      'a reversal is not reversed',
    );
    assert.deepEqual(
      [byId.get(reversed.transaction.id)?.reversible, byId.get(reversed.transaction.id)?.reversedByEntryId],
      [false, reversalEntry.id],
    );
    assert.equal(byId.get(earned.transaction.id)?.reversible, true);
    assert.equal(byId.get(spent.transaction.id)?.reversible, true);
    assert.equal(byId.get(order.transaction!.id)?.reversible, false, 'an order is refunded, not reversed');
    assert.equal(history.entries.at(-1)?.kind, 'welcome');
    assert.equal(history.entries.at(-1)?.reversible, true);
  });

  test('pages with the shopper’s cursors: every entry once, in order', async () => {
    const { program, merchant } = await shop();
    const shopper = await merchant.customer();
    for (let points = 1; points <= 6; points += 1) await merchant.transact(shopper, { type: 'earn', points });
    const all = (await merchantPage(program, shopper, '?limit=100')).entries;
    assert.equal(all.length, 7);

    for (const limit of [1, 2, 3, 7]) {
      const seen: MerchantLedgerEntry[] = [];
      let query = `?limit=${limit}`;
      for (;;) {
        const page = await merchantPage(program, shopper, query);
        const shoppers = await shopperPage(program, shopper, query);
        assert.equal(page.nextCursor, shoppers.nextCursor, `limit ${limit}: the shopper's cursor`);
        assert.ok(page.entries.length <= limit);
        seen.push(...page.entries);
        if (page.nextCursor === null) break;
        query = `?limit=${limit}&cursor=${page.nextCursor}`;
      }
      assert.deepEqual(seen, all, `limit ${limit}`);
    }
    const defaultPage = await merchantPage(program, shopper);
    assert.equal(defaultPage.entries.length, 7, 'twenty by default');
  });

  test('an erased customer’s entries are still listed, without their reasons', async () => {
    const { program, merchant } = await shop();
    const shopper = await merchant.customer();
    await merchant.transact(shopper, { type: 'earn', points: 40, reason: 'Met at the shop' });
    const before = await merchantPage(program, shopper);
    const erased = await merchant.call('DELETE', paths.customer(shopper));
    assert.equal(erased.status, 200, await erased.text());

    const after = await merchantPage(program, shopper);
    assert.deepEqual(
      after.entries.map((entry) => entry.id),
      before.entries.map((entry) => entry.id),
    );
    assert.equal(before.entries[0]?.reason, 'Met at the shop');
    assert.deepEqual(
      after.entries.map((entry) => entry.reason),
      after.entries.map(() => null),
    );
    assert.deepEqual(
      after.entries.map((entry) => entry.points),
      before.entries.map((entry) => entry.points),
    );
  });

  test('404 for a customer the program does not have, also one of another program', async () => {
    const { program, merchant } = await shop();
    const other = await shop();
    const theirs = await other.merchant.customer();
    await expectProblem(await merchant.call('GET', memberPaths.history('nobody-here')), 404, 'customer_not_found');
    await expectProblem(await merchant.call('GET', memberPaths.history(theirs)), 404, 'customer_not_found');
    assert.equal((await merchantPage(other.program, theirs)).entries.length, 1);
    assert.ok(program.id !== other.program.id);
  });

  test('rejects a bad limit, cursor or id, naming the field', async () => {
    const { merchant } = await shop();
    const shopper = await merchant.customer();
    const cases: Array<[string, string]> = [
      [`${memberPaths.history(shopper)}?limit=0`, 'query.limit'],
      [`${memberPaths.history(shopper)}?limit=101`, 'query.limit'],
      [`${memberPaths.history(shopper)}?limit=2.5`, 'query.limit'],
      [`${memberPaths.history(shopper)}?limit=many`, 'query.limit'],
      [`${memberPaths.history(shopper)}?cursor=not-a-cursor`, 'query.cursor'],
      [`${memberPaths.history(shopper)}?cursor=${Buffer.from('h1.-4').toString('base64url')}`, 'query.cursor'],
      [memberPaths.history('x'.repeat(300)), 'path.customerId'],
    ];
    for (const [path, field] of cases) {
      const problem = await expectProblem(await merchant.call('GET', path), 400, 'validation_failed');
      assert.deepEqual(
        problem.errors?.map((error) => error.path),
        [field],
        path,
      );
    }
  });

  test('needs the secret key', async () => {
    const res = await fetch(api.baseUrl + memberPaths.history('demo-shopper'));
    assert.equal(res.status, 401, await res.text());
  });
});
