import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { JoinPitchState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  heading: string;
  intro: string;
  'join-url': string;
  /** `pitch`: the element alone; `page`: several widgets and no pitch element; `page-with-pitch`: both. */
  layout: 'pitch' | 'page' | 'page-with-pitch';
}

/** The state every widget of a story shows; its play function checks it. */
const shows = (state: JoinPitchState) => ({ expectedState: state });

const keyboard: KeyboardRow[] = [
  ['Tab', 'Moves to "Join now", then "Sign in".'],
  ['Enter (on "Sign in" without `sign-in-url`)', 'Fires `loyalty-sign-in-requested`.'],
];

const meta = {
  title: 'Widgets/Join pitch',
  component: 'loyalty-join-pitch',
  tags: ['autodocs'],
  args: {
    scenario: 'guest',
    heading: '',
    intro: '',
    'join-url': '/account/join',
    'sign-in-url': '/account/sign-in',
    'color-scheme': '',
    layout: 'pitch',
  },
  argTypes: {
    scenario: scenarioArgType,
    layout: {
      control: { type: 'inline-radio' },
      options: ['pitch', 'page', 'page-with-pitch'],
      table: { category: 'story' },
    },
    heading: { control: 'text' },
    intro: { control: 'text' },
    'join-url': { control: 'text' },
    'sign-in-url': { control: 'text' },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'The page’s one invitation to join (加入会员): for a guest, the program’s name and what members get, built ' +
            'from `GET /v1/program` (points per ¥1, the welcome bonus, the birthday gift, survey rewards, the tiers), ' +
            'with "Join now" and "Sign in". A signed-in shopper sees nothing. With it on the page every other widget ' +
            'shows a guest one compact line; without it, the first guest widget shows the pitch instead.',
          keyboard,
        ),
      },
    },
  },
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({ scenario, heading, intro, layout, ...urls }) => {
    const client = clientFor(scenario);
    const signInUrl = ifDefined(urls['sign-in-url'] || undefined);
    const pitch = html`<loyalty-join-pitch
      .client=${client}
      heading=${ifDefined(heading || undefined)}
      intro=${ifDefined(intro || undefined)}
      join-url=${ifDefined(urls['join-url'] || undefined)}
      sign-in-url=${signInUrl}
      color-scheme=${ifDefined(urls['color-scheme'] || undefined)}
    ></loyalty-join-pitch>`;
    if (layout === 'pitch') return pitch;
    return html`<div style="display: grid; gap: 1rem">
      ${layout === 'page-with-pitch' ? pitch : nothing}
      <loyalty-points-balance .client=${client} sign-in-url=${signInUrl}></loyalty-points-balance>
      <loyalty-tier-progress .client=${client} sign-in-url=${signInUrl}></loyalty-tier-progress>
      <loyalty-rewards .client=${client} sign-in-url=${signInUrl}></loyalty-rewards>
      <loyalty-points-history .client=${client} sign-in-url=${signInUrl}></loyalty-points-history>
      <loyalty-birthday-greeting .client=${client} sign-in-url=${signInUrl}></loyalty-birthday-greeting>
    </div>`;
  },
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Guest: Story = { name: 'Guest: the pitch alone', parameters: shows('guest') };

export const GuestInChinese: Story = {
  name: 'Guest in Chinese (zh-CN)',
  globals: { locale: 'zh-CN' },
  parameters: shows('guest'),
};

export const CustomWords: Story = {
  name: 'Heading and intro from attributes',
  args: { heading: 'The Tea Lovers’ Club', intro: 'Free tea on your birthday, and points on every cup.' },
  parameters: shows('guest'),
};

export const WithoutUrls: Story = {
  name: 'Without join-url and sign-in-url (Sign in fires loyalty-sign-in-requested)',
  args: { 'join-url': '', 'sign-in-url': '' },
  parameters: shows('guest'),
};

export const Dark: Story = { globals: { scheme: 'dark' }, parameters: shows('guest') };

export const GuestPage: Story = {
  name: 'A guest page with five widgets and no pitch element: the first one pitches',
  args: { layout: 'page' },
  parameters: shows('guest'),
};

export const GuestPageWithPitch: Story = {
  name: 'A guest page with the pitch: every widget compact',
  args: { layout: 'page-with-pitch' },
  parameters: shows('guest'),
};

export const GuestPageWithPitchInChinese: Story = {
  name: 'A guest page with the pitch, in Chinese (zh-CN)',
  args: { layout: 'page-with-pitch' },
  globals: { locale: 'zh-CN' },
  parameters: shows('guest'),
};

export const SignedIn: Story = {
  name: 'Signed in: nothing to see',
  args: { scenario: 'lin-mei' },
  parameters: shows('hidden'),
};

export const Loading: Story = { args: { scenario: 'loading' }, parameters: shows('loading') };

export const NotConnected: Story = {
  name: 'Page not connected (no client)',
  args: { scenario: 'not-connected' },
  parameters: shows('error'),
};
