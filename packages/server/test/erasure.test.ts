import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  CustomerRecord,
  memberPaths,
  orderPaths,
  paths,
  referralPaths,
  rewardPaths,
  WEBHOOK_EVENT_TYPES,
  type CustomerExport,
} from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { localDate } from '../src/domain/time.ts';
import { runScheduledMoments } from '../src/domain/webhooks/scheduler.ts';
import { expectProblem, postTransaction } from './support/http.ts';
import { asCustomer, claimBirthday, expectClaim, expectUpsert, transact, upsertCustomer } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer, expectRecord, exportOf } from './support/members.ts';
import { dismiss, getEligible, publish, save, testSurvey } from './support/surveys.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { createEndpoint } from './support/webhooks.ts';
import { expectWinBack, postWinBack } from './support/win-backs.ts';

// Export gives a customer everything stored about them; erasure removes the person and keeps the anonymised
// ledger, so the program's totals stay true.

const PERSONAL = {
  name: 'Jane Doe-Erasable',
  email: 'jane.erasable@tea.example',
  reason: 'Order 8812 for Jane at 12 Tea Street',
  complaint: 'The courier left it at 12 Tea Street',
  otherText: 'My neighbour Jane',
  note: 'Moved to Hangzhou',
  winBackNote: 'Jane said the tea shop on Tea Street closed',
};

