import type { Hono } from 'hono';
import {
  CREATE_ONLY_HEADERS,
  RewardDraft,
  RewardId,
  rewardPaths,
  type FieldError,
  type RewardCatalogue,
} from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import type { Program } from '../domain/programs.ts';
import { putReward, rewardCatalogue } from '../domain/rewards.ts';
import { ProblemError, validationFailed } from '../problem.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/**
 * `GET /v1/admin/rewards` and `PUT /v1/admin/rewards/{rewardId}` (creates: 201, replaces: 200; with `If-None-Match: *`
 * creates only, else 412 `reward_exists`).
 */
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
    const createOnly = isCreateOnly(c.req.header('If-None-Match'));
    const put = await putReward(db, program.id, rewardId, draft, context.now(), { createOnly });
    if (put === null) {
      throw new ProblemError(412, 'reward_exists', `Reward ${rewardId} already exists; If-None-Match: * only creates.`);
    }
    return c.json(put.reward, put.created ? 201 : 200);
  });
}

/**
 * `If-None-Match: *`: the PUT may only create. Any other value names entity tags, and a reward has none to match
 * (RFC 9110 §13.1.2), so it does not stop the PUT.
 */
function isCreateOnly(ifNoneMatch: string | undefined): boolean {
  return ifNoneMatch?.trim() === CREATE_ONLY_HEADERS['If-None-Match'];
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
