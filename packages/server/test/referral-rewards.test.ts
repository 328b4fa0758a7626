import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { programSettingsPath } from '@loyalty-elements/contract';
import { clockedServerPerFile } from './support/loyalty.ts';
import { anOrder, ownProgram } from './support/orders.ts';
import { REFERRALS, referralCalls, referralShop } from './support/referrals.ts';
import type { TestServer } from './support/server.ts';

// A referred friend's first order rewards both sides, pending with the order's points; the cap, refunds, replays.

let api: TestServer;
const clock = clockedServerPerFile((started) => (api = started.api));

/** A shop, a referrer and a friend who came with the referrer's code. */
async function referred(settings = REFERRALS) {
  const shop = await referralShop(api, settings);
  const referrer = await shop.customer('referrer');
  const { id: friend } = await shop.newCustomer({ referralCode: (await shop.referral(referrer)).code });
  return { shop, referrer, friend };
}

describe('rewards', () => {
  test('the first order credits both sides, pending until the order’s points are; spendable after', async () => {
    clock.set('2027-05-10T00:00:00Z');
    const { shop, referrer, friend } = await referred();
    const result = await shop.order(anOrder(friend, 10_000));
    assert.deepEqual(result.referral, { status: 'rewarded', reason: null });
    const [friendCredit] = await shop.referralEntries(friend);
    const [referrerCredit] = await shop.referralEntries(referrer);
    assert.equal(friendCredit?.kind, 'referral');
    assert.equal(friendCredit?.points, 300);
    assert.equal(referrerCredit?.points, 500);
    assert.deepEqual(friendCredit?.references, {
      referralId: referrerCredit?.references.referralId,
      orderId: result.order.orderId,
    });
    assert.equal(result.order.pendingUntil, '2027-05-24T00:00:00.000Z');
    assert.equal(friendCredit?.pendingUntil, result.order.pendingUntil);
    assert.equal(referrerCredit?.pendingUntil, result.order.pendingUntil);
    let [friendPoints, referrerPoints] = [(await shop.summary(friend)).points, (await shop.summary(referrer)).points];
    assert.deepEqual([friendPoints.balance, friendPoints.pending], [0, 100 + 300]);
    assert.deepEqual([referrerPoints.balance, referrerPoints.pending], [0, 500]);
    assert.deepEqual(await shop.referral(referrer), {
      ...(await shop.referral(referrer)),
      friendsJoined: 1,
      friendsRewarded: 1,
      pointsEarned: 500,
    });

    clock.set('2027-05-24T00:00:00Z');
    [friendPoints, referrerPoints] = [(await shop.summary(friend)).points, (await shop.summary(referrer)).points];
    assert.deepEqual([friendPoints.balance, friendPoints.pending], [400, 0]);
    assert.deepEqual([referrerPoints.balance, referrerPoints.pending], [500, 0]);
  });

  test('only the first order rewards; a replay of it credits nothing twice; an order of 0 rewards nothing', async () => {
    const { shop, referrer, friend } = await referred();
    const free = await shop.order(anOrder(friend, 0));
    assert.deepEqual(free.referral, null);
    const order = anOrder(friend, 10_000);
    const first = await shop.order(order);
    assert.equal(first.referral?.status, 'rewarded');
    const replay = await shop.postOrder(order);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), first, 'the replay answers what the rewarding order answered');
    await shop.order(anOrder(friend, 20_000));
    assert.equal((await shop.referralEntries(friend)).length, 1);
    assert.equal((await shop.referralEntries(referrer)).length, 1);
  });

  test('the monthly cap: past it the friend is rewarded and the referrer is not; a new month starts again', async () => {
    // 23:30 on 30 June in Shanghai, the program's time zone.
    clock.set('2027-06-30T15:30:00Z');
    const shop = await referralShop(api);
    const referrer = await shop.customer('referrer');
    const code = (await shop.referral(referrer)).code;
    const outcomes = [];
    for (let i = 0; i < REFERRALS.monthlyCap + 1; i += 1) {
      const { id: friend } = await shop.newCustomer({ referralCode: code });
      outcomes.push((await shop.order(anOrder(friend, 10_000))).referral);
      assert.equal((await shop.referralEntries(friend)).length, 1, 'every friend is rewarded');
    }
    assert.deepEqual(outcomes.at(-1), { status: 'refused', reason: 'monthly_cap' });
    assert.equal(outcomes.filter((outcome) => outcome?.status === 'rewarded').length, REFERRALS.monthlyCap);
    assert.equal((await shop.referralEntries(referrer)).length, REFERRALS.monthlyCap);

    clock.set('2027-06-30T16:00:00Z'); // midnight, 1 July, in Shanghai
    const { id: july } = await shop.newCustomer({ referralCode: code });
    assert.deepEqual((await shop.order(anOrder(july, 10_000))).referral, { status: 'rewarded', reason: null });
    assert.equal((await shop.referralEntries(referrer)).length, REFERRALS.monthlyCap + 1);
  });

  test('with referrals turned off a referral waits; turned on again, the next order rewards it', async () => {
    const { shop, referrer, friend } = await referred();
    assert.equal((await shop.call('PATCH', programSettingsPath, { referrals: null })).status, 200);
    assert.deepEqual((await shop.order(anOrder(friend, 10_000))).referral, null);
    assert.equal((await shop.call('PATCH', programSettingsPath, { referrals: REFERRALS })).status, 200);
    assert.deepEqual((await shop.order(anOrder(friend, 10_000))).referral, { status: 'rewarded', reason: null });
    assert.equal((await shop.referralEntries(referrer)).length, 1);
  });
});

