import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { PUBLISHABLE_KEY_HEADER, Program, Summary, paths } from '@loyalty-elements/contract';
import { insertCustomer } from '../src/domain/customers.ts';
import { addMonths } from '../src/domain/time.ts';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import {
  expectProblem,
  getSummary,
  parseExactly,
  postTransaction,
  signCustomerToken,
  summaryOf,
} from './support/http.ts';
import { DAY_MS, clockedServerPerFile, transact } from './support/loyalty.ts';

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));

describe('tiers are kept apart from the spendable balance', () => {
  test('redeeming points never demotes', async () => {
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 6_000 });
    assert.equal((await summaryOf(api, customerId)).tier.current.id, 'gold');
    await transact(api, customerId, { type: 'redeem', points: 5_900 });
    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 100);
    assert.equal(summary.tier.current.id, 'gold');
    assert.equal(summary.tier.progress.qualified, 6_000);
    assert.equal(summary.points.lifetimeEarned, 6_000);
  });

  test('nor does expiry', async () => {
    clock.set(new Date());
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, {
      type: 'earn',
      points: 1_500,
      expiresAt: new Date(clock.now().getTime() + DAY_MS).toISOString(),
    });
    clock.advance(2 * DAY_MS);
    const summary = await summaryOf(api, customerId);
    assert.deepEqual([summary.points.balance, summary.tier.current.id], [0, 'silver']);
  });
});

describe('tier progress and retention over time', () => {
  test('progress, the window end and the at-risk amount follow the rolling window', async () => {
    const start = new Date();
    clock.set(start);
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 6_000, reason: 'Big order' });
    clock.advance(60 * DAY_MS);
    await transact(api, customerId, { type: 'earn', points: 500 });

    clock.advance(30 * DAY_MS);
    let tier = (await summaryOf(api, customerId)).tier;
    assert.deepEqual(tier.current.id, 'gold');
    assert.deepEqual(tier.next?.id, 'diamond');
    assert.deepEqual(tier.progress, { metric: 'points', qualified: 6_500, nextThreshold: 20_000, remaining: 13_500 });
    assert.equal(tier.windowEndsAt, addMonths(start, 12).toISOString());
    assert.equal(tier.atRisk, null, 'the 6 000 leave beyond the 90-day forecast');

    clock.set(new Date(addMonths(start, 12).getTime() - 80 * DAY_MS));
    tier = (await summaryOf(api, customerId)).tier;
    assert.deepEqual(tier.atRisk, {
      retainThreshold: 5_000,
      remaining: 4_500,
      at: addMonths(start, 12).toISOString(),
      dropsTo: { id: 'member', name: { en: 'Member', 'zh-CN': '会员' } },
    });

    await transact(api, customerId, { type: 'earn', points: 4_500 });
    tier = (await summaryOf(api, customerId)).tier;
    assert.equal(tier.atRisk, null, 'enough earned to keep Gold once the 6 000 leave');

    clock.set(new Date(addMonths(start, 12).getTime() + DAY_MS));
    tier = (await summaryOf(api, customerId)).tier;
    assert.deepEqual([tier.current.id, tier.progress.qualified], ['gold', 5_000], 'kept Gold');
  });

  test('a tier is lost when its qualifying points leave the window', async () => {
    const start = new Date();
    clock.set(start);
    const customerId = await createDemoCustomer(server);
    await transact(api, customerId, { type: 'earn', points: 1_200, expiresAt: null });
    assert.equal((await summaryOf(api, customerId)).tier.atRisk, null, 'a year away');
    clock.set(addMonths(start, 11));
    const risk = (await summaryOf(api, customerId)).tier.atRisk;
    assert.deepEqual([risk?.retainThreshold, risk?.remaining, risk?.dropsTo?.id], [1_000, 1_000, 'member']);
    clock.set(addMonths(start, 12));
    const summary = await summaryOf(api, customerId);
    assert.deepEqual(
      [summary.tier.current.id, summary.tier.progress.qualified, summary.points.balance],
      ['member', 0, 1_200],
    );
  });
});

