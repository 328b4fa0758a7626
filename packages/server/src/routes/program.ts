import type { Hono } from 'hono';
import { PUBLISHABLE_KEY_HEADER, paths, type Program as ProgramBody } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticatePublishableKey } from '../auth.ts';
import type { Program } from '../domain/programs.ts';
import { highestActiveSurveyReward } from '../domain/surveys/definitions.ts';
import { conditionalJson } from './request.ts';

/** Shared caches may keep the program for five minutes; clients revalidate with the ETag after. */
export const PROGRAM_CACHE_CONTROL = 'public, max-age=300';

/**
 * `GET /v1/program`: the program's public settings, by publishable key alone (no customer token), in its header or
 * in `?key=`, which spares a browser the CORS preflight.
 */
export function programRoute(app: Hono, { db, now }: AppContext): void {
  app.get(paths.program, async (c) => {
    const program = await authenticatePublishableKey(c, db, true, now());
    const surveyPoints = await highestActiveSurveyReward(db, program.id);
    return conditionalJson(c, toProgramBody(program, surveyPoints), PROGRAM_CACHE_CONTROL, PUBLISHABLE_KEY_HEADER);
  });
}

/** The public program; `surveyPoints` is the highest completion reward among its active surveys. */
export function toProgramBody(program: Program, surveyPoints: number): ProgramBody {
  return {
    name: program.name,
    pointsName: program.pointsName,
    timezone: program.timezone,
    currency: program.currency,
    tiers: program.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      threshold: tier.threshold,
      metric: program.tierMetric,
      window: { type: 'rolling', months: program.tierWindowMonths },
      benefits: tier.benefits,
      earnMultiplier: tier.earnMultiplier,
    })),
    pointsExpiryMonths: program.pointsExpiryMonths,
    birthday: program.birthday,
    earning: {
      earnRate: program.earnRate,
      welcomeBonus: program.welcomeBonus,
      surveyPoints,
      referral: program.referrals && {
        referrerPoints: program.referrals.referrerPoints,
        friendPoints: program.referrals.friendPoints,
      },
    },
  };
}
