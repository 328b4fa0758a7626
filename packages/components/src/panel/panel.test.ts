import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { paths } from '@loyalty-elements/contract';
import type { LoyaltyClient } from '@loyalty-elements/sdk';
import '../define/loyalty-panel.ts';
import type { LoyaltyPanel } from './panel.ts';
import { panelStrings } from './panel.strings.ts';
import { apiClient, closeClients, demoToken, quietClient } from '../test-support/api.ts';
import { usePagePitch } from '../test-support/join-pitch.ts';
import { REFLOW_CONDITIONS, applyCondition, linesOf, splitWords } from '../test-support/reflow.ts';
import { part, text, usePageLanguage } from '../test-support/widget.ts';

const INNER = [
  'loyalty-points-balance',
  'loyalty-tier-progress',
  'loyalty-ways-to-earn',
  'loyalty-rewards',
  'loyalty-referral',
  'loyalty-points-history',
];

/** A fetch that lists every request's path and skips the HTTP cache, so each client counts its own requests. */
function countingFetch(seen: string[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    seen.push(new URL(request.url).pathname);
    return fetch(request, { cache: 'no-store' });
  };
}

async function shopper(seen: string[] = []): Promise<LoyaltyClient> {
  return quietClient((await demoToken('demo-shopper')).token, { fetch: countingFetch(seen) });
}

const innerWidgets = (root: ParentNode) =>
  INNER.map((tag) => root.querySelector<HTMLElement & { state: string }>(tag)!);

async function allSettled(widgets: (HTMLElement & { state?: string })[]): Promise<void> {
  try {
    await waitUntil(() => widgets.every((widget) => widget?.state && widget.state !== 'loading'), '', {
      timeout: 15_000,
    });
  } catch {
    throw new Error(`not every widget settled: ${widgets.map((widget) => `${widget?.localName} ${widget?.state}`)}`);
  }
}

