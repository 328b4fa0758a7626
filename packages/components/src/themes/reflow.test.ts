import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { RewardDraft } from '@loyalty-elements/contract';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-points-balance.ts';
import '../define/loyalty-tier-progress.ts';
import '../define/loyalty-birthday-greeting.ts';
import '../define/loyalty-rewards.ts';
import '../define/loyalty-points-history.ts';
import '../define/loyalty-ways-to-earn.ts';
import '../define/loyalty-satisfaction-survey.ts';
import '../define/loyalty-referral.ts';
import '../define/loyalty-join-pitch.ts';
import { setSharedClient } from '../client/shared-client.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  birthdayToday,
  customerClient,
  demoToken,
  newCustomerClient,
} from '../test-support/api.ts';
import {
  REFLOW_CONDITIONS,
  applyCondition,
  linesOf,
  nextFrame,
  reflowProblems,
  smallTargets,
  splitWords,
} from '../test-support/reflow.ts';

// Every widget, in its main states, in English and Chinese, with long names: nothing is clipped, ellipsized or
// wider than its container at 320 CSS px, at 400 % zoom, with 200 % text or with WCAG text spacing, no word or
// number is split over lines while the widget has room for it, and every control a shopper taps is at least
// 24 × 24 CSS px.

const LONG_NAME = 'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh';
const LONG_CHINESE_NAME = '欧阳慕容司马上官诸葛端木皇甫尉迟公羊澹台公冶宗政濮阳淳于单于太叔申屠';
const LANGS = ['en', 'zh-CN'] as const;
/** The long name's words: wider than some boxes that hold them (a reward card's title), they may break there. */
const LONG_WORDS = LONG_NAME.split(/\W+/);

interface WidgetElement extends HTMLElement {
  readonly state: string;
  updateComplete: Promise<boolean>;
}

interface Clients {
  guest: LoyaltyClient;
  broken: LoyaltyClient;
  shopper: LoyaltyClient;
  gold: LoyaltyClient;
  longName: LoyaltyClient;
  longChineseName: LoyaltyClient;
  birthday: LoyaltyClient;
  invited: LoyaltyClient;
  surveyed: Record<(typeof LANGS)[number], LoyaltyClient>;
}

/** Each widget's main states, for one language. */
const STATES: Record<string, (c: Clients, lang: (typeof LANGS)[number]) => TemplateResult> = {
  'loyalty-points-balance': (c) => html`
    <loyalty-points-balance .client=${c.shopper}></loyalty-points-balance>
    <loyalty-points-balance .client=${c.gold} rewards-url="/rewards"></loyalty-points-balance>
    <loyalty-points-balance .client=${c.longName} rewards-url="/rewards"></loyalty-points-balance>
    <loyalty-points-balance .client=${c.longChineseName}></loyalty-points-balance>
    <loyalty-points-balance sign-in-url="/sign-in" .client=${c.guest}></loyalty-points-balance>
    <loyalty-points-balance .client=${c.guest}></loyalty-points-balance>
    <loyalty-points-balance .client=${c.broken}></loyalty-points-balance>
  `,
  'loyalty-tier-progress': (c) => html`
    <loyalty-tier-progress .client=${c.shopper}></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.gold}></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.longName} benefits-open></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.shopper} variant="compact"></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.gold} variant="compact"></loyalty-tier-progress>
    <loyalty-tier-progress sign-in-url="/sign-in" .client=${c.guest}></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.guest} variant="compact"></loyalty-tier-progress>
    <loyalty-tier-progress .client=${c.broken}></loyalty-tier-progress>
  `,
  'loyalty-birthday-greeting': (c) => html`
    <loyalty-birthday-greeting .client=${c.birthday}></loyalty-birthday-greeting>
    <loyalty-birthday-greeting .client=${c.invited}></loyalty-birthday-greeting>
    <loyalty-birthday-greeting sign-in-url="/sign-in" .client=${c.guest}></loyalty-birthday-greeting>
    <loyalty-birthday-greeting .client=${c.broken}></loyalty-birthday-greeting>
  `,
  'loyalty-rewards': (c) => html`
    <loyalty-rewards .client=${c.shopper}></loyalty-rewards>
    <loyalty-rewards .client=${c.gold}></loyalty-rewards>
    <loyalty-rewards sign-in-url="/sign-in" .client=${c.guest}></loyalty-rewards>
    <loyalty-rewards .client=${c.guest}></loyalty-rewards>
    <loyalty-rewards .client=${c.broken}></loyalty-rewards>
  `,
  'loyalty-points-history': (c) => html`
    <loyalty-points-history .client=${c.shopper} page-size="2"></loyalty-points-history>
    <loyalty-points-history .client=${c.longName}></loyalty-points-history>
    <loyalty-points-history .client=${c.invited}></loyalty-points-history>
    <loyalty-points-history sign-in-url="/sign-in" .client=${c.guest}></loyalty-points-history>
    <loyalty-points-history .client=${c.broken}></loyalty-points-history>
  `,
  'loyalty-ways-to-earn': (c) => html`
    <loyalty-ways-to-earn .client=${c.gold}></loyalty-ways-to-earn>
    <loyalty-ways-to-earn .client=${c.invited} birthday-url="/account/birthday"></loyalty-ways-to-earn>
    <loyalty-ways-to-earn sign-in-url="/sign-in" .client=${c.guest}></loyalty-ways-to-earn>
    <loyalty-ways-to-earn .client=${c.broken}></loyalty-ways-to-earn>
  `,
  'loyalty-referral': (c) => html`
    <loyalty-referral .client=${c.shopper}></loyalty-referral>
    <loyalty-referral .client=${c.longChineseName}></loyalty-referral>
    <loyalty-referral sign-in-url="/sign-in" .client=${c.guest}></loyalty-referral>
    <loyalty-referral .client=${c.broken}></loyalty-referral>
  `,
  'loyalty-join-pitch': (c) => html`
    <loyalty-join-pitch join-url="/join" sign-in-url="/sign-in" .client=${c.guest}></loyalty-join-pitch>
  `,
  'loyalty-satisfaction-survey': (c, lang) => html`
    <loyalty-satisfaction-survey trigger="post_purchase" .client=${c.surveyed[lang]}></loyalty-satisfaction-survey>
  `,
};

