import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OrderResult } from '@loyalty-elements/contract';
import { clockedServerPerFile } from './support/loyalty.ts';
import { parseExactly } from './support/http.ts';
import { anOrder, statusesOf } from './support/orders.ts';
import { REFERRALS, referralShop } from './support/referrals.ts';
import type { TestServer } from './support/server.ts';

// Referral rewards under requests sent at once: each side rewarded once per friend, the cap exact.

let api: TestServer;
clockedServerPerFile((started) => (api = started.api));

describe('referral rewards at once', () => {
  test('ten different first orders of one friend at once reward each side exactly once', async () => {
    const shop = await referralShop(api);
    const referrer = await shop.customer('referrer');
    const { id: friend } = await shop.newCustomer({ referralCode: (await shop.referral(referrer)).code });
    const answers = await Promise.all(Array.from({ length: 10 }, () => shop.postOrder(anOrder(friend, 10_000))));
    assert.deepEqual(statusesOf(answers), Array<number>(10).fill(201));
    const outcomes = await Promise.all(
      answers.map(async (res) => parseExactly(OrderResult, await res.json()).referral),
    );
    assert.equal(outcomes.filter((outcome) => outcome?.status === 'rewarded').length, 1);
    assert.equal((await shop.referralEntries(friend)).length, 1);
    assert.equal((await shop.referralEntries(referrer)).length, 1);
  });

  test('ten friends of one referrer ordering at once with a cap of 3: exactly 3 referrer rewards', async () => {
    const shop = await referralShop(api, { ...REFERRALS, monthlyCap: 3 });
    const referrer = await shop.customer('referrer');
    const code = (await shop.referral(referrer)).code;
    const friends = await Promise.all(Array.from({ length: 10 }, () => shop.newCustomer({ referralCode: code })));
    const answers = await Promise.all(friends.map(({ id }) => shop.postOrder(anOrder(id, 10_000))));
    assert.deepEqual(statusesOf(answers), Array<number>(10).fill(201));
    assert.equal((await shop.referralEntries(referrer)).length, 3);
    for (const { id } of friends) assert.equal((await shop.referralEntries(id)).length, 1);
    const standing = await shop.referral(referrer);
    assert.deepEqual([standing.friendsJoined, standing.friendsRewarded, standing.pointsEarned], [10, 3, 1_500]);
  });

  test('the same first order sent ten times at once credits once', async () => {
    const shop = await referralShop(api);
    const referrer = await shop.customer('referrer');
    const order = async () => {
      const { id } = await shop.newCustomer({ referralCode: (await shop.referral(referrer)).code });
      return anOrder(id, 10_000);
    };
    const request = await order();
    const answers = await Promise.all(Array.from({ length: 10 }, () => shop.postOrder(request)));
    assert.deepEqual(statusesOf(answers), [...Array<number>(9).fill(200), 201]);
    assert.equal((await shop.referralEntries(request.customerId)).length, 1);
    assert.equal((await shop.referralEntries(referrer)).length, 1);
  });

  test('a friend’s first order and the referrer’s own order at once never deadlock', async () => {
    const shop = await referralShop(api);
    const referrer = await shop.customer('referrer');
    const friends = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await shop.newCustomer({ referralCode: (await shop.referral(referrer)).code })).id,
      ),
    );
    const answers = await Promise.all([
      ...friends.map((id) => shop.postOrder(anOrder(id, 10_000))),
      ...friends.map(() => shop.postOrder(anOrder(referrer, 1_000))),
    ]);
    assert.deepEqual(statusesOf(answers), Array<number>(10).fill(201));
  });
});
