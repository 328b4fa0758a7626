import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LoyaltyRewards, RewardsState } from '@loyalty-elements/components';
import { clientFor, resetScenario } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType, type WidgetStoryArgs } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { sharedStateStories } from './support/state-stories.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args extends WidgetStoryArgs {
  'loading-cards': number;
  'history-open': boolean;
}

/** The state a story shows; its play function checks it. */
const shows = (state: RewardsState) => ({ expectedState: state });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rewardsIn(canvas: HTMLElement): LoyaltyRewards {
  const widget = canvas.querySelector('loyalty-rewards');
  if (!widget) throw new Error('The story shows no <loyalty-rewards>');
  return widget;
}

/** Waits until `found` finds something in the widget's shadow root (the fake API answers at once). */
async function until<T>(widget: LoyaltyRewards, what: string, found: () => T | null | undefined): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (let value = found(); ; value = found()) {
    if (value) {
      await widget.updateComplete;
      return value;
    }
    if (Date.now() > deadline) throw new Error(`<loyalty-rewards> never showed ${what}`);
    await pause(25);
  }
}

/** A part of the card of the reward `rewardId` (the card is found by its Redeem button's id). */
function cardPart<T extends HTMLElement>(widget: LoyaltyRewards, rewardId: string, name: string): T | null {
  const card = widget.shadowRoot!.querySelector(`#name-${rewardId}`)?.closest('[part~="card"]');
  return card?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

const JASMINE_TEA = 'free-jasmine-tea';

/** Opens the confirmation of the jasmine tea, as a shopper would. */
async function askToRedeem(canvasElement: HTMLElement): Promise<LoyaltyRewards> {
  await widgetsSettled(canvasElement, 'ready');
  const widget = rewardsIn(canvasElement);
  cardPart<HTMLButtonElement>(widget, JASMINE_TEA, 'redeem-button')!.click();
  await until(widget, 'the confirmation', () => cardPart(widget, JASMINE_TEA, 'confirm'));
  return widget;
}

/** Confirms the jasmine tea (twice, as an impatient shopper would: one redemption). */
async function redeem(canvasElement: HTMLElement): Promise<LoyaltyRewards> {
  const widget = await askToRedeem(canvasElement);
  const confirm = cardPart<HTMLButtonElement>(widget, JASMINE_TEA, 'confirm-button')!;
  confirm.click();
  confirm.click();
  return widget;
}

const showIssued: Story['play'] = async ({ canvasElement }) => {
  const widget = await redeem(canvasElement);
  await until(widget, 'the issued code', () => widget.shadowRoot!.querySelector('[part~="issued"]'));
};

const showRefusal: Story['play'] = async ({ canvasElement }) => {
  const widget = await redeem(canvasElement);
  await until(widget, 'the refusal', () => widget.shadowRoot!.querySelector('[part~="error"]')?.textContent?.trim());
};

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  ['Enter or Space (on "Redeem")', 'Asks to confirm; focus moves to the question ("Redeem … for … points?").'],
  ['Enter or Space (on "Confirm")', 'Redeems the reward, once; the issued code is announced.'],
  ['Escape, or Enter or Space on "Cancel"', "Closes the confirmation; focus goes back to the reward's Redeem button."],
  ['Enter or Space (on "Copy code")', 'Copies the code (or selects it for the shopper to copy).'],
  ['Enter or Space (on "Done")', 'Closes the code panel.'],
  ['Enter or Space (on "More" / "Less")', 'Shows or hides the rest of a long description.'],
  ['Enter or Space (on "Your redeemed rewards")', 'Shows or hides the rewards already redeemed, with their codes.'],
];

