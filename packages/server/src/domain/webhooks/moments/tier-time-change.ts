import type { Queryable } from '../../../store/database.ts';
import type { Program, Tier } from '../../programs.ts';
import { emitEvent } from '../outbox.ts';
import { recordNotifiedTier, tierChange } from '../notified-tier.ts';

/**
 * `tier.changed` for a move no write made: pending points that became spendable (and so qualify), activity that left
 * the window, thresholds the merchant changed. The caller holds the customer's row lock and read `told`, the tier last
 * told; when the tier now held differs, it is reported and recorded as told. With none told yet (a member from before
 * tiers were told about), the tier is recorded without an event.
 */
export async function emitTimeDrivenTierChange(
  tx: Queryable,
  program: Program,
  customerId: string,
  told: Tier | undefined,
  current: Tier,
  now: Date,
): Promise<boolean> {
  if (told?.id === current.id) return false;
  await recordNotifiedTier(tx, program.id, customerId, current.id);
  if (told === undefined) return false;
  await emitEvent(
    tx,
    { programId: program.id, customerId, type: 'tier.changed', data: tierChange(told, current) },
    now,
  );
  return true;
}
