import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { PointsBalanceState } from '@loyalty-elements/components';
import { clientFor, scenarioNames, scenarios, type ScenarioName } from './support/fake-api.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args {
  /** Which shopper, or which failure, the fake API serves (stories/support/fake-api.ts). */
  scenario: ScenarioName;
  'sign-in-url': string;
  'color-scheme': '' | 'light' | 'dark';
}

/** The state a story shows; its play function checks it. */
const shows = (state: PointsBalanceState) => ({ expectedState: state });

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  ['Enter or Space (on "Expiry dates")', 'Shows or hides the dates on which the next points expire.'],
  ['Enter (on the rewards link)', "Opens the merchant's rewards page (with `rewards-url`)."],
];

const meta = {
  title: 'Widgets/Points balance',
  component: 'loyalty-points-balance',
  tags: ['autodocs'],
  args: { scenario: 'lin-mei', 'sign-in-url': '/account/sign-in', 'color-scheme': '' },
  argTypes: {
    scenario: {
      name: 'scenario',
      description: 'What the fake API answers (a real SDK client, answered by Mock Service Worker).',
      control: {
        type: 'select',
        labels: Object.fromEntries(scenarioNames.map((name) => [name, scenarios[name].label])),
      },
      options: scenarioNames,
      table: { category: 'story' },
    },
    'sign-in-url': { control: 'text' },
    'color-scheme': {
      control: { type: 'inline-radio', labels: { '': 'follow the page', light: 'light', dark: 'dark' } },
      options: ['', 'light', 'dark'],
    },
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'Every state of the points balance, fed by fixed fixtures (`stories/fixtures.ts`) through a fake API. ' +
            'Switch language, colour scheme, direction, motion and theme in the toolbar.',
          keyboard,
        ),
      },
    },
  },
  render: ({ scenario, 'sign-in-url': signInUrl, 'color-scheme': colorScheme }) => html`
    <loyalty-points-balance
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-points-balance>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

// Ready

export const Ready: Story = {
  args: { scenario: 'lin-mei' },
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = {
  name: 'Ready in Chinese (zh-CN)',
  args: { scenario: 'lin-mei' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const BigNumbers: Story = {
  name: 'Big numbers',
  args: { scenario: 'alex-chen' },
  parameters: shows('ready'),
};

export const BigNumbersInChinese: Story = {
  name: 'Big numbers in Chinese (zh-CN)',
  args: { scenario: 'alex-chen' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const LongNames: Story = {
  name: 'Long names',
  args: { scenario: 'long-names' },
  parameters: shows('ready'),
};

export const LongNamesInChinese: Story = {
  name: 'Long names in Chinese (zh-CN)',
  args: { scenario: 'long-names' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const Dark: Story = {
  args: { scenario: 'lin-mei' },
  globals: { scheme: 'dark' },
  parameters: shows('ready'),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { scenario: 'alex-chen' },
  globals: { direction: 'rtl' },
  parameters: shows('ready'),
};

// Empty: a shopper who has just joined

export const ZeroPoints: Story = {
  name: 'Empty (zero points)',
  args: { scenario: 'sam-lee' },
  parameters: shows('ready'),
};

// Loading

export const Loading: Story = {
  args: { scenario: 'loading' },
  parameters: shows('loading'),
};

export const LoadingWithReducedMotion: Story = {
  name: 'Loading with reduced motion',
  args: { scenario: 'loading' },
  globals: { motion: 'reduce' },
  parameters: shows('loading'),
};

export const LoadingDark: Story = {
  name: 'Loading (dark)',
  args: { scenario: 'loading' },
  globals: { scheme: 'dark' },
  parameters: shows('loading'),
};

// Guest: no customer token, not an error

export const Guest: Story = {
  args: { scenario: 'guest' },
  parameters: shows('guest'),
};

export const GuestWithoutSignInUrl: Story = {
  name: 'Guest without sign-in-url (fires loyalty-sign-in-requested)',
  args: { scenario: 'guest', 'sign-in-url': '' },
  parameters: shows('guest'),
};

export const GuestInChinese: Story = {
  name: 'Guest in Chinese (zh-CN)',
  args: { scenario: 'guest' },
  globals: { locale: 'zh-CN' },
  parameters: shows('guest'),
};

// Errors, each with a retry button (except a page with no client, where retrying cannot help)

export const NetworkError: Story = {
  name: 'Network error',
  args: { scenario: 'network-error' },
  parameters: shows('error'),
};

export const ServerError: Story = {
  name: 'Server error (500)',
  args: { scenario: 'server-error' },
  parameters: shows('error'),
};

export const SessionExpired: Story = {
  name: 'Session expired (401)',
  args: { scenario: 'session-expired' },
  parameters: shows('error'),
};

export const TimedOut: Story = {
  name: 'Timed out (1.5 s)',
  args: { scenario: 'timeout' },
  parameters: shows('error'),
};

export const ErrorInChinese: Story = {
  name: 'Error in Chinese (zh-CN)',
  args: { scenario: 'network-error' },
  globals: { locale: 'zh-CN' },
  parameters: shows('error'),
};

export const NotConnected: Story = {
  name: 'Page not connected (no client)',
  args: { scenario: 'not-connected' },
  parameters: shows('error'),
};
