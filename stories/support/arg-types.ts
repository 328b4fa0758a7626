// Storybook controls the widgets' stories share.
import { scenarioNames, scenarios } from './fake-api.ts';

/** The `scenario` arg: which shopper, or which failure, the fake API serves. */
export const scenarioArgType = {
  name: 'scenario',
  description: 'What the fake API answers (a real SDK client, answered by Mock Service Worker).',
  control: {
    type: 'select' as const,
    labels: Object.fromEntries(scenarioNames.map((name) => [name, scenarios[name].label])),
  },
  options: scenarioNames,
  table: { category: 'story' },
};

/** The `color-scheme` attribute: follow the page, or force light or dark. */
export const colorSchemeArgType = {
  control: { type: 'inline-radio' as const, labels: { '': 'follow the page', light: 'light', dark: 'dark' } },
  options: ['', 'light', 'dark'],
};