const meta = {
  title: 'Widgets/Rewards',
  component: 'loyalty-rewards',
  tags: ['autodocs'],
  args: {
    scenario: 'rewards',
    'sign-in-url': '/account/sign-in',
    'loading-cards': 3,
    'history-open': false,
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    'sign-in-url': { control: 'text' },
    'loading-cards': { control: { type: 'number', min: 0, max: 12, step: 1 } },
    'history-open': { control: 'boolean' },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    // The cards flow into as many columns as the page gives them.
    stage: 'wide',
    docs: {
      description: {
        component: describedWithKeyboard(
          'The rewards the shopper’s points can buy (积分兑换): affordable cards with Redeem, cards locked by ' +
            'tier, by points or by stock, the confirmation step, the issued code with its copy button, the ' +
            'history of redemptions, the refusals, and the loading, empty, guest and error states. The fake API ' +
            '(`stories/support/fake-api.ts`, fixtures in `stories/rewards-fixtures.ts`) remembers a redemption ' +
            'while the page is open, and its "today" is 25 November 2026. Switch language, colour scheme, ' +
            'direction, motion and theme in the toolbar.',
          keyboard,
        ),
      },
    },
  },
  // Every story starts afresh: nothing another story redeemed (the fake API remembers it).
  loaders: [({ args }) => resetScenario(args.scenario)],
  render: ({
    scenario,
    'sign-in-url': signInUrl,
    'loading-cards': loadingCards,
    'history-open': historyOpen,
    'color-scheme': colorScheme,
  }) => html`
    <loyalty-rewards
      .client=${clientFor(scenario)}
      sign-in-url=${ifDefined(signInUrl || undefined)}
      loading-cards=${loadingCards}
      ?history-open=${historyOpen}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-rewards>
  `,
  play: ({ canvasElement, parameters }) => widgetsSettled(canvasElement, parameters.expectedState),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;
const shared = sharedStateStories<Args>();

// The catalogue

export const Ready: Story = {
  name: 'Ready: affordable, tier-locked, not enough points, out of stock',
  parameters: shows('ready'),
};

export const ReadyInChinese: Story = shared.readyInChinese;

export const Confirmation: Story = {
  name: 'Confirmation step',
  parameters: shows('ready'),
  play: async ({ canvasElement }) => {
    await askToRedeem(canvasElement);
  },
};

export const ConfirmationInChinese: Story = {
  name: 'Confirmation step in Chinese (zh-CN)',
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
  play: Confirmation.play,
};

export const Redeeming: Story = {
  name: 'Redeeming (busy)',
  args: { scenario: 'rewards-redeeming' },
  parameters: shows('ready'),
  play: async ({ canvasElement }) => {
    const widget = await askToRedeem(canvasElement);
    cardPart<HTMLButtonElement>(widget, JASMINE_TEA, 'confirm-button')!.click();
    await until(widget, 'the busy button', () =>
      cardPart(widget, JASMINE_TEA, 'confirm-button')?.matches('[aria-disabled="true"]'),
    );
  },
};

export const IssuedCode: Story = {
  name: 'Issued code (copy button, expiry)',
  parameters: shows('ready'),
  play: showIssued,
};

export const IssuedCodeInChinese: Story = {
  name: 'Issued code in Chinese (zh-CN)',
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
  play: showIssued,
};

export const IssuedCodeWithReducedMotion: Story = {
  name: 'Issued code with reduced motion',
  globals: { motion: 'reduce' },
  parameters: shows('ready'),
  play: showIssued,
};

export const WithBalance: Story = {
  name: 'Beside the points balance (a redemption updates it)',
  parameters: shows('ready'),
  render: (args) => html`
    <div style="display: grid; gap: 1rem">
      <loyalty-points-balance
        .client=${clientFor(args.scenario)}
        style="max-inline-size: 22rem"
      ></loyalty-points-balance>
      ${meta.render(args)}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const widget = await redeem(canvasElement);
    await until(widget, 'the issued code', () => widget.shadowRoot!.querySelector('[part~="issued"]'));
    const balance = canvasElement.querySelector('loyalty-points-balance')!;
    await until(widget, 'the balance at 2,600', () =>
      balance.shadowRoot!.querySelector('[part~="value"]')?.textContent?.includes('2,600'),
    );
  },
};

export const History: Story = {
  name: 'History of redemptions (open)',
  args: { scenario: 'rewards-history', 'history-open': true },
  parameters: shows('ready'),
};

export const HistoryInChinese: Story = {
  name: 'History in Chinese (zh-CN)',
  args: { scenario: 'rewards-history', 'history-open': true },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
};

export const Empty: Story = {
  name: 'Empty (no reward on offer)',
  args: { scenario: 'rewards-empty' },
  parameters: shows('empty'),
};

// Refusals and failures of a redemption

export const RefusedNotEnoughPoints: Story = {
  name: 'Refused: not enough points (insufficient_points)',
  args: { scenario: 'rewards-refused-points' },
  parameters: shows('ready'),
  play: showRefusal,
};

export const RefusedOutOfStock: Story = {
  name: 'Refused: out of stock (reward_out_of_stock), the card follows',
  args: { scenario: 'rewards-refused-stock' },
  parameters: shows('ready'),
  play: showRefusal,
};

export const RefusedTierRequired: Story = {
  name: 'Refused: tier required (reward_tier_required)',
  args: { scenario: 'rewards-refused-tier' },
  parameters: shows('ready'),
  play: showRefusal,
};

export const RefusedUnavailable: Story = {
  name: 'Refused: no longer on offer (reward_unavailable)',
  args: { scenario: 'rewards-refused-unavailable' },
  parameters: shows('ready'),
  play: async ({ canvasElement }) => {
    const widget = await redeem(canvasElement);
    // The card goes with the reward; the refusal shows above the list, naming it.
    await until(widget, 'the refusal above the list', () => widget.shadowRoot!.querySelector('#gone'));
  },
};

export const RefusedInChinese: Story = {
  name: 'Refused in Chinese (zh-CN)',
  args: { scenario: 'rewards-refused-stock' },
  globals: { locale: 'zh-CN' },
  parameters: shows('ready'),
  play: showRefusal,
};

export const RedeemOffline: Story = {
  name: 'Redeeming offline (Try again)',
  args: { scenario: 'rewards-offline' },
  parameters: shows('ready'),
  play: showRefusal,
};

// Themes, direction, size

export const Dark: Story = shared.dark;

export const IssuedCodeDark: Story = {
  name: 'Issued code (dark)',
  globals: { scheme: 'dark' },
  parameters: shows('ready'),
  play: showIssued,
};

export const RightToLeft: Story = shared.rightToLeft;

export const Narrow: Story = {
  name: 'On a 320 px phone',
  parameters: shows('ready'),
  render: (args) => html`<div style="inline-size: 320px">${meta.render(args)}</div>`,
};

export const NarrowDescriptionOpened: Story = {
  name: 'On a 320 px phone, a long description opened with More',
  parameters: shows('ready'),
  render: Narrow.render,
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = rewardsIn(canvasElement);
    const more = await until(widget, 'a More button', () =>
      [...widget.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="more-button"]')].find(
        (button) => !button.hidden,
      ),
    );
    more.click();
    await until(widget, 'an opened description', () => more.getAttribute('aria-expanded') === 'true');
  },
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

export const Timeout: Story = {
  name: 'Timed out',
  args: { scenario: 'timeout' },
  parameters: shows('error'),
};

export const SessionExpired: Story = shared.sessionExpired;

export const ErrorInChinese: Story = shared.errorInChinese;

export const NotConnected: Story = shared.notConnected;
