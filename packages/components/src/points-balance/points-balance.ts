import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoyaltyClient, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement } from '../base/loyalty-data-element.ts';
import { safeUrl } from '../base/notices.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import type { Translation } from '../locales/en.ts';
import { pointsBalanceStyles } from './points-balance.styles.ts';

/** How many expiry dates the schedule lists. */
const SCHEDULE_LENGTH = 3;

/** What the element is showing. */
export type PointsBalanceState = CustomerDataState;

/**
 * The signed-in shopper's points balance, what the program calls its points and their tier,
 * greeting them by name. It asks a `LoyaltyClient` for the summary (its own `client`, a provider's,
 * or the page's shared one) and shows one of four states: loading (a skeleton of the final size),
 * ready (zero points included), guest (a sign-in invitation) and error (with a retry button).
 * Ready, it also shows pending points, the next expiry with the schedule of the next few, and a link
 * to the merchant's rewards page when `rewards-url` is set.
 * Speaks English and Simplified Chinese, picked from the closest `lang`.
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Shows the shopper's loyalty points balance and tier.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The summary arrived and is shown. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Loading failed (once per failure; not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 *
 * @csspart base - The card around every state.
 * @csspart pitch - The join pitch, when this widget holds the page's one (a guest page without `<loyalty-join-pitch>`).
 * @csspart pitch-title - The pitch's heading.
 * @csspart pitch-intro - The line under it.
 * @csspart pitch-benefits - The list of what members get.
 * @csspart pitch-benefit - One thing members get.
 * @csspart join-link - The pitch's "Join now" (`join-url`).
 * @csspart label - The greeting above the balance ("Lin Mei, you have").
 * @csspart value - The formatted balance.
 * @csspart points-name - What the program calls its points ("points", "积分").
 * @csspart tier - The tier badge.
 * @csspart rewards-link - The link to the merchant's rewards page (`rewards-url`).
 * @csspart pending - Points credited but not yet spendable ("Pending: 180").
 * @csspart expiry - The next expiry ("Expiring Jun 3, 2027: 900"), or that none is soon.
 * @csspart schedule-toggle - The button that shows or hides the expiry schedule.
 * @csspart schedule - The list of the next expiry dates and their points.
 * @csspart message - The guest or error message.
 * @csspart button - The retry button, or a guest's sign-in button without `sign-in-url`.
 * @csspart link - A guest's sign-in link.
 * @csspart skeleton - Each placeholder bar while loading.
 *
 * @cssprop [--loyalty-points-balance-value-size=calc(var(--loyalty-font-size) * 2.25)] - Font size of the balance; unset, it gives way on a narrow phone with large text (to 12vw, never below 1.5 × the text).
 * @cssprop [--loyalty-points-balance-value-color=var(--loyalty-color-primary-text)] - Colour of the balance.
 * @cssprop [--loyalty-points-balance-value-weight=700] - Font weight of the balance.
 * @cssprop [--loyalty-points-balance-label-size=calc(var(--loyalty-font-size) * 0.875)] - Font size of the greeting.
 * @cssprop [--loyalty-points-balance-label-color=var(--loyalty-color-text-muted)] - Colour of the greeting.
 * @cssprop [--loyalty-points-balance-points-name-size=var(--loyalty-font-size)] - Font size of the points name.
 * @cssprop [--loyalty-points-balance-tier-size=calc(var(--loyalty-font-size) * 0.8125)] - Font size of the tier badge.
 * @cssprop [--loyalty-points-balance-tier-color=var(--loyalty-color-text)] - Text colour of the tier badge.
 * @cssprop [--loyalty-points-balance-tier-background=color-mix(in srgb, var(--loyalty-color-primary) 12%, var(--loyalty-color-surface))] - Tier badge background: a tint of the brand colour.
 * @cssprop [--loyalty-points-balance-meta-size=calc(var(--loyalty-font-size) * 0.8125)] - Font size of the pending, expiry and schedule lines.
 * @cssprop [--loyalty-points-balance-background=var(--loyalty-color-surface)] - Card background.
 * @cssprop [--loyalty-points-balance-border-color=var(--loyalty-color-border)] - Card border colour.
 * @cssprop [--loyalty-points-balance-padding=var(--loyalty-space)] - Card padding.
 * @cssprop [--loyalty-points-balance-gap=calc(var(--loyalty-space) * 0.25)] - Space between the rows.
 */
