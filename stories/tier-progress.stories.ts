import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { TierProgressState } from '@loyalty-elements/components';
import { clientFor } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { sharedStateStories } from './support/state-stories.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  variant: 'full' | 'compact';
  'benefits-open': boolean;
}

/** The state a story shows; its play function checks it. */
const shows = (state: TierProgressState) => ({ expectedState: state });

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  ['Enter or Space (on "Tier benefits")', 'Shows or hides what the current and the next tier give.'],
];

const meta = {
  title: 'Widgets/Tier progress',
  component: 'loyalty-tier-progress',
  tags: ['autodocs'],
  args: {
    scenario: 'lin-mei',
    variant: 'full',
    'benefits-open': false,
    'sign-in-url': '/account/sign-in',
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    variant: { control: { type: 'inline-radio' }, options: ['full', 'compact'] },
    'benefits-open': { control: 'boolean' },
    'sign-in-url': { control: 'text' },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'The shopper’s tier, a progress bar to the next one, what is left and by when, an at-risk warning and ' +
            'the benefits of each tier, for tiers by points or by spend. Every state is fed by fixed fixtures ' +
            '(`stories/fixtures.ts`) through a fake API. Switch language, colour scheme, direction, motion and theme ' +
            'in the toolbar.',
          keyboard,
        ),
      },
    },
  },
  render: ({
    scenario,
    variant,
    'benefits-open': benefitsOpen,
    'sign-in-url': signInUrl,
    'color-scheme': colorScheme,
  }) => html`
    <loyalty-tier-progress
      .client=${clientFor(scenario)}
      variant=${variant}
      ?benefits-open=${benefitsOpen}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-tier-progress>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

// Ready: on the way to the next tier

export const Ready: Story = {
  args: { scenario: 'lin-mei' },
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = shared.readyInChinese;

export const BenefitsOpen: Story = {
  name: 'Benefits open',
  args: { scenario: 'lin-mei', 'benefits-open': true },
  parameters: shows('ready'),
};

export const BenefitsOpenInChinese: Story = {
  name: 'Benefits open in Chinese (zh-CN)',
  args: { scenario: 'lin-mei', 'benefits-open': true },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

// At risk: the current tier would be lost at the end of the qualification window

export const AtRisk: Story = {
  name: 'At risk',
  args: { scenario: 'gold-at-risk' },
  parameters: shows('ready'),
};

export const AtRiskInChinese: Story = {
  name: 'At risk in Chinese (zh-CN)',
  args: { scenario: 'gold-at-risk' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

// Top tier: no next tier, a full bar

export const TopTier: Story = {
  name: 'Top tier',
  args: { scenario: 'top-tier', 'benefits-open': true },
  parameters: shows('ready'),
};

export const TopTierInChinese: Story = {
  name: 'Top tier in Chinese (zh-CN)',
  args: { scenario: 'top-tier' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const TopTierAtRisk: Story = {
  name: 'Top tier, at risk',
  args: { scenario: 'alex-chen' },
  parameters: shows('ready'),
};

// Tiers by spend: money in the program's currency

export const Spend: Story = {
  name: 'Tiers by spend',
  args: { scenario: 'spend' },
  parameters: shows('ready'),
};

export const SpendInChinese: Story = {
  name: 'Tiers by spend in Chinese (zh-CN)',
  args: { scenario: 'spend' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const SpendAtRisk: Story = {
  name: 'Tiers by spend, at risk',
  args: { scenario: 'spend-at-risk' },
  parameters: shows('ready'),
};

export const SpendAtRiskInChinese: Story = {
  name: 'Tiers by spend, at risk, in Chinese (zh-CN)',
  args: { scenario: 'spend-at-risk' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

// Compact: the bar and one line

export const Compact: Story = {
  args: { scenario: 'lin-mei', variant: 'compact' },
  parameters: shows('ready'),
};

export const CompactInChinese: Story = {
  name: 'Compact in Chinese (zh-CN)',
  args: { scenario: 'lin-mei', variant: 'compact' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const CompactAtRisk: Story = {
  name: 'Compact, at risk',
  args: { scenario: 'spend-at-risk', variant: 'compact' },
  parameters: shows('ready'),
};

export const CompactTopTier: Story = {
  name: 'Compact, top tier',
  args: { scenario: 'top-tier', variant: 'compact' },
  parameters: shows('ready'),
};

// Empty: a member who has just joined

export const Empty: Story = {
  name: 'Empty (new member)',
  args: { scenario: 'sam-lee' },
  parameters: shows('empty'),
};

export const EmptyInChinese: Story = {
  name: 'Empty in Chinese (zh-CN)',
  args: { scenario: 'sam-lee' },
  globals: { locale: 'zh-CN' },
  parameters: shows('empty'),
};

// Colour scheme, direction, long names

export const Dark: Story = {
  args: { scenario: 'gold-at-risk', 'benefits-open': true },
  globals: { scheme: 'dark' },
  parameters: shows('ready'),
};

export const DarkCompact: Story = {
  name: 'Dark, compact',
  args: { scenario: 'spend', variant: 'compact' },
  globals: { scheme: 'dark' },
  parameters: shows('ready'),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { scenario: 'lin-mei', 'benefits-open': true },
  globals: { direction: 'rtl' },
  parameters: shows('ready'),
};

export const LongNames: Story = {
  name: 'Long names',
  args: { scenario: 'long-names' },
  parameters: shows('ready'),
};

// Loading

export const Loading: Story = shared.loading;

export const LoadingCompact: Story = {
  name: 'Loading, compact',
  args: { scenario: 'loading', variant: 'compact' },
  parameters: shows('loading'),
};

export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;

export const LoadingDark: Story = shared.loadingDark;

// Guest: no customer token, not an error

export const Guest: Story = shared.guest;

export const GuestWithoutSignInUrl: Story = shared.guestWithoutSignInUrl;

export const GuestInChinese: Story = shared.guestInChinese;

export const GuestCompact: Story = {
  name: 'Guest, compact',
  args: { scenario: 'guest', variant: 'compact' },
  parameters: shows('guest'),
};

// Errors, each with a retry button (except a page with no client, where retrying cannot help)

export const NetworkError: Story = shared.networkError;

export const ServerError: Story = shared.serverError;

export const SessionExpired: Story = shared.sessionExpired;

export const TimedOut: Story = shared.timedOut;

export const ErrorInChinese: Story = shared.errorInChinese;

export const NotConnected: Story = shared.notConnected;
