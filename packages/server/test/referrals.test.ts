import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memberPaths, paths, programSettingsPath, ProgramSettings, REFERRALS_OFF } from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { expectInvalid, expectProblem, parseExactly } from './support/http.ts';
import { anOrder } from './support/orders.ts';
import { REFERRALS, referralShop } from './support/referrals.ts';
import type { TestServer } from './support/server.ts';

// The referral program's settings, the shopper's code and link, and the guards on being referred.

let api: TestServer;
clockedServerPerFile((started) => (api = started.api));

const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

describe('referral settings', () => {
  test('none by default; PATCH sets them and GET reads them back; the demo program has them on', async () => {
    const shop = await referralShop(api, null);
    const read = async () => {
      const res = await shop.call('GET', programSettingsPath);
      assert.equal(res.status, 200);
      return parseExactly(ProgramSettings, await res.json()).referrals;
    };
    assert.equal(await read(), null);
    const res = await shop.call('PATCH', programSettingsPath, { referrals: REFERRALS });
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(await read(), REFERRALS);

    const demo = await fetch(api.baseUrl + programSettingsPath, {
      headers: { Authorization: `Bearer ${api.config.demoSecretKey}` },
    });
    assert.deepEqual(parseExactly(ProgramSettings, await demo.json()).referrals, DEMO_SEED.program.referrals);
  });

  test('out-of-range amounts and a landing URL that is not https are 400 naming the field', async () => {
    const shop = await referralShop(api, null);
    const cases: Array<[unknown, string]> = [
      [{ ...REFERRALS, referrerPoints: 1_000_001 }, 'body.referrals.referrerPoints'],
      [{ ...REFERRALS, friendPoints: -1 }, 'body.referrals.friendPoints'],
      [{ ...REFERRALS, monthlyCap: 0 }, 'body.referrals.monthlyCap'],
      [{ ...REFERRALS, monthlyCap: 1_001 }, 'body.referrals.monthlyCap'],
      [{ ...REFERRALS, landingUrl: 'ftp://shop.example/' }, 'body.referrals.landingUrl'],
      [{ ...REFERRALS, landingUrl: 'http://shop.example/' }, 'body.referrals.landingUrl'],
      [{ ...REFERRALS, landingUrl: 'x'.repeat(60_000) }, 'body.referrals.landingUrl'],
      [{ ...REFERRALS, extra: 1 }, 'body.referrals'],
    ];
    for (const [referrals, path] of cases) {
      await expectInvalid(await shop.call('PATCH', programSettingsPath, { referrals }), path);
    }
  });
});

describe('GET /v1/me/referral', () => {
  test('a program without referrals answers enabled: false and makes no code', async () => {
    const shop = await referralShop(api, null);
    const shopper = await shop.customer();
    assert.deepEqual(await shop.referral(shopper), REFERRALS_OFF);
    const [row] = await api.db.query('SELECT 1 FROM referral_codes WHERE customer_id = $1', [shopper]);
    assert.equal(row, undefined);
  });

  test('the code is made on first read and kept; the link adds ref=<code> to the landing URL; ETag and 304', async () => {
    const shop = await referralShop(api);
    const shopper = await shop.customer();
    const first = await shop.readReferral(shopper);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'private, no-cache');
    const referral = await shop.referral(shopper);
    assert.match(referral.code ?? '', CODE);
    assert.equal(referral.link, `https://shop.example/join?utm_source=referral&ref=${referral.code}`);
    assert.deepEqual(
      { ...referral, code: null, link: null },
      {
        enabled: true,
        code: null,
        link: null,
        referrerPoints: 500,
        friendPoints: 300,
        friendsJoined: 0,
        friendsRewarded: 0,
        pointsEarned: 0,
      },
    );
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal((await shop.readReferral(shopper, { 'If-None-Match': etag })).status, 304);
  });

  test('ten first reads at once make one code', async () => {
    const shop = await referralShop(api);
    const shopper = await shop.customer();
    const reads = await Promise.all(Array.from({ length: 10 }, () => shop.referral(shopper)));
    assert.equal(new Set(reads.map((read) => read.code)).size, 1);
    const rows = await api.db.query('SELECT code FROM referral_codes WHERE customer_id = $1', [shopper]);
    assert.equal(rows.length, 1);
  });
});

