import type { ProgramSettings, ProgramSettingsPatch, TierSettings } from '@loyalty-elements/contract';
import type { FieldError } from '@loyalty-elements/contract';
import { validationFailed } from '../problem.ts';
import { landingUrlProblem } from './referral-links.ts';
import type { Database, Queryable } from '../store/database.ts';
import { findProgramById, type Program } from './programs.ts';
import { qualifyingActivity } from './ledger-reads.ts';
import { activitySince, tierStanding } from './tiers.ts';

/** The program as its merchant sets it. */
export function toProgramSettings(program: Program): ProgramSettings {
  return {
    name: program.name,
    pointsName: program.pointsName,
    timezone: program.timezone,
    currency: program.currency,
    pointsExpiryMonths: program.pointsExpiryMonths,
    tierMetric: program.tierMetric,
    tierWindowMonths: program.tierWindowMonths,
    tierRiskHorizonDays: program.tierRiskHorizonDays,
    tiers: program.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name,
      threshold: tier.threshold,
      benefits: tier.benefits,
      earnMultiplier: tier.earnMultiplier,
    })),
    birthday: program.birthday && {
      points: program.birthday.points,
      daysBefore: program.birthday.daysBefore,
      daysAfter: program.birthday.daysAfter,
      noticeDays: program.birthday.noticeDays,
    },
    welcomeBonus: program.welcomeBonus,
    earnRate: program.earnRate,
    returnWindowDays: program.returnWindowDays,
    reminders: {
      pointsExpiringDays: [...program.reminders.pointsExpiringDays],
      birthdayUpcomingDays: [...program.reminders.birthdayUpcomingDays],
    },
    followUpTargetHours: program.followUpTargetHours,
    lapsedAfterDays: program.lapsedAfterDays,
    referrals: program.referrals && { ...program.referrals },
  };
}

/** The first tier is where everyone starts (threshold 0); thresholds ascend; ids are unique. */
function tierListErrors(tiers: readonly TierSettings[]): FieldError[] {
  const errors: FieldError[] = [];
  if (tiers[0] && tiers[0].threshold !== 0) {
    errors.push({
      path: 'body.tiers.0.threshold',
      message: 'The first tier is where every member starts: its threshold is 0.',
    });
  }
  const seen = new Set<string>();
  tiers.forEach((tier, index) => {
    if (seen.has(tier.id))
      errors.push({ path: `body.tiers.${index}.id`, message: `Tier id "${tier.id}" appears twice.` });
    seen.add(tier.id);
    const previous = tiers[index - 1];
    if (previous && tier.threshold <= previous.threshold) {
      errors.push({
        path: `body.tiers.${index}.threshold`,
        message: `Thresholds ascend: ${tier.threshold} is not above ${previous.threshold} (tier "${previous.id}").`,
      });
    }
  });
  return errors;
}

/** How many customers hold each tier now, by the program's current tiers and window. */
async function membersByTier(db: Queryable, program: Program, now: Date): Promise<Map<string, number>> {
  const customers = await db.query<{ id: string }>('SELECT id FROM customers WHERE program_id = $1', [program.id]);
  const since = activitySince(program.tierWindowMonths, now);
  const counts = new Map<string, number>();
  for (const { id } of customers) {
    const activity = await qualifyingActivity(db, program, id, since, now);
    const { current } = tierStanding(program.tiers, activity, program.tierWindowMonths, now);
    counts.set(current.id, (counts.get(current.id) ?? 0) + 1);
  }
  return counts;
}

