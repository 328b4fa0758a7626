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
  /** Set when, at `windowEndsAt`, what is left falls below the current tier's threshold. */
  atRisk: { retainThreshold: number; remaining: number } | null;
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
  let atRisk: TierStanding['atRisk'] = null;
  if (inWindow.length > 0) {
    const leavesAt = inWindow.map((item) => addMonths(item.at, windowMonths).getTime());
    const first = Math.min(...leavesAt);
    windowEndsAt = new Date(first);
    const leaving = inWindow.reduce((total, item, i) => (leavesAt[i] === first ? total + item.amount : total), 0);
    const left = Math.max(0, sum - leaving);
    if (current.threshold > 0 && qualified >= current.threshold && left < current.threshold) {
      atRisk = { retainThreshold: current.threshold, remaining: current.threshold - left };
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

function byThreshold(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.threshold - b.threshold);
}