async function settled(el: WidgetElement): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<${el.localName}> stayed loading`, { timeout: 10_000 });
  await el.updateComplete;
}

/** Opens what a shopper can open (the expiry schedule), so it is checked too. */
async function openDisclosures(widgets: WidgetElement[]): Promise<void> {
  for (const widget of widgets) {
    widget.shadowRoot!.querySelector<HTMLElement>('[part~="schedule-toggle"]')?.click();
    await widget.updateComplete;
  }
}

/** The first survey says a required answer is missing; the second has a detractor's answer and its follow-up. */
async function showSurveyStates([missing, detractor]: WidgetElement[]): Promise<void> {
  missing!.shadowRoot!.querySelector<HTMLElement>('button[type="submit"]')!.click();
  await missing!.updateComplete;
  detractor!.shadowRoot!.querySelector<HTMLElement>('input[type="radio"][value="3"]')!.click();
  await detractor!.updateComplete;
  await waitUntil(() => detractor!.shadowRoot!.querySelector('textarea'), 'no follow-up for a detractor');
}

/** A reward of this run with a long name and description in both languages, listed after the seeded ones. */
async function putLongReward(): Promise<void> {
  const name = {
    en: `Weekend for two at the ${LONG_NAME} Lakeside Lodge`,
    'zh-CN': `${LONG_CHINESE_NAME}湖畔度假酒店双人周末`,
  };
  const description = {
    en: 'Two nights for two, breakfast included, at any lodge of the group, any weekend of the year except public holidays.',
    'zh-CN': '集团旗下任意度假酒店两晚双人住宿，含早餐，全年任意周末可用，法定节假日除外。',
  };
  const unrestricted = { requiredTierId: null, stock: null, availableFrom: null, availableUntil: null };
  const reward: RewardDraft = { name, description, pointsCost: 9_900, validityDays: 30, active: true, ...unrestricted };
  await executeServerCommand('loyalty-put-reward', { rewardId: `test-reflow-${Date.now().toString(36)}`, reward });
}

describe('reflow and target sizes', () => {
  let clients: Clients;

  before(async function () {
    this.timeout(60_000);
    await putLongReward();
    clients = {
      guest: await apiClient(),
      broken: await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token }),
      shopper: await customerClient('demo-shopper'),
      gold: await customerClient('demo-gold'),
      longName: await newCustomerClient({ name: LONG_NAME, points: 1_200 }),
      longChineseName: await newCustomerClient({ name: LONG_CHINESE_NAME, points: 5_200 }),
      birthday: await newCustomerClient({ name: LONG_NAME, birthday: birthdayToday() }),
      invited: await newCustomerClient({ name: LONG_CHINESE_NAME }),
      surveyed: { en: await newCustomerClient(), 'zh-CN': await newCustomerClient() },
    };
  });

  afterEach(async () => {
    await applyCondition(document.body);
    setSharedClient(undefined);
  });

  /** One widget's states in both languages, settled, in a container whose width the conditions set. */
  async function render(tag: string): Promise<{ page: HTMLElement; widgets: WidgetElement[] }> {
    const page = await fixture<HTMLDivElement>(html`
      <div>${LANGS.map((lang) => html`<div lang=${lang}>${STATES[tag]!(clients, lang)}</div>`)}</div>
    `);
    const widgets = [...page.querySelectorAll<WidgetElement>(tag)];
    await Promise.all(widgets.map((widget) => settled(widget)));
    if (tag === 'loyalty-satisfaction-survey') {
      for (const survey of widgets as (WidgetElement & { view: string })[]) {
        await waitUntil(() => survey.view === 'survey', `the survey showed ${survey.view}`, { timeout: 10_000 });
      }
      await showSurveyStates(widgets);
    }
    await openDisclosures(widgets);
    return { page, widgets };
  }

  for (const tag of Object.keys(STATES)) {
    it(`<${tag}> reflows in every condition, splitting no word it has room for; its targets are at least 24 px`, async function () {
      this.timeout(60_000);
      const { page, widgets } = await render(tag);
      const problems: string[] = [];
      for (const condition of [undefined, ...REFLOW_CONDITIONS]) {
        await applyCondition(page, condition);
        const where = condition?.name ?? 'the default layout';
        for (const widget of widgets) {
          const found = [...reflowProblems(widget), ...smallTargets(widget), ...splitWords(widget, LONG_WORDS)];
          problems.push(...found.map((problem) => `${where}, ${widget.state}: ${problem}`));
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('renders the states it checks', async function () {
    this.timeout(60_000);
    const states: string[] = [];
    for (const tag of Object.keys(STATES)) {
      const { widgets } = await render(tag);
      states.push(...widgets.map((widget) => `${widget.localName}:${widget.state}`));
    }
    const count = (state: string) => states.filter((seen) => seen.endsWith(`:${state}`)).length;
    expect(states).to.have.length(2 * 39);
    expect([count('ready'), count('empty'), count('guest'), count('error')]).to.deep.equal([
      2 * 20,
      2 * 1,
      2 * 11,
      2 * 7,
    ]);
  });

  it('keeps the balance’s figure on one line in every condition, giving way in a card on a phone with large text', async function () {
    this.timeout(60_000);
    const { page, widgets } = await render('loyalty-points-balance');
    const figures = widgets.filter((widget) => widget.state === 'ready');
    expect(figures).to.have.length(2 * 4);
    const lines: string[] = [];
    for (const condition of [undefined, ...REFLOW_CONDITIONS]) {
      await applyCondition(page, condition);
      for (const widget of figures) {
        const figure = widget.shadowRoot!.querySelector('[part~="value"]')!;
        const count = linesOf(figure);
        if (count !== 1)
          lines.push(`${condition?.name ?? 'the default layout'}: "${figure.textContent}" on ${count} lines`);
      }
    }
    expect(lines).to.deep.equal([]);
  });

  it('lets the page’s text size reach the widgets: 200 % text doubles their font size', async () => {
    const { page, widgets } = await render('loyalty-points-balance');
    const size = () => parseFloat(getComputedStyle(widgets[0]!).fontSize);
    const normal = size();
    await applyCondition(
      page,
      REFLOW_CONDITIONS.find((condition) => condition.rootFontSize),
    );
    expect(size()).to.equal(normal * 2);
  });

  it('the checks can fail: clipped, ellipsized, clamped and too small are all reported', async () => {
    const { widgets } = await render('loyalty-points-balance');
    const [shopper, gold, , , guestWithLink, guest] = widgets;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      .row { overflow: hidden; block-size: 1em; min-block-size: 0; white-space: nowrap; }
      .label { display: block; inline-size: 3em; overflow: hidden; text-overflow: ellipsis; }
      a[href], .link, .button { display: inline-block; inline-size: 20px; block-size: 20px; min-block-size: 0; min-inline-size: 0; padding: 0; overflow: hidden; }
    `);
    for (const widget of [shopper!, guestWithLink!, guest!]) {
      widget.shadowRoot!.adoptedStyleSheets = [...widget.shadowRoot!.adoptedStyleSheets, sheet];
    }
    await nextFrame();
    const clipped = reflowProblems(shopper!).join('\n');
    expect(clipped).to.contain('is ellipsized');
    expect(clipped).to.contain('cuts off its content below');
    expect(clipped).to.contain('is cut by');
    expect(smallTargets(guestWithLink!).join('\n')).to.match(/a\.link "Sign in" is 20\.0 × 20\.0 px/);
    expect(smallTargets(guest!).join('\n')).to.match(/button\.button "Sign in" is 20\.0 × 20\.0 px/);

    const clamp = new CSSStyleSheet();
    clamp.replaceSync(
      `.expiry { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; overflow: hidden; inline-size: 4em; white-space: normal; }`,
    );
    shopper!.shadowRoot!.adoptedStyleSheets = [...shopper!.shadowRoot!.adoptedStyleSheets, clamp];
    await nextFrame();
    expect(reflowProblems(shopper!).join('\n')).to.contain('is line-clamped');

    const squeeze = new CSSStyleSheet();
    squeeze.replaceSync(`.label { display: block; inline-size: 2em; }`);
    gold!.shadowRoot!.adoptedStyleSheets = [...gold!.shadowRoot!.adoptedStyleSheets, squeeze];
    await nextFrame();
    expect(splitWords(gold!).join('\n')).to.match(/span\.label .*"Chen" \(\d+ px\) is split over \d lines/);
  });
});
