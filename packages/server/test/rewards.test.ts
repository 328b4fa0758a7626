import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  CustomerRewards,
  IDEMPOTENT_REPLAY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  REDEMPTIONS_LISTED,
  RedeemResult,
  Reward,
  RewardCatalogue,
  rewardPaths,
  type CustomerReward,
  type RewardDraft,
} from '@loyalty-elements/contract';
import { REWARD_CODE_ALPHABET } from '../src/domain/redemptions.ts';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { createDemoCustomer, type TestServer } from './support/server.ts';
import { expectProblem, parseExactly, summaryOf } from './support/http.ts';
import { DAY_MS, asCustomer, clockedServerPerFile, fullHistory, transact } from './support/loyalty.ts';
import { rewardDraft } from './support/rewards.ts';

let server: TestServer;
let api: TestServer;
const clock = clockedServerPerFile((started) => ({ server, api } = started));

const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY_MS).toISOString();
const uniqueRewardId = () => `r-${randomUUID().slice(0, 13)}`;

function adminRequest(
  path: string,
  init: { method?: string; body?: unknown; secretKey?: string | null } = {},
): Promise<Response> {
  const secretKey = init.secretKey === undefined ? server.config.demoSecretKey : init.secretKey;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secretKey !== null) headers.Authorization = `Bearer ${secretKey}`;
  const body =
    init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) };
  return fetch(api.baseUrl + path, { method: init.method ?? 'GET', headers, ...body });
}

function putReward(rewardId: string, body: unknown, secretKey?: string | null): Promise<Response> {
  return adminRequest(rewardPaths.reward(rewardId), {
    method: 'PUT',
    body,
    ...(secretKey === undefined ? {} : { secretKey }),
  });
}

/** Creates (or replaces) a reward and returns it. */
async function createReward(overrides: Partial<RewardDraft> = {}, rewardId = uniqueRewardId()): Promise<Reward> {
  const res = await putReward(rewardId, rewardDraft(overrides));
  assert.ok(res.status === 201 || res.status === 200, await res.clone().text());
  return parseExactly(Reward, await res.json());
}

async function catalogue(): Promise<Reward[]> {
  const res = await adminRequest(rewardPaths.catalogue);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(RewardCatalogue, await res.json()).rewards;
}

async function catalogued(rewardId: string): Promise<Reward> {
  const reward = (await catalogue()).find((candidate) => candidate.id === rewardId);
  assert.ok(reward, `${rewardId} in the catalogue`);
  return reward;
}

async function rewardsOf(customerId: string): Promise<CustomerRewards> {
  const res = await asCustomer(api, customerId, rewardPaths.rewards);
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(CustomerRewards, await res.json());
}

async function offered(customerId: string, rewardId: string): Promise<CustomerReward | undefined> {
  return (await rewardsOf(customerId)).rewards.find((reward) => reward.id === rewardId);
}

function redeem(customerId: string, rewardId: string, idempotencyKey: string = randomUUID()): Promise<Response> {
  return asCustomer(api, customerId, rewardPaths.redeem(rewardId), { method: 'POST', idempotencyKey });
}

async function expectRedeemed(res: Response): Promise<RedeemResult> {
  assert.equal(res.status, 201, await res.clone().text());
  return parseExactly(RedeemResult, await res.json());
}

/** A new customer of the demo program holding `points` that expire in a year. */
async function customerWith(points: number): Promise<string> {
  const customerId = await createDemoCustomer(server, 'rewards');
  if (points > 0) await transact(api, customerId, { type: 'earn', points, expiresAt: inDays(365) });
  return customerId;
}

const CODE = new RegExp(`^LE-[${REWARD_CODE_ALPHABET}]{5}-[${REWARD_CODE_ALPHABET}]{5}$`);

