import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LoyaltySatisfactionSurvey, type SatisfactionSurveyView } from '@loyalty-elements/components';
import { clientFor, resetScenario, type ScenarioName } from './support/fake-api.ts';
import { colorSchemeArgType, scenarioArgType } from './support/arg-types.ts';
import { widgetsSettled } from './support/widgets.ts';
import { describedWithKeyboard, type KeyboardRow } from './support/keyboard.ts';

interface Args {
  /** Which survey, or which failure, the fake API serves (stories/support/fake-api.ts). */
  scenario: ScenarioName;
  trigger: string;
  placement: 'inline' | 'card';
  mode: 'all' | 'step';
  'color-scheme': '' | 'light' | 'dark';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function surveyIn(canvas: HTMLElement): LoyaltySatisfactionSurvey {
  const widget = canvas.querySelector('loyalty-satisfaction-survey');
  if (!widget) throw new Error('The story shows no <loyalty-satisfaction-survey>');
  return widget;
}

/** Waits until the widget shows `view` (the fake API answers at once). */
async function untilView(widget: LoyaltySatisfactionSurvey, view: SatisfactionSurveyView, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (widget.view !== view) {
    if (Date.now() > deadline) throw new Error(`<loyalty-satisfaction-survey> shows "${widget.view}", not "${view}"`);
    await pause(25);
  }
  await widget.updateComplete;
}

/** Picks a value of a scale with the mouse, as a shopper would. */
async function rate(widget: LoyaltySatisfactionSurvey, name: string, value: number): Promise<void> {
  const radio = widget.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!radio) throw new Error(`<loyalty-satisfaction-survey> has no ${name} option ${value}`);
  radio.click();
  await widget.updateComplete;
}

/** Ticks an option of a choice question. */
async function choose(widget: LoyaltySatisfactionSurvey, questionId: string, optionId: string): Promise<void> {
  widget.shadowRoot!.querySelector<HTMLInputElement>(`#q-${questionId} input[value="${optionId}"]`)?.click();
  await widget.updateComplete;
}

async function submit(widget: LoyaltySatisfactionSurvey): Promise<void> {
  widget.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await untilView(widget, 'thanks');
}

/** Waits until a part of the widget says something. */
async function untilText(widget: LoyaltySatisfactionSurvey, part: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!widget.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.trim()) {
    if (Date.now() > deadline) throw new Error(`<loyalty-satisfaction-survey> shows no ${part}`);
    await pause(25);
  }
}

/** A story's play: the survey appears, then `steps` answer it. */
const answering =
  (steps: (widget: LoyaltySatisfactionSurvey) => Promise<void>) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await widgetsSettled(canvasElement, 'ready');
    const widget = surveyIn(canvasElement);
    await untilView(widget, 'survey');
    await steps(widget);
  };

/** The keyboard table of the Docs page (the rows every widget shares are added to it). */
const keyboard: KeyboardRow[] = [
  [
    'Arrow keys (a rating scale or a single choice)',
    'Moves the selection within the question (a radio group): NPS 0–10, CSAT, CES, service quality. The answer is saved once the selection rests for a second, on Space, when focus leaves the question or on Next / Back: not at every step. A follow-up question appears below, so nothing moves under the focus.',
  ],
  ['Space (multiple choice, consent)', 'Ticks or clears the option under focus.'],
  ['Typing ("Other", free text)', 'Fills the field; the counter says how many characters are left.'],
  ['Enter or Space (on "Submit")', 'Sends the answers; focus goes to the first question still missing an answer.'],
  ['Enter or Space (on "Back")', 'One question at a time (`mode="step"`): goes back to the previous question.'],
  [
    'Enter or Space (on "Close the survey")',
    '`placement="card"`: closes the card, records the dismissal and says "Survey closed"; focus returns to where it was before the survey appeared, else to what follows it.',
  ],
];

