import type { Queryable } from '../../store/database.ts';
import type { Tier } from '../programs.ts';

// The tier the program last told a customer's `tier.changed` subscribers about: a write and the scheduler both compare
// with it under the customer's row lock and move it with the event, so each change is reported once, by whichever
// finds it first.

/** The tier last told, or undefined when none was (or it is no longer one of the program's tiers). */
export async function notifiedTier(
  tx: Queryable,
  program: { id: string; tiers: readonly Tier[] },
  customerId: string,
  lock: 'lock' | 'read',
): Promise<Tier | undefined> {
  const [row] = await tx.query<{ notified_tier_id: string | null }>(
    `SELECT notified_tier_id FROM customers WHERE program_id = $1 AND id = $2${lock === 'lock' ? ' FOR UPDATE' : ''}`,
    [program.id, customerId],
  );
  return program.tiers.find((tier) => tier.id === row?.notified_tier_id);
}

export async function recordNotifiedTier(tx: Queryable, programId: string, customerId: string, tierId: string) {
  await tx.query(
    `UPDATE customers SET notified_tier_id = $3
      WHERE program_id = $1 AND id = $2 AND notified_tier_id IS DISTINCT FROM $3`,
    [programId, customerId, tierId],
  );
}

/** The `tier.changed` data of a move from one tier to another. */
export function tierChange(from: Tier, to: Tier) {
  return { from: from.id, to: to.id, direction: to.threshold > from.threshold ? 'up' : 'down' } as const;
}
