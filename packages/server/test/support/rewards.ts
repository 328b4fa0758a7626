import type { RewardDraft } from '@loyalty-elements/contract';

/** A reward anyone may redeem for 100 points, always on offer, with `overrides` applied. */
export function rewardDraft(overrides: Partial<RewardDraft> = {}): RewardDraft {
  return {
    name: { en: 'Oolong sampler', 'zh-CN': '乌龙茶试饮装' },
    description: { en: 'Three small tins.', 'zh-CN': '三小罐。' },
    pointsCost: 100,
    requiredTierId: null,
    stock: null,
    validityDays: 30,
    availableFrom: null,
    availableUntil: null,
    active: true,
    ...overrides,
  };
}
