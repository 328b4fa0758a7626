import { createHash } from 'node:crypto';
import type { TransactionRequest, TransactionResult } from '@loyalty-elements/contract';
import { isUniqueViolation, toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomer } from './customers.ts';
import {
  applyEntryLocked,
  ENTRY_COLUMNS,
  toTransaction,
  type ApplyOutcome,
  type EntryDraft,
  type EntryRow,
  type LedgerProgram,
} from './ledger.ts';

// The merchant's idempotent ledger writes: earn, redeem and adjust posted with an Idempotency-Key.

export interface PostTransactionInput {
  program: LedgerProgram;
  customerId: string;
  idempotencyKey: string;
  request: TransactionRequest;
  now: Date;
}

export type PostTransactionOutcome =
  | { kind: 'created'; result: TransactionResult }
  | { kind: 'replayed'; result: TransactionResult }
  | { kind: 'customer_not_found' }
  | { kind: 'insufficient_points'; balance: number }
  | { kind: 'idempotency_key_reused' };

/**
 * Posts an admin transaction exactly once per idempotency key. Holding the customer's row lock for
 * the whole transaction serialises posts per customer, so the balance check cannot race and a
 * retried key finds the first post's entry.
 */
export async function postTransaction(db: Database, input: PostTransactionInput): Promise<PostTransactionOutcome> {
  const requestHash = hashRequest(input.customerId, input.request);
  const outcome = await writeOnce(
    db,
    input.program.id,
    input.idempotencyKey,
    requestHash,
    async (tx) => {
      if ((await lockCustomer(tx, input.program.id, input.customerId)) === undefined) return 'customer_not_found';
      return undefined;
    },
    (tx) =>
      applyEntryLocked(
        tx,
        input.program,
        input.customerId,
        toDraft(input.request),
        {
          idempotencyKey: input.idempotencyKey,
          requestHash,
        },
        input.now,
      ),
  );
  switch (outcome.kind) {
    case 'created':
    case 'replayed':
      return { kind: outcome.kind, result: toResult(outcome.row) };
    default:
      return outcome;
  }
}

export type WriteOnceOutcome<Early extends string> =
  | { kind: 'created'; row: EntryRow }
  | { kind: 'replayed'; row: EntryRow }
  | { kind: 'insufficient_points'; balance: number }
  | { kind: 'idempotency_key_reused' }
  | { kind: Early };

/**
 * The idempotency protocol every ledger write shares: in one transaction, `guard` locks the
 * customer (or answers early), then a known key is replayed (or refused if its request differs),
 * else `write` runs.
 */
export async function writeOnce<Early extends string>(
  db: Database,
  programId: string,
  idempotencyKey: string,
  requestHash: string,
  guard: (tx: Queryable) => Promise<Early | undefined>,
  write: (tx: Queryable) => Promise<ApplyOutcome | { kind: Early }>,
): Promise<WriteOnceOutcome<Early>> {
  try {
    return await db.transaction(async (tx): Promise<WriteOnceOutcome<Early>> => {
      const early = await guard(tx);
      if (early !== undefined) return { kind: early };
      const existing = await findByIdempotencyKey(tx, programId, idempotencyKey);
      if (existing !== undefined) return replayOrReject(existing, requestHash);
      return write(tx);
    });
  } catch (error) {
    // The same key was used concurrently for another customer (a different row lock), and that
    // post committed first: answer as if we had seen its entry.
    if (!isUniqueViolation(error)) throw error;
    const existing = await findByIdempotencyKey(db, programId, idempotencyKey);
    if (existing === undefined) throw error;
    return replayOrReject(existing, requestHash);
  }
}

function toDraft(request: TransactionRequest): EntryDraft {
  const reason = request.reason ?? null;
  switch (request.type) {
    case 'redeem':
      return { type: 'redeem', kind: 'redemption', points: -request.points, reason };
    case 'earn':
    case 'adjust':
      return {
        type: request.type,
        kind: request.type === 'earn' ? 'order' : 'adjustment',
        points: request.points,
        reason,
        ...(request.expiresAt === undefined ? {} : { expiresAt: toDate(request.expiresAt) }),
        pendingUntil: toDate(request.pendingUntil ?? null),
        spend: request.spend ?? null,
      };
  }
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export async function findByIdempotencyKey(
  db: Queryable,
  programId: string,
  key: string,
): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE program_id = $1 AND idempotency_key = $2`,
    [programId, key],
  );
  return row;
}

function replayOrReject(
  entry: EntryRow,
  requestHash: string,
): { kind: 'replayed'; row: EntryRow } | { kind: 'idempotency_key_reused' } {
  return entry.request_hash === requestHash ? { kind: 'replayed', row: entry } : { kind: 'idempotency_key_reused' };
}

/**
 * What makes two posts "the same request" for idempotency: the customer and the parsed body, with
 * instants normalised. A plain earn or redeem hashes as it did before the ledger grew.
 */
export function hashRequest(customerId: string, request: TransactionRequest): string {
  const canonical: unknown[] = [customerId, request.type, request.points, request.reason ?? null];
  if (request.type !== 'redeem') {
    const extras: Record<string, unknown> = {};
    if (request.expiresAt !== undefined)
      extras.expiresAt = request.expiresAt && new Date(request.expiresAt).toISOString();
    if (request.pendingUntil !== undefined) extras.pendingUntil = new Date(request.pendingUntil).toISOString();
    if (request.spend !== undefined) extras.spend = [request.spend.amount, request.spend.currency];
    if (Object.keys(extras).length > 0) canonical.push(extras);
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

function toResult(row: EntryRow): TransactionResult {
  return { transaction: toTransaction(row), balance: toNumber(row.balance_after) };
}
