import type { Queryable } from '../../store/database.ts';
import { lockCustomer } from '../customers.ts';
import { applyEntryLocked, type LedgerProgram } from '../ledger.ts';
import { findByIdempotencyKey } from '../transactions.ts';

/** The ledger idempotency key of a response's completion reward: one entry per response, ever. */
export function completionRewardKey(responseId: string): string {
  return `survey-response:${responseId}`;
}

export interface CompletionRewardInput {
  program: LedgerProgram;
  customerId: string;
  surveyId: string;
  responseId: string;
  /** The completion reward of the version the response is pinned to. */
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
