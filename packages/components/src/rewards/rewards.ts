import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  isLoyaltyError,
  type CustomerReward,
  type CustomerRewards,
  type LoyaltyClient,
  type RedeemResult,
  type Redemption,
  type Summary,
} from '@loyalty-elements/sdk';
import { LoyaltyElement } from '../base/loyalty-element.ts';
import {
  commonErrorMessage,
  errorMessage,
  renderAnnouncement,
  renderErrorNotice,
  renderGuestNotice,
} from '../base/notices.ts';
import { CustomerDataController, type CustomerDataState } from '../controllers/customer-data-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { Translation } from '../locales/en.ts';
import { rewardsStrings, type RewardsStrings } from './rewards.strings.ts';
import { rewardsStyles } from './rewards.styles.ts';

/** What the element is showing: `empty` is a program with no reward on offer now. */
export type RewardsState = CustomerDataState | 'empty';

interface RewardsData {
  summary: Summary;
  rewards: CustomerRewards;
}

/** What the copy button achieved: nothing yet, the code copied, or the code selected for the shopper to copy. */
type CopyOutcome = 'idle' | 'copied' | 'selected';

/** The refusals the API gives a redemption: the shopper's situation changed since the list was read. */
const REFUSALS = new Set([
  'insufficient_points',
  'reward_out_of_stock',
  'reward_tier_required',
  'reward_unavailable',
  'reward_not_found',
]);

