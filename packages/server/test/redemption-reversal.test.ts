import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  AdminOverview,
  CustomerRewards,
  IDEMPOTENCY_KEY_HEADER,
  PUBLISHABLE_KEY_HEADER,
  RedeemResult,
  RewardCatalogue,
  consolePaths,
  rewardPaths,
} from '@loyalty-elements/contract';
import type * as z from 'zod/mini';
import { parseExactly, signCustomerToken } from './support/http.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import { admin, asShopper, ownProgram, type OwnProgram } from './support/orders.ts';
import { rewardDraft } from './support/rewards.ts';
import type { TestServer } from './support/server.ts';

// Reversing a reward redemption gives the points back and voids the code they bought.

let api: TestServer;
clockedServerPerFile((started) => (api = started.api));

async function redeem(program: OwnProgram, customerId: string, rewardId: string): Promise<Response> {
  const token = await signCustomerToken({
    secret: program.secretKey,
    audience: program.publishableKey,
    sub: customerId,
  });
  return fetch(api.baseUrl + rewardPaths.redeem(rewardId), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      [PUBLISHABLE_KEY_HEADER]: program.publishableKey,
      [IDEMPOTENCY_KEY_HEADER]: randomUUID(),
    },
  });
}

async function read<S extends z.core.$ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(schema, await res.json());
}

test('the code leaves the shopper’s list, its stock comes back, and the Overview no longer counts it', async () => {
  const program = await ownProgram(api, { welcomeBonus: 0 });
  const merchant = admin(api, program);
  const put = await merchant.call('PUT', rewardPaths.reward('tea'), rewardDraft({ pointsCost: 100, stock: 1 }));
  assert.equal(put.status, 201, await put.clone().text());
  const [first, second] = [await merchant.customer(), await merchant.customer()];
  for (const shopper of [first, second]) await merchant.transact(shopper, { type: 'earn', points: 100 });

  const bought = await redeem(program, first, 'tea');
  assert.equal(bought.status, 201, await bought.clone().text());
  const { redemption, entry } = parseExactly(RedeemResult, await bought.json());
  assert.equal((await redeem(program, second, 'tea')).status, 409, 'the one code in stock is taken');

  const reversal = await merchant.postReversal(first, entry.id);
  assert.equal(reversal.status, 201, await reversal.clone().text());

  const rewards = await read(await asShopper(api, program, first, rewardPaths.rewards), CustomerRewards);
  assert.equal(rewards.balance, 100, 'the points are back');
  assert.deepEqual(rewards.redemptions, [], `${redemption.code} is no longer listed`);
  const catalogue = await read(await merchant.call('GET', rewardPaths.catalogue), RewardCatalogue);
  assert.equal(catalogue.rewards.find((reward) => reward.id === 'tea')?.redeemed, 0);
  const overview = await read(await merchant.call('GET', consolePaths.overview), AdminOverview);
  assert.deepEqual(overview.redemptionsByReward, []);

  const again = await redeem(program, second, 'tea');
  assert.equal(again.status, 201, `the stock is free again: ${await again.clone().text()}`);
  assert.notEqual(parseExactly(RedeemResult, await again.json()).redemption.code, redemption.code);
});
