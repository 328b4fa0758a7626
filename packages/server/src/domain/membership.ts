import { randomUUID } from 'node:crypto';
import type { CustomerStatus, MembershipEndReason } from '@loyalty-elements/contract';
import type { Database, Queryable } from '../store/database.ts';
import { ProblemError } from '../problem.ts';
import { findCustomer, lockCustomer, type Customer } from './customers.ts';
import { emitEvent } from './webhooks/outbox.ts';

/**
 * The end of a membership and the way back. An ended member keeps their record, points and history and can
 * still read them; they earn nothing new and redeem nothing until they rejoin. Each ending is kept (with
 * when the member came back), so churn can be counted for any month after the fact.
 */

export type EndMembershipOutcome =
  { kind: 'ended' | 'unchanged'; customer: Customer } | { kind: 'customer_not_found' } | { kind: 'customer_erased' };

export interface MembershipEnd {
  reason: MembershipEndReason;
  note?: string | undefined;
}

/** Ends the customer's membership at `now`; a membership already ended keeps its first ending. */
export function endMembership(
  db: Database,
  programId: string,
  customerId: string,
  end: MembershipEnd,
  now: Date,
): Promise<EndMembershipOutcome> {
  return db.transaction(async (tx): Promise<EndMembershipOutcome> => {
    const customer = await lockCustomer(tx, programId, customerId);
    if (customer === undefined) return { kind: 'customer_not_found' };
    if (customer.status === 'erased') return { kind: 'customer_erased' };
    const kind = customer.status === 'ended' ? 'unchanged' : 'ended';
    if (kind === 'ended') await endMembershipLocked(tx, programId, customerId, end, now);
    // Read again: the locking read saw the row as a concurrent ending left it, but not (on PostgreSQL) that
    // ending's own row, which a new statement does.
    const current = await findCustomer(tx, programId, customerId);
    if (current === undefined) throw new Error(`Customer ${customerId} vanished under its lock`);
    return { kind, customer: current };
  });
}

/** Ends an active membership. The caller holds the customer's row lock and has checked the status. */
export async function endMembershipLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  end: MembershipEnd,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO membership_endings (id, program_id, customer_id, ended_at, reason, note)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), programId, customerId, now, end.reason, end.note ?? null],
  );
  await tx.query(`UPDATE customers SET status = 'ended' WHERE program_id = $1 AND id = $2`, [programId, customerId]);
  await emitEvent(tx, { programId, customerId, type: 'member.left', data: { reason: end.reason } }, now);
}

/** Brings an ended member back. The caller holds the customer's row lock. */
export async function resumeMembershipLocked(
  tx: Queryable,
  programId: string,
  customerId: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE membership_endings SET resumed_at = GREATEST(ended_at, $3::timestamptz)
      WHERE program_id = $1 AND customer_id = $2 AND resumed_at IS NULL`,
    [programId, customerId, now],
  );
  await tx.query(`UPDATE customers SET status = 'active' WHERE program_id = $1 AND id = $2`, [programId, customerId]);
}

/**
 * Refuses a ledger write that gives points to, or redeems points of, a customer who is not an active member:
 * 409 `membership_ended` (or `customer_erased`). Debits that correct the ledger (a negative adjustment, an
 * expiry) still apply. Runs inside every ledger write, under the customer's row lock, so no route can
 * forget it; the refusal rolls the write's transaction back.
 */
export async function refuseWriteForClosedMembership(
  tx: Queryable,
  programId: string,
  customerId: string,
  write: { type: string; points: number },
): Promise<void> {
  if (write.points < 0 && write.type !== 'redeem') return;
  const [row] = await tx.query<{ status: CustomerStatus }>(
    'SELECT status FROM customers WHERE program_id = $1 AND id = $2',
    [programId, customerId],
  );
  if (row?.status === 'ended') {
    throw new ProblemError(
      409,
      'membership_ended',
      `The membership of customer ${customerId} has ended: they earn and redeem nothing until they rejoin.`,
    );
  }
  if (row?.status === 'erased') {
    throw new ProblemError(409, 'customer_erased', `Customer ${customerId} was erased.`);
  }
}
