import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CustomerRewards, LoyaltyClient, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement, type NoticeStrings } from '../base/loyalty-data-element.ts';
import { focusFirstAction } from '../base/notices.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import { renderIssuedCode } from './issued-code.ts';
import { renderGoneNotice } from './redeem-errors.ts';
import { RedeemFlow } from './redeem-flow.ts';
import { renderRedemptionHistory } from './redemption-history.ts';
import { renderRewardCard, showMoreButtons } from './reward-card.ts';
import type { RewardsView } from './rewards-view.ts';
import { rewardsStrings, type RewardsStrings } from './rewards.strings.ts';
import { rewardsStyles } from './rewards.styles.ts';

/** What the element is showing: `empty` is a program with no reward on offer now. */
export type RewardsState = CustomerDataState | 'empty';

interface RewardsData {
  summary: Summary;
  rewards: CustomerRewards;
}

/**
 * The program's rewards for the signed-in shopper (积分兑换): every reward on offer as a card with its
 * cost, and either a Redeem button or what stands in the way ("Gold members and above", "You need 300
 * more points", "Out of stock"). Redeeming asks for confirmation ("Redeem Free coffee for 500 points?";
 * Escape cancels), then shows the code the API issued with a copy button and its expiry date, and
 * announces it. A double click redeems once. A refusal (the points, the stock or the tier changed) is
 * explained on the card and the list is read again; a failed network keeps the confirmation with a
 * retry that can never spend twice. The latest redemptions, with their codes, are behind a button.
 * A redemption updates the balance and tier widgets on the page (through the client's summary). When another
 * shopper signs in on the page, the last one's code, confirmation and announcement are gone.
 * Like every loyalty element it has a loading skeleton (`loading-cards` placeholders), a guest sign-in
 * invitation and an error state with a retry button, and speaks English and Simplified Chinese.
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Lists the rewards the shopper's points can buy, and redeems them for a code.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The rewards arrived and are shown. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Loading failed (once per failure; not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 * @fires {LoyaltyRewardRedeemedEvent} loyalty-reward-redeemed - A reward was redeemed. `detail` is the `RedeemResult`: `redemption` (with its `code`), `entry`, `balance`.
 *
 * @csspart base - The card around every state.
 * @csspart pitch - The join pitch, when this widget holds the page's one (a guest page without `<loyalty-join-pitch>`).
 * @csspart pitch-title - The pitch's heading.
 * @csspart pitch-intro - The line under it.
 * @csspart pitch-benefits - The list of what members get.
 * @csspart pitch-benefit - One thing members get.
 * @csspart join-link - The pitch's "Join now" (`join-url`).
 * @csspart title - The heading ("Rewards").
 * @csspart balance - The shopper's spendable points ("You have 2,900 points").
 * @csspart list - The list of rewards.
 * @csspart card - Each reward.
 * @csspart card-locked - A reward the shopper cannot redeem now (also `card`).
 * @csspart name - A reward's name (a heading one level below the title).
 * @csspart description - A reward's description (two lines at most until the shopper asks for more).
 * @csspart more-button - "More" / "Less" beside the price, when the description is longer than two lines.
 * @csspart cost - A reward's price in points.
 * @csspart meta - Stock left and the end of the offer, when they apply.
 * @csspart lock - What stands in the way: the tier, the points missing, the stock.
 * @csspart icon - The decorative icon of a lock or of an issued code; drawn in `currentColor`.
 * @csspart redeem-button - A reward's "Redeem" button (also `button`).
 * @csspart confirm - The confirmation step inside a card.
 * @csspart confirm-question - Its question ("Redeem Free coffee for 500 points?") and the code's validity.
 * @csspart confirm-button - The "Confirm" (or "Try again") button (also `button`).
 * @csspart cancel-button - The "Cancel" button (also `secondary-button`).
 * @csspart error - Why a redemption was refused or failed, on its card.
 * @csspart issued - The panel with the code just issued.
 * @csspart issued-title - Its title ("Free coffee redeemed").
 * @csspart code-label - "Your code".
 * @csspart code - The code itself (in the panel and in the history).
 * @csspart copy-button - The button that copies the code (also `button`).
 * @csspart copy-status - "Copied", next to the copy button.
 * @csspart expiry - When the code expires.
 * @csspart done-button - The button that closes the panel (also `secondary-button`).
 * @csspart history-toggle - The button that shows or hides the redeemed rewards.
 * @csspart history - The list of redeemed rewards.
 * @csspart redemption - One redeemed reward: its name, code, date and expiry.
 * @csspart message - The empty, guest or error message, and "no reward redeemed yet".
 * @csspart button - Every main button: redeem, confirm, copy, retry, or a guest's sign-in button without `sign-in-url`.
 * @csspart secondary-button - Cancel and Done.
 * @csspart link - A guest's sign-in link.
 * @csspart skeleton - Each placeholder while loading.
 *
 * @cssprop [--loyalty-rewards-background=var(--loyalty-color-surface)] - Background of the widget.
 * @cssprop [--loyalty-rewards-border-color=var(--loyalty-color-border)] - Border of the widget and of its cards.
 * @cssprop [--loyalty-rewards-padding=var(--loyalty-space)] - Padding of the widget: one length, at most 5vw.
 * @cssprop [--loyalty-rewards-gap=calc(var(--loyalty-space) * 0.75)] - Space between the cards, and between the sections.
 * @cssprop [--loyalty-rewards-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title.
 * @cssprop [--loyalty-rewards-card-background=var(--loyalty-color-surface)] - Background of a reward card.
 * @cssprop [--loyalty-rewards-card-min-width=14em] - The narrowest a card gets before the cards wrap to fewer columns.
 * @cssprop [--loyalty-rewards-cost-color=var(--loyalty-color-primary-text)] - Colour of a reward's price.
 * @cssprop [--loyalty-rewards-lock-color=var(--loyalty-color-text-muted)] - Colour of what locks a reward.
 * @cssprop [--loyalty-rewards-accent-color=var(--loyalty-color-success)] - The issued panel's edge and icon.
 * @cssprop [--loyalty-rewards-code-background=color-mix(in srgb, var(--loyalty-color-primary) 8%, var(--loyalty-color-surface))] - Background behind an issued code.
 * @cssprop [--loyalty-rewards-code-font-family=ui-monospace, SFMono-Regular, Menlo, Consolas, monospace] - Font of the codes.
 */
