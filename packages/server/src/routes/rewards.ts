import type { Hono } from 'hono';
import { IDEMPOTENT_REPLAY_HEADER, PUBLISHABLE_KEY_HEADER, RewardId, rewardPaths } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { customerRewards, redeemReward } from '../domain/rewards.ts';
import { ProblemError } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { conditionalJson, customerIdempotencyKey, readIdempotencyKey, signedInCustomer } from './request.ts';

const CUSTOMER_GONE = 'The customer token names a customer this program does not have.';

/** `GET /v1/me/rewards` and `POST /v1/me/rewards/{rewardId}/redeem`. */
export function rewardsRoutes(app: Hono, context: AppContext): void {
  const { db } = context;

  app.get(rewardPaths.rewards, async (c) => {
    const { program, customer } = await signedInCustomer(c, context);
    const rewards = await customerRewards(db, program, customer.id, context.now());
    return conditionalJson(c, rewards, 'private, no-cache', `Authorization, ${PUBLISHABLE_KEY_HEADER}`);
  });

  app.post(rewardPaths.redeemPattern, async (c) => {
    const { program, customer } = await signedInCustomer(c, context);
    const rewardId = parseOrThrow(RewardId, c.req.param('rewardId'), 'path.rewardId');
    const key = customerIdempotencyKey(customer.id, readIdempotencyKey(c));
    const outcome = await redeemReward(db, program, customer.id, rewardId, key, context.now());
    switch (outcome.kind) {
      case 'created':
        return c.json(outcome.result, 201);
      case 'replayed':
        c.header(IDEMPOTENT_REPLAY_HEADER, 'true');
        return c.json(outcome.result, 201);
      case 'customer_not_found':
        throw new ProblemError(401, 'customer_not_found', CUSTOMER_GONE);
      case 'reward_not_found':
        throw new ProblemError(404, 'reward_not_found', `No reward "${rewardId}" in this program.`);
      case 'reward_unavailable':
        throw new ProblemError(409, 'reward_unavailable', `The reward "${rewardId}" is not on offer now.`);
      case 'reward_tier_required':
        throw new ProblemError(
          409,
          'reward_tier_required',
          `The reward "${rewardId}" needs tier "${outcome.requiredTier.id}" or higher; the customer is in tier "${outcome.currentTier.id}".`,
        );
      case 'reward_out_of_stock':
        throw new ProblemError(409, 'reward_out_of_stock', `The reward "${rewardId}" is out of stock.`);
      case 'insufficient_points':
        throw new ProblemError(
          409,
          'insufficient_points',
          `The reward costs ${outcome.pointsCost} points; the spendable balance is ${outcome.balance}.`,
        );
      case 'idempotency_key_reused':
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'The idempotency key was already used for a different request.',
        );
    }
  });
}
