import { createHash } from 'node:crypto';
import type { OrderRecord, OrderRequest, OrderResult, RefundRecord } from '@loyalty-elements/contract';
import { isUniqueViolation, toNumber, type Database, type Queryable } from '../store/database.ts';
import { customerTimeZone } from './birthdays.ts';
import { lockCustomersInIdOrder } from './customers.ts';
import { applyEntryLocked, iso, spendableBalance, toTransaction, type EntryRow } from './ledger.ts';
import { customerTier, findEntry } from './ledger-reads.ts';
import { orderPoints } from './order-points.ts';
import type { Program } from './programs.ts';
import {
  findReferralOfFriend,
  recordReferralLocked,
  resolveReferralCode,
  rewardReferralLocked,
  toReferralOutcome,
  type ReferralCode,
  type ReferralRow,
} from './referrals.ts';
import { addDaysIn } from './time.ts';

/** The most points one order may earn: the most one ledger entry may carry. */
export const MAX_ORDER_POINTS = 100_000_000;

export interface OrderRow {
  order_id: string;
  customer_id: string;
  amount: unknown;
  currency: string;
  placed_at: Date | string;
  referral_code: string | null;
  points: unknown;
  pending_until: Date | string | null;
  entry_id: string | null;
  request_hash: string;
  balance_after: unknown;
  refunded_amount: unknown;
  points_taken_back: unknown;
  points_short: unknown;
}

export const ORDER_COLUMNS = `order_id, customer_id, amount, currency, placed_at, referral_code, points, pending_until, entry_id,
  request_hash, balance_after, refunded_amount, points_taken_back, points_short`;

export interface RefundRow {
  refund_id: string;
  order_id: string;
  amount: unknown;
  points: unknown;
  shortfall: unknown;
  entry_id: string | null;
  request_hash: string;
  balance_after: unknown;
  created_at: Date | string;
}

export const REFUND_COLUMNS = `refund_id, order_id, amount, points, shortfall, entry_id, request_hash, balance_after,
  created_at`;

/** The order, locked until the transaction ends when `forUpdate`. */
export async function findOrderRow(
  db: Queryable,
  programId: string,
  orderId: string,
  forUpdate = false,
): Promise<OrderRow | undefined> {
  const [row] = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE program_id = $1 AND order_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [programId, orderId],
  );
  return row;
}

/** The order with its refunds, as the admin API shows it. */
export async function readOrder(db: Queryable, programId: string, orderId: string): Promise<OrderRecord | undefined> {
  const row = await findOrderRow(db, programId, orderId);
  return row && toOrderRecord(db, programId, row);
}

/** The order as the admin API shows it; `knownRefunds` when the caller has them (none, for an order just made). */
export async function toOrderRecord(
  db: Queryable,
  programId: string,
  row: OrderRow,
  knownRefunds?: RefundRow[],
): Promise<OrderRecord> {
  const refunds =
    knownRefunds ??
    (await db.query<RefundRow>(
      `SELECT ${REFUND_COLUMNS} FROM order_refunds WHERE program_id = $1 AND order_id = $2 ORDER BY seq`,
      [programId, row.order_id],
    ));
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    amount: toNumber(row.amount),
    currency: row.currency,
    placedAt: iso(row.placed_at),
    points: toNumber(row.points),
    pendingUntil: row.pending_until === null ? null : iso(row.pending_until),
    refundedAmount: toNumber(row.refunded_amount),
    pointsTakenBack: toNumber(row.points_taken_back),
    pointsShortfall: toNumber(row.points_short),
    referralCode: row.referral_code,
    refunds: refunds.map(toRefundRecord),
  };
}

export function toRefundRecord(row: RefundRow): RefundRecord {
  return {
    refundId: row.refund_id,
    orderId: row.order_id,
    amount: toNumber(row.amount),
    points: toNumber(row.points),
    shortfall: toNumber(row.shortfall),
    createdAt: iso(row.created_at),
  };
}

export type RecordOrderOutcome =
  | { kind: 'created' | 'replayed'; result: OrderResult }
  | { kind: 'customer_not_found' }
  | { kind: 'order_conflict'; customerId: string }
  | { kind: 'too_many_points'; points: number };

/**
 * Records a paid order once per order id and credits its points: `floor(amount × earn rate × the multiplier of the
 * tier the customer holds now)`, pending until the return window after `placedAt` closes. The customer's row lock
 * orders it with their other ledger writes; a post of the same order for another customer at the same moment meets
 * the order's primary key, and is answered from the order that won. A `referralCode` records the shopper's referral
 * (if they have none); the first order of a referred shopper rewards the referral in the same transaction.
 */
