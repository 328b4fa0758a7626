import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-points-balance.ts';
import '../define/loyalty-tier-progress.ts';
import '../define/loyalty-birthday-greeting.ts';
import '../define/loyalty-rewards.ts';
import '../define/loyalty-points-history.ts';
import '../define/loyalty-ways-to-earn.ts';
import '../define/loyalty-satisfaction-survey.ts';
import type { LoyaltySatisfactionSurvey } from '../satisfaction-survey/satisfaction-survey.ts';
import { setSharedClient } from '../client/shared-client.ts';
import { onScreen } from '../test-support/colors.ts';
import {
  CLOSED_API_BASE,
  apiClient,
  birthdayToday,
  customerClient,
  demoToken,
  newShopper,
} from '../test-support/api.ts';

// A merchant sets one brand colour and nothing else: every widget, in its main states, must still
// meet WCAG AA in light and in dark. The colours run from very light to very dark.

const BRAND_COLOURS = ['#ffff66', '#7fffd4', '#1e90ff', '#2e7d32', '#b00020', '#111111'];
const SCHEMES = ['light', 'dark'] as const;

interface WidgetElement extends HTMLElement {
  readonly state: string;
  updateComplete: Promise<boolean>;
}

/** An sRGB colour as 0–255 channels, as it is drawn. */
function rgbOf(color: string): [number, number, number] {
  const [r, g, b] = onScreen(color).match(/\d+/g)!.map(Number);
  return [r!, g!, b!];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(rgbOf(a)), luminance(rgbOf(b))].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

async function settled(el: WidgetElement): Promise<void> {
  await waitUntil(() => el.state !== 'loading', `<${el.localName}> stayed loading`, { timeout: 10_000 });
  await el.updateComplete;
}

function shadow(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`<${el.localName}> has no ${selector}`);
  return found;
}

