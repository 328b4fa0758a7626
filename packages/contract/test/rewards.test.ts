import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CustomerRewards,
  CREATE_ONLY_HEADERS,
  IDEMPOTENCY_KEY_HEADER,
  MAX_REWARD_VALIDITY_DAYS,
  PROBLEM_CODES,
  RedeemResult,
  Reward,
  RewardDraft,
  RewardId,
  rewardPaths,
} from '../src/index.ts';
import { buildOpenApiDocument } from '../src/openapi.ts';

const draft = {
  name: { en: 'A free pot of jasmine tea', 'zh-CN': '免费茉莉花茶一壶' },
  description: { en: 'Any size.', 'zh-CN': '任意规格。' },
  pointsCost: 300,
  requiredTierId: null,
  stock: 5,
  validityDays: 30,
  availableFrom: '2026-06-01T00:00:00.000Z',
  availableUntil: null,
  active: true,
};

const redemption = {
  id: '0b6f0f52-3f0e-4a5e-9c55-6a8f1f1b2c3d',
  rewardId: 'free-jasmine-tea',
  rewardName: draft.name,
  pointsSpent: 300,
  code: 'LE-7KQ2M-XH94D',
  redeemedAt: '2026-06-03T08:00:00.000Z',
  expiresAt: '2026-07-03T08:00:00.000Z',
};

describe('RewardId', () => {
  it('takes lowercase letters, digits, "_" and "-", up to 64', () => {
    for (const id of ['free-jasmine-tea', 'r_1', '0', 'a'.repeat(64)])
      assert.equal(RewardId.safeParse(id).success, true);
    for (const id of ['', 'Free-Tea', '-tea', 'tea pot', 'a'.repeat(65), 'tea/pot'])
      assert.equal(RewardId.safeParse(id).success, false, id);
  });
});

describe('RewardDraft', () => {
  it('accepts a reward, with null meaning unlimited stock, no expiry and an open window', () => {
    assert.deepEqual(RewardDraft.parse(draft), draft);
    const open = { ...draft, stock: null, validityDays: null, availableFrom: null, requiredTierId: 'gold' };
    assert.deepEqual(RewardDraft.parse(open), open);
  });

  it('names each bad field', () => {
    const result = RewardDraft.safeParse({
      ...draft,
      pointsCost: 0,
      stock: -1,
      validityDays: MAX_REWARD_VALIDITY_DAYS + 1,
      availableUntil: 'next week',
      active: 'yes',
    });
    assert.deepEqual(result.error?.issues.map((issue) => issue.path.join('.')).sort(), [
      'active',
      'availableUntil',
      'pointsCost',
      'stock',
      'validityDays',
    ]);
    const { requiredTierId: _left, ...withoutTier } = draft;
    assert.equal(RewardDraft.safeParse(withoutTier).success, false, 'every field is given, null when unset');
  });

  it('a catalogue Reward adds its id, redeemed count and times', () => {
    const reward = {
      ...draft,
      id: 'free-jasmine-tea',
      redeemed: 2,
      createdAt: '2026-06-01T00:00:00.000Z',
      updatedAt: '2026-06-02T00:00:00.000Z',
    };
    assert.deepEqual(Reward.parse(reward), reward);
    assert.equal(Reward.safeParse({ ...reward, redeemed: -1 }).success, false);
  });
});

describe('CustomerRewards', () => {
  const view = {
    balance: 2_900,
    rewards: [
      {
        id: 'free-express-shipping',
        name: { en: 'Free express shipping' },
        description: { en: 'Next-day delivery.' },
        pointsCost: 800,
        requiredTier: { id: 'gold', name: { en: 'Gold', 'zh-CN': '金卡' } },
        stock: null,
        validityDays: 90,
        availableUntil: null,
        lockedBy: 'tier',
        pointsNeeded: 0,
      },
    ],
    redemptions: [redemption],
  };

  it('accepts what a shopper sees', () => {
    assert.deepEqual(CustomerRewards.parse(view), view);
  });

  it('knows three locks and never a negative shortfall', () => {
    for (const lockedBy of ['tier', 'out_of_stock', 'points', null]) {
      const rewards = [{ ...view.rewards[0], lockedBy }];
      assert.equal(CustomerRewards.safeParse({ ...view, rewards }).success, true, String(lockedBy));
    }
    const expired = [{ ...view.rewards[0], lockedBy: 'expired' }];
    assert.equal(CustomerRewards.safeParse({ ...view, rewards: expired }).success, false);
    const negative = [{ ...view.rewards[0], pointsNeeded: -100 }];
    assert.equal(CustomerRewards.safeParse({ ...view, rewards: negative }).success, false);
  });
});

describe('RedeemResult', () => {
  it('carries the redemption, its redeem entry and the balance after', () => {
    const result = {
      redemption,
      entry: {
        id: 'e1',
        type: 'redeem',
        kind: 'redemption',
        references: { rewardId: redemption.rewardId, rewardName: redemption.rewardName },
        points: -300,
        shortfall: null,
        reason: 'A free pot of jasmine tea',
        createdAt: redemption.redeemedAt,
        expiresAt: null,
        pendingUntil: null,
        spend: null,
        balanceAfter: 2_600,
      },
      balance: 2_600,
    };
    assert.deepEqual(RedeemResult.parse(result), result);
    assert.equal(RedeemResult.safeParse({ ...result, redemption: { ...redemption, code: 'LE' } }).success, false);
  });
});

describe('rewards in the problem codes and the OpenAPI document', () => {
  it('lists the reward refusals', () => {
    for (const code of [
      'reward_not_found',
      'reward_unavailable',
      'reward_tier_required',
      'reward_out_of_stock',
      'insufficient_points',
      'reward_exists',
    ]) {
      assert.ok((PROBLEM_CODES as readonly string[]).includes(code), code);
    }
  });

  it('describes the four reward operations; redeeming needs an idempotency key', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string }> }>>;
    };
    const at = (path: string) => document.paths[path.replace(/:(\w+)/g, '{$1}')];
    assert.equal(at(rewardPaths.rewards)?.get?.operationId, 'getRewards');
    assert.equal(at(rewardPaths.catalogue)?.get?.operationId, 'listRewardCatalogue');
    assert.equal(at(rewardPaths.rewardPattern)?.put?.operationId, 'putReward');
    const redeem = at(rewardPaths.redeemPattern)?.post;
    assert.equal(redeem?.operationId, 'redeemReward');
    assert.deepEqual(redeem?.parameters.map((parameter) => parameter.name).sort(), [
      IDEMPOTENCY_KEY_HEADER,
      'rewardId',
    ]);
  });

  it('documents the create-only PUT of a reward: If-None-Match: *, and 412 reward_exists', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters: Array<{ name: string; in: string; description?: string }>;
            responses: Record<string, { description: string }>;
          }
        >
      >;
    };
    const put = document.paths[rewardPaths.rewardPattern.replace(/:(\w+)/g, '{$1}')]?.put;
    const header = put?.parameters.find((parameter) => parameter.name === Object.keys(CREATE_ONLY_HEADERS)[0]);
    assert.equal(header?.in, 'header');
    assert.match(header?.description ?? '', /`\*`: create only.*412/);
    assert.match(put?.responses['412']?.description ?? '', /reward_exists/);
  });
});
