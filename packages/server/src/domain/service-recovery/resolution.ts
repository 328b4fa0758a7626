import { createHash } from 'node:crypto';
import type { FollowUpResolutionRequest } from '@loyalty-elements/contract';
import { isUniqueViolation, type Database, type Queryable } from '../../store/database.ts';
import { lockCustomer } from '../customers.ts';
import { applyEntryLocked } from '../ledger.ts';
import type { Program } from '../programs.ts';
import { emitEvent } from '../webhooks/outbox.ts';
import { ensureFollowUpCheckSurvey } from './check.ts';

export type ResolveOutcome =
  | { kind: 'resolved' | 'replayed' }
  | { kind: 'follow_up_not_found' }
  | { kind: 'follow_up_closed' }
  | { kind: 'idempotency_key_reused' };

export interface ResolveInput {
  followUpId: string;
  idempotencyKey: string;
  request: FollowUpResolutionRequest;
  now: Date;
}

interface FollowUpState {
  customer_id: string;
  survey_id: string;
  status: 'open' | 'closed';
}

/**
 * Resolves a follow-up once: in one transaction under the customer's row lock, closes it with its outcome, credits
 * the goodwill points (a `goodwill` entry referring to the follow-up) and writes `follow_up.resolved` to the outbox.
 * The same Idempotency-Key with the same body replays; with another body (or for another follow-up) it is refused;
 * another key finds the follow-up closed. Goodwill for a customer whose membership ended or who was erased is refused
 * (a thrown 409 problem that rolls everything back); resolving without points is still possible, and for an erased
 * customer keeps no outcome text.
 */
export async function resolveFollowUp(db: Database, program: Program, input: ResolveInput): Promise<ResolveOutcome> {
  const requestHash = hashResolution(input);
  try {
    return await db.transaction(async (tx): Promise<ResolveOutcome> => {
      const found = await followUpState(tx, program.id, input.followUpId);
      if (found === undefined) return { kind: 'follow_up_not_found' };
      const customer = await lockCustomer(tx, program.id, found.customer_id);
      // Read again under the lock: a resolution that held it before us has committed by now.
      const known = await keyHolder(tx, program.id, input.idempotencyKey);
      if (known !== undefined) return replayOrRefuse(known, input.followUpId, requestHash);
      const current = (await followUpState(tx, program.id, input.followUpId))!;
      if (current.status === 'closed') return { kind: 'follow_up_closed' };
      // An erased customer's case may still be closed, but what happened to them is not written down.
      const request = customer?.status === 'erased' ? { ...input.request, outcome: '' } : input.request;
      await closeLocked(tx, program, current, { ...input, request, requestHash });
      return { kind: 'resolved' };
    });
  } catch (error) {
    // The same key, used at the same moment for a follow-up of another customer (another row lock), won.
    if (!isUniqueViolation(error)) throw error;
    const known = await keyHolder(db, program.id, input.idempotencyKey);
    if (known === undefined) throw error;
    return replayOrRefuse(known, input.followUpId, requestHash);
  }
}

async function closeLocked(
  tx: Queryable,
  program: Program,
  followUp: FollowUpState,
  input: ResolveInput & { requestHash: string },
): Promise<void> {
  const { followUpId, request, now } = input;
  const goodwillPoints = request.goodwillPoints ?? 0;
  let entryId: string | null = null;
  if (goodwillPoints > 0) {
    const credited = await applyEntryLocked(
      tx,
      program,
      followUp.customer_id,
      {
        type: 'adjust',
        kind: 'goodwill',
        points: goodwillPoints,
        reason: request.reason ?? null,
        references: { followUpId },
      },
      { idempotencyKey: `follow-up:${followUpId}`, requestHash: null },
      now,
    );
    if (credited.kind !== 'created') throw new Error('A goodwill credit cannot lack points');
    entryId = credited.row.id;
  }
  await tx.query(
    `UPDATE survey_follow_ups
        SET status = 'closed', outcome = $3, resolved_at = $4, resolved_by = $5, goodwill_points = $6,
            goodwill_entry_id = $7, resolution_key = $8, resolution_hash = $9
      WHERE program_id = $1 AND id = $2`,
    [
      program.id,
      followUpId,
      request.outcome,
      now,
      request.resolvedBy ?? null,
      goodwillPoints,
      entryId,
      input.idempotencyKey,
      input.requestHash,
    ],
  );
  await ensureFollowUpCheckSurvey(tx, program.id, now);
  const data = { followUpId, surveyId: followUp.survey_id };
  await emitEvent(
    tx,
    { programId: program.id, customerId: followUp.customer_id, type: 'follow_up.resolved', data },
    now,
  );
}

async function followUpState(tx: Queryable, programId: string, followUpId: string): Promise<FollowUpState | undefined> {
  const [row] = await tx.query<FollowUpState>(
    'SELECT customer_id, survey_id, status FROM survey_follow_ups WHERE program_id = $1 AND id = $2',
    [programId, followUpId],
  );
  return row;
}

interface KeyHolder {
  id: string;
  resolution_hash: string;
}

async function keyHolder(db: Queryable, programId: string, key: string): Promise<KeyHolder | undefined> {
  const [row] = await db.query<KeyHolder>(
    'SELECT id, resolution_hash FROM survey_follow_ups WHERE program_id = $1 AND resolution_key = $2',
    [programId, key],
  );
  return row;
}

function replayOrRefuse(known: KeyHolder, followUpId: string, requestHash: string): ResolveOutcome {
  return known.id === followUpId && known.resolution_hash === requestHash
    ? { kind: 'replayed' }
    : { kind: 'idempotency_key_reused' };
}

/** What makes two resolutions "the same request": the follow-up and the parsed body, defaults filled in. */
function hashResolution({ followUpId, request }: ResolveInput): string {
  const canonical = [
    followUpId,
    request.outcome,
    request.goodwillPoints ?? 0,
    request.reason ?? null,
    request.resolvedBy ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
