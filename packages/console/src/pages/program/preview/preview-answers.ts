import type {
  AdminSurvey,
  CustomerReward,
  CustomerRewards,
  EligibleSurvey,
  Program,
  ProgramSettings,
  Reward,
  Summary,
  TierSettings,
} from '@loyalty-elements/contract';

/** The sample member the preview shows the widgets to: a spendable balance and the tier they hold. */
export interface SampleMember {
  name: string;
  locale: string;
  balance: number;
  tierId: string;
}

/** Everything a preview answer is computed from: the drafts of every section and the sample member. */
export interface PreviewDraft {
  settings: ProgramSettings;
  rewards: readonly Reward[];
  /** Every survey, the one being edited as its draft. */
  surveys: readonly AdminSurvey[];
  /** The survey the survey widget previews (the one being edited), if any. */
  previewSurveyId: string | null;
  member: SampleMember;
  now: Date;
}

/** The draft's tiers as the API orders them: by threshold (a draft may have them out of order before saving). */
export function orderedTiers(settings: ProgramSettings): TierSettings[] {
  return [...settings.tiers].sort((a, b) => a.threshold - b.threshold);
}

/** What the sample member has qualified with: their tier's threshold and half the way to the next one. */
export function qualifiedAmount(tiers: readonly TierSettings[], tierId: string): number {
  const index = Math.max(
    0,
    tiers.findIndex((tier) => tier.id === tierId),
  );
  const tier = tiers[index];
  const next = tiers[index + 1];
  if (!tier) return 0;
  return next ? tier.threshold + Math.floor((next.threshold - tier.threshold) / 2) : tier.threshold;
}

/** `GET /v1/program` as the API would answer it once the draft is saved. */
export function previewProgram(draft: PreviewDraft): Program {
  const { settings } = draft;
  const surveyPoints = Math.max(
    0,
    ...draft.surveys.filter((survey) => survey.active).map((survey) => survey.completionReward ?? 0),
  );
  return {
    name: settings.name,
    pointsName: settings.pointsName,
    timezone: settings.timezone,
    currency: settings.currency,
    tiers: orderedTiers(settings).map(({ id, name, threshold, benefits, earnMultiplier }) => ({
      id,
      name,
      threshold,
      metric: settings.tierMetric,
      window: { type: 'rolling', months: settings.tierWindowMonths },
      benefits,
      earnMultiplier,
    })),
    pointsExpiryMonths: settings.pointsExpiryMonths,
    birthday: settings.birthday,
    earning: {
      earnRate: settings.earnRate,
      welcomeBonus: settings.welcomeBonus,
      surveyPoints,
      referral: settings.referrals && {
        referrerPoints: settings.referrals.referrerPoints,
        friendPoints: settings.referrals.friendPoints,
      },
    },
  };
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** `GET /v1/me/summary` of the sample member: their tier standing under the draft tiers; a birthday today. */
export function previewSummary(draft: PreviewDraft): Summary {
  const { settings, member, now } = draft;
  const tiers = orderedTiers(settings);
  const qualified = qualifiedAmount(tiers, member.tierId);
  const currentIndex = tiers.findLastIndex((tier) => tier.threshold <= qualified);
  const current = tiers[Math.max(0, currentIndex)]!;
  const next = tiers[currentIndex + 1] ?? null;
  const survey = draft.surveys.find((s) => s.id === draft.previewSurveyId);
  return {
    customer: { id: 'preview-member', name: member.name, locale: member.locale, timezone: settings.timezone },
    program: { name: settings.name, pointsName: settings.pointsName },
    points: { balance: member.balance, pending: 0, lifetimeEarned: Math.max(member.balance, qualified), expiring: [] },
    tier: {
      current: { id: current.id, name: current.name },
      next: next && { id: next.id, name: next.name },
      progress: {
        metric: settings.tierMetric,
        qualified,
        nextThreshold: next?.threshold ?? null,
        remaining: next ? Math.max(0, next.threshold - qualified) : 0,
      },
      windowEndsAt: null,
      atRisk: null,
    },
    birthday: settings.birthday && {
      month: now.getUTCMonth() + 1,
      day: now.getUTCDate(),
      calendar: 'gregorian',
      inWindow: true,
      claimable: true,
      claimedThisYear: false,
      nextBirthday: isoDay(now),
      firstRewardBirthday: null,
    },
    surveysDue: survey ? [survey.trigger] : [],
  };
}

/** `GET /v1/me/rewards`: the draft catalogue's rewards on offer now, each locked as the API would lock it. */
export function previewRewards(draft: PreviewDraft): CustomerRewards {
  const { member, now } = draft;
  const tiers = orderedTiers(draft.settings);
  const rank = (tierId: string) => tiers.findIndex((tier) => tier.id === tierId);
  const memberRank = Math.max(0, rank(member.tierId));
  const onOffer = (reward: Reward) =>
    reward.active &&
    (reward.availableFrom === null || new Date(reward.availableFrom) <= now) &&
    (reward.availableUntil === null || new Date(reward.availableUntil) > now);
  const rewards = draft.rewards.filter(onOffer).map((reward): CustomerReward => {
    const required = reward.requiredTierId === null ? undefined : tiers[rank(reward.requiredTierId)];
    const left = reward.stock === null ? null : Math.max(0, reward.stock - reward.redeemed);
    const pointsNeeded = Math.max(0, reward.pointsCost - member.balance);
    const lockedBy =
      required && rank(required.id) > memberRank
        ? 'tier'
        : left === 0
          ? 'out_of_stock'
          : pointsNeeded > 0
            ? 'points'
            : null;
    return {
      id: reward.id,
      name: reward.name,
      description: reward.description,
      pointsCost: reward.pointsCost,
      requiredTier: required ? { id: required.id, name: required.name } : null,
      stock: left,
      validityDays: reward.validityDays,
      availableUntil: reward.availableUntil,
      lockedBy,
      pointsNeeded,
    };
  });
  rewards.sort((a, b) => a.pointsCost - b.pointsCost || a.id.localeCompare(b.id));
  return { balance: member.balance, rewards, redemptions: [] };
}

/** `GET /v1/me/surveys/eligible?trigger=…`: the survey being edited, at its trigger, whatever its sampling. */
export function previewEligible(draft: PreviewDraft, trigger: string | null): EligibleSurvey {
  const survey = draft.surveys.find((s) => s.id === draft.previewSurveyId && s.trigger === trigger);
  if (!survey) return { survey: null, reason: 'no_survey' };
  const { active: _active, ...definition } = survey;
  return { survey: { ...definition, status: 'active' } };
}
