import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { RedeemResult, rewardPaths } from '@loyalty-elements/contract';
import { MEMORY_DATA_DIR, openDatabase } from '../src/store/database.ts';
import { loadMigrations, migrate } from '../src/store/migrate.ts';
import {
  asCustomer,
  claimBirthday,
  expectClaim,
  expectUpsert,
  fullHistory,
  transact,
  upsertCustomer,
} from './support/loyalty.ts';
import { parseExactly } from './support/http.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Every ledger entry says what it is (its kind) and what it refers to, whoever wrote it.

describe('the kind and references of what each writer writes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('admin earn, redeem and adjust; a reward redemption; a birthday gift', async () => {
    const customerId = `kinds-${randomUUID()}`;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date())
      .reduce<Record<string, number>>((parts, part) => ({ ...parts, [part.type]: Number(part.value) }), {});
    await expectUpsert(
      await upsertCustomer(server, customerId, {
        name: 'Kinds',
        locale: 'zh-CN',
        birthday: { month: today.month!, day: today.day!, calendar: 'gregorian' },
      }),
      201,
    );
    await transact(server, customerId, { type: 'earn', points: 500, reason: 'Phone order' });
    await transact(server, customerId, { type: 'redeem', points: 20 });
    await transact(server, customerId, { type: 'adjust', points: -10, reason: 'Goodwill correction' });
    const redeemed = await asCustomer(server, customerId, rewardPaths.redeem('free-jasmine-tea'), {
      method: 'POST',
      idempotencyKey: randomUUID(),
    });
    assert.equal(redeemed.status, 201, await redeemed.clone().text());
    const redemption = parseExactly(RedeemResult, await redeemed.json());
    assert.equal(redemption.entry.kind, 'redemption');
    await expectClaim(await claimBirthday(server, customerId));

    const history = await fullHistory(server, customerId);
    assert.deepEqual(
      history.reverse().map((entry) => [entry.type, entry.kind, entry.references, entry.shortfall, entry.reason]),
      [
        ['earn', 'order', {}, null, 'Phone order'],
        ['redeem', 'redemption', {}, null, null],
        ['adjust', 'adjustment', {}, null, 'Goodwill correction'],
        [
          'redeem',
          'redemption',
          {
            rewardId: 'free-jasmine-tea',
            rewardName: { en: 'A free pot of jasmine tea', 'zh-CN': '免费茉莉花茶一壶' },
          },
          null,
          '免费茉莉花茶一壶',
        ],
        ['birthday_bonus', 'birthday', {}, null, 'Birthday reward'],
      ],
    );
  });
});

test('0012 gives the entries written before it their kind and references', async () => {
  const db = await openDatabase(MEMORY_DATA_DIR);
  try {
    const migrations = await loadMigrations();
    const before0012 = migrations.findIndex((migration) => migration.version.startsWith('0012_'));
    assert.ok(before0012 > 0);
    await migrate(db, migrations.slice(0, before0012));
    await db.exec(`
      INSERT INTO programs (id, name, points_name, publishable_key, secret_key)
        VALUES ('old', 'Old Tea House', '{"en":"points"}', 'pk_old', 'sk_old');
      INSERT INTO tiers (program_id, id, name, threshold) VALUES ('old', 'member', '{"en":"Member"}', 0);
      INSERT INTO customers (program_id, id, name) VALUES ('old', 'c', 'C');
      INSERT INTO rewards (program_id, id, name, description, points_cost, active, created_at, updated_at)
        VALUES ('old', 'tea', '{"en":"Free tea","zh-CN":"免费茶饮"}', '{}', 10, true, now(), now());
      INSERT INTO ledger_entries (id, program_id, customer_id, type, points, reason, idempotency_key, balance_after)
        VALUES
          ('00000000-0000-4000-8000-000000000001', 'old', 'c', 'earn', 100, 'Order 7', 'k1', 100),
          ('00000000-0000-4000-8000-000000000002', 'old', 'c', 'earn', 30, 'Survey reward: post-purchase-nps', 'k2', 130),
          ('00000000-0000-4000-8000-000000000003', 'old', 'c', 'redeem', -10, 'Free tea', 'k3', 120),
          ('00000000-0000-4000-8000-000000000004', 'old', 'c', 'redeem', -5, NULL, 'k4', 115),
          ('00000000-0000-4000-8000-000000000005', 'old', 'c', 'adjust', 5, NULL, 'k5', 120),
          ('00000000-0000-4000-8000-000000000006', 'old', 'c', 'expire', -5, NULL, 'k6', 115),
          ('00000000-0000-4000-8000-000000000007', 'old', 'c', 'birthday_bonus', 200, 'Birthday reward', 'k7', 315);
      INSERT INTO reward_redemptions (id, program_id, customer_id, reward_id, reward_name, points_spent, code, entry_id,
                                      redeemed_at)
        VALUES ('00000000-0000-4000-8000-0000000000aa', 'old', 'c', 'tea', '{"en":"Free tea","zh-CN":"免费茶饮"}', 10,
                'CODE', '00000000-0000-4000-8000-000000000003', now());
    `);
    await migrate(db);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT type, kind, order_id, survey_id, reward_id, reward_name, reason FROM ledger_entries ORDER BY id`,
    );
    assert.deepEqual(
      rows.map((row) => [row.type, row.kind, row.survey_id, row.reward_id, row.reward_name, row.reason]),
      [
        ['earn', 'order', null, null, null, 'Order 7'],
        ['earn', 'survey', 'post-purchase-nps', null, null, 'Survey reward: post-purchase-nps'],
        ['redeem', 'redemption', null, 'tea', { en: 'Free tea', 'zh-CN': '免费茶饮' }, 'Free tea'],
        ['redeem', 'redemption', null, null, null, null],
        ['adjust', 'adjustment', null, null, null, null],
        ['expire', 'expiry', null, null, null, null],
        ['birthday_bonus', 'birthday', null, null, null, 'Birthday reward'],
      ],
    );
    await assert.rejects(
      db.query(`UPDATE ledger_entries SET kind = 'order'`),
      /append-only/,
      'the ledger is append-only again after the migration',
    );
  } finally {
    await db.close();
  }
});
