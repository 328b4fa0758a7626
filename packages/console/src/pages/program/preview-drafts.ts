import type { AdminSurvey, Reward } from '@loyalty-elements/contract';
import type { RewardEdit } from './reward-editor.ts';
import type { SurveyEdit } from './survey-editor.ts';

/** The id a new reward has in the preview until one is typed. */
const UNNAMED_REWARD_ID = 'new-reward';

/** The catalogue with the reward being edited as its draft (a new one added, with nothing redeemed yet). */
export function previewRewardsOf(rewards: readonly Reward[], edit: RewardEdit | null | undefined): Reward[] {
  if (!edit) return [...rewards];
  const id = edit.id || UNNAMED_REWARD_ID;
  const existing = rewards.find((reward) => reward.id === id);
  const now = new Date().toISOString();
  const drafted: Reward = { redeemed: 0, createdAt: now, updatedAt: now, ...existing, ...edit.reward, id };
  return [...rewards.filter((reward) => reward.id !== id), drafted];
}

/** The surveys with the one being edited as its draft. */
export function previewSurveysOf(surveys: readonly AdminSurvey[], edit: SurveyEdit | null | undefined): AdminSurvey[] {
  if (!edit) return [...surveys];
  const drafted: AdminSurvey = { ...edit, status: edit.active ? 'active' : 'paused' };
  return surveys.map((survey) => (survey.id === edit.id ? drafted : survey));
}
