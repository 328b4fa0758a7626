import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type {
  BirthdayGreetingState,
  BirthdayGreetingView,
  LoyaltyBirthdayGreeting,
  OutsideWindowMode,
} from '@loyalty-elements/components';
import type { BirthdayRequest } from '@loyalty-elements/contract';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { sharedStateStories } from './support/state-stories.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  'outside-window': OutsideWindowMode;
}

interface Expected {
  expectedState: BirthdayGreetingState;
  expectedView?: BirthdayGreetingView;
}

/** The state (and, when ready, the view) a story shows; its play function checks both. */
const shows = (state: BirthdayGreetingState, view?: BirthdayGreetingView): Expected => ({
  expectedState: state,
  expectedView: view,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function greetingIn(canvas: HTMLElement): LoyaltyBirthdayGreeting {
  const widget = canvas.querySelector('loyalty-birthday-greeting');
  if (!widget) throw new Error('The story shows no <loyalty-birthday-greeting>');
  return widget;
}

/** Waits until the widget shows `view` (after a save or a claim the fake API answers at once). */
async function untilView(widget: LoyaltyBirthdayGreeting, view: BirthdayGreetingView, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (widget.view !== view) {
    if (Date.now() > deadline) throw new Error(`<loyalty-birthday-greeting> shows "${widget.view}", not "${view}"`);
    await pause(25);
  }
  await widget.updateComplete;
}

function partOf<T extends HTMLElement>(widget: LoyaltyBirthdayGreeting, name: string): T {
  const found = widget.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<loyalty-birthday-greeting> has no part "${name}" (view "${widget.view}")`);
  return found;
}

/** Picks a calendar, a month and a day, as a shopper would; ticks the consent when asked. */
async function fillIn(widget: LoyaltyBirthdayGreeting, birthday: BirthdayRequest, consent = true): Promise<void> {
  const radios = widget.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="radio"]');
  [...radios].find((radio) => radio.value === birthday.calendar)?.click();
  await widget.updateComplete;
  for (const [name, value] of [
    ['month-select', birthday.month],
    ['day-select', birthday.day],
  ] as const) {
    const select = partOf<HTMLSelectElement>(widget, name);
    select.value = String(value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await widget.updateComplete;
  }
  const checkbox = partOf<HTMLInputElement>(widget, 'checkbox');
  if (checkbox.checked !== consent) checkbox.click();
  await widget.updateComplete;
}

const MID_AUTUMN: BirthdayRequest = { month: 8, day: 15, calendar: 'chinese-lunar' };

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  ['Arrow keys (calendar)', 'Picks the Gregorian or the lunar (农历) calendar: the two form one radio group.'],
  ['Arrow keys (month, day)', 'Changes the month or the day in its list; Alt+Down Arrow opens the list.'],
  ['Space (consent)', 'Ticks or clears the consent to keep the birthday.'],
  [
    'Enter or Space (on "Save birthday")',
    'Saves the birthday; a problem is announced and focus goes to the field to fix.',
  ],
  [
    'Enter or Space (on the claim button)',
    "Claims this year's birthday reward, once; the celebration that follows is announced.",
  ],
  ['Enter or Space (on "Change" / "Send now")', 'A birthday saved offline: edits it again, or sends it now.'],
];

const meta = {
  title: 'Widgets/Birthday greeting',
  component: 'loyalty-birthday-greeting',
  tags: ['autodocs'],
  args: {
    scenario: 'birthday-today',
    'sign-in-url': '/account/sign-in',
    'outside-window': 'shown',
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    'sign-in-url': { control: 'text' },
    'outside-window': { control: { type: 'inline-radio' }, options: ['shown', 'hidden'] },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'The birthday greeting in every state: the invitation to add a birthday (Gregorian or 农历), saved ' +
            'offline, the greeting with its claim button, the claimed celebration, the quiet "see you on your ' +
            'birthday", guest and errors. The fake API (`stories/support/fake-api.ts`) remembers a save or a claim ' +
            'while the page is open, and its "today" is 25 November 2026. Switch language, colour scheme, direction, ' +
            'motion and theme in the toolbar.',
          keyboard,
        ),
      },
    },
  },
  // Every story starts afresh: nothing another story saved or claimed (the fake API remembers both).
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({
    scenario,
    'sign-in-url': signInUrl,
    'outside-window': outsideWindow,
    'color-scheme': colorScheme,
  }) => html`
    <loyalty-birthday-greeting
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      outside-window=${ifDefined(outsideWindow === 'hidden' ? 'hidden' : undefined)}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-birthday-greeting>
  `,
  play: async ({ canvasElement, parameters }) => {
    const { expectedState, expectedView } = parameters as Partial<Expected>;
    await widgetsSettled(canvasElement, expectedState);
    if (expectedView) await untilView(greetingIn(canvasElement), expectedView);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

// Invitation: the birthday is unknown

export const Invitation: Story = {
  name: 'Invitation (birthday unknown)',
  args: { scenario: 'birthday-unknown' },
  parameters: shows('ready', 'invitation'),
};

export const InvitationInChinese: Story = {
  name: 'Invitation in Chinese (zh-CN)',
  args: { scenario: 'birthday-unknown' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'invitation'),
};

export const GregorianPickers: Story = {
  name: 'Gregorian pickers (29 February offered)',
  args: { scenario: 'birthday-unknown' },
  parameters: shows('ready', 'invitation'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    await fillIn(greetingIn(canvasElement), { month: 2, day: 29, calendar: 'gregorian' }, false);
  },
};

export const LunarPickers: Story = {
  name: 'Lunar pickers (农历八月十五)',
  args: { scenario: 'birthday-unknown' },
  parameters: shows('ready', 'invitation'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    await fillIn(greetingIn(canvasElement), MID_AUTUMN, false);
  },
};

export const LunarPickersInChinese: Story = {
  name: 'Lunar pickers in Chinese (正月 … 腊月, 初一 … 三十)',
  args: { scenario: 'birthday-unknown' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'invitation'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    await fillIn(greetingIn(canvasElement), MID_AUTUMN, false);
  },
};

export const MissingConsent: Story = {
  name: 'Save without consent (says what is missing)',
  args: { scenario: 'birthday-unknown' },
  parameters: shows('ready', 'invitation'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = greetingIn(canvasElement);
    await fillIn(widget, { month: 5, day: 20, calendar: 'gregorian' }, false);
    partOf<HTMLButtonElement>(widget, 'button').click();
    await widget.updateComplete;
  },
};

export const SavedToday: Story = {
  name: 'Saved: the birthday is today → the greeting, the first gift next year (notice period)',
  args: { scenario: 'birthday-unknown' },
  parameters: shows('ready', 'greeting'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = greetingIn(canvasElement);
    await fillIn(widget, { month: 11, day: 25, calendar: 'gregorian' });
    partOf<HTMLButtonElement>(widget, 'button').click();
    await untilView(widget, 'greeting');
  },
};

export const SavedOffline: Story = {
  name: 'Saved offline (kept on the device)',
  args: { scenario: 'birthday-offline' },
  parameters: shows('ready', 'saved-offline'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = greetingIn(canvasElement);
    await fillIn(widget, MID_AUTUMN);
    partOf<HTMLButtonElement>(widget, 'button').click();
    await untilView(widget, 'saved-offline');
  },
};

export const SavedOfflineInChinese: Story = {
  name: 'Saved offline in Chinese (zh-CN)',
  args: { scenario: 'birthday-offline' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'saved-offline'),
  play: SavedOffline.play,
};

export const SaveRefused: Story = {
  name: 'Save refused (birthday_change_limited, inputs kept)',
  args: { scenario: 'birthday-refused' },
  parameters: shows('ready', 'invitation'),
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = greetingIn(canvasElement);
    await fillIn(widget, { month: 6, day: 1, calendar: 'gregorian' });
    partOf<HTMLButtonElement>(widget, 'button').click();
    const deadline = Date.now() + 5_000;
    while (!partOf(widget, 'error').textContent?.trim()) {
      if (Date.now() > deadline) throw new Error('The refusal was not shown');
      await pause(25);
    }
  },
};

// Inside the birthday window

export const InWindow: Story = {
  name: 'In the window (claim 200 points)',
  args: { scenario: 'birthday-today' },
  parameters: shows('ready', 'greeting'),
};

export const InWindowInChinese: Story = {
  name: 'In the window in Chinese (zh-CN)',
  args: { scenario: 'birthday-today' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'greeting'),
};

const claim: Story['play'] = async ({ canvasElement }) => {
  await widgetsSettled(canvasElement, 'ready');
  const widget = greetingIn(canvasElement);
  await untilView(widget, 'greeting');
  const button = partOf<HTMLButtonElement>(widget, 'button');
  // A double click, as an impatient shopper would: one claim.
  button.click();
  button.click();
  await untilView(widget, 'claimed');
};

export const JustClaimed: Story = {
  name: 'Just claimed (celebration)',
  args: { scenario: 'birthday-today' },
  parameters: shows('ready', 'claimed'),
  play: claim,
};

export const JustClaimedWithReducedMotion: Story = {
  name: 'Just claimed with reduced motion (no confetti)',
  args: { scenario: 'birthday-today' },
  globals: { motion: 'reduce' },
  parameters: shows('ready', 'claimed'),
  play: claim,
};

export const JustClaimedInChinese: Story = {
  name: 'Just claimed in Chinese (zh-CN)',
  args: { scenario: 'birthday-today' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'claimed'),
  play: claim,
};

export const AlreadyClaimed: Story = {
  name: 'Already claimed this year',
  args: { scenario: 'birthday-claimed' },
  parameters: shows('ready', 'claimed'),
};

// A birthday set too recently to pay this time (the program's notice period)

export const FirstGiftNextYear: Story = {
  name: 'Set just now, birthday today: when the first gift comes',
  args: { scenario: 'birthday-recently-set' },
  parameters: shows('ready', 'greeting'),
};

export const FirstGiftNextYearInChinese: Story = {
  name: 'Set just now, birthday today, in Chinese (zh-CN)',
  args: { scenario: 'birthday-recently-set' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'greeting'),
};

export const FirstGiftOutsideWindow: Story = {
  name: 'Set just now, birthday in ten days: when the first gift comes',
  args: { scenario: 'birthday-recently-set-soon' },
  parameters: shows('ready', 'outside'),
};

const claimRefused: Story['play'] = async ({ canvasElement }) => {
  await widgetsSettled(canvasElement, 'ready');
  const widget = greetingIn(canvasElement);
  await untilView(widget, 'greeting');
  partOf<HTMLButtonElement>(widget, 'button').click();
  const deadline = Date.now() + 5_000;
  while (widget.shadowRoot?.querySelector('[part~="button"]')) {
    if (Date.now() > deadline) throw new Error('The claim button stayed after birthday_recently_set');
    await pause(25);
  }
  await widget.updateComplete;
};

export const ClaimRefusedRecentlySet: Story = {
  name: 'Claim refused (birthday_recently_set): when the first gift comes',
  args: { scenario: 'birthday-recently-set-refused' },
  parameters: shows('ready', 'greeting'),
  play: claimRefused,
};

export const ClaimRefusedRecentlySetInChinese: Story = {
  name: 'Claim refused (birthday_recently_set) in Chinese (zh-CN)',
  args: { scenario: 'birthday-recently-set-refused' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'greeting'),
  play: claimRefused,
};

// Outside the birthday window

export const OutsideWindowLunar: Story = {
  name: 'Outside the window (lunar birthday)',
  args: { scenario: 'birthday-lunar' },
  parameters: shows('ready', 'outside'),
};

export const OutsideWindowLunarInChinese: Story = {
  name: 'Outside the window in Chinese (zh-CN)',
  args: { scenario: 'birthday-lunar' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready', 'outside'),
};

export const OutsideWindowLeapDay: Story = {
  name: 'Outside the window (29 February, celebrated on 28 February)',
  args: { scenario: 'birthday-leap-day' },
  parameters: shows('ready', 'outside'),
};

export const HiddenOutsideWindow: Story = {
  name: 'Hidden outside the window (outside-window="hidden")',
  args: { scenario: 'birthday-lunar', 'outside-window': 'hidden' },
  parameters: shows('ready', 'hidden'),
  render: (args) => html`
    <p>Outside the birthday window, with <code>outside-window="hidden"</code>, the greeting below takes no room.</p>
    ${meta.render(args)}
  `,
};

// Themes, direction

export const Dark: Story = {
  args: { scenario: 'birthday-today' },
  globals: { scheme: 'dark' },
  parameters: shows('ready', 'greeting'),
};

export const InvitationDark: Story = {
  name: 'Invitation (dark)',
  args: { scenario: 'birthday-unknown' },
  globals: { scheme: 'dark' },
  parameters: shows('ready', 'invitation'),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { scenario: 'birthday-today' },
  globals: { direction: 'rtl' },
  parameters: shows('ready', 'greeting'),
};

export const InvitationRightToLeft: Story = {
  name: 'Invitation right to left',
  args: { scenario: 'birthday-unknown' },
  globals: { direction: 'rtl' },
  parameters: shows('ready', 'invitation'),
};

// Loading, guest, errors

export const Loading: Story = shared.loading;

export const LoadingWithReducedMotion: Story = shared.loadingWithReducedMotion;

export const Guest: Story = shared.guest;

export const GuestInChinese: Story = {
  name: 'Guest in Chinese (zh-CN)',
  args: { scenario: 'guest', 'sign-in-url': '' },
  globals: { locale: 'zh-CN' },
  parameters: shows('guest'),
};

export const NetworkError: Story = shared.networkError;

export const ServerError: Story = shared.serverError;

export const ErrorInChinese: Story = {
  name: 'Error in Chinese (zh-CN)',
  args: { scenario: 'session-expired' },
  globals: { locale: 'zh-CN' },
  parameters: shows('error'),
};

export const NotConnected: Story = shared.notConnected;