export async function recordOrder(
  db: Database,
  program: Program,
  request: OrderRequest,
  now: Date,
): Promise<RecordOrderOutcome> {
  const requestHash = hashOrder(request);
  const code =
    request.referralCode === undefined
      ? undefined
      : await resolveReferralCode(db, program.id, request.referralCode, 'body.referralCode');
  // The referrer's row is locked with the shopper's, in id order; a referral recorded meanwhile names whom to lock.
  let referrerId = (await findReferralOfFriend(db, program.id, request.customerId))?.referrer_id ?? code?.referrerId;
  try {
    for (;;) {
      try {
        return await db.transaction((tx) =>
          recordOrderLocked(tx, program, request, { requestHash, code, referrerId }, now),
        );
      } catch (error) {
        if (!(error instanceof ReferrerNotLocked)) throw error;
        referrerId = error.referrerId;
      }
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findOrderRow(db, program.id, request.orderId);
    if (existing === undefined) throw error;
    return replayOrConflict(db, program.id, existing, requestHash);
  }
}

/** The referral's referrer was not the one locked: the transaction is rolled back and run again locking them. */
class ReferrerNotLocked extends Error {
  constructor(readonly referrerId: string) {
    super(`Referrer ${referrerId} was not locked`);
  }
}

interface OrderContext {
  requestHash: string;
  code: ReferralCode | undefined;
  /** The referrer whose row to lock with the shopper's. */
  referrerId: string | undefined;
}

async function recordOrderLocked(
  tx: Queryable,
  program: Program,
  request: OrderRequest,
  { requestHash, code, referrerId }: OrderContext,
  now: Date,
): Promise<RecordOrderOutcome> {
  const locked = await lockCustomersInIdOrder(tx, program.id, [request.customerId, referrerId]);
  const customer = locked.get(request.customerId);
  if (customer === undefined) return { kind: 'customer_not_found' };
  const existing = await findOrderRow(tx, program.id, request.orderId);
  if (existing !== undefined) return replayOrConflict(tx, program.id, existing, requestHash);

  const tier = await customerTier(tx, program, request.customerId, now);
  const points = orderPoints(request.amount, request.currency, program.earnRate, tier.earnMultiplier);
  if (points > MAX_ORDER_POINTS) return { kind: 'too_many_points', points };
  const placedAt = request.placedAt === undefined ? now : new Date(request.placedAt);
  const windowEnds = addDaysIn(placedAt, program.returnWindowDays, customerTimeZone(program, customer));
  const pendingUntil = windowEnds.getTime() > now.getTime() ? windowEnds : null;

  const credit =
    points === 0
      ? undefined
      : await applyEntryLocked(
          tx,
          program,
          request.customerId,
          {
            type: 'earn',
            kind: 'order',
            references: { orderId: request.orderId },
            points,
            reason: null,
            pendingUntil,
            spend: { amount: request.amount, currency: request.currency },
          },
          { idempotencyKey: `order:${request.orderId}`, requestHash },
          now,
        );
  if (credit !== undefined && credit.kind !== 'created') throw new Error('An order credit was refused');
  if (code !== undefined) await recordReferralLocked(tx, program.id, customer, code, now);
  let referral = await findReferralOfFriend(tx, program.id, request.customerId);
  let rewarded = false;
  if (referral?.status === 'pending' && request.amount > 0 && program.referrals !== null) {
    if (!locked.has(referral.referrer_id)) throw new ReferrerNotLocked(referral.referrer_id);
    await rewardReferralLocked(tx, program, referral, { orderId: request.orderId, pendingUntil }, now);
    referral = await findReferralOfFriend(tx, program.id, request.customerId);
    rewarded = true;
  }
  // The credit's balance is the balance now, unless a referral reward was credited after it.
  const balance =
    credit?.kind === 'created' && !rewarded
      ? toNumber(credit.row.balance_after)
      : await spendableBalance(tx, program.id, request.customerId, now);
  const [row] = await tx.query<OrderRow>(
    `INSERT INTO orders (program_id, order_id, customer_id, amount, currency, placed_at, referral_code, points,
                         pending_until, entry_id, request_hash, balance_after, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     RETURNING ${ORDER_COLUMNS}`,
    [
      program.id,
      request.orderId,
      request.customerId,
      request.amount,
      request.currency,
      placedAt,
      request.referralCode ?? null,
      points,
      points === 0 ? null : pendingUntil,
      credit?.row.id ?? null,
      requestHash,
      balance,
      now,
    ],
  );
  // A new order has no refunds yet, and its credit and referral were just written or read in this transaction.
  return {
    kind: 'created',
    result: await orderResult(tx, program.id, row!, {
      entry: credit?.kind === 'created' ? credit.row : undefined,
      referral,
    }),
  };
}

async function replayOrConflict(
  db: Queryable,
  programId: string,
  existing: OrderRow,
  requestHash: string,
): Promise<RecordOrderOutcome> {
  if (existing.request_hash !== requestHash) return { kind: 'order_conflict', customerId: existing.customer_id };
  return { kind: 'replayed', result: await orderResult(db, programId, existing) };
}

/**
 * The answer to an order post: the order as it stands, its credit, the balance right after it, and the shopper's
 * referral when the order named a code or rewarded it. `created` holds what the transaction that created the order
 * already has: its credit and the shopper's referral, and no refunds.
 */
async function orderResult(
  db: Queryable,
  programId: string,
  row: OrderRow,
  created?: { entry: EntryRow | undefined; referral: ReferralRow | undefined },
): Promise<OrderResult> {
  const entry = created
    ? created.entry
    : row.entry_id === null
      ? undefined
      : await findEntry(db, programId, row.entry_id);
  const referral = created ? created.referral : await findReferralOfFriend(db, programId, row.customer_id);
  const showsReferral = referral !== undefined && (row.referral_code !== null || referral.order_id === row.order_id);
  return {
    order: await toOrderRecord(db, programId, row, created ? [] : undefined),
    transaction: entry === undefined ? null : toTransaction(entry),
    balance: toNumber(row.balance_after),
    referral: showsReferral ? toReferralOutcome(referral) : null,
  };
}

/** Two posts are the same order when every field they sent is; instants compare as instants. */
function hashOrder(request: OrderRequest): string {
  const canonical = [
    request.orderId,
    request.customerId,
    request.amount,
    request.currency,
    request.placedAt === undefined ? null : new Date(request.placedAt).toISOString(),
    request.referralCode ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
