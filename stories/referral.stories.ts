import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ReferralState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';
import { sharedStateStories } from './support/state-stories.ts';

type Args = WidgetStoryArgs;

/** The state a story shows; its play function checks it. */
const shows = (state: ReferralState) => ({ expectedState: state });

const keyboard: KeyboardRow[] = [
  ['Tab', 'The link, "Copy", "Share" (where the browser can share), the code, "Copy".'],
  ['Enter or Space (on "Copy")', 'Copies; "Copied" shows on the button and is announced.'],
  ['Enter or Space (on "Share")', 'Opens the system share sheet with the link.'],
];

const meta = {
  title: 'Widgets/Referral',
  component: 'loyalty-referral',
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
          'Invite a friend (邀请好友): the shopper’s referral link and code from `GET /v1/me/referral`, each with ' +
            'Copy (and Share where the browser has the Web Share API), what a friend gets and what the shopper ' +
            'gets, friends joined and points earned; then the loading, guest and error states. A program without ' +
            'referrals renders nothing. The fake API’s referral (`stories/referral-fixtures.ts`) gives 500 points to ' +
            'the shopper and 300 to the friend.',
          keyboard,
        ),
      },
    },
  },
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({ scenario, 'sign-in-url': signInUrl, 'color-scheme': colorScheme }) => html`
    <loyalty-referral
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-referral>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

export const Ready: Story = { name: 'Ready: three friends joined, 1,000 points earned', parameters: shows('ready') };
export const ReadyInChinese: Story = shared.readyInChinese;

export const CodeOnly: Story = {
  name: 'No landing page: the code alone',
  args: { scenario: 'referral-code-only' },
  parameters: shows('ready'),
};

export const Disabled: Story = {
  name: 'A program without referrals: renders nothing',
  args: { scenario: 'referral-disabled' },
  parameters: shows('disabled'),
};

export const Dark: Story = shared.dark;
export const RightToLeft: Story = shared.rightToLeft;
export const Loading: Story = shared.loading;
export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;
export const Guest: Story = shared.guest;
export const GuestWithoutSignInUrl: Story = shared.guestWithoutSignInUrl;
export const GuestInChinese: Story = shared.guestInChinese;
export const NetworkError: Story = shared.networkError;
export const SessionExpired: Story = shared.sessionExpired;
export const SessionExpiredInChinese: Story = shared.sessionExpiredInChinese;

export const MalformedAnswer: Story = {
  name: 'Malformed referral',
  args: { scenario: 'referral-malformed' },
  parameters: shows('error'),
};

export const NotConnected: Story = shared.notConnected;
