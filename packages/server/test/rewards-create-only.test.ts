import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  CREATE_ONLY_HEADERS,
  Reward,
  RewardCatalogue,
  rewardPaths,
  type RewardDraft,
} from '@loyalty-elements/contract';
import { DEMO_SEED } from '../src/demo-seed.ts';
import { expectProblem, parseExactly } from './support/http.ts';
import { rewardDraft } from './support/rewards.ts';
import { clockedServerPerFile } from './support/loyalty.ts';
import type { TestServer } from './support/server.ts';

// A create-only PUT of a reward (`If-None-Match: *`): it creates, or answers 412 `reward_exists` and writes nothing;
// of several sent at once for one id exactly one creates it. Without the header a PUT creates or replaces as before.

let server: TestServer;
clockedServerPerFile((started) => (server = started.api));

const newRewardId = () => `r-${randomUUID().slice(0, 13)}`;

function putReward(rewardId: string, draft: RewardDraft, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.baseUrl + rewardPaths.reward(rewardId), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${server.config.demoSecretKey}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(draft),
  });
}

const createReward = (rewardId: string, draft: RewardDraft) => putReward(rewardId, draft, CREATE_ONLY_HEADERS);

async function expectSaved(res: Response, status: 200 | 201): Promise<Reward> {
  assert.equal(res.status, status, await res.clone().text());
  return parseExactly(Reward, await res.json());
}

async function catalogued(rewardId: string): Promise<Reward | undefined> {
  const res = await fetch(server.baseUrl + rewardPaths.catalogue, {
    headers: { Authorization: `Bearer ${server.config.demoSecretKey}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return parseExactly(RewardCatalogue, await res.json()).rewards.find((reward) => reward.id === rewardId);
}

describe('PUT /v1/admin/rewards/{rewardId} with If-None-Match: *', () => {
  test('creates a new reward (201); for an id taken it answers 412 reward_exists and keeps that reward', async () => {
    const rewardId = newRewardId();
    const created = await expectSaved(await createReward(rewardId, rewardDraft()), 201);
    assert.deepEqual(await catalogued(rewardId), created);

    const taken = await createReward(rewardId, rewardDraft({ name: { en: 'Overwritten' }, pointsCost: 999 }));
    const problem = await expectProblem(taken, 412, 'reward_exists');
    assert.match(problem.detail ?? '', new RegExp(rewardId), 'the problem names the reward');
    assert.deepEqual(await catalogued(rewardId), created, 'the reward is kept as it was');

    const seeded = DEMO_SEED.rewards[0]!;
    const before = await catalogued(seeded.id);
    await expectProblem(await createReward(seeded.id, rewardDraft()), 412, 'reward_exists');
    assert.deepEqual(await catalogued(seeded.id), before, 'a seeded reward is kept too');
  });

  test('an invalid body is refused with 400 before the precondition is looked at', async () => {
    const seeded = DEMO_SEED.rewards[0]!;
    await expectProblem(await createReward(seeded.id, rewardDraft({ pointsCost: 0 })), 400, 'validation_failed');
  });

  test('without it, or with an entity tag (a reward has none to match), a PUT creates or replaces as before', async () => {
    const rewardId = newRewardId();
    await expectSaved(await putReward(rewardId, rewardDraft()), 201);
    const replaced = await expectSaved(await putReward(rewardId, rewardDraft({ pointsCost: 150 })), 200);
    assert.equal(replaced.pointsCost, 150);
    const tagged = await putReward(rewardId, rewardDraft({ pointsCost: 175 }), { 'If-None-Match': '"v1"' });
    assert.equal((await expectSaved(tagged, 200)).pointsCost, 175);
  });

  test('eight create-only PUTs of one id at once: exactly one creates it, the seven others answer 412', async () => {
    const rewardId = newRewardId();
    const drafts = Array.from({ length: 8 }, (_, index) =>
      rewardDraft({ name: { en: `Sender ${index}` }, pointsCost: 100 + index }),
    );
    const answers = await Promise.all(drafts.map((draft) => createReward(rewardId, draft)));
    const statuses = answers.map((res) => res.status).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(7).fill(412)]);

    const winner = await expectSaved(
      answers.find((res) => res.status === 201)!,
      201,
    );
    for (const refused of answers.filter((res) => res.status === 412))
      await expectProblem(refused, 412, 'reward_exists');
    assert.deepEqual(await catalogued(rewardId), winner, 'the one that created it is what is kept');
  });
});
