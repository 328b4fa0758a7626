import { createHash, randomUUID } from 'node:crypto';
import type { TransactionRequest, TransactionResult, TransactionType } from '@loyalty-elements/contract';
import { isUniqueViolation, toNumber, type Database, type Queryable } from '../store/database.ts';

export interface CustomerPoints {
  /** Sum of every ledger entry. */
  balance: number;
  /** Points earned (earn entries only) inside the program's rolling tier window. */
  earnedInWindow: number;
}

export async function customerPoints(
  db: Queryable,
  programId: string,
  customerId: string,
  windowMonths: number,
): Promise<CustomerPoints> {
  const [row] = await db.query<{ balance: unknown; earned: unknown }>(
    `SELECT COALESCE(SUM(points), 0)::bigint AS balance,
            COALESCE(SUM(points) FILTER (
              WHERE type = 'earn' AND created_at > now() - make_interval(months => $3::integer)), 0)::bigint AS earned
       FROM ledger_entries
      WHERE program_id = $1 AND customer_id = $2`,
    [programId, customerId, windowMonths],
  );
  return { balance: toNumber(row?.balance ?? 0), earnedInWindow: toNumber(row?.earned ?? 0) };
}

export interface NewEntry {
  programId: string;
  customerId: string;
  type: TransactionType;
  /** Positive; the sign is derived from `type`. */
  points: number;
  reason: string | null;
  idempotencyKey: string;
  requestHash: string | null;
  balanceAfter: number;
  createdAt?: Date;
}

/** Appends one ledger row. The caller holds the customer's row lock and has computed `balanceAfter`. */
export async function appendEntry(db: Queryable, entry: NewEntry): Promise<TransactionResult> {
  const [row] = await db.query<EntryRow>(
    `INSERT INTO ledger_entries
       (id, program_id, customer_id, type, points, reason, idempotency_key, request_hash, balance_after, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()))
     RETURNING ${ENTRY_COLUMNS}`,
    [
      randomUUID(),
      entry.programId,
      entry.customerId,
      entry.type,
      entry.type === 'earn' ? entry.points : -entry.points,
      entry.reason,
      entry.idempotencyKey,
      entry.requestHash,
      entry.balanceAfter,
      entry.createdAt ?? null,
    ],
  );
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return toResult(row);
}

export interface PostTransactionInput {
  programId: string;
  customerId: string;
  idempotencyKey: string;
  request: TransactionRequest;
}

export type PostTransactionOutcome =
  | { kind: 'created'; result: TransactionResult }
  | { kind: 'replayed'; result: TransactionResult }
  | { kind: 'customer_not_found' }
  | { kind: 'insufficient_points'; balance: number }
  | { kind: 'idempotency_key_reused' };

/**
 * Posts an earn or redeem exactly once per idempotency key. Holding the customer's row lock for
 * the whole transaction serialises posts per customer, so the balance check cannot race and a
 * retried key finds the first post's entry.
 */
export async function postTransaction(db: Database, input: PostTransactionInput): Promise<PostTransactionOutcome> {
  const requestHash = hashRequest(input);
  try {
    return await db.transaction((tx) => postLocked(tx, input, requestHash));
  } catch (error) {
    // The same key was used concurrently for another customer (a different row lock), and that
    // post committed first: answer as if we had seen its entry.
    if (!isUniqueViolation(error)) throw error;
    const existing = await findByIdempotencyKey(db, input.programId, input.idempotencyKey);
    if (existing === undefined) throw error;
    return replayOrReject(existing, requestHash);
  }
}

async function postLocked(
  tx: Queryable,
  input: PostTransactionInput,
  requestHash: string,
): Promise<PostTransactionOutcome> {
  const { programId, customerId, idempotencyKey, request } = input;
  const locked = await tx.query('SELECT 1 FROM customers WHERE program_id = $1 AND id = $2 FOR UPDATE', [
    programId,
    customerId,
  ]);
  if (locked.length === 0) return { kind: 'customer_not_found' };

  const existing = await findByIdempotencyKey(tx, programId, idempotencyKey);
  if (existing !== undefined) return replayOrReject(existing, requestHash);

  const [row] = await tx.query<{ balance: unknown }>(
    'SELECT COALESCE(SUM(points), 0)::bigint AS balance FROM ledger_entries WHERE program_id = $1 AND customer_id = $2',
    [programId, customerId],
  );
  const balance = toNumber(row?.balance ?? 0);
  const balanceAfter = request.type === 'earn' ? balance + request.points : balance - request.points;
  if (balanceAfter < 0) return { kind: 'insufficient_points', balance };

  const result = await appendEntry(tx, {
    programId,
    customerId,
    type: request.type,
    points: request.points,
    reason: request.reason ?? null,
    idempotencyKey,
    requestHash,
    balanceAfter,
  });
  return { kind: 'created', result };
}

interface EntryRow {
  id: string;
  customer_id: string;
  type: TransactionType;
  points: unknown;
  reason: string | null;
  request_hash: string | null;
  balance_after: unknown;
  created_at: Date | string;
}

const ENTRY_COLUMNS = 'id, customer_id, type, points, reason, request_hash, balance_after, created_at';

async function findByIdempotencyKey(db: Queryable, programId: string, key: string): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE program_id = $1 AND idempotency_key = $2`,
    [programId, key],
  );
  return row;
}

function replayOrReject(entry: EntryRow, requestHash: string): PostTransactionOutcome {
  return entry.request_hash === requestHash
    ? { kind: 'replayed', result: toResult(entry) }
    : { kind: 'idempotency_key_reused' };
}

function toResult(row: EntryRow): TransactionResult {
  return {
    transaction: {
      id: row.id,
      customerId: row.customer_id,
      type: row.type,
      points: Math.abs(toNumber(row.points)),
      reason: row.reason,
      createdAt: new Date(row.created_at).toISOString(),
    },
    balance: toNumber(row.balance_after),
  };
}

/** What makes two posts "the same request" for idempotency: the customer and the parsed body. */
function hashRequest({ customerId, request }: PostTransactionInput): string {
  const canonical = JSON.stringify([customerId, request.type, request.points, request.reason ?? null]);
  return createHash('sha256').update(canonical).digest('base64url');
}
