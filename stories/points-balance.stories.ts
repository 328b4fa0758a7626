import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { PointsBalanceState } from '@loyalty-elements/components';
import { clientFor } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { sharedStateStories } from './support/state-stories.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

type Args = WidgetStoryArgs;

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
    scenario: scenarioArgType,
    'sign-in-url': { control: 'text' },
    'color-scheme': colorSchemeArgType,
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
const shared = sharedStateStories<Args>();

// Ready

export const Ready: Story = {
  args: { scenario: 'lin-mei' },
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = shared.readyInChinese;

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

export const Dark: Story = shared.dark;

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

export const Loading: Story = shared.loading;

export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;

export const LoadingDark: Story = shared.loadingDark;

// Guest: no customer token, not an error

export const Guest: Story = shared.guest;

export const GuestWithoutSignInUrl: Story = shared.guestWithoutSignInUrl;

export const GuestInChinese: Story = shared.guestInChinese;

// Errors, each with a retry button (except a page with no client, where retrying cannot help)

export const NetworkError: Story = shared.networkError;

export const ServerError: Story = shared.serverError;

export const SessionExpired: Story = shared.sessionExpired;

export const TimedOut: Story = shared.timedOut;

export const ErrorInChinese: Story = shared.errorInChinese;

export const NotConnected: Story = shared.notConnected;
