import { toNumber, type Queryable } from '../../store/database.ts';
import { lockCustomer } from '../customers.ts';
import { applyEntryLocked, type LedgerProgram } from '../ledger.ts';
import { findByIdempotencyKey } from '../transactions.ts';

/** The ledger idempotency key of a response's completion reward: one entry per response, ever. */
export function completionRewardKey(responseId: string): string {
  return `survey-response:${responseId}`;
}

/**
 * How long after a survey's next version is published a response begun on the version before still earns that
 * version's reward: a page that showed it was open when the merchant published.
 */
export const SUPERSEDED_REWARD_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The points a completed response earns: the reward of the version it is pinned to. A response begun on a version
 * more than `SUPERSEDED_REWARD_GRACE_MS` after the next one was published earns at most the current version's, so a
 * reward the merchant lowered or withdrew cannot be claimed by naming an old version; its answers are kept all the
 * same. Undefined: no reward.
 */
export async function completionRewardOf(
  tx: Queryable,
  response: { program_id: string; survey_id: string; version: number | string; created_at: Date | string },
  pinned: number | undefined,
): Promise<number | undefined> {
  if (pinned === undefined) return undefined;
  const [row] = await tx.query<{ superseded_at: Date | string | null; current_reward: number | string | null }>(
    `SELECT next.created_at AS superseded_at, (current.content->>'completionReward')::integer AS current_reward
       FROM surveys s
       JOIN survey_versions current
         ON current.program_id = s.program_id AND current.survey_id = s.id AND current.version = s.current_version
       LEFT JOIN survey_versions next
         ON next.program_id = s.program_id AND next.survey_id = s.id AND next.version = $3::integer + 1
      WHERE s.program_id = $1 AND s.id = $2`,
    [response.program_id, response.survey_id, toNumber(response.version)],
  );
  if (row === undefined || row.superseded_at === null) return pinned;
  const began = new Date(response.created_at).getTime();
  if (began < new Date(row.superseded_at).getTime() + SUPERSEDED_REWARD_GRACE_MS) return pinned;
  const points = Math.min(pinned, row.current_reward === null ? 0 : toNumber(row.current_reward));
  return points > 0 ? points : undefined;
}

export interface CompletionRewardInput {
  program: LedgerProgram;
  customerId: string;
  surveyId: string;
  responseId: string;
  /** The completion reward the response earns (`completionRewardOf`). */
  points: number;
  now: Date;
}

/**
 * Grants a response's completion reward as an `earn` entry and records it on the response. Runs in
 * the transaction of the write that completes the response, which holds the response's row lock,
 * so a response is rewarded at most once, and the customer's (taken before the response's), which
 * orders it with the customer's other ledger writes. Returns the points granted, or null when the
 * key is already taken (by an admin transaction that used it) or the customer is no longer an active
 * member: the ledger never holds two entries under one key.
 */
export async function grantCompletionReward(tx: Queryable, input: CompletionRewardInput): Promise<number | null> {
  const { program, customerId, responseId, points, now } = input;
  const customer = await lockCustomer(tx, program.id, customerId);
  if (customer === undefined) throw new Error(`Customer ${customerId} of survey response ${responseId} is gone`);
  // A member who has left earns nothing new; their answers still count.
  if (customer.status !== 'active') return null;
  const idempotencyKey = completionRewardKey(responseId);
  if ((await findByIdempotencyKey(tx, program.id, idempotencyKey)) !== undefined) return null;
  const applied = await applyEntryLocked(
    tx,
    program,
    customerId,
    {
      type: 'earn',
      kind: 'survey',
      references: { surveyId: input.surveyId },
      points,
      reason: `Survey reward: ${input.surveyId}`,
    },
    { idempotencyKey, requestHash: null },
    now,
  );
  if (applied.kind !== 'created') throw new Error(`A survey reward of ${points} points was refused`);
  await tx.query('UPDATE survey_responses SET points_awarded = $2, reward_entry_id = $3 WHERE id = $1', [
    responseId,
    points,
    applied.row.id,
  ]);
  return points;
}