describe('being referred', () => {
  test('a new customer with a code: pending; lower case, spaces and hyphens are read as the code', async () => {
    const shop = await referralShop(api);
    const referrer = await shop.customer();
    const code = (await shop.referral(referrer)).code!;
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()} `;
    const { result } = await shop.newCustomer({ referralCode: typed });
    assert.deepEqual(result.referral, { status: 'pending', reason: null });
    assert.equal((await shop.referral(referrer)).friendsJoined, 1);
  });

  test('an unknown code, or one too long, is 400 naming body.referralCode and nothing is written', async () => {
    const shop = await referralShop(api);
    const shopper = await shop.customer();
    for (const referralCode of ['ZZZZZZZZ', 'not a code', 'x'.repeat(60_000)]) {
      const res = await shop.putNew({ referralCode }, `unknown-${shopper}`);
      await expectInvalid(res, 'body.referralCode');
      await expectProblem(await shop.call('GET', paths.customer(`unknown-${shopper}`)), 404, 'customer_not_found');
      const order = anOrder(shopper, 10_000, { referralCode });
      await expectInvalid(await shop.postOrder(order), 'body.referralCode');
      await expectProblem(await shop.getOrder(order.orderId), 404, 'order_not_found');
    }
  });

  test('the shopper’s own code, or a referrer with the same e-mail: refused with the reason; the order stands', async () => {
    const shop = await referralShop(api);
    const self = await shop.customer();
    const ownCode = (await shop.referral(self)).code!;
    const result = await shop.order(anOrder(self, 10_000, { referralCode: ownCode }));
    assert.deepEqual(result.referral, { status: 'refused', reason: 'self_referral' });
    assert.equal(result.order.referralCode, ownCode);
    assert.deepEqual(await shop.referralEntries(self), []);

    const twin = await shop.newCustomer({ email: 'Twin@Example.com' });
    const { result: friend } = await shop.newCustomer({
      email: 'twin@example.com',
      referralCode: (await shop.referral(twin.id)).code,
    });
    assert.deepEqual(friend.referral, { status: 'refused', reason: 'same_email' });
    assert.equal((await shop.referral(twin.id)).friendsJoined, 0);
  });

  test('the code of a referrer whose membership ended, or who was erased: refused, referrer_inactive', async () => {
    const shop = await referralShop(api);
    const ended = await shop.customer();
    const erased = await shop.customer();
    const endedCode = (await shop.referral(ended)).code;
    const erasedCode = (await shop.referral(erased)).code;
    assert.equal((await shop.call('POST', memberPaths.membershipEnd(ended), { reason: 'price' })).status, 200);
    assert.equal((await shop.call('DELETE', paths.customer(erased))).status, 200);
    for (const referralCode of [endedCode, erasedCode]) {
      const { id, result } = await shop.newCustomer({ referralCode });
      assert.deepEqual(result.referral, { status: 'refused', reason: 'referrer_inactive' });
      const order = await shop.order(anOrder(id, 10_000));
      assert.deepEqual(order.referral, null, 'a refused referral is not the order’s');
      assert.deepEqual(await shop.referralEntries(id), []);
    }
  });

  test('a second code is ignored: the first referral stands and its referrer is the one rewarded', async () => {
    const shop = await referralShop(api);
    const first = await shop.customer();
    const second = await shop.customer();
    const { id: friend } = await shop.newCustomer({ referralCode: (await shop.referral(first)).code });
    const order = await shop.order(anOrder(friend, 10_000, { referralCode: (await shop.referral(second)).code! }));
    assert.deepEqual(order.referral, { status: 'rewarded', reason: null });
    assert.equal((await shop.referralEntries(first)).length, 1);
    assert.deepEqual(await shop.referralEntries(second), []);
    assert.equal((await shop.referral(second)).friendsJoined, 0);
  });
});