const meta = {
  title: 'Widgets/Satisfaction survey',
  component: 'loyalty-satisfaction-survey',
  tags: ['autodocs'],
  args: {
    scenario: 'survey-nps',
    trigger: 'post_purchase',
    placement: 'inline',
    mode: 'all',
    'color-scheme': '',
  },
  argTypes: {
    scenario: scenarioArgType,
    trigger: { control: 'text' },
    placement: { control: { type: 'inline-radio' }, options: ['inline', 'card'] },
    mode: { control: { type: 'inline-radio' }, options: ['all', 'step'] },
    'color-scheme': colorSchemeArgType,
  },
  parameters: {
    docs: {
      description: {
        component: describedWithKeyboard(
          'The satisfaction survey: NPS 0–10 (detractors are asked what went wrong and may leave a complaint with ' +
            'consent to be contacted), CSAT in stars or faces, CES, service quality, single and multiple choice with ' +
            '"other", free text, and a thank-you for promoters, passives and detractors. Every answer is saved as it is ' +
            'given; offline, it is kept on the device. A survey with a completion reward says what answering earns, ' +
            'and the thank-you what it earned. A survey answered in another tab meanwhile says it has closed. The exit survey asks why a shopper leaves the program. The fake API ' +
            '(`stories/support/fake-api.ts`) answers every write. Switch language, colour scheme and direction in the ' +
            'toolbar.',
          keyboard,
        ),
      },
    },
  },
  // Every story starts afresh: the page forgets a survey another story answered or dismissed.
  loaders: [
    ({ args }) => {
      LoyaltySatisfactionSurvey.forgetFinishedSurveys();
      resetScenario(args.scenario);
    },
  ],
  render: ({ scenario, trigger, placement, mode, 'color-scheme': colorScheme }) => html`
    <loyalty-satisfaction-survey
      .client=${clientFor(scenario)}
      trigger=${trigger}
      placement=${placement}
      mode=${mode}
      color-scheme=${ifDefined(colorScheme || undefined)}
    ></loyalty-satisfaction-survey>
  `,
  play: async ({ canvasElement }) => {
    await widgetsSettled(canvasElement, 'ready');
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

// Question types

export const Nps: Story = {
  name: 'NPS 0–10',
};

export const DetractorFollowUp: Story = {
  name: 'NPS detractor: what went wrong, and a complaint',
  play: answering(async (widget) => {
    await rate(widget, 'nps', 3);
    await choose(widget, 'what_went_wrong', 'late_delivery');
    await choose(widget, 'what_went_wrong', 'other');
  }),
};

export const CsatCesServiceQuality: Story = {
  name: 'CSAT stars, CES and service quality',
  args: { scenario: 'survey-csat', trigger: 'account_page' },
  play: answering(async (widget) => {
    await rate(widget, 'csat', 4);
    await rate(widget, 'ces', 6);
  }),
};

export const FacesChoiceFreeText: Story = {
  name: 'CSAT faces, single choice with "other", free text',
  args: { scenario: 'survey-delivery', trigger: 'order_tracking' },
  play: answering(async (widget) => {
    await rate(widget, 'mood', 4);
    await choose(widget, 'channel', 'other');
  }),
};

// Thank-you variants

export const ThanksPromoter: Story = {
  name: 'Thank-you: promoter',
  play: answering(async (widget) => {
    await rate(widget, 'nps', 10);
    await submit(widget);
  }),
};

export const ThanksPassive: Story = {
  name: 'Thank-you: passive',
  play: answering(async (widget) => {
    await rate(widget, 'nps', 7);
    await submit(widget);
  }),
};

export const ThanksDetractor: Story = {
  name: 'Thank-you: detractor',
  play: answering(async (widget) => {
    await rate(widget, 'nps', 2);
    await submit(widget);
  }),
};

// Completion reward

export const RewardOffered: Story = {
  name: 'Reward: answer to earn 50 points',
  args: { scenario: 'survey-reward' },
};

export const ThanksWithReward: Story = {
  name: 'Thank-you with the points earned',
  args: { scenario: 'survey-reward' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 9);
    await submit(widget);
    await untilText(widget, 'reward');
  }),
};