describe('refunds', () => {
  test('a partial refund keeps the rewards; the refund that completes it takes both back', async () => {
    clock.set('2027-05-10T00:00:00Z');
    const { shop, referrer, friend } = await referred();
    const { order } = await shop.order(anOrder(friend, 10_000));
    await shop.refund(order.orderId, 'part', 4_000);
    assert.equal((await shop.referralEntries(friend)).length, 1);
    assert.equal((await shop.referral(referrer)).friendsRewarded, 1);

    await shop.refund(order.orderId, 'rest', 6_000);
    const [friendBack, friendCredit] = await shop.referralEntries(friend);
    const [referrerBack, referrerCredit] = await shop.referralEntries(referrer);
    assert.equal(friendBack?.kind, 'reversal');
    assert.equal(friendBack?.points, -300);
    assert.equal(friendBack?.references.reversesEntryId, friendCredit?.id);
    assert.equal(referrerBack?.points, -500);
    assert.equal(referrerBack?.references.reversesEntryId, referrerCredit?.id);
    const standing = await shop.referral(referrer);
    assert.deepEqual([standing.friendsJoined, standing.friendsRewarded, standing.pointsEarned], [1, 0, 0]);
    assert.deepEqual(
      [(await shop.summary(referrer)).points.pending, (await shop.summary(friend)).points.pending],
      [0, 0],
    );
  });

  test('a referrer’s credit that lapsed unspent is not taken back again from their other points', async () => {
    clock.set('2027-01-01T00:00:00Z');
    const shop = referralCalls(
      api,
      await ownProgram(api, { earnRate: 1, returnWindowDays: 14, referrals: REFERRALS, pointsExpiryMonths: 12 }),
    );
    const referrer = await shop.customer('referrer');
    const { id: friend } = await shop.newCustomer({ referralCode: (await shop.referral(referrer)).code });
    const { order } = await shop.order(anOrder(friend, 10_000));
    await shop.transact(referrer, { type: 'earn', points: 1_000, expiresAt: null, reason: 'points that never expire' });
    // The credit lapsed on 15 January 2028, and nothing touched the referrer since.
    clock.set('2028-03-01T00:00:00Z');
    await shop.refund(order.orderId, 'all', 10_000);
    const [taken] = await shop.referralEntries(referrer);
    assert.deepEqual([taken?.kind, taken?.points, taken?.shortfall], ['reversal', 0, null]);
    assert.equal((await shop.summary(referrer)).points.balance, 1_000);
  });

  test('points the referrer already spent are a shortfall, as the ledger takes back today', async () => {
    clock.set('2027-05-10T00:00:00Z');
    const { shop, referrer, friend } = await referred();
    const { order } = await shop.order(anOrder(friend, 10_000, { placedAt: '2027-04-01T00:00:00Z' }));
    assert.equal((await shop.summary(referrer)).points.balance, 500, 'past the return window: spendable at once');
    await shop.transact(referrer, { type: 'redeem', points: 450 });
    await shop.refund(order.orderId, 'all', 10_000);
    const [taken] = await shop.referralEntries(referrer);
    assert.deepEqual([taken?.points, taken?.shortfall], [-50, 450]);
    assert.equal((await shop.summary(referrer)).points.balance, 0);
  });
});