async function mount(client: LoyaltyClient, attributes = ''): Promise<LoyaltyPanel> {
  const el = await fixture<LoyaltyPanel>(html`<loyalty-panel .client=${client}></loyalty-panel>`);
  if (attributes) el.setAttribute('position', attributes);
  await waitUntil(() => el.state !== 'loading', 'the launcher settled', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const launcher = (el: LoyaltyPanel) => part<HTMLButtonElement>(el, 'launcher')!;
const dialog = (el: LoyaltyPanel) => part<HTMLDialogElement>(el, 'panel')!;

describe('<loyalty-panel>', function () {
  // Five widgets read the real API when the panel opens.
  this.timeout(60_000);
  usePageLanguage('en');
  usePagePitch();
  afterEach(async () => {
    closeClients();
    await setViewport({ width: 1024, height: 768 });
  });

  it('shows a signed-in shopper’s points on the launcher, in English and Chinese', async () => {
    const client = await shopper();
    const summary = await client.getSummary();
    const el = await mount(client);
    expect(el.state).to.equal('ready');
    const points = new Intl.NumberFormat('en').format(summary.points.balance);
    expect(text(el, 'launcher-label')).to.equal('Rewards');
    expect(text(el, 'launcher-points')).to.equal(`${points} points`);
    expect(launcher(el).getAttribute('aria-haspopup')).to.equal('dialog');
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();

    el.lang = 'zh-CN';
    await waitUntil(() => text(el, 'launcher-label') === '奖励', 'the Chinese label');
    expect(text(el, 'launcher-points')).to.equal(
      `${new Intl.NumberFormat('zh-CN').format(summary.points.balance)}积分`,
    );
  });

  it('says "Rewards" to a guest, and opens a side sheet on a wide screen that Escape closes, focus back on the launcher', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await mount(await apiClient({ fetch: countingFetch([]) }));
    expect(el.state).to.equal('guest');
    expect(text(el, 'launcher')).to.equal(panelStrings.en.label);
    expect(part(el, 'launcher-points')).to.equal(null);
    expect(el.shadowRoot!.querySelector('loyalty-points-balance'), 'nothing inside before the first opening').to.equal(
      null,
    );

    launcher(el).focus();
    setTimeout(() => launcher(el).click());
    await oneEvent(el, 'loyalty-panel-open');
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(dialog(el).open).to.equal(true);
    expect(el.modal, 'a side sheet on a wide screen').to.equal(false);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    const sheet = dialog(el).getBoundingClientRect();
    expect(sheet.right).to.be.closeTo(window.innerWidth, 1);
    expect(sheet.height).to.be.closeTo(window.innerHeight, 1);
    const widgets = innerWidgets(el.shadowRoot!);
    await allSettled(widgets);
    expect(widgets.map((widget) => widget.state)).to.deep.equal(INNER.map(() => 'guest'));
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close-button'));
    await expect(el).to.be.accessible();

    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'loyalty-panel-close');
    expect(el.open).to.equal(false);
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement, 'focus back on the launcher').to.equal(launcher(el));
  });

  it('is a modal dialog on a phone: focus stays inside, Escape closes it, focus returns to the launcher', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await mount(await shopper());
    launcher(el).focus();
    setTimeout(() => launcher(el).click());
    await oneEvent(el, 'loyalty-panel-open');
    expect(el.modal).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true);
    const box = dialog(el).getBoundingClientRect();
    expect(box.width).to.be.closeTo(390, 1);
    // Everything outside a modal dialog is inert: the launcher cannot take focus while it is open.
    launcher(el).focus();
    expect(el.shadowRoot!.activeElement).to.not.equal(launcher(el));
    await allSettled(innerWidgets(el.shadowRoot!));

    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'loyalty-panel-close');
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));

    el.show();
    await oneEvent(el, 'loyalty-panel-open');
    setTimeout(() => part<HTMLButtonElement>(el, 'close-button')!.click());
    await oneEvent(el, 'loyalty-panel-close');
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));
  });

  it('closes a reward’s confirmation on Escape and stays open, modal on a phone', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await mount(await shopper());
    el.show();
    await oneEvent(el, 'loyalty-panel-open');
    expect(el.modal).to.equal(true);
    const rewards = el.shadowRoot!.querySelector<HTMLElement & { state: string }>('loyalty-rewards')!;
    await allSettled([rewards]);
    let closed = false;
    el.addEventListener('loyalty-panel-close', () => (closed = true));

    part<HTMLButtonElement>(rewards, 'redeem-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(rewards, 'confirm') !== null, 'the confirmation');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => part(rewards, 'confirm') === null, 'the confirmation to close');
    await el.updateComplete;
    expect(dialog(el).open, 'the panel stays open').to.equal(true);
    expect(el.open).to.equal(true);
    expect(closed).to.equal(false);
    const redeem = part(rewards, 'redeem-button');
    expect(redeem !== null && rewards.shadowRoot!.activeElement === redeem, 'focus back on Redeem').to.equal(true);
  });

  it('titles each widget inside one level below its own heading', async () => {
    const el = await mount(await shopper());
    el.show();
    await oneEvent(el, 'loyalty-panel-open');
    const widgets = innerWidgets(el.shadowRoot!);
    await allSettled(widgets);
    expect(part(el, 'title')!.getAttribute('aria-level')).to.equal('2');
    const levels = widgets.map((widget) =>
      widget.shadowRoot!.querySelector('[role="heading"]')?.getAttribute('aria-level'),
    );
    expect(levels).to.deep.equal(INNER.map(() => '3'));
  });

  it('follows a change of the page’s language, the widgets inside included, without a reload', async () => {
    const el = await mount(await shopper());
    el.show();
    await oneEvent(el, 'loyalty-panel-open');
    const widgets = innerWidgets(el.shadowRoot!);
    await allSettled(widgets);
    const rewards = el.shadowRoot!.querySelector('loyalty-rewards')!;
    expect(text(rewards, 'title')).to.equal('Rewards');

    document.documentElement.lang = 'zh-CN';
    await waitUntil(() => text(el, 'title') === '奖励', 'the panel in Chinese');
    await waitUntil(() => text(rewards, 'title') === '积分兑换', 'the rewards inside in Chinese', { timeout: 2_000 });
    expect(widgets.map((widget) => part(widget, 'base')?.getAttribute('lang'))).to.deep.equal(INNER.map(() => 'zh-CN'));
  });

  it('costs no more summary or program requests than the same six widgets on the page', async () => {
    const counted = (seen: string[]) => seen.filter((path) => path === paths.summary || path === paths.program).length;

    const onPage: string[] = [];
    const pageClient = await shopper(onPage);
    await import('./panel-widgets.ts').then(({ definePanelWidgets }) => definePanelWidgets());
    const page = await fixture<HTMLDivElement>(
      html`<div>
        ${INNER.map((tag) => {
          const widget = document.createElement(tag) as HTMLElement & { client: LoyaltyClient };
          widget.client = pageClient;
          return widget;
        })}
      </div>`,
    );
    await allSettled(innerWidgets(page));

    const inPanel: string[] = [];
    const el = await mount(await shopper(inPanel));
    el.show();
    await oneEvent(el, 'loyalty-panel-open');
    await allSettled(innerWidgets(el.shadowRoot!));
    expect(innerWidgets(el.shadowRoot!).map((widget) => widget.state)).to.deep.equal(
      innerWidgets(page).map((widget) => widget.state),
    );
    expect(counted(onPage)).to.be.greaterThan(0);
    expect(counted(inPanel), `panel ${inPanel.join(' ')}; page ${onPage.join(' ')}`).to.be.at.most(counted(onPage));
  });

  it('keeps its words whole on a 320 px phone with 200 % text: the launcher and the header wrap instead', async () => {
    const phone = REFLOW_CONDITIONS.find((condition) => condition.name === '200 % text on a 320 px phone');
    const el = await mount(await shopper());
    try {
      await applyCondition(el.parentElement!, phone);
      el.open = true;
      await oneEvent(el, 'loyalty-panel-open');
      await applyCondition(el.parentElement!, phone);
      expect(el.modal, 'a modal on a phone').to.equal(true);
      expect(splitWords(el, [], dialog(el))).to.deep.equal([]);
      const balance = el.shadowRoot!.querySelector('loyalty-points-balance')!;
      await waitUntil(() => balance.state === 'ready', 'the balance in the panel is ready', { timeout: 10_000 });
      const figure = balance.shadowRoot!.querySelector('[part~="value"]')!;
      expect(linesOf(figure), `the balance "${figure.textContent}" on one line`).to.equal(1);
      el.open = false;
      await el.updateComplete;
      const button = launcher(el);
      const emPx = parseFloat(getComputedStyle(button).fontSize);
      expect(button.getBoundingClientRect().height / emPx, 'the launcher stays one line high').to.be.at.most(3.05);
      expect(button.getBoundingClientRect().width).to.be.at.most(window.innerWidth);
      expect(button.textContent!.replace(/\s+/g, ' '), 'its points still in its name').to.contain(' points');
      expect(part(el, 'launcher-points')!.getBoundingClientRect().width, 'its points out of view').to.be.at.most(1);
    } finally {
      await applyCondition(el.parentElement!);
    }
  });

  it('sits in the bottom-start corner with position="bottom-start", takes a label and shows the extra slot', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await fixture<LoyaltyPanel>(
      html`<loyalty-panel position="bottom-start" label="Tea points" .client=${await shopper()}
        ><a slot="extra" href="/rewards">All rewards</a></loyalty-panel
      >`,
    );
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 10_000 });
    const box = launcher(el).getBoundingClientRect();
    expect(box.left).to.be.below(window.innerWidth / 2);
    expect(box.bottom).to.be.closeTo(window.innerHeight - 16, 2);
    expect(text(el, 'launcher-label')).to.equal('Tea points');
    el.open = true;
    await oneEvent(el, 'loyalty-panel-open');
    expect(text(el, 'title')).to.equal('Tea points');
    expect(dialog(el).getBoundingClientRect().left).to.be.closeTo(0, 1);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="extra"]')!;
    expect(slot.assignedElements().map((a) => a.textContent)).to.deep.equal(['All rewards']);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close-button'));
  });
});
