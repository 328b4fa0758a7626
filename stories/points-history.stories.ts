import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LoyaltyPointsHistory, PointsHistoryState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { sharedStateStories } from './support/state-stories.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  'page-size': number;
}

/** The state a story shows; its play function checks it. */
const shows = (state: PointsHistoryState) => ({ expectedState: state });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Presses "Show more" once the history is shown, and waits until `shown` holds (the fake API answers at once). */
async function showMore(canvas: HTMLElement, shown: (widget: LoyaltyPointsHistory) => boolean): Promise<void> {
  await widgetsSettled(canvas, 'ready');
  const widget = canvas.querySelector('loyalty-points-history')!;
  widget.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
  const deadline = Date.now() + 5_000;
  while (!shown(widget)) {
    if (Date.now() > deadline) throw new Error('<loyalty-points-history> never showed the next page');
    await pause(25);
  }
  await widget.updateComplete;
}

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  ['Enter or Space (on "Show more")', 'Shows older entries; focus moves to the first of them.'],
  ['Enter or Space (on "Try again", under a page that failed)', 'Asks for that page again; what is shown stays.'],
];

const meta = {
  title: 'Widgets/Points history',
  component: 'loyalty-points-history',
  tags: ['autodocs'],
  args: { scenario: 'history', 'sign-in-url': '/account/sign-in', 'page-size': 5, 'color-scheme': '' },
  argTypes: {
    scenario: scenarioArgType,
    'sign-in-url': { control: 'text' },
    'page-size': { control: { type: 'number', min: 1, max: 100, step: 1 } },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'The shopper’s points activity (积分记录), newest first: every kind of entry, a pending order with the ' +
            'day its points become spendable, expiry dates, a refund that could not take everything back, "Show ' +
            'more" paging with the API cursor, a page that fails, and the loading, empty, guest and error states. ' +
            'The fake API (`stories/support/fake-api.ts`, fixtures in `stories/points-history-fixtures.ts`) dates ' +
            'the entries relative to today. Switch language, colour scheme, direction, motion and theme in the toolbar.',
          keyboard,
        ),
      },
    },
  },
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({ scenario, 'sign-in-url': signInUrl, 'page-size': pageSize, 'color-scheme': colorScheme }) => html`
    <loyalty-points-history
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      page-size=${pageSize}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-points-history>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

// Ready

export const Ready: Story = {
  name: 'Ready: pending order, refund shortfall, redemption, survey',
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = shared.readyInChinese;

export const ShowMore: Story = {
  name: 'Show more (second page)',
  parameters: shows('ready'),
  play: ({ canvasElement }) => showMore(canvasElement, (widget) => widget.entries.length === 10),
};

export const AllPages: Story = {
  name: 'Every page shown (no more button)',
  args: { 'page-size': 20 },
  parameters: shows('ready'),
};

export const PageFailed: Story = {
  name: 'A page that failed (keeps what is shown, offers a retry)',
  args: { scenario: 'history-page-fails' },
  parameters: shows('ready'),
  play: ({ canvasElement }) =>
    showMore(canvasElement, (widget) => widget.shadowRoot!.querySelector('[part~="page-error"]') !== null),
};

export const PageFailedInChinese: Story = {
  name: 'A page that failed in Chinese (zh-CN)',
  args: { scenario: 'history-page-fails' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
  play: PageFailed.play,
};

export const Dark: Story = shared.dark;

export const RightToLeft: Story = shared.rightToLeft;

// Empty: a shopper with no activity yet

export const Empty: Story = {
  name: 'Empty (says how points are earned)',
  args: { scenario: 'history-empty' },
  parameters: shows('empty'),
};

export const EmptyInChinese: Story = {
  name: 'Empty in Chinese (zh-CN)',
  args: { scenario: 'history-empty' },
  globals: { locale: 'zh-CN' },
  parameters: shows('empty'),
};

// Loading

export const Loading: Story = shared.loading;

export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;

// Guest: no customer token, not an error

export const Guest: Story = shared.guest;

export const GuestWithoutSignInUrl: Story = shared.guestWithoutSignInUrl;

export const GuestInChinese: Story = shared.guestInChinese;

// Errors, each with a retry button (except a page with no client, where retrying cannot help)

export const NetworkError: Story = shared.networkError;

export const SessionExpired: Story = shared.sessionExpired;

export const SessionExpiredInChinese: Story = shared.sessionExpiredInChinese;

export const MalformedAnswer: Story = {
  name: 'Malformed answer',
  args: { scenario: 'history-malformed' },
  parameters: shows('error'),
};

export const NotConnected: Story = shared.notConnected;
