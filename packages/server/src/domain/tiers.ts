import type { Tier } from './programs.ts';

/** The highest tier whose threshold `earnedInWindow` reaches; the lowest tier if none does. */
export function currentTier(tiers: readonly Tier[], earnedInWindow: number): Tier {
  const ordered = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const lowest = ordered[0];
  if (lowest === undefined) throw new Error('A program needs at least one tier');
  return ordered.filter((tier) => tier.threshold <= earnedInWindow).at(-1) ?? lowest;
}