describe('admin: the rewards catalogue', () => {
  test('PUT creates (201), then replaces (200) keeping what was redeemed; GET lists by points cost then id', async () => {
    clock.set('2026-06-01T00:00:00.000Z');
    const rewardId = uniqueRewardId();
    const body = rewardDraft({ stock: 10, availableUntil: '2026-12-31T16:00:00Z', requiredTierId: 'silver' });
    const created = await putReward(rewardId, body);
    assert.equal(created.status, 201, await created.clone().text());
    const reward = parseExactly(Reward, await created.json());
    assert.deepEqual(reward, {
      ...body,
      availableUntil: '2026-12-31T16:00:00.000Z',
      id: rewardId,
      redeemed: 0,
      createdAt: '2026-06-01T00:00:00.000Z',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });

    const customerId = await customerWith(2_000);
    await expectRedeemed(await redeem(customerId, rewardId));

    clock.set('2026-06-02T00:00:00.000Z');
    const replaced = await putReward(rewardId, { ...body, name: { en: 'Oolong trio' }, pointsCost: 150 });
    assert.equal(replaced.status, 200, await replaced.clone().text());
    const after = parseExactly(Reward, await replaced.json());
    assert.deepEqual(after.name, { en: 'Oolong trio' });
    assert.equal(after.pointsCost, 150);
    assert.equal(after.redeemed, 1, 'replacing keeps the count of codes issued');
    assert.equal(after.stock, 10);
    assert.equal(after.createdAt, '2026-06-01T00:00:00.000Z');
    assert.equal(after.updatedAt, '2026-06-02T00:00:00.000Z');
    assert.deepEqual(await catalogued(rewardId), after);

    const listed = await catalogue();
    const order = [...listed].sort((a, b) => a.pointsCost - b.pointsCost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    assert.deepEqual(
      listed.map((r) => r.id),
      order.map((r) => r.id),
    );
    for (const seeded of DEMO_SEED.rewards)
      assert.ok(
        listed.some((r) => r.id === seeded.id),
        seeded.id,
      );
  });

  test('refuses invalid rewards with validation_failed and the field paths', async () => {
    const rewardId = uniqueRewardId();
    const invalid = await expectProblem(
      await putReward(rewardId, { ...rewardDraft({ pointsCost: 0, validityDays: 0 }), name: undefined, stock: -1 }),
      400,
      'validation_failed',
    );
    assert.deepEqual(invalid.errors?.map((error) => error.path).sort(), [
      'body.name',
      'body.pointsCost',
      'body.stock',
      'body.validityDays',
    ]);

    const unknownTier = await expectProblem(
      await putReward(
        rewardId,
        rewardDraft({
          requiredTierId: 'platinum',
          availableFrom: '2026-07-01T00:00:00Z',
          availableUntil: '2026-06-01T00:00:00Z',
          name: { en: ' ' },
        }),
      ),
      400,
      'validation_failed',
    );
    assert.deepEqual(unknownTier.errors?.map((error) => error.path).sort(), [
      'body.availableUntil',
      'body.name',
      'body.requiredTierId',
    ]);
    assert.match(unknownTier.errors?.find((e) => e.path === 'body.requiredTierId')?.message ?? '', /gold/);

    const badId = await expectProblem(await putReward('Free Tea!', rewardDraft()), 400, 'validation_failed');
    assert.deepEqual(
      badId.errors?.map((error) => error.path),
      ['path.rewardId'],
    );
    await expectProblem(await putReward(rewardId, '{"name":'), 400, 'validation_failed');
    assert.equal(
      (await catalogue()).some((reward) => reward.id === rewardId),
      false,
      'nothing was written',
    );
  });

  test('needs the secret key', async () => {
    await expectProblem(await adminRequest(rewardPaths.catalogue, { secretKey: null }), 401, 'secret_key_invalid');
    await expectProblem(await putReward(uniqueRewardId(), rewardDraft(), null), 401, 'secret_key_invalid');
    await expectProblem(
      await putReward(uniqueRewardId(), rewardDraft(), server.config.demoPublishableKey),
      401,
      'secret_key_invalid',
    );
  });
});

describe('GET /v1/me/rewards', () => {
  const seededIds = new Set<string>(DEMO_SEED.rewards.map((reward) => reward.id));
  const seededView = async (customerId: string) => {
    const view = await rewardsOf(customerId);
    const rewards = view.rewards.filter((reward) => seededIds.has(reward.id));
    return {
      balance: view.balance,
      locks: Object.fromEntries(rewards.map((r) => [r.id, [r.lockedBy, r.pointsNeeded]])),
    };
  };

  test('shows the demo shoppers what they can afford and what locks the rest', async () => {
    assert.deepEqual(await seededView('demo-shopper'), {
      balance: 2_900,
      locks: {
        'free-jasmine-tea': [null, 0],
        'free-express-shipping': ['tier', 0],
        'ten-percent-off': [null, 0],
        'da-hong-pao-gift-tin': ['points', 600],
        'private-tasting': ['tier', 5_100],
      },
    });
    assert.deepEqual((await seededView('demo-new')).locks, {
      'free-jasmine-tea': ['points', 300],
      'free-express-shipping': ['tier', 800],
      'ten-percent-off': ['points', 1_000],
      'da-hong-pao-gift-tin': ['points', 3_500],
      'private-tasting': ['tier', 8_000],
    });
    assert.deepEqual((await seededView('demo-gold')).locks['free-express-shipping'], [null, 0]);
    assert.deepEqual((await seededView('demo-gold')).locks['private-tasting'], ['tier', 3_700]);
    assert.deepEqual((await seededView('demo-diamond')).locks['private-tasting'], [null, 0]);

    const view = await rewardsOf('demo-shopper');
    const shipping = view.rewards.find((reward) => reward.id === 'free-express-shipping');
    const gold = DEMO_SEED.tiers.find((tier) => tier.id === 'gold');
    assert.deepEqual(shipping?.requiredTier, { id: 'gold', name: gold?.name });
    assert.equal(view.rewards.find((reward) => reward.id === 'da-hong-pao-gift-tin')?.stock, 5);
    const costs = view.rewards.map((reward) => [reward.pointsCost, reward.id] as const);
    assert.deepEqual(
      costs,
      [...costs].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)),
      'by points cost then id',
    );
  });

  test('locks by tier first, then stock, then points', async () => {
    const rewardId = (await createReward({ requiredTierId: 'gold', stock: 0, pointsCost: 50_000 })).id;
    const silver = await customerWith(1_000);
    const gold = await customerWith(6_000);
    assert.equal((await offered(silver, rewardId))?.lockedBy, 'tier');
    assert.equal((await offered(gold, rewardId))?.lockedBy, 'out_of_stock');
    await createReward({ requiredTierId: 'gold', stock: 1, pointsCost: 50_000 }, rewardId);
    assert.deepEqual(
      {
        lockedBy: (await offered(gold, rewardId))?.lockedBy,
        pointsNeeded: (await offered(gold, rewardId))?.pointsNeeded,
      },
      { lockedBy: 'points', pointsNeeded: 44_000 },
    );
  });

  test('hides inactive rewards and those outside their window, and refuses to redeem them', async () => {
    clock.set('2026-06-01T00:00:00.000Z');
    const customerId = await customerWith(1_000);
    const inactive = await createReward({ active: false });
    const later = await createReward({ availableFrom: '2026-06-10T00:00:00Z', availableUntil: '2026-06-20T00:00:00Z' });

    const ids = async () => (await rewardsOf(customerId)).rewards.map((reward) => reward.id);
    assert.equal((await ids()).includes(inactive.id), false);
    assert.equal((await ids()).includes(later.id), false);
    await expectProblem(await redeem(customerId, inactive.id), 409, 'reward_unavailable');
    await expectProblem(await redeem(customerId, later.id), 409, 'reward_unavailable');

    clock.set('2026-06-10T00:00:00.000Z'); // the window opens at its first instant
    assert.equal((await offered(customerId, later.id))?.availableUntil, '2026-06-20T00:00:00.000Z');
    await expectRedeemed(await redeem(customerId, later.id));

    clock.set('2026-06-20T00:00:00.000Z'); // and is closed at its last
    assert.equal((await ids()).includes(later.id), false);
    await expectProblem(await redeem(customerId, later.id), 409, 'reward_unavailable');
    assert.equal((await summaryOf(api, customerId)).points.balance, 900, 'only the redemption inside the window');
  });

  test('answers 304 to a matching If-None-Match, and a new ETag after a redemption', async () => {
    const customerId = await customerWith(500);
    const first = await asCustomer(api, customerId, rewardPaths.rewards);
    assert.equal(first.status, 200);
    await first.body?.cancel();
    const etag = first.headers.get('etag');
    assert.ok(etag, 'ETag header');
    assert.equal(first.headers.get('cache-control'), 'private, no-cache');
    assert.match(first.headers.get('vary') ?? '', new RegExp(PUBLISHABLE_KEY_HEADER, 'i'));

    const same = await asCustomer(api, customerId, rewardPaths.rewards, { headers: { 'If-None-Match': etag } });
    assert.equal(same.status, 304);

    await expectRedeemed(await redeem(customerId, 'free-jasmine-tea'));
    const changed = await asCustomer(api, customerId, rewardPaths.rewards, { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.equal(parseExactly(CustomerRewards, await changed.json()).redemptions.length, 1);
  });

  test('needs a customer token and the publishable key', async () => {
    const noToken = await fetch(api.baseUrl + rewardPaths.rewards, {
      headers: { [PUBLISHABLE_KEY_HEADER]: server.config.demoPublishableKey },
    });
    await expectProblem(noToken, 401, 'token_missing');
    const noKey = await asCustomer(api, 'demo-shopper', rewardPaths.rewards, {
      headers: { [PUBLISHABLE_KEY_HEADER]: 'pk_unknown' },
    });
    await expectProblem(noKey, 401, 'publishable_key_invalid');
  });
});

describe('POST /v1/me/rewards/{rewardId}/redeem', () => {
  test('spends the soonest-expiring points, issues a code valid for validityDays and lists it', async () => {
    clock.set('2026-03-01T08:00:00.000Z');
    const customerId = await createDemoCustomer(server, 'rewards');
    const late = inDays(300);
    const soon = inDays(30);
    await transact(api, customerId, { type: 'earn', points: 500, expiresAt: late });
    await transact(api, customerId, { type: 'earn', points: 500, expiresAt: soon });
    const rewardId = (await createReward({ pointsCost: 600, validityDays: 14 })).id;

    const res = await redeem(customerId, rewardId);
    assert.equal(res.headers.get(IDEMPOTENT_REPLAY_HEADER), null);
    const result = await expectRedeemed(res);
    assert.match(result.redemption.code, CODE);
    assert.deepEqual(
      { ...result.redemption, id: undefined, code: undefined },
      {
        id: undefined,
        code: undefined,
        rewardId,
        rewardName: rewardDraft().name,
        pointsSpent: 600,
        redeemedAt: '2026-03-01T08:00:00.000Z',
        expiresAt: '2026-03-15T08:00:00.000Z',
      },
    );
    assert.equal(result.entry.type, 'redeem');
    assert.equal(result.entry.points, -600);
    assert.equal(result.entry.balanceAfter, 400);
    assert.equal(result.balance, 400);

    const summary = await summaryOf(api, customerId);
    assert.equal(summary.points.balance, 400);
    assert.deepEqual(summary.points.expiring, [{ points: 400, expiresAt: late }], 'the 500 expiring soon went first');
    assert.deepEqual((await fullHistory(api, customerId))[0], result.entry);

    const view = await rewardsOf(customerId);
    assert.equal(view.balance, 400);
    assert.deepEqual(view.redemptions, [result.redemption]);
    assert.equal((await catalogued(rewardId)).redeemed, 1);
  });

  test('a code without validityDays never expires; the ledger reason is the name in the shopper’s language', async () => {
    const customerId = await customerWith(300);
    await server.db.query('UPDATE customers SET locale = $2 WHERE id = $1', [customerId, 'zh-CN']);
    const rewardId = (await createReward({ validityDays: null })).id;
    const result = await expectRedeemed(await redeem(customerId, rewardId));
    assert.equal(result.redemption.expiresAt, null);
    assert.equal(result.entry.reason, rewardDraft().name['zh-CN']);
  });

  test('replaying the key answers the same redemption and spends once; another reward under it is refused', async () => {
    const customerId = await customerWith(1_000);
    const rewardId = (await createReward({ pointsCost: 300, stock: 5 })).id;
    const other = (await createReward({ pointsCost: 300 })).id;
    const key = randomUUID();

    const first = await expectRedeemed(await redeem(customerId, rewardId, key));
    const replays = await Promise.all(Array.from({ length: 5 }, () => redeem(customerId, rewardId, key)));
    for (const replay of replays) {
      assert.equal(replay.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
      assert.deepEqual(await expectRedeemed(replay), first);
    }
    await expectProblem(await redeem(customerId, other, key), 422, 'idempotency_key_reused');

    assert.equal((await summaryOf(api, customerId)).points.balance, 700);
    assert.equal((await rewardsOf(customerId)).redemptions.length, 1);
    assert.equal((await catalogued(rewardId)).redeemed, 1);
    assert.equal((await catalogued(other)).redeemed, 0);

    const missing = await asCustomer(api, customerId, rewardPaths.redeem(rewardId), { method: 'POST' });
    await expectProblem(missing, 400, 'idempotency_key_missing');
  });

  test('never oversells: stock 3, ten shoppers at once, exactly three codes', async () => {
    const rewardId = (await createReward({ pointsCost: 200, stock: 3 })).id;
    const customers = await Promise.all(Array.from({ length: 10 }, () => customerWith(500)));
    const responses = await Promise.all(customers.map((customerId) => redeem(customerId, rewardId)));

    const won = responses.filter((res) => res.status === 201);
    assert.equal(won.length, 3);
    const codes = new Set<string>();
    for (const res of won) codes.add((await expectRedeemed(res)).redemption.code);
    assert.equal(codes.size, 3, 'every code is different');
    for (const res of responses.filter((r) => r.status !== 201)) await expectProblem(res, 409, 'reward_out_of_stock');

    assert.equal((await catalogued(rewardId)).redeemed, 3);
    const balances = await Promise.all(customers.map(async (id) => (await summaryOf(api, id)).points.balance));
    assert.deepEqual(
      balances.sort((a, b) => a - b),
      [300, 300, 300, 500, 500, 500, 500, 500, 500, 500],
      'only the three winners paid',
    );
    const late = customers[0]!;
    assert.deepEqual(
      { stock: (await offered(late, rewardId))?.stock, lockedBy: (await offered(late, rewardId))?.lockedBy },
      { stock: 0, lockedBy: 'out_of_stock' },
    );

    // Stock counts every code issued: raising it to 4 lets exactly one more through.
    await createReward({ pointsCost: 200, stock: 4 }, rewardId);
    const losers = customers.filter((_, i) => responses[i]?.status !== 201);
    const second = await Promise.all(losers.slice(0, 3).map((customerId) => redeem(customerId, rewardId)));
    assert.deepEqual(second.map((res) => res.status).sort(), [201, 409, 409]);
    for (const res of second) await res.body?.cancel();
    assert.equal((await catalogued(rewardId)).redeemed, 4);
  });

  test('never overdraws: ten redemptions at once on a balance that covers one', async () => {
    const customerId = await customerWith(1_000);
    const rewardId = (await createReward({ pointsCost: 600 })).id;
    const responses = await Promise.all(Array.from({ length: 10 }, () => redeem(customerId, rewardId)));
    assert.equal(responses.filter((res) => res.status === 201).length, 1);
    for (const res of responses) {
      if (res.status === 201) await res.body?.cancel();
      else assert.match((await expectProblem(res, 409, 'insufficient_points')).detail ?? '', /600.*400/);
    }
    assert.equal((await summaryOf(api, customerId)).points.balance, 400);
    assert.equal((await catalogued(rewardId)).redeemed, 1, 'refusals take no stock');
    const [row] = await server.db.query<{ negative: unknown }>(
      'SELECT count(*) AS negative FROM point_batches WHERE customer_id = $1 AND remaining < 0',
      [customerId],
    );
    assert.equal(Number(row?.negative), 0);
  });

  test('a tier reward needs that tier or a higher one', async () => {
    const rewardId = (await createReward({ requiredTierId: 'gold', pointsCost: 100 })).id;
    const customerId = await customerWith(1_000); // Silver
    const refused = await expectProblem(await redeem(customerId, rewardId), 409, 'reward_tier_required');
    assert.match(refused.detail ?? '', /gold/);
    assert.equal((await summaryOf(api, customerId)).points.balance, 1_000);

    await transact(api, customerId, { type: 'earn', points: 4_000, expiresAt: inDays(365) }); // Gold
    await expectRedeemed(await redeem(customerId, rewardId));
    const diamond = await customerWith(20_000);
    await expectRedeemed(await redeem(diamond, rewardId));
  });

  test('refuses an unknown reward (404) and a malformed id (400)', async () => {
    const customerId = await customerWith(100);
    await expectProblem(await redeem(customerId, 'no-such-reward'), 404, 'reward_not_found');
    const malformed = await expectProblem(await redeem(customerId, 'Free Tea!'), 400, 'validation_failed');
    assert.deepEqual(
      malformed.errors?.map((error) => error.path),
      ['path.rewardId'],
    );
    assert.equal((await summaryOf(api, customerId)).points.balance, 100);
  });

  test(`lists the latest ${REDEMPTIONS_LISTED} redemptions, newest first`, async () => {
    const customerId = await customerWith(100);
    const rewardId = (await createReward({ pointsCost: 1 })).id;
    const codes: string[] = [];
    for (let i = 0; i < REDEMPTIONS_LISTED + 2; i++) {
      codes.push((await expectRedeemed(await redeem(customerId, rewardId))).redemption.code);
    }
    const view = await rewardsOf(customerId);
    assert.deepEqual(
      view.redemptions.map((redemption) => redemption.code),
      codes.reverse().slice(0, REDEMPTIONS_LISTED),
    );
    assert.equal(view.balance, 100 - REDEMPTIONS_LISTED - 2);
  });
});