export class LoyaltyPointsBalance extends LoyaltyDataElement<Summary> {
  static override tagName = 'loyalty-points-balance';
  static override styles = pointsBalanceStyles;

  /** The merchant's rewards page; when set, the card links to it. */
  @property({ attribute: 'rewards-url', reflect: true })
  rewardsUrl: string | undefined;

  /** Whether the expiry schedule is open. */
  @state()
  private scheduleOpen = false;

  /** What the element shows right now. */
  get state(): PointsBalanceState {
    return this.dataState;
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.data.value;
  }

  protected load(client: LoyaltyClient): Promise<Summary> {
    return client.getSummary();
  }

  protected summaryOf(summary: Summary): Summary {
    return summary;
  }

  protected renderLoading(): TemplateResult {
    const t = this.i18n.t;
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${t.loading}</span>
        <div class="rows" aria-hidden="true">
          <span class="row row--label"><span part="skeleton" class="bone bone--label"></span></span>
          <span class="row row--value"><span part="skeleton" class="bone bone--value"></span></span>
          <span class="row row--tier"><span part="skeleton" class="bone bone--tier"></span></span>
          <span class="row row--meta"><span part="skeleton" class="bone bone--meta"></span></span>
        </div>
      </div>
    `;
  }

  protected renderReady(summary: Summary): TemplateResult {
    const t = this.i18n.t;
    const name = summary.customer.name;
    const points = this.i18n.formatNumber(summary.points.balance);
    const pointsName = this.i18n.pick(summary.program.pointsName);
    const tier = this.i18n.pick(summary.tier.current.name);
    // Text bindings only: whatever the API sends is never parsed as HTML.
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.i18n.locale}>
        <div class="visually-hidden" role="heading" aria-level=${this.level}>
          ${t.balanceSentence(name, points, summary.points.balance, pointsName)} ${t.tierSentence(tier)}
        </div>
        <div class="rows" aria-hidden="true">
          <span class="row row--label"><span part="label" class="label">${t.balanceLead(name)}</span></span>
          <span class="row row--value"
            ><span part="value" class="value">${points}</span>
            <span part="points-name" class="points-name"
              >${t.pointsNameFor(summary.points.balance, pointsName)}</span
            ></span
          >
          <span class="row row--tier"><span part="tier" class="tier">${t.tierLabel(tier)}</span></span>
        </div>
        ${this.#renderPointsSchedule(t, summary)} ${this.#renderRewardsLink(t)}
      </div>
    `;
  }

  #renderRewardsLink(t: Translation): TemplateResult | typeof nothing {
    const href = safeUrl(this.rewardsUrl);
    return href
      ? html`<div class="row row--rewards">
          <a part="rewards-link" class="rewards-link" href=${href}>${t.rewardsLink}</a>
        </div>`
      : nothing;
  }

  #renderPointsSchedule(t: Translation, summary: Summary): TemplateResult {
    const { pending, expiring } = summary.points;
    const date = (instant: string) =>
      this.i18n.formatDate(instant, { dateStyle: 'medium', timeZone: summary.customer.timezone });
    const next = expiring[0];
    const schedule = expiring.slice(0, SCHEDULE_LENGTH);
    return html`
      <div class="row row--meta">
        <span class="meta">
          ${
            pending > 0
              ? html`<span part="pending" class="pending">${t.pendingLabel(this.i18n.formatNumber(pending))}</span>`
              : nothing
          }
          <span part="expiry" class="expiry"
            >${next ? t.expiringLabel(date(next.expiresAt), this.i18n.formatNumber(next.points)) : t.noneExpiring}</span
          >
        </span>
        ${
          next
            ? html`<button
                part="schedule-toggle"
                class="schedule-toggle"
                type="button"
                aria-expanded=${this.scheduleOpen ? 'true' : 'false'}
                aria-controls="schedule"
                @click=${this.#toggleSchedule}
              >
                ${t.scheduleToggle}
              </button>`
            : nothing
        }
      </div>
      ${
        next
          ? html`<ul part="schedule" id="schedule" class="schedule" ?hidden=${!this.scheduleOpen}>
              ${schedule.map(
                (batch) =>
                  html`<li>
                    <span class="schedule-date">${date(batch.expiresAt)}</span>
                    <span class="schedule-points">${this.i18n.formatNumber(batch.points)}</span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    `;
  }

  #toggleSchedule = (): void => {
    this.scheduleOpen = !this.scheduleOpen;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-points-balance': LoyaltyPointsBalance;
  }
}
