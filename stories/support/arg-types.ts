// Storybook controls the widgets' stories share.
import { scenarioNames, scenarios, type ScenarioName } from './fake-api.ts';

/** The args every customer widget's stories have: the fake API's scenario, a sign-in link and a colour scheme. */
export interface WidgetStoryArgs {
  /** Which shopper, or which failure, the fake API serves (stories/support/fake-api.ts). */
  scenario: ScenarioName;
  'sign-in-url': string;
  'color-scheme': '' | 'light' | 'dark';
}

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
