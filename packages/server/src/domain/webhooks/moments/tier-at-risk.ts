import type { Queryable } from '../../../store/database.ts';
import type { Program } from '../../programs.ts';
import type { TierStanding } from '../../tiers.ts';
import { emitOnce } from './claim.ts';

/**
 * `tier.at_risk`: once per risk episode, from the forecast the summary shows (`atRisk`, over the program's
 * `tierRiskHorizonDays`). An episode is the tier and the instant it would be lost: when the member gets out of risk
 * and into it again with another date, that is a new episode.
 */
export async function emitTierAtRisk(
  tx: Queryable,
  program: Program,
  customerId: string,
  standing: TierStanding,
  now: Date,
): Promise<boolean> {
  const risk = standing.atRisk;
  if (risk === null) return false;
  const at = risk.at.toISOString();
  const data = { tierId: standing.current.id, at, pointsNeeded: risk.remaining, dropsTo: risk.dropsTo.id };
  return emitOnce(
    tx,
    { programId: program.id, customerId, type: 'tier.at_risk', data },
    `${standing.current.id}:${at}`,
    now,
  );
}
