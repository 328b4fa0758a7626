import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  AdminOverview,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  consolePaths,
  memberPaths,
  paths,
  rewardPaths,
  type TierSettings,
  type TransactionRequest,
} from '@loyalty-elements/contract';
import { expectProblem, parseExactly, signCustomerToken } from './support/http.ts';
import { clockedServerPerFile, DAY_MS } from './support/loyalty.ts';
import { admin, ownProgram } from './support/orders.ts';
import { rewardDraft } from './support/rewards.ts';
import type { TestServer } from './support/server.ts';

// The console's Overview: every figure checked against data seeded here and counted here, independently.

const TIERS: TierSettings[] = [
  { id: 'member', name: { en: 'Member' }, threshold: 0, benefits: [], earnMultiplier: 1 },
  { id: 'silver', name: { en: 'Silver', 'zh-CN': '银卡' }, threshold: 500, benefits: [], earnMultiplier: 1 },
  { id: 'gold', name: { en: 'Gold' }, threshold: 1_000, benefits: [], earnMultiplier: 1 },
];
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const NOW = new Date('2031-03-12T04:00:00.000Z');
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

/** `YYYY-MM-DD` of the Monday starting the Shanghai week of `instant` (the city keeps UTC+8 all year). */
function shanghaiMonday(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

describe('GET /v1/admin/overview', () => {
  let api: TestServer;
  const clock = clockedServerPerFile((started) => ({ api } = started));

  test('counts members, tiers, points owed and expiring, weekly points, redemptions and joins', async () => {
    const program = await ownProgram(api, { tiers: TIERS, tierWindowMonths: 12, pointsExpiryMonths: null });
    const merchant = admin(api, program);
    const earned: Array<[Date, number]> = [];
    const redeemed: Array<[Date, number]> = [];
    const at = async (instant: Date, action: () => Promise<unknown>) => {
      clock.set(instant);
      await action();
    };
    const post = async (customerId: string, body: TransactionRequest) => {
      await merchant.transact(customerId, body);
      if (body.type === 'earn') earned.push([clock.now(), body.points]);
      if (body.type === 'redeem') redeemed.push([clock.now(), body.points]);
    };

    let ended = '';
    await at(new Date('2030-12-20T04:00:00.000Z'), async () => (ended = await merchant.customer('ended')));
    // An erased customer's points are owed to no one: their 700 are left out of what the program owes.
    await at(new Date('2030-12-20T05:00:00.000Z'), async () => {
      const erased = await merchant.customer('erased');
      await merchant.transact(erased, { type: 'earn', points: 700, expiresAt: null });
      assert.equal((await merchant.call('DELETE', paths.customer(erased))).status, 200);
    });
    let a = '';
    await at(new Date('2031-01-05T04:00:00.000Z'), async () => {
      a = await merchant.customer('a');
      await post(a, { type: 'earn', points: 600, expiresAt: null });
    });
    let d = '';
    await at(new Date('2031-02-01T04:00:00.000Z'), async () => {
      d = await merchant.customer('d');
      await post(d, { type: 'earn', points: 200, expiresAt: daysFromNow(80).toISOString() });
    });
    await at(new Date('2031-02-10T04:00:00.000Z'), async () => {
      const res = await merchant.call('POST', memberPaths.membershipEnd(ended), { reason: 'price' });
      assert.equal(res.status, 200, await res.text());
    });
    let b = '';
    await at(new Date('2031-03-01T04:00:00.000Z'), async () => (b = await merchant.customer('b')));
    await at(new Date('2031-03-02T04:00:00.000Z'), () =>
      post(b, { type: 'earn', points: 50, expiresAt: daysFromNow(45).toISOString() }),
    );
    await at(daysFromNow(-10), () => post(a, { type: 'earn', points: 300, expiresAt: daysFromNow(20).toISOString() }));
    await at(daysFromNow(-3), () => post(a, { type: 'redeem', points: 100 }));
    await at(daysFromNow(-1), async () => {
      assert.equal(
        (
          await merchant.call(
            'PUT',
            rewardPaths.reward('tea'),
            rewardDraft({ name: { en: 'Tea tin' }, pointsCost: 150 }),
          )
        ).status,
        201,
      );
      const token = await signCustomerToken({ secret: program.secretKey, audience: program.publishableKey, sub: a });
      const res = await fetch(api.baseUrl + rewardPaths.redeem('tea'), {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          [PUBLISHABLE_KEY_HEADER]: program.publishableKey,
          [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
        },
      });
      assert.equal(res.status, 201, await res.text());
      redeemed.push([clock.now(), 150]);
    });

    clock.set(NOW);
    const res = await merchant.call('GET', consolePaths.overview);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    const overview = parseExactly(AdminOverview, await res.json());

    // a, b and d are members; the ended one is not. a qualifies on 900 points (Silver); b and d stay Members.
    assert.equal(overview.members.total, 3);
    assert.deepEqual(
      overview.members.byTier.map(({ tierId, count }) => [tierId, count]),
      [
        ['member', 2],
        ['silver', 1],
        ['gold', 0],
      ],
    );
    assert.deepEqual(overview.members.byTier[1]?.name, { en: 'Silver', 'zh-CN': '银卡' });
    // a and b moved points in the last 30 days; d last did 39 days ago.
    assert.equal(overview.members.active30Days, 2);

    // Spending takes the soonest-expiring points first: a's 300 expiring in 20 days lose 250 of them.
    const totalEarned = earned.reduce((sum, [, points]) => sum + points, 0);
    const totalRedeemed = redeemed.reduce((sum, [, points]) => sum + points, 0);
    assert.deepEqual(overview.points, {
      outstanding: totalEarned - totalRedeemed,
      expiring: { days30: 300 - 250, days60: 50 + 50, days90: 50 + 50 + 200 },
    });

    const weekStarts = Array.from({ length: 12 }, (_, index) =>
      shanghaiMonday(new Date(NOW.getTime() - (11 - index) * 7 * DAY_MS)),
    );
    const sumByWeek = (events: Array<[Date, number]>, week: string) =>
      events.filter(([instant]) => shanghaiMonday(instant) === week).reduce((sum, [, points]) => sum + points, 0);
    assert.deepEqual(
      overview.weekly,
      weekStarts.map((weekStart) => ({
        weekStart,
        earned: sumByWeek(earned, weekStart),
        redeemed: sumByWeek(redeemed, weekStart),
      })),
    );
    assert.equal(overview.weekly.at(-1)?.weekStart, '2031-03-10');
    assert.equal(overview.weekly[0]?.weekStart, '2030-12-23');

    assert.deepEqual(overview.redemptionsByReward, [
      { rewardId: 'tea', name: { en: 'Tea tin' }, count: 1, points: 150 },
    ]);

    // The erased customer joined and left in December.
    const joined: Record<string, number> = { '2030-12': 2, '2031-01': 1, '2031-02': 1, '2031-03': 1 };
    const endedByMonth: Record<string, number> = { '2030-12': 1, '2031-02': 1 };
    const months = Array.from({ length: 12 }, (_, index) => {
      const month = new Date(Date.UTC(2030, 3 + index, 1)).toISOString().slice(0, 7);
      return { month, joined: joined[month] ?? 0, ended: endedByMonth[month] ?? 0 };
    });
    assert.deepEqual(overview.memberships, months);
  });

  test('answers the program of the secret key, and 401 without a valid one', async () => {
    await expectProblem(await fetch(api.baseUrl + consolePaths.overview), 401, 'secret_key_invalid');
    await expectProblem(
      await fetch(api.baseUrl + consolePaths.overview, { headers: { Authorization: 'Bearer sk_wrong' } }),
      401,
      'secret_key_invalid',
    );
    const res = await fetch(api.baseUrl + consolePaths.overview, {
      headers: { Authorization: `Bearer ${api.config.demoSecretKey}` },
    });
    assert.equal(res.status, 200);
    const overview = parseExactly(AdminOverview, await res.json());
    assert.ok(overview.members.total > 0, 'the demo program has members');
  });
});