export class LoyaltyRewards extends LoyaltyDataElement<RewardsData> {
  static override tagName = 'loyalty-rewards';
  static override styles = rewardsStyles;

  /** How many card placeholders the loading state shows: how many rewards you offer, so nothing shifts. */
  @property({ type: Number, attribute: 'loading-cards' })
  loadingCards = 3;

  /** Whether the redeemed rewards are shown (the shopper toggles them; set it to start open). */
  @property({ type: Boolean, attribute: 'history-open', reflect: true })
  historyOpen = false;

  readonly #redeem = new RedeemFlow(this, {
    i18n: this.i18n,
    client: () => this.data.client,
    reward: (rewardId) => this.rewards?.rewards.find(({ id }) => id === rewardId),
    settled: () => this.dataState !== 'loading',
    shownCustomer: () => this.data.value?.summary.customer.id,
    announce: (text) => this.announce(text),
    redeemed: (result) => this.emit('loyalty-reward-redeemed', result),
    refused: (client) => void this.#readAgain(client),
  });

  /** Rewards read again after a refusal, newer than the data they were read over. */
  #fresher: { over: RewardsData; rewards: CustomerRewards } | undefined;
  /** Rewards whose whole description the shopper asked to see. */
  readonly #expanded = new Set<string>();
  /** Measures again which descriptions are cut when the element's width changes. */
  #resizes: ResizeObserver | undefined;
  #focusWithin = false;

  /** What the element shows right now. */
  get state(): RewardsState {
    const state = this.dataState;
    if (state !== 'ready') return state;
    return this.#rewardsOf(this.data.value!).rewards.length === 0 ? 'empty' : 'ready';
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.data.value?.summary;
  }

  /** The rewards on show, if any. */
  get rewards(): CustomerRewards | undefined {
    const data = this.data.value;
    return data ? this.#rewardsOf(data) : undefined;
  }

  protected async load(client: LoyaltyClient, signal: AbortSignal): Promise<RewardsData> {
    const [summary, cached] = await Promise.all([client.getSummary(), client.getRewards()]);
    // Points changed since the rewards were read (a claim, an order elsewhere): their locks may have too.
    const behind = cached.balance !== summary.points.balance && !signal.aborted;
    return { summary, rewards: behind ? await client.getRewards({ revalidate: true }) : cached };
  }

  protected summaryOf(data: RewardsData): Summary {
    return data.summary;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'undefined') return;
    this.#resizes ??= new ResizeObserver(() => showMoreButtons(this.renderRoot as ShadowRoot));
    this.#resizes.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // willUpdate runs under Lit SSR too, where elements have no `matches`.
    this.#focusWithin = !isServer && this.matches(':focus-within');
    const customerId = this.data.value?.summary.customer.id;
    if (customerId !== undefined && customerId !== this.#redeem.customerId) {
      this.#redeem.reset(customerId);
      this.#fresher = undefined;
      this.#expanded.clear();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.dataState === 'loading') return;
    showMoreButtons(this.renderRoot as ShadowRoot);
    if (this.#focusWithin && !this.matches(':focus-within')) {
      // What had focus went away with new data (a card that changed, a reward no longer on offer).
      focusFirstAction(this.renderRoot, '#gone');
    }
  }

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  protected renderLoading(): TemplateResult {
    const cards = Math.max(0, Math.min(24, Math.trunc(this.loadingCards) || 0));
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${this.#strings.loading}</span>
        <div class="header" aria-hidden="true">
          <span class="title-row"><span part="skeleton" class="bone bone--title"></span></span>
          <span class="balance-row"><span part="skeleton" class="bone bone--balance"></span></span>
        </div>
        <div class="list" aria-hidden="true">
          ${Array.from(
            { length: cards },
            () =>
              html`<div class="card card--placeholder">
                <span part="skeleton" class="bone bone--name"></span>
                <span part="skeleton" class="bone bone--line"></span>
                <span part="skeleton" class="bone bone--line bone--short"></span>
                <span part="skeleton" class="bone bone--action"></span>
              </div>`,
          )}
        </div>
        <div class="history-row" aria-hidden="true"><span part="skeleton" class="bone bone--history"></span></div>
      </div>
    `;
  }

  protected renderReady(data: RewardsData): TemplateResult {
    const view = this.#view(data);
    const { i18n, s } = view;
    const rewards = this.#rewardsOf(data);
    const redeem = this.#redeem;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${i18n.locale}>
        <div class="header">
          <div part="title" class="title" id="title" role="heading" aria-level=${view.level}>${s.title}</div>
          <p part="balance" class="balance">
            ${s.balance(i18n.formatNumber(rewards.balance), rewards.balance, view.pointsName)}
          </p>
        </div>
        ${redeem.issued ? renderIssuedCode(view, redeem, redeem.issued) : nothing}
        ${renderGoneNotice(view, redeem.gone, rewards)}
        ${
          rewards.rewards.length === 0
            ? html`<p part="message" class="message empty">${s.empty}</p>`
            : html`<ul part="list" class="list" aria-labelledby="title">
                ${repeat(
                  rewards.rewards,
                  (reward) => reward.id,
                  (reward) =>
                    renderRewardCard(view, redeem, reward, this.#expanded.has(reward.id), this.#toggleDescription),
                )}
              </ul>`
        }
        ${renderRedemptionHistory(view, rewards.redemptions, this.historyOpen, this.#toggleHistory)}
      </div>
    `;
  }

  get #strings(): RewardsStrings {
    return this.i18n.strings(rewardsStrings);
  }

  #view(data: RewardsData): RewardsView {
    const { i18n } = this;
    const timeZone = data.summary.customer.timezone;
    return {
      i18n,
      s: this.#strings,
      pointsName: i18n.pick(data.summary.program.pointsName),
      level: this.level,
      date: (instant) => i18n.formatDate(instant, { dateStyle: 'medium', timeZone }),
    };
  }

  #rewardsOf(data: RewardsData): CustomerRewards {
    return this.#fresher?.over === data ? this.#fresher.rewards : data.rewards;
  }

  async #readAgain(client: LoyaltyClient): Promise<void> {
    const over = this.data.value;
    try {
      // A changed summary reloads the widget by itself; a changed stock or catalogue does not.
      const [rewards] = await Promise.all([
        client.getRewards({ revalidate: true }),
        client.getSummary({ revalidate: true }),
      ]);
      if (over && this.data.value === over) {
        this.#fresher = { over, rewards };
        this.requestUpdate();
      }
    } catch {
      // The card already says what went wrong; the list stays as it was.
    }
  }

  #toggleDescription = (rewardId: string): void => {
    if (!this.#expanded.delete(rewardId)) this.#expanded.add(rewardId);
    this.requestUpdate();
  };

  #toggleHistory = (): void => {
    this.historyOpen = !this.historyOpen;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-rewards': LoyaltyRewards;
  }
}