/** Tiers the patch removes, each with where its members and rewards go (undefined: nowhere named). */
async function checkRemovedTiers(
  tx: Queryable,
  program: Program,
  patch: ProgramSettingsPatch & { tiers: TierSettings[] },
  now: Date,
): Promise<Map<string, string | undefined>> {
  const kept = new Set(patch.tiers.map((tier) => tier.id));
  const removed = program.tiers.filter((tier) => !kept.has(tier.id)).map((tier) => tier.id);
  const replacements = patch.tierReplacements ?? {};
  const errors: FieldError[] = [];
  for (const [from, to] of Object.entries(replacements)) {
    if (!removed.includes(from)) {
      errors.push({ path: `body.tierReplacements.${from}`, message: `"${from}" is not a tier this change removes.` });
    } else if (!kept.has(to)) {
      errors.push({ path: `body.tierReplacements.${from}`, message: `"${to}" is not one of the tiers in body.tiers.` });
    }
  }
  if (removed.length > 0) {
    const holders = await membersByTier(tx, program, now);
    const required = await tx.query<{ required_tier_id: string; rewards: number | string }>(
      `SELECT required_tier_id, count(*) AS rewards FROM rewards
        WHERE program_id = $1 AND required_tier_id = ANY($2::text[]) GROUP BY required_tier_id`,
      [program.id, removed],
    );
    for (const id of removed) {
      const members = holders.get(id) ?? 0;
      const rewards = Number(required.find((row) => row.required_tier_id === id)?.rewards ?? 0);
      if ((members > 0 || rewards > 0) && replacements[id] === undefined) {
        const who = [members > 0 && `held by ${members} member(s)`, rewards > 0 && `required by ${rewards} reward(s)`]
          .filter(Boolean)
          .join(' and ');
        errors.push({
          path: `body.tierReplacements.${id}`,
          message: `Tier "${id}" is ${who}: name the tier that takes its place, e.g. { "${id}": "${patch.tiers[0]!.id}" }.`,
        });
      }
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return new Map(removed.map((id) => [id, replacements[id]]));
}

export interface SettingsOptions {
  /** A referral landing URL may be a plain `http:` URL on this machine (demo mode). */
  allowHttpLoopback: boolean;
}

/**
 * Applies `patch` to the program in one transaction and returns the settings that result. The program's row is
 * locked, so two changes at once apply one after the other. Refuses (400, naming the field) a tier list that does
 * not start at 0, does not ascend or repeats an id, and the removal of a tier members hold or rewards require
 * without a replacement.
 */
export async function updateProgramSettings(
  db: Database,
  programId: string,
  patch: ProgramSettingsPatch,
  now: Date,
  options: SettingsOptions = { allowHttpLoopback: false },
): Promise<ProgramSettings> {
  const landingProblem = patch.referrals?.landingUrl
    ? landingUrlProblem(patch.referrals.landingUrl, options.allowHttpLoopback)
    : null;
  if (landingProblem !== null) throw validationFailed([landingProblem]);
  if (patch.tiers) {
    const errors = tierListErrors(patch.tiers);
    if (errors.length > 0) throw validationFailed(errors);
  } else if (patch.tierReplacements) {
    throw validationFailed([{ path: 'body.tierReplacements', message: 'Only with body.tiers, which removes tiers.' }]);
  }
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM programs WHERE id = $1 FOR UPDATE', [programId]);
    const program = (await findProgramById(tx, programId, now))!;
    const current = toProgramSettings(program);
    const merged = { ...current, ...patch, reminders: { ...current.reminders, ...patch.reminders } };
    await tx.query(
      `UPDATE programs
          SET name = $2, points_name = $3, timezone = $4, currency = $5, points_expiry_months = $6, tier_metric = $7,
              tier_window_months = $8, birthday_points = $9, birthday_days_before = COALESCE($10, birthday_days_before),
              birthday_days_after = COALESCE($11, birthday_days_after),
              birthday_notice_days = COALESCE($12, birthday_notice_days), welcome_bonus = $13, earn_rate = $14,
              tier_risk_horizon_days = $15, return_window_days = $16, points_expiring_days = $17::integer[],
              birthday_upcoming_days = $18::integer[], follow_up_target_hours = $19,
              lapsed_after_days = $20, referral_settings = $21
        WHERE id = $1`,
      [
        programId,
        merged.name,
        JSON.stringify(merged.pointsName),
        merged.timezone,
        merged.currency,
        merged.pointsExpiryMonths,
        merged.tierMetric,
        merged.tierWindowMonths,
        merged.birthday?.points ?? null,
        merged.birthday?.daysBefore ?? null,
        merged.birthday?.daysAfter ?? null,
        merged.birthday?.noticeDays ?? null,
        merged.welcomeBonus,
        merged.earnRate,
        merged.tierRiskHorizonDays,
        merged.returnWindowDays,
        merged.reminders.pointsExpiringDays,
        merged.reminders.birthdayUpcomingDays,
        merged.followUpTargetHours,
        merged.lapsedAfterDays,
        merged.referrals === null ? null : JSON.stringify(merged.referrals),
      ],
    );
    if (patch.tiers) await replaceTiers(tx, program, { ...patch, tiers: patch.tiers }, now);
    return toProgramSettings((await findProgramById(tx, programId, now))!);
  });
}

async function replaceTiers(
  tx: Queryable,
  program: Program,
  patch: ProgramSettingsPatch & { tiers: TierSettings[] },
  now: Date,
): Promise<void> {
  const removed = await checkRemovedTiers(tx, program, patch, now);
  for (const tier of patch.tiers) {
    await tx.query(
      `INSERT INTO tiers (program_id, id, name, threshold, benefits, earn_multiplier) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (program_id, id) DO UPDATE
         SET name = EXCLUDED.name, threshold = EXCLUDED.threshold, benefits = EXCLUDED.benefits,
             earn_multiplier = EXCLUDED.earn_multiplier`,
      [
        program.id,
        tier.id,
        JSON.stringify(tier.name),
        tier.threshold,
        JSON.stringify(tier.benefits),
        tier.earnMultiplier,
      ],
    );
  }
  // Rewards move onto their tier's replacement (which exists by now) before the old tier goes.
  for (const [id, target] of removed) {
    if (target !== undefined) {
      await tx.query('UPDATE rewards SET required_tier_id = $3 WHERE program_id = $1 AND required_tier_id = $2', [
        program.id,
        id,
        target,
      ]);
    }
  }
  if (removed.size > 0) {
    await tx.query('DELETE FROM tiers WHERE program_id = $1 AND id = ANY($2::text[])', [
      program.id,
      [...removed.keys()],
    ]);
  }
}
