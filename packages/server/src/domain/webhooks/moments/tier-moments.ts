import type { Queryable } from '../../../store/database.ts';
import { customersQualifyingFor, qualifyingActivity } from '../../ledger-reads.ts';
import type { Program } from '../../programs.ts';
import { activitySince, tierStanding } from '../../tiers.ts';
import { notifiedTier } from '../notified-tier.ts';
import { emitTierAtRisk } from './tier-at-risk.ts';
import { emitTimeDrivenTierChange } from './tier-time-change.ts';

export interface TierMomentTypes {
  atRisk: boolean;
  changed: boolean;
}

/**
 * `tier.at_risk` and time-driven `tier.changed` for the program's candidates: active members whose activity in the
 * window may hold a tier above the lowest (found in one read of the window's credits), and, for `tier.changed`,
 * members last told of a tier above the lowest (who may have dropped). Each candidate's standing is worked out once,
 * under its row lock when `tier.changed` is wanted, so a write to the customer is either before or after it.
 */
export async function emitTierMoments(
  tx: Queryable,
  program: Program,
  types: TierMomentTypes,
  now: Date,
): Promise<number> {
  const [lowest, second] = program.tiers;
  if (lowest === undefined || second === undefined) return 0;
  const since = activitySince(program.tierWindowMonths, now);
  const candidates = await customersQualifyingFor(tx, program, second.threshold, since, now);
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM customers
      WHERE program_id = $1 AND status = 'active'
        AND (id = ANY($2::text[]) OR ($3 AND notified_tier_id IS NOT NULL AND notified_tier_id <> $4))
      ORDER BY id`,
    [program.id, candidates, types.changed, lowest.id],
  );
  let emitted = 0;
  for (const { id } of rows) {
    const told = types.changed ? await notifiedTier(tx, program, id, 'lock') : undefined;
    const activity = await qualifyingActivity(tx, program, id, since, now);
    const standing = tierStanding(program.tiers, activity, program.tierWindowMonths, now, program.tierRiskHorizonDays);
    if (types.changed && (await emitTimeDrivenTierChange(tx, program, id, told, standing.current, now))) emitted += 1;
    if (types.atRisk && (await emitTierAtRisk(tx, program, id, standing, now))) emitted += 1;
  }
  return emitted;
}