/** Lets the browser apply a new colour scheme or custom property before anything is measured. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('contrast from one brand colour', () => {
  let guest: LoyaltyClient;
  let broken: LoyaltyClient;
  let shopper: LoyaltyClient;
  let gold: LoyaltyClient;
  let birthday: LoyaltyClient;
  let invited: LoyaltyClient;
  let surveyed: LoyaltyClient;

  before(async () => {
    guest = await apiClient();
    broken = await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token });
    shopper = await customerClient('demo-shopper');
    gold = await customerClient('demo-gold');
    birthday = await apiClient({ customerToken: (await newShopper({ birthday: birthdayToday() })).token });
    invited = await apiClient({ customerToken: (await newShopper()).token });
    surveyed = await apiClient({ customerToken: (await newShopper({ name: 'Contrast shopper' })).token });
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    setSharedClient(undefined);
  });

  /** Every widget in its main states: ready (and at risk, the birthday greeting and invitation), guest, error. */
  async function renderAll(): Promise<{ page: HTMLElement; widgets: WidgetElement[] }> {
    const page = await fixture<HTMLDivElement>(html`
      <div lang="en" style="inline-size: 420px">
        <loyalty-points-balance .client=${shopper}></loyalty-points-balance>
        <loyalty-points-balance .client=${guest}></loyalty-points-balance>
        <loyalty-points-balance .client=${broken}></loyalty-points-balance>
        <loyalty-tier-progress .client=${shopper}></loyalty-tier-progress>
        <loyalty-tier-progress .client=${gold}></loyalty-tier-progress>
        <loyalty-tier-progress sign-in-url="/sign-in" .client=${guest}></loyalty-tier-progress>
        <loyalty-tier-progress .client=${broken}></loyalty-tier-progress>
        <loyalty-birthday-greeting .client=${birthday}></loyalty-birthday-greeting>
        <loyalty-birthday-greeting .client=${invited}></loyalty-birthday-greeting>
        <loyalty-birthday-greeting .client=${guest}></loyalty-birthday-greeting>
        <loyalty-birthday-greeting .client=${broken}></loyalty-birthday-greeting>
        <loyalty-rewards .client=${shopper}></loyalty-rewards>
        <loyalty-rewards sign-in-url="/sign-in" .client=${guest}></loyalty-rewards>
        <loyalty-rewards .client=${broken}></loyalty-rewards>
        <loyalty-points-history page-size="2" .client=${shopper}></loyalty-points-history>
        <loyalty-points-history sign-in-url="/sign-in" .client=${guest}></loyalty-points-history>
        <loyalty-points-history .client=${broken}></loyalty-points-history>
        <loyalty-ways-to-earn .client=${gold}></loyalty-ways-to-earn>
        <loyalty-ways-to-earn sign-in-url="/sign-in" .client=${guest}></loyalty-ways-to-earn>
        <loyalty-ways-to-earn .client=${broken}></loyalty-ways-to-earn>
        <loyalty-satisfaction-survey trigger="post_purchase" .client=${surveyed}></loyalty-satisfaction-survey>
      </div>
    `);
    const widgets = [...page.children] as WidgetElement[];
    await Promise.all(widgets.map((widget) => settled(widget)));
    const survey = page.querySelector<LoyaltySatisfactionSurvey>('loyalty-satisfaction-survey')!;
    await waitUntil(() => survey.view === 'survey', `the survey showed ${survey.view}`, { timeout: 10_000 });
    await survey.updateComplete;
    // The survey's error (a required answer missing), then a selected option beside it.
    shadow(survey, '[part~="submit"], button[type="submit"]').click();
    await survey.updateComplete;
    survey.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="9"]')!.click();
    await survey.updateComplete;
    shadow(survey, '[part~="submit"], button[type="submit"]');
    return { page, widgets };
  }

  it('renders the states it checks', async () => {
    const { widgets } = await renderAll();
    expect(widgets.map((widget) => `${widget.localName}:${widget.state}`)).to.deep.equal([
      'loyalty-points-balance:ready',
      'loyalty-points-balance:guest',
      'loyalty-points-balance:error',
      'loyalty-tier-progress:ready',
      'loyalty-tier-progress:ready',
      'loyalty-tier-progress:guest',
      'loyalty-tier-progress:error',
      'loyalty-birthday-greeting:ready',
      'loyalty-birthday-greeting:ready',
      'loyalty-birthday-greeting:guest',
      'loyalty-birthday-greeting:error',
      'loyalty-rewards:ready',
      'loyalty-rewards:guest',
      'loyalty-rewards:error',
      'loyalty-points-history:ready',
      'loyalty-points-history:guest',
      'loyalty-points-history:error',
      'loyalty-ways-to-earn:ready',
      'loyalty-ways-to-earn:guest',
      'loyalty-ways-to-earn:error',
      'loyalty-satisfaction-survey:ready',
    ]);
  });

  for (const scheme of SCHEMES) {
    it(`has no axe violations in ${scheme} with any single brand colour`, async function () {
      this.timeout(180_000);
      await emulateMedia({ colorScheme: scheme });
      const { page } = await renderAll();
      for (const brand of BRAND_COLOURS) {
        page.style.setProperty('--loyalty-color-primary', brand);
        await nextFrame();
        for (const widget of page.children) {
          try {
            await expect(widget).to.be.accessible();
          } catch (error) {
            throw new Error(`<${widget.localName}> (${(widget as WidgetElement).state}) with ${brand} in ${scheme}`, {
              cause: error,
            });
          }
        }
      }
    });
  }

  it('derives AA pairs from any brand colour: label on the brand fill, brand text and focus ring on the card', async function () {
    this.timeout(60_000);
    const page = await fixture<HTMLDivElement>(html`
      <div lang="en">
        <loyalty-points-balance .client=${guest}></loyalty-points-balance>
        <loyalty-tier-progress sign-in-url="/sign-in" .client=${guest}></loyalty-tier-progress>
      </div>
    `);
    const [withButton, withLink] = [...page.children] as WidgetElement[];
    await Promise.all([settled(withButton!), settled(withLink!)]);
    // Every grey step, the primaries and secondaries, and the colours either side of the thresholds.
    const greys = Array.from({ length: 18 }, (_, step) => `rgb(${step * 15} ${step * 15} ${step * 15})`);
    const colours = [...greys, ...BRAND_COLOURS, '#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff'];
    colours.push('#767676', '#777777', '#7a7a7a', '#959595', '#969696', '#a0a0a0', '#ffffff', '#000000');
    for (const scheme of SCHEMES) {
      await emulateMedia({ colorScheme: scheme });
      for (const brand of colours) {
        page.style.setProperty('--loyalty-color-primary', brand);
        await nextFrame();
        const button = shadow(withButton!, '.button');
        const link = shadow(withLink!, '.link');
        const card = getComputedStyle(shadow(withLink!, '[part~="base"]')).backgroundColor;
        const fill = getComputedStyle(button).backgroundColor;
        const label = getComputedStyle(button).color;
        const text = getComputedStyle(link).color;
        const where = `${brand} in ${scheme}`;
        expect(contrast(label, fill), `button label on the brand fill, ${where}`).to.be.at.least(4.5);
        expect(contrast(text, card), `brand-coloured text on the card, ${where}`).to.be.at.least(4.5);
        link.focus();
        expect(contrast(getComputedStyle(link).outlineColor, card), `focus ring, ${where}`).to.be.at.least(3);
        if (scheme === 'dark') {
          expect(contrast(fill, card), `brand fill on the dark card, ${where}`).to.be.at.least(3);
        }
      }
    }
  });

  it('keeps a pair the merchant sets explicitly', async () => {
    const el = await fixture<WidgetElement>(html`
      <loyalty-points-balance
        style="--loyalty-color-primary: #ffff66; --loyalty-color-on-primary: rgb(0, 0, 128); --loyalty-color-primary-text: rgb(80, 0, 80)"
        .client=${guest}
      ></loyalty-points-balance>
    `);
    await settled(el);
    expect(getComputedStyle(shadow(el, '.button')).color).to.equal('rgb(0, 0, 128)');
    expect(onScreen(getComputedStyle(shadow(el, '.button')).backgroundColor)).to.equal('rgb(255, 255, 102)');
  });

  it('the check can fail: a pair set badly by hand is reported by axe', async () => {
    // Guards the axe assertions above against colours axe cannot read (it would report nothing).
    const el = await fixture<WidgetElement>(html`
      <loyalty-tier-progress
        sign-in-url="/sign-in"
        style="--loyalty-color-primary-text: #ffff66"
        .client=${guest}
      ></loyalty-tier-progress>
    `);
    await settled(el);
    await expect(el).not.to.be.accessible();
  });

  it('errors, successes and warnings have colours of their own, not the brand colour', async () => {
    const el = await fixture<WidgetElement>(html`
      <loyalty-rewards style="--loyalty-color-primary: rgb(1, 2, 3)" .client=${broken}></loyalty-rewards>
    `);
    await settled(el);
    const probe = document.createElement('div');
    el.shadowRoot!.append(probe);
    for (const token of ['danger', 'success', 'warning']) {
      probe.style.color = `var(--_color-${token})`;
      const light = getComputedStyle(probe).color;
      expect(light, token).not.to.equal('rgb(1, 2, 3)');
      expect(contrast(light, 'rgb(255, 255, 255)'), `${token} on the light card`).to.be.at.least(4.5);
    }
    await emulateMedia({ colorScheme: 'dark' });
    await nextFrame();
    const card = getComputedStyle(shadow(el, '[part~="base"]')).backgroundColor;
    for (const token of ['danger', 'success', 'warning']) {
      probe.style.color = `var(--_color-${token})`;
      expect(contrast(getComputedStyle(probe).color, card), `${token} on the dark card`).to.be.at.least(4.5);
    }
  });
});

