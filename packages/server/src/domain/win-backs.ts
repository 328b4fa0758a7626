import { createHash, randomUUID } from 'node:crypto';
import type { WinBack, WinBackRequest, WinBackResult } from '@loyalty-elements/contract';
import { isUniqueViolation, toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomer } from './customers.ts';
import { applyEntryLocked, iso, spendableBalance, toLedgerEntry } from './ledger.ts';
import { findEntry } from './ledger-reads.ts';
import { refuseWriteForClosedMembership } from './membership.ts';
import type { Program } from './programs.ts';
import { REDEMPTION_COLUMNS, toRedemption, type RedemptionRow } from './redemptions.ts';
import { issueRedemptionLocked, lockReward, stockLeft } from './rewards.ts';

/**
 * Win-backs: points or a reward given to a lapsed member to bring them back. Each is written once per idempotency
 * key, in one transaction under the customer's row lock with its ledger entry (points) or its redemption (a reward,
 * spending no points), so parallel requests with one key give once and with many keys give each time.
 */

export type WinBackOutcome =
  | { kind: 'created' | 'replayed'; result: WinBackResult }
  | { kind: 'customer_not_found' | 'reward_not_found' | 'reward_unavailable' | 'reward_out_of_stock' }
  | { kind: 'idempotency_key_reused' };

type Refusal = Exclude<WinBackOutcome, { result: WinBackResult }>;
type WriteOutcome = Refusal | { kind: 'created'; id: string } | { kind: 'replayed'; id: string };

export interface WinBackInput {
  customerId: string;
  idempotencyKey: string;
  request: WinBackRequest;
  now: Date;
}

interface WinBackRow {
  id: string;
  customer_id: string;
  points: unknown;
  reward_id: string | null;
  redemption_id: string | null;
  entry_id: string | null;
  note: string | null;
  balance_after: unknown;
  created_at: Date | string;
  request_hash: string;
}

const WIN_BACK_COLUMNS =
  'id, customer_id, points, reward_id, redemption_id, entry_id, note, balance_after, created_at, request_hash';

/** Gives the win-back once per idempotency key; see the module's comment. A refusal writes nothing. */
export async function giveWinBack(db: Database, program: Program, input: WinBackInput): Promise<WinBackOutcome> {
  const requestHash = hashWinBack(input);
  let outcome: WriteOutcome;
  try {
    outcome = await db.transaction(async (tx): Promise<WriteOutcome> => {
      if ((await lockCustomer(tx, program.id, input.customerId)) === undefined) return { kind: 'customer_not_found' };
      // Read under the lock: a request with the same key that held it before us has committed by now.
      const known = await findByKey(tx, program.id, input.idempotencyKey);
      if (known !== undefined) return replayOrRefuse(known, requestHash);
      return writeLocked(tx, program, { ...input, requestHash });
    });
  } catch (error) {
    // The same key, used at the same moment for another customer (another row lock), won.
    if (!isUniqueViolation(error)) throw error;
    const known = await findByKey(db, program.id, input.idempotencyKey);
    if (known === undefined) throw error;
    outcome = replayOrRefuse(known, requestHash);
  }
  if (outcome.kind !== 'created' && outcome.kind !== 'replayed') return outcome;
  return { kind: outcome.kind, result: await winBackResult(db, program.id, outcome.id) };
}

async function writeLocked(
  tx: Queryable,
  program: Program,
  input: WinBackInput & { requestHash: string },
): Promise<WriteOutcome> {
  const { customerId, request, now } = input;
  const id = randomUUID();
  let entryId: string | null = null;
  let redemptionId: string | null = null;
  if (request.points !== undefined) {
    const credited = await applyEntryLocked(
      tx,
      program,
      customerId,
      {
        type: 'adjust',
        kind: 'win_back',
        points: request.points,
        reason: request.note ?? null,
        references: { winBackId: id },
      },
      { idempotencyKey: `win-back:${id}`, requestHash: null },
      now,
    );
    if (credited.kind !== 'created') throw new Error('A win-back credit cannot lack points');
    entryId = credited.row.id;
  } else if (request.rewardId !== undefined) {
    // A reward given is a redemption: the same 409s for a customer who is not an active member.
    await refuseWriteForClosedMembership(tx, program.id, customerId, { type: 'redeem', points: 0 });
    const reward = await lockReward(tx, program.id, request.rewardId, now);
    if (reward === undefined) return { kind: 'reward_not_found' };
    if (!reward.on_offer) return { kind: 'reward_unavailable' };
    if (stockLeft(reward) === 0) return { kind: 'reward_out_of_stock' };
    const paid = { pointsSpent: 0, entryId: null };
    redemptionId = (await issueRedemptionLocked(tx, program.id, customerId, reward, paid, now)).id;
  }
  await tx.query(
    `INSERT INTO win_backs (id, program_id, customer_id, points, reward_id, redemption_id, entry_id, note,
                            balance_after, created_at, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      program.id,
      customerId,
      request.points ?? null,
      request.rewardId ?? null,
      redemptionId,
      entryId,
      request.note ?? null,
      await spendableBalance(tx, program.id, customerId, now),
      now,
      input.idempotencyKey,
      input.requestHash,
    ],
  );
  return { kind: 'created', id };
}

async function findByKey(db: Queryable, programId: string, key: string): Promise<WinBackRow | undefined> {
  const [row] = await db.query<WinBackRow>(
    `SELECT ${WIN_BACK_COLUMNS} FROM win_backs WHERE program_id = $1 AND idempotency_key = $2`,
    [programId, key],
  );
  return row;
}

function replayOrRefuse(known: WinBackRow, requestHash: string): WriteOutcome {
  return known.request_hash === requestHash ? { kind: 'replayed', id: known.id } : { kind: 'idempotency_key_reused' };
}

/** The win-back as the API answers it, the same however often it is read. */
async function winBackResult(db: Queryable, programId: string, id: string): Promise<WinBackResult> {
  const [row] = await db.query<WinBackRow>(`SELECT ${WIN_BACK_COLUMNS} FROM win_backs WHERE id = $1`, [id]);
  if (row === undefined) throw new Error(`Win-back ${id} vanished`);
  const entry = row.entry_id === null ? undefined : await findEntry(db, programId, row.entry_id);
  const [redemption] = row.redemption_id
    ? await db.query<RedemptionRow>(
        `SELECT ${REDEMPTION_COLUMNS} FROM reward_redemptions WHERE program_id = $1 AND id = $2`,
        [programId, row.redemption_id],
      )
    : [];
  const winBack: WinBack = {
    id: row.id,
    customerId: row.customer_id,
    at: iso(row.created_at),
    points: row.points === null ? null : toNumber(row.points),
    rewardId: row.reward_id,
    note: row.note,
    entry: entry === undefined ? null : toLedgerEntry(entry),
    redemption: redemption === undefined ? null : toRedemption(redemption),
  };
  return { winBack, balance: toNumber(row.balance_after) };
}

/** What makes two win-backs "the same request": the customer and the parsed body. */
function hashWinBack({ customerId, request }: WinBackInput): string {
  const canonical = [customerId, request.points ?? null, request.rewardId ?? null, request.note ?? null];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