export const ThanksWithRewardInChinese: Story = {
  name: 'Thank-you with the points earned, in Chinese (zh-CN)',
  args: { scenario: 'survey-reward', placement: 'card' },
  globals: { locale: 'zh-CN' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 3);
    await submit(widget);
    await untilText(widget, 'reward');
  }),
};

export const RewardOnItsWay: Story = {
  name: 'Thank-you offline: the points come once the answers are sent',
  args: { scenario: 'survey-reward-offline' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 10);
    await submit(widget);
    await untilText(widget, 'reward');
  }),
};

// A survey that closed while on show

export const SurveyClosed: Story = {
  name: 'Closed: the survey was answered in another tab (409 survey_not_due)',
  args: { scenario: 'survey-closed' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 9);
    await untilView(widget, 'closed');
  }),
};

export const SurveyClosedInChinese: Story = {
  name: 'Closed, in Chinese (zh-CN)',
  args: { scenario: 'survey-closed', placement: 'card' },
  globals: { locale: 'zh-CN' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 9);
    await untilView(widget, 'closed');
  }),
};

// Exit survey

export const ExitSurvey: Story = {
  name: 'Exit survey: why are you leaving?',
  args: { scenario: 'survey-exit', trigger: 'program_exit', placement: 'card' },
  play: answering(async (widget) => {
    await choose(widget, 'reason', 'moved');
  }),
};

export const ExitSurveyInChinese: Story = {
  name: 'Exit survey, in Chinese (zh-CN)',
  args: { scenario: 'survey-exit', trigger: 'program_exit', placement: 'card' },
  globals: { locale: 'zh-CN' },
};

export const ExitSurveyThanks: Story = {
  name: 'Exit survey: thank-you',
  args: { scenario: 'survey-exit', trigger: 'program_exit', placement: 'card' },
  play: answering(async (widget) => {
    await choose(widget, 'reason', 'better_elsewhere');
    await submit(widget);
  }),
};

// Placement and mode

export const DismissibleCard: Story = {
  name: 'Dismissible card',
  args: { placement: 'card' },
};

export const StepMode: Story = {
  name: 'One question at a time',
  args: { mode: 'step' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 5);
  }),
};

export const SavedOnDevice: Story = {
  name: 'Answered offline: saved on this device',
  args: { scenario: 'survey-offline' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 9);
    const deadline = Date.now() + 5_000;
    while (!widget.shadowRoot!.querySelector('[part~="note"]')?.textContent?.trim()) {
      if (Date.now() > deadline) throw new Error('The survey never said the answer was kept on the device');
      await pause(25);
    }
  }),
};

// Language, colour scheme, direction

export const InChinese: Story = {
  name: 'In Chinese (zh-CN)',
  globals: { locale: 'zh-CN' },
};

export const StepModeInChinese: Story = {
  name: 'One question at a time, in Chinese (zh-CN)',
  args: { mode: 'step', placement: 'card' },
  globals: { locale: 'zh-CN' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 4);
  }),
};

export const FallbackLanguage: Story = {
  name: 'In Chinese, the survey in English only (falls back)',
  args: { scenario: 'survey-delivery', trigger: 'order_tracking' },
  globals: { locale: 'zh-CN' },
};

export const Dark: Story = {
  args: { placement: 'card' },
  globals: { scheme: 'dark' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 6);
  }),
};

export const DarkStars: Story = {
  name: 'Dark, stars',
  args: { scenario: 'survey-csat', trigger: 'account_page' },
  globals: { scheme: 'dark' },
  play: answering(async (widget) => {
    await rate(widget, 'csat', 3);
  }),
};

export const RightToLeft: Story = {
  name: 'Right to left',
  args: { placement: 'card' },
  globals: { direction: 'rtl' },
  play: answering(async (widget) => {
    await rate(widget, 'nps', 8);
  }),
};
