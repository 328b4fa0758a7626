import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { PanelPosition, PanelState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  position: PanelPosition;
  label: string;
  open: boolean;
}

/** What the launcher shows; the story's play function checks it. */
const shows = (state: PanelState) => ({ expectedState: state });

const keyboard: KeyboardRow[] = [
  ['Enter or Space (on the launcher)', 'Opens the panel; focus moves to its close button.'],
  ['Escape', 'Closes the panel (modal on a phone, a side sheet on a wide screen); focus returns to the launcher.'],
];

const meta = {
  title: 'Widgets/Panel',
  component: 'loyalty-panel',
  tags: ['autodocs'],
  args: {
    scenario: 'lin-mei',
    position: 'bottom-end',
    label: '',
    open: false,
    'sign-in-url': '/account/sign-in',
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    position: { control: { type: 'inline-radio' }, options: ['bottom-end', 'bottom-start'] },
    label: { control: 'text' },
    open: { control: 'boolean' },
    'sign-in-url': { control: 'text' },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: describedWithKeyboard(
          'The hosted-style experience in one tag: a launcher in a bottom corner (the points once signed in, ' +
            '"Rewards" for a guest) opening the balance, tier progress, ways to earn, rewards and history in one ' +
            'panel — a modal dialog on a phone, a side sheet on a wide screen — with an `extra` slot for more.',
          keyboard,
        ),
      },
    },
  },
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({ scenario, position, label, open, 'sign-in-url': signInUrl, 'color-scheme': colorScheme }) => html`
    <div style="min-block-size: 24rem">
      <loyalty-panel
        .client=${clientFor(scenario)}
        position=${position}
        label=${ifDefined(label || undefined)}
        ?open=${open}
        sign-in-url=${ifDefined(signInUrl || undefined)}
        color-scheme=${ifDefined(colorScheme || undefined)}
        ><a slot="extra" href="/rewards">All rewards</a></loyalty-panel
      >
    </div>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = { name: 'Signed in: the points on the launcher', parameters: shows('ready') };

export const BottomStart: Story = {
  name: 'position="bottom-start", with a label',
  args: { position: 'bottom-start', label: 'Tea points' },
  parameters: shows('ready'),
};

export const Guest: Story = { name: 'Guest: "Rewards"', args: { scenario: 'guest' }, parameters: shows('guest') };

export const GuestOpen: Story = {
  name: 'Guest, open: the pitch and compact lines',
  args: { scenario: 'guest', open: true },
  parameters: shows('guest'),
};

export const Dark: Story = { globals: { scheme: 'dark' }, parameters: shows('ready') };

export const Loading: Story = { args: { scenario: 'loading' }, parameters: shows('loading') };

export const NotConnected: Story = {
  name: 'Page not connected (no client)',
  args: { scenario: 'not-connected' },
  parameters: shows('error'),
};
