import type { Hono } from 'hono';
import { RewardDraft, RewardId, rewardPaths, type FieldError, type RewardCatalogue } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import type { Program } from '../domain/programs.ts';
import { putReward, rewardCatalogue } from '../domain/rewards.ts';
import { validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/** `GET /v1/admin/rewards` and `PUT /v1/admin/rewards/{rewardId}` (creates: 201, replaces: 200). */
export function adminRewardsRoutes(app: Hono, context: AppContext): void {
  const { db } = context;

  app.get(rewardPaths.catalogue, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const body: RewardCatalogue = { rewards: await rewardCatalogue(db, program.id) };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.put(rewardPaths.rewardPattern, async (c) => {
    const program = await authenticateSecretKey(c, db, context.now());
    const rewardId = parseOrThrow(RewardId, c.req.param('rewardId'), 'path.rewardId');
    const draft = parseOrThrow(RewardDraft, await readJson(c), 'body');
    checkAgainstProgram(draft, program);
    const { reward, created } = await putReward(db, program.id, rewardId, draft, context.now());
    return c.json(reward, created ? 201 : 200);
  });
}

/** What the contract cannot check alone: a name to show, the tier, and an availability window that is one. */
function checkAgainstProgram(draft: RewardDraft, program: Program): void {
  const errors: FieldError[] = [];
  if (!Object.values(draft.name).some((text) => text.trim() !== '')) {
    errors.push({ path: 'body.name', message: 'Give the name in at least one language.' });
  }
  if (draft.requiredTierId !== null && !program.tiers.some((tier) => tier.id === draft.requiredTierId)) {
    const known = program.tiers.map((tier) => tier.id).join(', ');
    errors.push({ path: 'body.requiredTierId', message: `No such tier in this program; its tiers: ${known}.` });
  }
  if (
    draft.availableFrom !== null &&
    draft.availableUntil !== null &&
    Date.parse(draft.availableUntil) <= Date.parse(draft.availableFrom)
  ) {
    errors.push({ path: 'body.availableUntil', message: 'Must be after availableFrom.' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}
