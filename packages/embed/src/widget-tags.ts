/** Every element the drop-in offers; each has its registration module in the components' `define/` folder. */
export const WIDGET_TAGS = [
  'loyalty-points-balance',
  'loyalty-tier-progress',
  'loyalty-birthday-greeting',
  'loyalty-satisfaction-survey',
  'loyalty-rewards',
  'loyalty-points-history',
  'loyalty-ways-to-earn',
  'loyalty-join-pitch',
  'loyalty-panel',
  'loyalty-referral',
] as const;

export type WidgetTag = (typeof WIDGET_TAGS)[number];

export const isWidgetTag = (name: string): name is WidgetTag => (WIDGET_TAGS as readonly string[]).includes(name);