describe('export and erasure', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    // Its events give every customer of the tests rows in the webhook outbox.
    await createEndpoint(server, { events: [...WEBHOOK_EVENT_TYPES] });
  });
  after(() => server.close());

  const programId = DEMO_SEED.program.id;

  /** A customer with rows in every table that holds customers' rows. */
  async function customerWithEverything(): Promise<string> {
    const id = `erase-${randomUUID()}`;
    const today = localDate(new Date(), DEMO_SEED.program.timezone);
    await expectUpsert(
      await upsertCustomer(server, id, {
        name: PERSONAL.name,
        email: PERSONAL.email,
        locale: 'en',
        timezone: DEMO_SEED.program.timezone,
        birthday: { month: today.month, day: today.day, calendar: 'gregorian' },
      }),
      201,
    );
    await transact(server, id, { type: 'earn', points: 2_000, reason: PERSONAL.reason });
    await expectClaim(await claimBirthday(server, id));
    const redeemed = await asCustomer(server, id, rewardPaths.redeem('free-jasmine-tea'), {
      method: 'POST',
      idempotencyKey: randomUUID(),
    });
    assert.equal(redeemed.status, 201, await redeemed.clone().text());
    const survey = await publish(server, testSurvey());
    await save(server, id, randomUUID(), {
      surveyId: survey.id,
      version: survey.version,
      sequence: 1,
      answers: {
        nps: 2,
        reason: { options: ['late', 'other'], otherText: PERSONAL.otherText },
        complaint: PERSONAL.complaint,
        csat: 2,
      },
      contactConsent: true,
      complete: true,
    });
    const orderId = `order-${id}`;
    const order = await admin(server, orderPaths.orders, {
      method: 'POST',
      body: { orderId, customerId: id, amount: 5_000, currency: DEMO_SEED.program.currency },
    });
    assert.equal(order.status, 201, await order.clone().text());
    const referral = await asCustomer(server, id, referralPaths.referral);
    assert.equal(referral.status, 200, await referral.clone().text());
    const refund = await admin(server, orderPaths.refunds(orderId), {
      method: 'POST',
      body: { refundId: `refund-${id}`, amount: 1_000 },
    });
    assert.equal(refund.status, 201, await refund.clone().text());
    const other = await publish(server, testSurvey());
    assert.equal((await dismiss(server, id, other.id, {})).status, 201);
    await expectWinBack(await postWinBack(server, id, { points: 10, note: PERSONAL.winBackNote }));
    // The birthday is today: the scheduler's birthday.upcoming gives the customer a scheduled moment.
    await runScheduledMoments(server.db, new Date());
    await expectRecord(await endMembershipOf(server, id, { reason: 'price', note: PERSONAL.note }));
    return id;
  }

  async function customerKeyedTables(): Promise<string[]> {
    const rows = await server.db.query<{ table_name: string }>(
      `SELECT DISTINCT c.table_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.column_name = 'customer_id' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name`,
    );
    return rows.map((row) => row.table_name);
  }

  async function rowsOf(table: string, customerId: string): Promise<number> {
    const [row] = await server.db.query<{ n: unknown }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE customer_id = $1`,
      [customerId],
    );
    return Number(row?.n);
  }

  async function programTotals() {
    const [totals] = await server.db.query<Record<string, unknown>>(
      `SELECT (SELECT count(*)::int FROM ledger_entries WHERE program_id = $1) AS entries,
              (SELECT COALESCE(SUM(points), 0)::bigint::text FROM ledger_entries WHERE program_id = $1) AS points,
              (SELECT COALESCE(SUM(remaining), 0)::bigint::text FROM point_batches WHERE program_id = $1) AS remaining,
              (SELECT count(*)::int FROM reward_redemptions WHERE program_id = $1) AS redemptions,
              (SELECT count(*)::int FROM survey_responses WHERE program_id = $1) AS responses`,
      [programId],
    );
    return totals;
  }

  test('the export holds every row of the customer in every table the catalog lists with a customer_id', async () => {
    const id = await customerWithEverything();
    const exported = await exportOf(server, id);
    const tables = await customerKeyedTables();
    for (const table of [
      'ledger_entries',
      'point_batches',
      'birthday_claims',
      'survey_responses',
      'survey_dismissals',
      'survey_follow_ups',
      'reward_redemptions',
      'membership_endings',
      'win_backs',
    ]) {
      assert.ok(tables.includes(table), `the catalog lists ${table}`);
    }
    for (const table of tables) {
      const stored = await rowsOf(table, id);
      assert.ok(exported.records[table], `the export has ${table}`);
      assert.equal(exported.records[table]?.length, stored, `every row of ${table}`);
      assert.ok(stored > 0, `${table}: give the customer of this test a row in it, so its export is checked`);
    }
    assert.equal(exported.records.customers?.[0]?.email, PERSONAL.email);
    assert.equal(exported.profile.customer.name, PERSONAL.name);
    assert.equal(exported.profile.customer.endReason, 'price');
    const text = JSON.stringify(exported);
    for (const value of Object.values(PERSONAL)) assert.ok(text.includes(value), `the export shows ${value}`);
    await expectProblem(await admin(server, memberPaths.export(id), { secretKey: null }), 401, 'secret_key_invalid');
    await expectProblem(await admin(server, memberPaths.export(`nobody-${randomUUID()}`)), 404, 'customer_not_found');
  });

  test('erasure removes the person, keeps the anonymised ledger and the program totals, and is final', async () => {
    const id = await customerWithEverything();
    const before = await programTotals();
    const birthdayEvents = (records: CustomerExport['records']) =>
      (records.webhook_events ?? []).filter((event) => (event as { type?: string }).type === 'birthday.upcoming');
    assert.equal(birthdayEvents((await exportOf(server, id)).records).length, 1, 'a birthday event is queued');

    const erased = await expectRecord(await eraseCustomer(server, id));
    assert.deepEqual(
      { ...erased, joinedAt: undefined, endedAt: undefined },
      {
        id,
        name: '',
        locale: null,
        timezone: null,
        birthday: null,
        email: null,
        status: 'erased',
        joinedAt: undefined,
        endedAt: undefined,
        endReason: 'price',
      },
    );
    assert.deepEqual(await programTotals(), before, 'ledger rows, points, batches and responses stay');

    const exported: CustomerExport = await exportOf(server, id);
    const text = JSON.stringify(exported);
    for (const value of Object.values(PERSONAL)) assert.ok(!text.includes(value), `no trace of ${value}`);
    assert.ok(exported.records.ledger_entries?.every((entry) => entry.reason === null));
    const response = exported.records.survey_responses?.[0] as {
      answers: Record<string, unknown>;
      contact_consent: boolean;
    };
    assert.deepEqual(response.answers, { nps: 2, reason: { options: ['late', 'other'] }, csat: 2 });
    assert.equal(response.contact_consent, false);
    assert.deepEqual(exported.records.survey_follow_ups?.[0]?.comments, []);
    assert.equal(exported.records.birthday_claims?.[0]?.birthday_month, null);
    assert.equal(exported.profile.birthday, null);
    assert.deepEqual(exported.records.scheduled_moments, [], 'the scheduler’s claims, which name a birthday, go');
    assert.deepEqual(birthdayEvents(exported.records), [], 'so do the webhook events that name it, sent or not');

    // Tokens signed before or after the erasure are refused; the id is not used again.
    await expectProblem(await asCustomer(server, id, paths.summary), 403, 'customer_erased');
    await expectProblem(await getEligible(server, id, 'post_purchase'), 403, 'customer_erased');
    await expectProblem(await upsertCustomer(server, id, { name: 'Jane again' }), 409, 'customer_erased');
    await expectProblem(
      await postTransaction(server, { customerId: id, body: { type: 'earn', points: 5 } }),
      409,
      'customer_erased',
    );
    await expectProblem(await endMembershipOf(server, id, { reason: 'other' }), 409, 'customer_erased');

    // Repeating the erasure answers the same.
    assert.deepEqual(await expectRecord(await eraseCustomer(server, id)), erased);
  });

  test('the ledger stays append-only apart from clearing a reason', async () => {
    const id = await customerWithEverything();
    const tries = [
      `UPDATE ledger_entries SET points = points + 1 WHERE customer_id = $1`,
      `UPDATE ledger_entries SET reason = 'changed' WHERE customer_id = $1`,
      `UPDATE ledger_entries SET reason = NULL, balance_after = 0 WHERE customer_id = $1`,
      `DELETE FROM ledger_entries WHERE customer_id = $1`,
    ];
    for (const sql of tries) {
      await assert.rejects(server.db.query(sql, [id]), /append-only/, sql);
    }
  });

  test('twenty parallel erasures of an active member: all 200 with one answer, one membership ending', async () => {
    const id = `erase-${randomUUID()}`;
    await expectUpsert(await upsertCustomer(server, id, { name: 'Parallel Pat', email: 'pat@tea.example' }), 201);
    await transact(server, id, { type: 'earn', points: 100, reason: 'welcome' });
    const results = await Promise.all(Array.from({ length: 20 }, () => eraseCustomer(server, id)));
    const bodies = await Promise.all(
      results.map(async (res) => {
        assert.equal(res.status, 200);
        return CustomerRecord.parse(await res.json());
      }),
    );
    assert.equal(new Set(bodies.map((body) => JSON.stringify(body))).size, 1);
    assert.deepEqual([bodies[0]?.status, bodies[0]?.endReason], ['erased', 'other']);
    assert.equal(await rowsOf('membership_endings', id), 1);
    assert.equal(await rowsOf('ledger_entries', id), 1);
  });

  test('erasing a customer the program does not have is a 404', async () => {
    await expectProblem(await eraseCustomer(server, `nobody-${randomUUID()}`), 404, 'customer_not_found');
  });
});
