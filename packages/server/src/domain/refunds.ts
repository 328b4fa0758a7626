import { createHash } from 'node:crypto';
import type { RefundRequest, RefundResult } from '@loyalty-elements/contract';
import { toNumber, type Database, type Queryable } from '../store/database.ts';
import { lockCustomersInIdOrder } from './customers.ts';
import { spendableBalance, toTransaction, type EntryRow } from './ledger.ts';
import { findEntry } from './ledger-reads.ts';
import { expiredFromLocked, takeBackLocked } from './ledger-takeback.ts';
import { pointsRefunded } from './order-points.ts';
import {
  findOrderRow,
  ORDER_COLUMNS,
  REFUND_COLUMNS,
  toOrderRecord,
  toRefundRecord,
  type OrderRow,
  type RefundRow,
} from './orders.ts';
import type { Program } from './programs.ts';
import { reverseReferralLocked } from './referral-takeback.ts';
import { findReferralOfOrder } from './referrals.ts';

export type RecordRefundOutcome =
  | { kind: 'created' | 'replayed'; result: RefundResult }
  | { kind: 'order_not_found' }
  | { kind: 'refund_conflict' }
  | { kind: 'refund_exceeds_order'; amount: number; refunded: number };

/**
 * Records a refund of an order once per refund id and takes back its share of the order's points. The share is
 * cumulative: after refunds totalling R of an order of amount A that earned P points, floor(P × R / A) have been
 * owed back in all, so refunding the whole order in parts owes back exactly P. Points come from the order's own
 * batch first, then from the customer's others; what the shopper already spent is the refund's shortfall. Refunds
 * of one customer's orders run one at a time under the customer's row lock. A refund that refunds the whole order
 * also takes back the referral credits the order earned (see {@link reverseReferralLocked}).
 */
export async function recordRefund(
  db: Database,
  program: Program,
  orderId: string,
  request: RefundRequest,
  now: Date,
): Promise<RecordRefundOutcome> {
  const requestHash = createHash('sha256')
    .update(JSON.stringify([request.refundId, request.amount]))
    .digest('base64url');
  const unlocked = await findOrderRow(db, program.id, orderId);
  if (unlocked === undefined) return { kind: 'order_not_found' };
  // Set when the order was recorded, so read before the locks: whose rows the take-back locks with the shopper's.
  const referral = await findReferralOfOrder(db, program.id, orderId);
  return db.transaction(async (tx): Promise<RecordRefundOutcome> => {
    await lockCustomersInIdOrder(tx, program.id, [unlocked.customer_id, referral?.referrer_id]);
    const order = (await findOrderRow(tx, program.id, orderId, true))!;
    const [existing] = await tx.query<RefundRow>(
      `SELECT ${REFUND_COLUMNS} FROM order_refunds WHERE program_id = $1 AND order_id = $2 AND refund_id = $3`,
      [program.id, orderId, request.refundId],
    );
    if (existing !== undefined) {
      if (existing.request_hash !== requestHash) return { kind: 'refund_conflict' };
      return { kind: 'replayed', result: await refundResult(tx, program.id, order, existing) };
    }

    const amount = toNumber(order.amount);
    const refunded = toNumber(order.refunded_amount);
    if (refunded + request.amount > amount) return { kind: 'refund_exceeds_order', amount, refunded };
    const owedBefore = toNumber(order.points_taken_back) + toNumber(order.points_short);
    // Points of the order that expired unspent are gone already: they are not owed back from the shopper's others.
    const expired =
      order.entry_id === null ? 0 : await expiredFromLocked(tx, program.id, order.customer_id, order.entry_id, now);
    const owedInAll = Math.max(0, pointsRefunded(toNumber(order.points), amount, refunded + request.amount) - expired);
    const owed = Math.max(0, owedInAll - owedBefore);

    let entry: EntryRow | undefined;
    if (order.entry_id !== null) {
      entry = await takeBackLocked(
        tx,
        program,
        order.customer_id,
        {
          type: 'adjust',
          kind: 'refund',
          references: { orderId, refundId: request.refundId },
          reason: null,
          spend: { amount: -request.amount, currency: order.currency },
          owed,
          fromEntryId: order.entry_id,
        },
        { idempotencyKey: `refund:${JSON.stringify([orderId, request.refundId])}`, requestHash },
        now,
      );
    }
    const taken = entry === undefined ? 0 : -toNumber(entry.points);
    const shortfall = entry === undefined ? 0 : toNumber(entry.shortfall ?? 0);
    const balance = entry?.balance_after ?? (await spendableBalance(tx, program.id, order.customer_id, now));
    const [refund] = await tx.query<RefundRow>(
      `INSERT INTO order_refunds (program_id, order_id, customer_id, refund_id, amount, points, shortfall, entry_id,
                                  request_hash, balance_after, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${REFUND_COLUMNS}`,
      [
        program.id,
        orderId,
        order.customer_id,
        request.refundId,
        request.amount,
        taken,
        shortfall,
        entry?.id ?? null,
        requestHash,
        balance,
        now,
      ],
    );
    const [updated] = await tx.query<OrderRow>(
      `UPDATE orders
          SET refunded_amount = refunded_amount + $3, points_taken_back = points_taken_back + $4,
              points_short = points_short + $5
        WHERE program_id = $1 AND order_id = $2
        RETURNING ${ORDER_COLUMNS}`,
      [program.id, orderId, request.amount, taken, shortfall],
    );
    if (toNumber(updated!.refunded_amount) === amount) {
      const rewarded = await findReferralOfOrder(tx, program.id, orderId);
      if (rewarded !== undefined && rewarded.status !== 'reversed')
        await reverseReferralLocked(tx, program, rewarded, now);
    }
    return { kind: 'created', result: await refundResult(tx, program.id, updated!, refund!) };
  });
}

/** The answer to a refund post: the refund, its order as it stands, its entry and the balance right after it. */
async function refundResult(
  db: Queryable,
  programId: string,
  order: OrderRow,
  refund: RefundRow,
): Promise<RefundResult> {
  const entry = refund.entry_id === null ? undefined : await findEntry(db, programId, refund.entry_id);
  return {
    refund: toRefundRecord(refund),
    order: await toOrderRecord(db, programId, order),
    transaction: entry === undefined ? null : toTransaction(entry),
    balance: toNumber(refund.balance_after),
  };
}