describe('forced colours', () => {
  afterEach(async () => {
    await executeServerCommand('loyalty-forced-colors', { active: false });
    setSharedClient(undefined);
  });

  it('every button, select and text box keeps a visible boundary, even with control borders set to 0', async () => {
    const guest = await apiClient();
    const broken = await apiClient({ apiBase: CLOSED_API_BASE, customerToken: (await demoToken()).token });
    const shopper = await customerClient('demo-shopper');
    const invited = await apiClient({ customerToken: (await newShopper()).token });
    const birthday = await apiClient({ customerToken: (await newShopper({ birthday: birthdayToday() })).token });
    const surveyed = await apiClient({ customerToken: (await newShopper({ name: 'Forced colours shopper' })).token });
    await executeServerCommand('loyalty-forced-colors', { active: true });
    const page = await fixture<HTMLDivElement>(html`
      <div lang="en" style="--loyalty-control-border-width: 0; --loyalty-border-width: 0">
        <loyalty-points-balance .client=${shopper}></loyalty-points-balance>
        <loyalty-points-balance .client=${guest}></loyalty-points-balance>
        <loyalty-tier-progress .client=${broken}></loyalty-tier-progress>
        <loyalty-tier-progress .client=${shopper}></loyalty-tier-progress>
        <loyalty-birthday-greeting .client=${invited}></loyalty-birthday-greeting>
        <loyalty-birthday-greeting .client=${birthday}></loyalty-birthday-greeting>
        <loyalty-rewards .client=${shopper}></loyalty-rewards>
        <loyalty-points-history page-size="2" .client=${shopper}></loyalty-points-history>
        <loyalty-ways-to-earn sign-in-url="/sign-in" .client=${guest}></loyalty-ways-to-earn>
        <loyalty-satisfaction-survey trigger="post_purchase" .client=${surveyed}></loyalty-satisfaction-survey>
      </div>
    `);
    const widgets = [...page.children] as WidgetElement[];
    await Promise.all(widgets.map((widget) => settled(widget)));
    const survey = page.querySelector<LoyaltySatisfactionSurvey>('loyalty-satisfaction-survey')!;
    await waitUntil(() => survey.view === 'survey', `the survey showed ${survey.view}`, { timeout: 10_000 });
    await survey.updateComplete;
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);

    const controls = widgets.flatMap((widget) =>
      [...widget.shadowRoot!.querySelectorAll<HTMLElement>('button, select, textarea, .scale-option')]
        .filter((control) => control.getClientRects().length > 0 && !control.closest('.visually-hidden'))
        .map((control) => ({ widget, control })),
    );
    const named = (widget: Element, control: HTMLElement) =>
      `<${widget.localName}> ${control.localName}.${control.className} "${control.textContent?.trim().slice(0, 30)}"`;
    const labels = controls.map(({ control }) => control.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    for (const label of ['Redeem', 'Submit', 'Claim', 'Save birthday', 'Try again']) {
      expect(
        labels.some((text) => text.startsWith(label)),
        `a "${label}" button is checked`,
      ).to.equal(true);
    }
    const tags = new Set(controls.map(({ control }) => control.localName));
    expect([...tags].sort(), 'the controls it checks').to.include.members(['button', 'label', 'select']);
    for (const { widget, control } of controls) {
      const style = getComputedStyle(control);
      const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
      const bordered = sides.every(
        (side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== 'none',
      );
      const outlined = parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none';
      expect(bordered || outlined, `${named(widget, control)} has a boundary`).to.equal(true);
    }

    // The selected option stays distinct from the others without any background colour.
    const options = [...survey.shadowRoot!.querySelectorAll<HTMLElement>('.scale-option')];
    options
      .find((option) => option.querySelector('input')?.value === '9')!
      .querySelector('input')!
      .click();
    await survey.updateComplete;
    const selected = options.find((option) => option.querySelector('input')?.checked)!;
    const other = options.find((option) => !option.querySelector('input')?.checked)!;
    expect(parseFloat(getComputedStyle(selected).borderTopWidth)).to.be.above(
      parseFloat(getComputedStyle(other).borderTopWidth),
    );
  });
});
