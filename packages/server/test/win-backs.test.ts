import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { IDEMPOTENT_REPLAY_HEADER, rewardPaths, RewardCatalogue } from '@loyalty-elements/contract';
import { expectProblem, parseExactly } from './support/http.ts';
import { clockedServerPerFile, expectUpsert, fullHistory, transact, upsertCustomer } from './support/loyalty.ts';
import { admin, endMembershipOf, eraseCustomer, expectRecord, profileOf } from './support/members.ts';
import type { TestServer } from './support/server.ts';
import { createEndpoint, eventsFor } from './support/webhooks.ts';
import { createReward, expectWinBack, postWinBack } from './support/win-backs.ts';

// Win-backs: points or a reward given once per idempotency key, in one transaction with what they give.

describe('POST /v1/admin/customers/{id}/win-back', () => {
  let api: TestServer;
  clockedServerPerFile((started) => ({ api } = started));

  const member = async () => {
    const id = `wb-${randomUUID().slice(0, 10)}`;
    await expectUpsert(await upsertCustomer(api, id, { name: 'Win me back' }), 201);
    return id;
  };
  const spendable = async (id: string) => (await profileOf(api, id)).balance.spendable;
  const redeemedOf = async (rewardId: string) => {
    const res = await admin(api, rewardPaths.catalogue);
    return parseExactly(RewardCatalogue, await res.json()).rewards.find((r) => r.id === rewardId)!.redeemed;
  };

  test('points: a win_back entry the shopper reads, a points.earned event, and an exact replay', async () => {
    const endpoint = await createEndpoint(api, { url: 'https://receiver.invalid/hooks', events: ['points.earned'] });
    const id = await member();
    const before = await spendable(id);
    const key = randomUUID();
    const body = { points: 300, note: 'We miss you' };
    const first = await postWinBack(api, id, body, key);
    const created = await expectWinBack(first);
    assert.equal(first.headers.get(IDEMPOTENT_REPLAY_HEADER), null);
    assert.equal(created.balance, before + 300);
    assert.equal(await spendable(id), before + 300);
    const { winBack } = created;
    assert.deepEqual(
      [winBack.customerId, winBack.points, winBack.rewardId, winBack.note],
      [id, 300, null, 'We miss you'],
    );
    assert.equal(winBack.redemption, null);
    assert.equal(winBack.entry?.kind, 'win_back');
    assert.equal(winBack.entry?.type, 'adjust');
    assert.deepEqual(winBack.entry?.references, { winBackId: winBack.id });
    const [newest] = await fullHistory(api, id);
    assert.deepEqual(newest, winBack.entry);
    const events = await eventsFor(api, endpoint.id, id);
    assert.ok(
      events.some((event) => event.type === 'points.earned' && JSON.stringify(event.data).includes('"win_back"')),
      JSON.stringify(events),
    );

    const again = await postWinBack(api, id, body, key);
    assert.equal(again.headers.get(IDEMPOTENT_REPLAY_HEADER), 'true');
    assert.deepEqual(await expectWinBack(again), created);
    assert.equal(await spendable(id), before + 300, 'a replay gives nothing more');
    await expectProblem(await postWinBack(api, id, { points: 301 }, key), 422, 'idempotency_key_reused');
    await expectProblem(await postWinBack(api, await member(), body, key), 422, 'idempotency_key_reused');
  });

  test('a reward: a redemption of 0 points with its code, counted against the stock', async () => {
    const rewardId = await createReward(api, { stock: 1, pointsCost: 500 });
    const id = await member();
    const before = await spendable(id);
    const created = await expectWinBack(await postWinBack(api, id, { rewardId }));
    const { redemption } = created.winBack;
    assert.equal(redemption?.rewardId, rewardId);
    assert.equal(redemption?.pointsSpent, 0);
    assert.match(redemption?.code ?? '', /^LE-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    assert.equal(created.winBack.entry, null);
    assert.equal(created.balance, before, 'no points spent');
    assert.equal(await redeemedOf(rewardId), 1);

    const other = await member();
    await expectProblem(await postWinBack(api, other, { rewardId }), 409, 'reward_out_of_stock');
    const inactive = await createReward(api, { active: false });
    await expectProblem(await postWinBack(api, other, { rewardId: inactive }), 409, 'reward_unavailable');
    await expectProblem(await postWinBack(api, other, { rewardId: 'no-such-reward' }), 404, 'reward_not_found');
    assert.equal(await redeemedOf(rewardId), 1, 'refusals issue nothing');
  });

  test('10 parallel requests with one key give once; with ten keys, ten times', async () => {
    const id = await member();
    const before = await spendable(id);
    const key = randomUUID();
    const same = await Promise.all(Array.from({ length: 10 }, () => postWinBack(api, id, { points: 7 }, key)));
    const bodies = await Promise.all(same.map(expectWinBack));
    assert.equal(new Set(bodies.map((b) => b.winBack.id)).size, 1);
    assert.equal(same.filter((res) => res.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true').length, 9);
    assert.equal(await spendable(id), before + 7);

    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => postWinBack(api, id, { points: i + 1 })));
    const results = await Promise.all(many.map(expectWinBack));
    assert.equal(new Set(results.map((r) => r.winBack.id)).size, 10);
    assert.equal(await spendable(id), before + 7 + 55);
    const history = await fullHistory(api, id);
    assert.equal(history.filter((entry) => entry.kind === 'win_back').length, 11);

    const rewardId = await createReward(api, { stock: 3 });
    const racing = await Promise.all(
      Array.from({ length: 10 }, async () => postWinBack(api, await member(), { rewardId })),
    );
    assert.deepEqual(
      racing.map((res) => res.status).sort(),
      [201, 201, 201, 409, 409, 409, 409, 409, 409, 409],
      'never more codes than the stock',
    );
    assert.equal(await redeemedOf(rewardId), 3);
  });

  test('ended, erased and unknown customers are refused', async () => {
    const rewardId = await createReward(api);
    const ended = await member();
    await expectRecord(await endMembershipOf(api, ended, { reason: 'service' }));
    await expectProblem(await postWinBack(api, ended, { points: 10 }), 409, 'membership_ended');
    await expectProblem(await postWinBack(api, ended, { rewardId }), 409, 'membership_ended');
    const erased = await member();
    await transact(api, erased, { type: 'earn', points: 5 });
    assert.equal((await eraseCustomer(api, erased)).status, 200);
    await expectProblem(await postWinBack(api, erased, { points: 10 }), 409, 'customer_erased');
    await expectProblem(await postWinBack(api, erased, { rewardId }), 409, 'customer_erased');
    await expectProblem(await postWinBack(api, 'nobody-here', { points: 10 }), 404, 'customer_not_found');
    assert.equal(await redeemedOf(rewardId), 0);
  });

  test('hostile input is a 400 naming the field', async () => {
    const id = await member();
    const cases: Array<[unknown, string]> = [
      [{}, 'body.points'],
      [{ points: 10, rewardId: 'x' }, 'body.points'],
      [{ points: 0 }, 'body.points'],
      [{ points: 1_000_001 }, 'body.points'],
      [{ points: 1.5 }, 'body.points'],
      [{ points: '10' }, 'body.points'],
      [{ points: 10, extra: true }, 'body'],
      [{ points: 10, note: 'x'.repeat(501) }, 'body.note'],
      [{ points: 10, note: 'a\u0000b' }, 'body.note'],
      [{ rewardId: '' }, 'body.rewardId'],
      [[], 'body'],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(await postWinBack(api, id, body), 400, 'validation_failed');
      assert.ok(
        problem.errors?.some((error) => error.path === path || error.path.startsWith(`${path}.`)),
        `${JSON.stringify(body)}: ${JSON.stringify(problem.errors)}`,
      );
    }
    const before = await spendable(id);
    await expectProblem(await postWinBack(api, id, '{"points":', randomUUID()), 400, 'validation_failed');
    await expectProblem(await postWinBack(api, id, { points: 10 }, null), 400, 'idempotency_key_missing');
    assert.equal(await spendable(id), before, 'nothing refused was given');
  });
});
