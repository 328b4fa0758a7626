import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WaysToEarnState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';
import { sharedStateStories } from './support/state-stories.ts';

interface Args extends WidgetStoryArgs {
  'birthday-url': string;
}

/** The state a story shows; its play function checks it. */
const shows = (state: WaysToEarnState) => ({ expectedState: state });

const keyboard: KeyboardRow[] = [
  ['Enter (on "Add your birthday")', 'A member without a birthday on file: follows `birthday-url`.'],
];

const meta = {
  title: 'Widgets/Ways to earn',
  component: 'loyalty-ways-to-earn',
  tags: ['autodocs'],
  args: {
    scenario: 'lin-mei',
    'sign-in-url': '/account/sign-in',
    'birthday-url': '/account/birthday',
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    'sign-in-url': { control: 'text' },
    'birthday-url': { control: 'text' },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'How the shopper earns points (赚取积分), built from the program (`GET /v1/program`) and the summary: ' +
            'points per ¥1 at the shopper’s tier multiplier, the welcome bonus for a guest, the birthday gift (with a ' +
            'link to add a missing birthday) and the survey reward; then the loading, empty, guest and error ' +
            'states. The demo program of the fake API (`stories/fixtures.ts`) gives 1 point per ¥1, Gold 1.5× and ' +
            'Diamond 2×, 100 points for joining, a 200-point birthday gift and up to 50 points for a survey.',
          keyboard,
        ),
      },
    },
  },
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({ scenario, 'sign-in-url': signInUrl, 'birthday-url': birthdayUrl, 'color-scheme': colorScheme }) => html`
    <loyalty-ways-to-earn
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      birthday-url=${ifDefined(birthdayUrl || undefined)}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-ways-to-earn>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

// Ready

export const Ready: Story = {
  name: 'Ready: a Silver member with a birthday on file',
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = shared.readyInChinese;

export const TierMultiplier: Story = {
  name: 'A Diamond member: 2× the points',
  args: { scenario: 'alex-chen' },
  parameters: shows('ready'),
};

export const TierMultiplierInChinese: Story = {
  name: 'A Diamond member in Chinese (zh-CN)',
  args: { scenario: 'alex-chen' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const BirthdayMissing: Story = {
  name: 'A new member without a birthday: "Add your birthday"',
  args: { scenario: 'sam-lee' },
  parameters: shows('ready'),
};

export const Dark: Story = shared.dark;
export const RightToLeft: Story = shared.rightToLeft;

// Empty: a program that rewards none of its ways

export const Empty: Story = {
  name: 'Empty (nothing to earn)',
  args: { scenario: 'ways-empty' },
  parameters: shows('empty'),
};

export const EmptyInChinese: Story = {
  name: 'Empty in Chinese (zh-CN)',
  args: { scenario: 'ways-empty' },
  globals: { locale: 'zh-CN' },
  parameters: shows('empty'),
};

// Loading, guest (the ways to earn with the welcome bonus, compact, and a sign-in) and errors

export const Loading: Story = shared.loading;
export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;
export const Guest: Story = shared.guest;
export const GuestWithoutSignInUrl: Story = shared.guestWithoutSignInUrl;
export const GuestInChinese: Story = shared.guestInChinese;

export const GuestDark: Story = {
  name: 'Guest, dark',
  args: { scenario: 'guest' },
  globals: { scheme: 'dark' },
  parameters: shows('guest'),
};

export const NetworkError: Story = shared.networkError;
export const SessionExpired: Story = shared.sessionExpired;
export const SessionExpiredInChinese: Story = shared.sessionExpiredInChinese;

export const MalformedAnswer: Story = {
  name: 'Malformed program',
  args: { scenario: 'ways-malformed' },
  parameters: shows('error'),
};

export const NotConnected: Story = shared.notConnected;