describe('a program whose tiers go by spend', () => {
  const program = {
    id: `spend-${randomUUID()}`,
    publishableKey: `pk_spend_${randomUUID()}`,
    secretKey: `sk_spend_${randomUUID()}`,
  };
  let customerId: string;

  before(async () => {
    await server.db.query(
      `INSERT INTO programs (id, name, points_name, publishable_key, secret_key, tier_window_months, timezone,
                             currency, tier_metric, points_expiry_months)
       VALUES ($1, 'Spend & Co', '{"en":"stars"}', $2, $3, 6, 'Europe/Paris', 'EUR', 'spend', NULL)`,
      [program.id, program.publishableKey, program.secretKey],
    );
    for (const [id, threshold] of [
      ['bronze', 0],
      ['silver', 50_000],
      ['gold', 200_000],
    ] as const) {
      await server.db.query(`INSERT INTO tiers (program_id, id, name, threshold) VALUES ($1, $2, $3, $4)`, [
        program.id,
        id,
        JSON.stringify({ en: id }),
        threshold,
      ]);
    }
    customerId = `spender-${randomUUID()}`;
    await insertCustomer(server.db, program.id, { id: customerId, name: 'Spender', locale: 'fr' });
  });

  const earn = (body: unknown) =>
    postTransaction(api, { customerId, secretKey: program.secretKey, body: JSON.stringify(body) });
  async function summary(): Promise<Summary> {
    const token = await signCustomerToken({
      secret: program.secretKey,
      audience: program.publishableKey,
      sub: customerId,
    });
    const res = await getSummary(api, { token, publishableKey: program.publishableKey });
    assert.equal(res.status, 200, await res.clone().text());
    return parseExactly(Summary, await res.json());
  }

  test('the program says so', async () => {
    const res = await fetch(api.baseUrl + paths.program, {
      headers: { [PUBLISHABLE_KEY_HEADER]: program.publishableKey },
    });
    const body = parseExactly(Program, await res.json());
    assert.equal(body.currency, 'EUR');
    assert.equal(body.pointsExpiryMonths, null);
    assert.equal(body.birthday, null);
    assert.deepEqual(
      body.tiers.map((tier) => [tier.id, tier.threshold, tier.metric, tier.window.months]),
      [
        ['bronze', 0, 'spend', 6],
        ['silver', 50_000, 'spend', 6],
        ['gold', 200_000, 'spend', 6],
      ],
    );
  });

  test('qualifies on spend in minor units, whatever the points', async () => {
    assert.equal((await earn({ type: 'earn', points: 10, spend: { amount: 42_000, currency: 'EUR' } })).status, 201);
    assert.equal((await earn({ type: 'earn', points: 5_000 })).status, 201, 'points without spend do not qualify');
    let s = await summary();
    assert.deepEqual(s.tier.progress, { metric: 'spend', qualified: 42_000, nextThreshold: 50_000, remaining: 8_000 });
    assert.equal(s.tier.current.id, 'bronze');
    assert.equal(s.points.expiring.length, 0, 'points never expire in this program');

    assert.equal((await earn({ type: 'earn', points: 10, spend: { amount: 9_000, currency: 'EUR' } })).status, 201);
    s = await summary();
    assert.deepEqual([s.tier.current.id, s.tier.progress.qualified], ['silver', 51_000]);

    // A refund corrects the spend: back below Silver.
    assert.equal((await earn({ type: 'adjust', points: -10, spend: { amount: -9_000, currency: 'EUR' } })).status, 201);
    s = await summary();
    assert.deepEqual([s.tier.current.id, s.tier.progress.qualified], ['bronze', 42_000]);
  });

  test('spend in another currency is refused', async () => {
    const res = await earn({ type: 'earn', points: 10, spend: { amount: 100, currency: 'USD' } });
    const problem = await expectProblem(res, 422, 'currency_mismatch');
    assert.match(problem.detail ?? '', /EUR/);
  });
});