/**
 * The program's rewards for the signed-in shopper (积分兑换): every reward on offer as a card with its
 * cost, and either a Redeem button or what stands in the way ("Gold members and above", "You need 300
 * more points", "Out of stock"). Redeeming asks for confirmation ("Redeem Free coffee for 500 points?";
 * Escape cancels), then shows the code the API issued with a copy button and its expiry date, and
 * announces it. A double click redeems once. A refusal (the points, the stock or the tier changed) is
 * explained on the card and the list is read again; a failed network keeps the confirmation with a
 * retry that can never spend twice. The latest redemptions, with their codes, are behind a button.
 * A redemption updates the balance and tier widgets on the page (through the client's summary).
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
 * @cssprop [--loyalty-rewards-padding=var(--loyalty-space)] - Padding of the widget.
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
export class LoyaltyRewards extends LoyaltyElement {
  static override tagName = 'loyalty-rewards';
  static override styles = rewardsStyles;

  /** The client to ask; without it the element uses a provider's client, then the page's shared one. */
  @property({ attribute: false })
  client: LoyaltyClient | null | undefined;

  /** Where a guest signs in. Without it, "Sign in" is a button firing `loyalty-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' })
  signInUrl: string | undefined;

  /** How many card placeholders the loading state shows: how many rewards you offer, so nothing shifts. */
  @property({ type: Number, attribute: 'loading-cards' })
  loadingCards = 3;

  /** The level of the title's heading (1–5); each reward's name is one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** Whether the redeemed rewards are shown (the shopper toggles them; set it to start open). */
  @property({ type: Boolean, attribute: 'history-open', reflect: true })
  historyOpen = false;

  readonly #i18n = new LocaleController(this);
  readonly #data = new CustomerDataController<RewardsData>(this, {
    client: () => this.client,
    load: async (client) => {
      const [summary, cached] = await Promise.all([client.getSummary(), client.getRewards()]);
      // Points changed since the rewards were read (a claim, an order elsewhere): their locks may have too.
      const behind = cached.balance !== summary.points.balance;
      return { summary, rewards: behind ? await client.getRewards({ revalidate: true }) : cached };
    },
    summaryOf: (data) => data.summary,
  });

  /** Whose confirmations, failures and code the fields below hold. */
  #customerId: string | undefined;
  /** The reward whose confirmation is open. */
  #confirming: string | undefined;
  /** The reward being redeemed now. */
  #redeeming: string | undefined;
  /** Per reward: why its last redemption was refused or failed. */
  #failures = new Map<string, unknown>();
  /** A refused reward no longer listed, with its name: its refusal shows above the list. */
  #gone: { reward: CustomerReward; error: unknown } | undefined;
  /** The code issued in this page, shown until the shopper closes it. */
  #issued: RedeemResult | undefined;
  #copy: CopyOutcome = 'idle';
  /** Rewards read again after a refusal, newer than the data they were read over. */
  #fresher: { over: RewardsData; rewards: CustomerRewards } | undefined;

  /** Rewards whose whole description the shopper asked to see. */
  #expanded = new Set<string>();
  /** Measures again which descriptions are cut when the element's width changes. */
  #resizes: ResizeObserver | undefined;

  #announcement = '';
  /** Selectors in the shadow root: the first that matches gets focus after the next render. */
  #focusNext: string[] | undefined;
  #focusWithin = false;
  #refocus = false;

  /** What the element shows right now. */
  get state(): RewardsState {
    const state = this.#data.state;
    if (state !== 'ready') return state;
    return this.#rewardsOf(this.#data.value!).rewards.length === 0 ? 'empty' : 'ready';
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.#data.value?.summary;
  }

  /** The rewards on show, if any. */
  get rewards(): CustomerRewards | undefined {
    const data = this.#data.value;
    return data ? this.#rewardsOf(data) : undefined;
  }

  /** Loads the rewards again (what the retry button does). Resolves when it has settled. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // willUpdate runs under Lit SSR too, where elements have no `matches`.
    this.#focusWithin = !isServer && this.matches(':focus-within');
    const data = this.#data.value;
    if (data && data.summary.customer.id !== this.#customerId) this.#forgetCustomer(data.summary.customer.id);
  }

  protected override render(): TemplateResult {
    const t = this.#i18n.t;
    const s = this.#strings;
    const content = this.#data.render({
      loading: () => this.#renderLoading(s),
      ready: (data) => this.#renderReady(t, s, data),
      guest: () =>
        renderGuestNotice({
          t,
          locale: this.#i18n.locale,
          signInUrl: this.signInUrl,
          onSignIn: this.#requestSignIn,
          message: s.guestMessage,
        }),
      error: (error) =>
        renderErrorNotice({
          t,
          locale: this.#i18n.locale,
          message: this.#data.client ? errorMessage(t, error, s.errorOther) : s.errorNoClient,
          onRetry: this.#data.client ? this.#retry : undefined,
        }),
    });
    return html`${content}${renderAnnouncement(this.#i18n.locale, this.#announcement)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'undefined') return;
    this.#resizes ??= new ResizeObserver(() => this.#showMoreButtons());
    this.#resizes.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const { state } = this.#data;
    if (state === 'loading') return;
    this.#showMoreButtons();
    const root = this.renderRoot;
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    if (this.#focusNext) {
      const target = this.#focusNext.map((selector) => root.querySelector<HTMLElement>(selector)).find(Boolean);
      (target ?? base)?.focus();
      this.#focusNext = undefined;
    } else if (this.#refocus) {
      // The retry button went away while loading: put focus back somewhere sensible.
      this.#refocus = false;
      (root.querySelector<HTMLElement>('[part~="button"], [part~="link"]') ?? base)?.focus();
    } else if (this.#focusWithin && !this.matches(':focus-within')) {
      // What had focus went away with new data (a card that changed, a reward no longer on offer).
      (root.querySelector<HTMLElement>('#gone') ?? base)?.focus();
    }
  }

  /**
   * Shows "More" where a description is cut at two lines, and "Less" where it is open. Set on the DOM rather
   * than rendered: whether text is cut is known only after layout, and the button sits in the price's row, so
   * showing it moves nothing.
   */
  #showMoreButtons(): void {
    for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="more-button"]')) {
      const description = (this.renderRoot as ShadowRoot).getElementById(button.getAttribute('aria-controls') ?? '');
      const cut = description !== null && description.scrollHeight > description.clientHeight + 1;
      button.hidden = !(cut || button.getAttribute('aria-expanded') === 'true');
    }
  }

  get #strings(): RewardsStrings {
    return this.#i18n.strings(rewardsStrings);
  }

  #rewardsOf(data: RewardsData): CustomerRewards {
    return this.#fresher?.over === data ? this.#fresher.rewards : data.rewards;
  }

  #forgetCustomer(customerId: string): void {
    this.#customerId = customerId;
    this.#confirming = undefined;
    this.#redeeming = undefined;
    this.#failures.clear();
    this.#gone = undefined;
    this.#issued = undefined;
    this.#copy = 'idle';
    this.#fresher = undefined;
    this.#expanded.clear();
  }

  #announce(text: string): void {
    // The same words again are still a new announcement.
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
  }

  #pointsName(data: RewardsData): string {
    return this.#i18n.pick(data.summary.program.pointsName);
  }

  #date(data: RewardsData, instant: string): string {
    return this.#i18n.formatDate(instant, { dateStyle: 'medium', timeZone: data.summary.customer.timezone });
  }

  get #level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 5 ? level : 2;
  }

  // Rendering

  #renderLoading(s: RewardsStrings): TemplateResult {
    const cards = Math.max(0, Math.min(24, Math.trunc(this.loadingCards) || 0));
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.#i18n.locale}>
        <span class="visually-hidden">${s.loading}</span>
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

  #renderReady(t: Translation, s: RewardsStrings, data: RewardsData): TemplateResult {
    const rewards = this.#rewardsOf(data);
    const level = this.#level;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.#i18n.locale}>
        <div class="header">
          <div part="title" class="title" id="title" role="heading" aria-level=${level}>${s.title}</div>
          <p part="balance" class="balance">
            ${s.balance(this.#i18n.formatNumber(rewards.balance), this.#pointsName(data))}
          </p>
        </div>
        ${this.#issued ? this.#renderIssued(s, data, this.#issued) : nothing} ${this.#renderGone(t, s, data, rewards)}
        ${
          rewards.rewards.length === 0
            ? html`<p part="message" class="message empty">${s.empty}</p>`
            : html`<ul part="list" class="list" aria-labelledby="title">
                ${repeat(
                  rewards.rewards,
                  (reward) => reward.id,
                  (reward) => this.#renderCard(t, s, data, reward),
                )}
              </ul>`
        }
        ${this.#renderHistory(s, data, rewards.redemptions)}
      </div>
    `;
  }

  #renderCard(t: Translation, s: RewardsStrings, data: RewardsData, reward: CustomerReward): TemplateResult {
    const pointsName = this.#pointsName(data);
    const name = this.#i18n.pick(reward.name);
    const description = this.#i18n.pick(reward.description);
    const locked = reward.lockedBy !== null;
    const expanded = this.#expanded.has(reward.id);
    const confirming = this.#confirming === reward.id && !locked;
    const busy = this.#redeeming === reward.id;
    const failure = this.#failures.get(reward.id);
    const meta = [
      reward.stock !== null && reward.stock > 0 ? s.stockLeft(this.#i18n.formatNumber(reward.stock)) : undefined,
      reward.availableUntil ? s.availableUntil(this.#date(data, reward.availableUntil)) : undefined,
    ].filter((line): line is string => line !== undefined);
    return html`
      <li
        part="card${locked ? ' card-locked' : ''}"
        class="card ${locked ? 'card--locked' : ''}"
        aria-busy=${busy ? 'true' : 'false'}
      >
        <div part="name" class="name" id="name-${reward.id}" role="heading" aria-level=${this.#level + 1}>${name}</div>
        ${
          description
            ? html`<p
                part="description"
                class="description ${expanded ? 'description--expanded' : ''}"
                id="description-${reward.id}"
              >
                ${description}
              </p>`
            : nothing
        }
        <p class="cost-row">
          <span part="cost" class="cost"
            ><span class="cost-value">${this.#i18n.formatNumber(reward.pointsCost)}</span>
            <span class="points-name">${pointsName}</span></span
          >
          ${
            description
              ? html`<button
                  part="more-button"
                  class="link more"
                  type="button"
                  hidden
                  aria-controls="description-${reward.id}"
                  aria-expanded=${expanded ? 'true' : 'false'}
                  aria-describedby="name-${reward.id}"
                  @click=${() => this.#toggleDescription(reward.id)}
                >
                  ${expanded ? s.less : s.more}
                </button>`
              : nothing
          }
        </p>
        ${meta.length ? html`<p part="meta" class="meta">${meta.join(' · ')}</p>` : nothing}
        ${locked ? this.#renderLock(s, reward, pointsName) : nothing}
        ${
          confirming
            ? this.#renderConfirm(s, data, reward, name, busy, failure)
            : locked
              ? nothing
              : html`<div class="actions">
                  <button
                    part="button redeem-button"
                    class="button"
                    id="redeem-${reward.id}"
                    type="button"
                    @click=${() => this.#askToConfirm(reward.id)}
                  >
                    ${s.redeem}<span class="visually-hidden"> ${name}</span>
                  </button>
                </div>`
        }
        ${
          failure !== undefined && !confirming
            ? html`<p part="error" class="error" id="error-${reward.id}" role="alert" tabindex="-1">
                ${redeemErrorMessage(t, s, failure, reward, this.#i18n.pick(reward.requiredTier?.name), pointsName)}
              </p>`
            : nothing
        }
      </li>
    `;
  }

  #renderLock(s: RewardsStrings, reward: CustomerReward, pointsName: string): TemplateResult {
    let text: string;
    switch (reward.lockedBy) {
      case 'tier':
        text = reward.requiredTier ? s.lockedByTier(this.#i18n.pick(reward.requiredTier.name)) : s.refusedTierUnknown;
        break;
      case 'out_of_stock':
        text = s.outOfStock;
        break;
      default:
        text = s.lockedByPoints(this.#i18n.formatNumber(reward.pointsNeeded), pointsName);
    }
    return html`<p part="lock" class="lock lock--${reward.lockedBy ?? 'points'}">${lockIcon}<span>${text}</span></p>`;
  }

  #renderConfirm(
    s: RewardsStrings,
    data: RewardsData,
    reward: CustomerReward,
    name: string,
    busy: boolean,
    failure: unknown,
  ): TemplateResult {
    const question = s.confirmQuestion(name, this.#i18n.formatNumber(reward.pointsCost), this.#pointsName(data));
    const t = this.#i18n.t;
    return html`
      <div
        part="confirm"
        class="confirm"
        role="group"
        aria-labelledby="question-${reward.id}"
        @keydown=${(event: KeyboardEvent) => this.#confirmKeydown(event, reward.id)}
      >
        <p part="confirm-question" class="question" id="question-${reward.id}" tabindex="-1">
          <span>${question}</span>
          ${
            reward.validityDays !== null
              ? html`<span class="validity">${s.confirmValidity(this.#i18n.formatNumber(reward.validityDays))}</span>`
              : nothing
          }
        </p>
        ${
          failure !== undefined
            ? html`<p part="error" class="error" id="error-${reward.id}" role="alert">
                ${redeemErrorMessage(t, s, failure, reward, this.#i18n.pick(reward.requiredTier?.name), this.#pointsName(data))}
              </p>`
            : nothing
        }
        <div class="actions">
          <button
            part="button confirm-button"
            class="button"
            id="confirm-${reward.id}"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${(event: MouseEvent) => this.#confirm(event, reward.id)}
          >
            ${busy ? s.redeeming : failure !== undefined ? s.tryAgain : s.confirm}
          </button>
          <button
            part="secondary-button cancel-button"
            class="button button--secondary"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => this.#cancel(reward.id)}
          >
            ${s.cancel}
          </button>
        </div>
      </div>
    `;
  }

  #renderIssued(s: RewardsStrings, data: RewardsData, issued: RedeemResult): TemplateResult {
    const { redemption } = issued;
    const name = this.#i18n.pick(redemption.rewardName);
    return html`
      <div part="issued" class="issued" id="issued" tabindex="-1" role="group" aria-labelledby="issued-title">
        <div class="issued-head">
          ${codeIcon}
          <p part="issued-title" class="issued-title" id="issued-title">${s.issuedTitle(name)}</p>
        </div>
        <p part="code-label" class="code-label" id="code-label">${s.codeLabel}</p>
        <div class="code-row">
          <code part="code" class="code code--issued" id="code">${redemption.code}</code>
          <button part="button copy-button" class="button" type="button" @click=${this.#copyCode}>${s.copy}</button>
          <span part="copy-status" class="copy-status" aria-hidden="true"
            >${this.#copy === 'copied' ? s.copied : ''}</span
          >
        </div>
        ${this.#copy === 'selected' ? html`<p class="copy-hint">${s.copySelected}</p>` : nothing}
        <p part="expiry" class="expiry">
          ${redemption.expiresAt ? s.validUntil(this.#date(data, redemption.expiresAt)) : s.noExpiry}
        </p>
        <div class="actions">
          <button
            part="secondary-button done-button"
            class="button button--secondary"
            type="button"
            @click=${this.#done}
          >
            ${s.done}
          </button>
        </div>
      </div>
    `;
  }

  /** The refusal of a reward the list no longer has (withdrawn meanwhile): its card went with it. */
  #renderGone(
    t: Translation,
    s: RewardsStrings,
    data: RewardsData,
    rewards: CustomerRewards,
  ): TemplateResult | typeof nothing {
    const gone = this.#gone;
    if (!gone || rewards.rewards.some((reward) => reward.id === gone.reward.id)) return nothing;
    const pointsName = this.#pointsName(data);
    const message = redeemErrorMessage(
      t,
      s,
      gone.error,
      gone.reward,
      this.#i18n.pick(gone.reward.requiredTier?.name),
      pointsName,
    );
    return html`<p part="error" class="error error--gone" id="gone" role="alert" tabindex="-1">
      ${s.aboutReward(this.#i18n.pick(gone.reward.name), message)}
    </p>`;
  }

  #renderHistory(s: RewardsStrings, data: RewardsData, redemptions: readonly Redemption[]): TemplateResult {
    if (redemptions.length === 0) {
      return html`<div class="history-row"><p part="message" class="message history-empty">${s.historyEmpty}</p></div>`;
    }
    const now = Date.now();
    return html`
      <div class="history-row">
        <button
          part="history-toggle"
          class="history-toggle"
          type="button"
          aria-expanded=${this.historyOpen ? 'true' : 'false'}
          aria-controls="history"
          @click=${this.#toggleHistory}
        >
          ${s.historyToggle(this.#i18n.formatNumber(redemptions.length))}
        </button>
      </div>
      <ul part="history" class="history" id="history" ?hidden=${!this.historyOpen}>
        ${repeat(
          redemptions,
          (redemption) => redemption.id,
          (redemption) => {
            const expired = redemption.expiresAt !== null && Date.parse(redemption.expiresAt) <= now;
            return html`<li part="redemption" class="redemption ${expired ? 'redemption--expired' : ''}">
              <span class="redemption-name">${this.#i18n.pick(redemption.rewardName)}</span>
              <code part="code" class="code">${redemption.code}</code>
              <span class="redemption-date">${s.redeemedOn(this.#date(data, redemption.redeemedAt))}</span>
              <span class="redemption-expiry"
                >${
                  redemption.expiresAt === null
                    ? s.noExpiry
                    : expired
                      ? s.expiredOn(this.#date(data, redemption.expiresAt))
                      : s.validUntil(this.#date(data, redemption.expiresAt))
                }</span
              >
            </li>`;
          },
        )}
      </ul>
    `;
  }

  // Actions

  #askToConfirm(rewardId: string): void {
    this.#confirming = rewardId;
    this.#failures.delete(rewardId);
    // The question, not the Confirm button: a second press of the key, or of the mouse, confirms nothing.
    this.#focusNext = [`#question-${rewardId}`];
    this.requestUpdate();
  }

  #cancel(rewardId: string): void {
    if (this.#redeeming === rewardId) return;
    this.#confirming = undefined;
    this.#failures.delete(rewardId);
    this.#focusNext = [`#redeem-${rewardId}`];
    this.requestUpdate();
  }

  #confirmKeydown(event: KeyboardEvent, rewardId: string): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#cancel(rewardId);
  }

  async #confirm(event: MouseEvent, rewardId: string): Promise<void> {
    // The second click of a double click on "Redeem" lands here: it confirms nothing.
    if (event.detail > 1) return;
    const client = this.#data.client;
    if (this.#redeeming || !client) return;
    const customerId = this.#customerId;
    const hadFocus = this.matches(':focus-within');
    this.#redeeming = rewardId;
    this.#failures.delete(rewardId);
    this.#gone = undefined;
    this.requestUpdate();
    try {
      // The client redeems once however often it is called, and repeats its idempotency key after a failure.
      const result = await client.redeemReward(rewardId);
      if (customerId !== this.#customerId) return;
      this.#confirming = undefined;
      this.#issued = result;
      this.#copy = 'idle';
      const s = this.#strings;
      this.#announce(s.issuedAnnouncement(this.#i18n.pick(result.redemption.rewardName), result.redemption.code));
      if (hadFocus) this.#focusNext = ['#issued'];
      this.emit('loyalty-reward-redeemed', result);
    } catch (error) {
      if (customerId !== this.#customerId) return;
      this.#failures.set(rewardId, error);
      if (isRefusal(error)) {
        const reward = this.#data.value && this.#rewardsOf(this.#data.value).rewards.find(({ id }) => id === rewardId);
        if (reward) this.#gone = { reward, error };
        // The list was behind: close the confirmation, say why on the card and read the list again.
        this.#confirming = undefined;
        if (hadFocus) this.#focusNext = [`#error-${rewardId}`];
        void this.#readAgain(client);
      }
    } finally {
      if (this.#redeeming === rewardId) this.#redeeming = undefined;
      this.requestUpdate();
    }
  }

  async #readAgain(client: LoyaltyClient): Promise<void> {
    const over = this.#data.value;
    try {
      // A changed summary reloads the widget by itself; a changed stock or catalogue does not.
      const [rewards] = await Promise.all([
        client.getRewards({ revalidate: true }),
        client.getSummary({ revalidate: true }),
      ]);
      if (over && this.#data.value === over) {
        this.#fresher = { over, rewards };
        this.requestUpdate();
      }
    } catch {
      // The card already says what went wrong; the list stays as it was.
    }
  }

  #copyCode = async (): Promise<void> => {
    const code = this.#issued?.redemption.code;
    if (!code) return;
    const s = this.#strings;
    try {
      await navigator.clipboard.writeText(code);
      this.#copy = 'copied';
      this.#announce(s.copied);
    } catch {
      // No clipboard access (an insecure page, a refused permission): select the code for the shopper to copy.
      const element = this.renderRoot.querySelector('#code');
      const selection = document.getSelection();
      if (element && selection) {
        const range = document.createRange();
        range.selectNodeContents(element);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.#copy = 'selected';
      this.#announce(s.copySelected);
    }
    this.requestUpdate();
  };

  #done = (): void => {
    const rewardId = this.#issued?.redemption.rewardId;
    this.#issued = undefined;
    this.#copy = 'idle';
    // Back to the reward's button; the card (the whole widget) when it can no longer be redeemed.
    this.#focusNext = rewardId ? [`#redeem-${rewardId}`] : [];
    this.requestUpdate();
  };

  #toggleDescription(rewardId: string): void {
    if (!this.#expanded.delete(rewardId)) this.#expanded.add(rewardId);
    this.requestUpdate();
  }

  #toggleHistory = (): void => {
    this.historyOpen = !this.historyOpen;
  };

  #retry = (): void => {
    this.#refocus = this.matches(':focus-within');
    void this.refresh();
  };

  #requestSignIn = (): void => {
    this.emit('loyalty-sign-in-requested', null);
  };
}

function isRefusal(error: unknown): boolean {
  return isLoyaltyError(error) && error.code === 'rejected' && REFUSALS.has(error.problem?.code ?? '');
}

/** Plain words for a redemption the API refused or that failed. */
function redeemErrorMessage(
  t: Translation,
  s: RewardsStrings,
  error: unknown,
  reward: CustomerReward,
  tierName: string,
  pointsName: string,
): string {
  if (isLoyaltyError(error)) {
    switch (error.problem?.code) {
      case 'insufficient_points':
        return s.refusedPoints(pointsName);
      case 'reward_out_of_stock':
        return s.refusedStock;
      case 'reward_tier_required':
        return reward.requiredTier ? s.refusedTier(tierName) : s.refusedTierUnknown;
      case 'reward_unavailable':
      case 'reward_not_found':
        return s.refusedUnavailable;
    }
  }
  return commonErrorMessage(t, error) ?? s.redeemFailed;
}

/** A padlock (decorative). */
const lockIcon = html`<svg
  part="icon"
  class="icon"
  viewBox="0 0 24 24"
  aria-hidden="true"
  focusable="false"
  fill="none"
  stroke="currentColor"
  stroke-width="2"
  stroke-linecap="round"
  stroke-linejoin="round"
>
  <rect x="5" y="11" width="14" height="10" rx="2" />
  <path d="M8 11V8a4 4 0 0 1 8 0v3" />
</svg>`;

/** A ticket (decorative). */
const codeIcon = html`<svg
  part="icon"
  class="icon"
  viewBox="0 0 24 24"
  aria-hidden="true"
  focusable="false"
  fill="none"
  stroke="currentColor"
  stroke-width="1.8"
  stroke-linecap="round"
  stroke-linejoin="round"
>
  <path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z" />
  <path d="M9.5 12.2l1.8 1.8 3.6-3.8" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-rewards': LoyaltyRewards;
  }
}
