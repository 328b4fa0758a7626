import type { Tier } from './programs.ts';
import { addMonths, DAY_MS } from './time.ts';

/**
 * Where to start reading qualifying activity for a standing at `now`: a few days more than the window,
 * since month lengths vary; {@link tierStanding} draws the exact line.
 */
export function activitySince(windowMonths: number, now: Date): Date {
  return new Date(addMonths(now, -windowMonths).getTime() - 4 * DAY_MS);
}

/** The highest tier whose threshold `qualified` reaches; the lowest tier if none does. */
export function currentTier(tiers: readonly Tier[], qualified: number): Tier {
  const ordered = byThreshold(tiers);
  const lowest = ordered[0];
  if (lowest === undefined) throw new Error('A program needs at least one tier');
  return ordered.filter((tier) => tier.threshold <= qualified).at(-1) ?? lowest;
}

/** Something that counts towards a tier: points earned (or spend) at an instant; negative for corrections. */
export interface QualifyingActivity {
  at: Date;
  amount: number;
}

export interface TierRisk {
  retainThreshold: number;
  remaining: number;
  at: Date;
  dropsTo: Tier;
}

/** How far ahead a tier is forecast when the program does not say. */
export const DEFAULT_TIER_RISK_HORIZON_DAYS = 90;

export interface TierStanding {
  current: Tier;
  next: Tier | null;
  /** Sum of the activity inside the window (never below zero). */
  qualified: number;
  nextThreshold: number | null;
  /** How much more reaches `next`; 0 at the top. */
  remaining: number;
  /** When the oldest activity inside the window leaves it; null when there is none. */
  windowEndsAt: Date | null;
  /**
   * Set when, within the forecast horizon, what is left as activity leaves the window falls below the current
   * tier's threshold: when (`at`), how much more keeps the tier (`remaining`), and the tier it would drop to.
   */
  atRisk: TierRisk | null;
}

/**
 * Tier standing on a rolling window of `windowMonths` months ending at `now`: activity at `at`
 * counts while `now - windowMonths < at <= now`, so it leaves the window at `at + windowMonths`.
 * The spendable balance plays no part: redeeming points never demotes anyone.
 */
export function tierStanding(
  tiers: readonly Tier[],
  activity: readonly QualifyingActivity[],
  windowMonths: number,
  now: Date,
  horizonDays: number = DEFAULT_TIER_RISK_HORIZON_DAYS,
): TierStanding {
  const inWindow = activity.filter(
    (item) => item.at.getTime() <= now.getTime() && addMonths(item.at, windowMonths).getTime() > now.getTime(),
  );
  const sum = inWindow.reduce((total, item) => total + item.amount, 0);
  const qualified = Math.max(0, sum);

  const ordered = byThreshold(tiers);
  const current = currentTier(ordered, qualified);
  const next = ordered[ordered.indexOf(current) + 1] ?? null;

  let windowEndsAt: Date | null = null;
  let atRisk: TierRisk | null = null;
  if (inWindow.length > 0) {
    const leavesAt = inWindow.map((item) => addMonths(item.at, windowMonths).getTime());
    windowEndsAt = new Date(Math.min(...leavesAt));
    if (current.threshold > 0 && qualified >= current.threshold) {
      atRisk = forecastRisk(ordered, current, inWindow, leavesAt, sum, now.getTime() + horizonDays * DAY_MS);
    }
  }

  return {
    current,
    next,
    qualified,
    nextThreshold: next?.threshold ?? null,
    remaining: next ? Math.max(0, next.threshold - qualified) : 0,
    windowEndsAt,
    atRisk,
  };
}

/**
 * Walks the moments activity leaves the window, up to `horizonEnd`: the first at which what is left falls below
 * the current tier's threshold is the risk. Activity leaving at the same moment leaves together.
 */
function forecastRisk(
  ordered: readonly Tier[],
  current: Tier,
  inWindow: readonly QualifyingActivity[],
  leavesAt: readonly number[],
  sum: number,
  horizonEnd: number,
): TierRisk | null {
  const moments = [...new Set(leavesAt)].filter((moment) => moment <= horizonEnd).sort((a, b) => a - b);
  let left = sum;
  for (const moment of moments) {
    left -= inWindow.reduce((total, item, i) => (leavesAt[i] === moment ? total + item.amount : total), 0);
    const kept = Math.max(0, left);
    if (kept < current.threshold) {
      return {
        retainThreshold: current.threshold,
        remaining: current.threshold - kept,
        at: new Date(moment),
        dropsTo: currentTier(ordered, kept),
      };
    }
  }
  return null;
}

function byThreshold(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.threshold - b.threshold);
}
