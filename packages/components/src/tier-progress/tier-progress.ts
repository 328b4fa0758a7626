import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type { LoyaltyClient, Program, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement } from '../base/loyalty-data-element.ts';
import { errorMessage, renderErrorNotice } from '../base/notices.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import type { Translation } from '../locales/en.ts';
import { tierProgressStyles } from './tier-progress.styles.ts';
import { tierProgressStrings, type TierProgressStrings } from './tier-progress.strings.ts';
import { tierView, type TierProgressData, type TierView } from './tier-view.ts';

export type { TierProgressData } from './tier-view.ts';

/** What the element is showing: `empty` is a member with nothing qualifying yet. */
export type TierProgressState = CustomerDataState | 'empty';

/** `full`: tiers, bar, amounts, message and benefits. `compact`: the bar and one line. */
export type TierProgressVariant = 'full' | 'compact';

/**
 * The signed-in shopper's loyalty tier: the current and next tier, a progress bar towards the next
 * one, how much is left and by when, whether the current tier is at risk at the end of the
 * qualification window, and what each tier gives (a disclosure). Works for tiers earned by points
 * and by spend (money in the program's currency). It asks a `LoyaltyClient` for the summary and
 * the program (its own `client`, a provider's, or the page's shared one) and shows one of five
 * states: loading (a skeleton of the final size), ready, empty (a new member: an encouraging first
 * goal), guest (a sign-in invitation) and error (with a retry button). It follows writes made by
 * other widgets and changes of customer without flashing its skeleton.
 * Speaks English and Simplified Chinese, picked from the closest `lang`; dates are shown in the
 * customer's time zone. The "Your tier" row is a heading of the level `heading-level` sets (2 by
 * default), the benefit lists' headings one below; the compact variant's heading is read by screen
 * readers only ("Your tier: Silver").
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Shows the shopper's loyalty tier and their progress to the next one.
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
 * @csspart label - "Your tier", before the current tier.
 * @csspart tier - The current tier's badge.
 * @csspart next-tier - "Next: Gold", or "Top tier".
 * @csspart track - The progress bar (`role="progressbar"`).
 * @csspart indicator - The filled part of the bar.
 * @csspart value - The amounts under the bar ("3,380 / 5,000 points").
 * @csspart message - What to do next, the compact line, or the guest or error message.
 * @csspart risk - Also on the message when the current tier is at risk.
 * @csspart benefits-toggle - The button that shows and hides the benefits.
 * @csspart benefits - The benefits panel.
 * @csspart benefits-heading - The heading of each list of benefits.
 * @csspart benefit-list - Each list of benefits.
 * @csspart benefit - One benefit.
 * @csspart button - The retry button, or a guest's sign-in button without `sign-in-url`.
 * @csspart link - A guest's sign-in link.
 * @csspart skeleton - Each placeholder while loading.
 *
 * @cssprop [--loyalty-tier-progress-background=var(--loyalty-color-surface)] - Card background.
 * @cssprop [--loyalty-tier-progress-border-color=var(--loyalty-color-border)] - Card border colour.
 * @cssprop [--loyalty-tier-progress-padding=var(--loyalty-space)] - Card padding: one length, at most 5vw.
 * @cssprop [--loyalty-tier-progress-gap=calc(var(--loyalty-space) * 0.5)] - Space between the rows.
 * @cssprop [--loyalty-tier-progress-label-size=calc(var(--loyalty-font-size) * 0.875)] - Font size of "Your tier" and the benefit headings.
 * @cssprop [--loyalty-tier-progress-label-color=var(--loyalty-color-text-muted)] - Colour of the labels and of the next tier.
 * @cssprop [--loyalty-tier-progress-tier-size=calc(var(--loyalty-font-size) * 0.875)] - Font size of the tier row.
 * @cssprop [--loyalty-tier-progress-tier-color=var(--loyalty-color-text)] - Text colour of the tier badge.
 * @cssprop [--loyalty-tier-progress-tier-background=color-mix(in srgb, var(--loyalty-color-primary) 12%, var(--loyalty-color-surface))] - Tier badge background: a tint of the brand colour.
 * @cssprop [--loyalty-tier-progress-track-height=calc(var(--loyalty-font-size) * 0.625)] - Thickness of the bar.
 * @cssprop [--loyalty-tier-progress-track-color=var(--loyalty-color-border)] - The bar's empty part.
 * @cssprop [--loyalty-tier-progress-track-radius=999px] - Corner radius of the bar.
 * @cssprop [--loyalty-tier-progress-indicator-color=var(--loyalty-color-primary-text)] - The bar's filled part.
 * @cssprop [--loyalty-tier-progress-value-size=calc(var(--loyalty-font-size) * 0.875)] - Font size of the amounts.
 * @cssprop [--loyalty-tier-progress-value-color=var(--loyalty-color-text)] - Colour of the amounts.
 * @cssprop [--loyalty-tier-progress-message-size=calc(var(--loyalty-font-size) * 0.9375)] - Font size of the message, the compact line and the benefits.
 * @cssprop [--loyalty-tier-progress-risk-color=var(--loyalty-color-warning)] - Colour of the at-risk message.
 * @cssprop [--loyalty-tier-progress-duration=600ms] - How long the bar takes to grow (none under prefers-reduced-motion).
 */
export class LoyaltyTierProgress extends LoyaltyDataElement<TierProgressData> {
  static override tagName = 'loyalty-tier-progress';
  static override styles = tierProgressStyles;

  /** `compact`: only the bar and one line, for headers and drawers. */
  @property({ reflect: true })
  variant: TierProgressVariant = 'full';

  /** Whether the benefits are shown (the shopper toggles them; set it to start open). */
  @property({ type: Boolean, attribute: 'benefits-open', reflect: true })
  benefitsOpen = false;

  protected override focusTargets = '[part~="button"], [part~="link"], [part~="benefits-toggle"]';

  /** What the element shows right now. */
  get state(): TierProgressState {
    const state = this.dataState;
    if (state !== 'ready') return state;
    const { tier } = this.data.value!.summary;
    return tier.next !== null && tier.progress.qualified === 0 ? 'empty' : 'ready';
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.data.value?.summary;
  }

  /** The program on show, if any. */
  get program(): Program | undefined {
    return this.data.value?.program;
  }

  get #strings(): TierProgressStrings {
    return this.i18n.strings(tierProgressStrings);
  }

  protected async load(client: LoyaltyClient): Promise<TierProgressData> {
    // Both are cached by the client: the summary is shared with every widget on the page, the
    // program is public and kept for minutes.
    const [summary, program] = await Promise.all([client.getSummary(), client.getProgram()]);
    return { summary, program };
  }

  protected summaryOf(data: TierProgressData): Summary {
    return data.summary;
  }

  protected override renderGuest(): TemplateResult {
    return super.renderGuest(this.#strings.guestMessage);
  }

  protected override renderError(error: unknown): TemplateResult {
    if (this.data.client) return super.renderError(error);
    return renderErrorNotice({ t: this.i18n.t, locale: this.i18n.locale, message: this.#strings.errorNoClient });
  }

  protected override errorText(t: Translation, error: unknown): string {
    return errorMessage(t, error, this.#strings.errorOther);
  }

  protected renderLoading(): TemplateResult {
    const s = this.#strings;
    const compact = this.variant === 'compact';
    return html`
      <div part="base" class="base ${compact ? 'base--compact' : ''}" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${s.loading}</span>
        ${
          compact
            ? html`<div class="rows" aria-hidden="true">
                <div class="row row--track"><span part="skeleton" class="bone bone--track"></span></div>
                <div class="row row--line"><span part="skeleton" class="bone bone--line"></span></div>
              </div>`
            : html`<div class="rows" aria-hidden="true">
                <div class="row row--heading" role="heading" aria-level=${this.level}>
                  <span part="skeleton" class="bone bone--tier"></span>
                </div>
                <div class="row row--track"><span part="skeleton" class="bone bone--track"></span></div>
                <div class="row row--value"><span part="skeleton" class="bone bone--value"></span></div>
                <div class="row row--message"><span part="skeleton" class="bone bone--message"></span></div>
                <div class="row row--toggle"><span part="skeleton" class="bone bone--toggle"></span></div>
              </div>`
        }
      </div>
    `;
  }

  protected renderReady(data: TierProgressData): TemplateResult {
    const s = this.#strings;
    const view = tierView(s, data, this.i18n);
    return this.variant === 'compact' ? this.#renderCompact(s, view) : this.#renderFull(s, view);
  }

  #toggleBenefits = (): void => {
    this.benefitsOpen = !this.benefitsOpen;
  };

  #renderFull(s: TierProgressStrings, view: TierView): TemplateResult {
    const open = this.benefitsOpen;
    // Text bindings only: whatever the API sends is never parsed as HTML.
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.i18n.locale}>
        <div class="rows">
          <div class="row row--heading" role="heading" aria-level=${this.level}>
            <span part="label" class="label">${s.label}</span>
            <span part="tier" class="tier">${view.tier}</span>
            <span part="next-tier" class="next-tier">${view.next ? s.next(view.next) : s.topTier}</span>
          </div>
          <div class="row row--track">${this.#renderBar(view)}</div>
          <div class="row row--value"><span part="value" class="value">${view.amounts}</span></div>
          <div class="row row--message">
            <p part=${view.risk ? 'message risk' : 'message'} class="message ${view.risk ? 'message--risk' : ''}">
              ${view.message}
            </p>
          </div>
          <div class="row row--toggle">
            ${
              view.benefits.current.length || view.benefits.next.length
                ? html`<button
                    part="benefits-toggle"
                    class="toggle"
                    type="button"
                    aria-expanded=${open ? 'true' : 'false'}
                    aria-controls="benefits"
                    @click=${this.#toggleBenefits}
                  >
                    <span>${s.benefits}</span><span class="chevron" aria-hidden="true"></span>
                  </button>`
                : nothing
            }
          </div>
        </div>
        <div part="benefits" id="benefits" class="benefits" ?hidden=${!open}>
          ${this.#renderBenefitList(s.currentBenefits(view.tier), view.benefits.current, s)}
          ${
            view.next && view.benefits.next.length
              ? this.#renderBenefitList(s.nextBenefits(view.next), view.benefits.next, s)
              : nothing
          }
        </div>
      </div>
    `;
  }

  #renderCompact(s: TierProgressStrings, view: TierView): TemplateResult {
    return html`
      <div part="base" class="base base--compact" tabindex="-1" lang=${this.i18n.locale}>
        <div class="visually-hidden" role="heading" aria-level=${this.level}>${s.title(view.tier)}</div>
        <div class="rows">
          <div class="row row--track">${this.#renderBar(view)}</div>
          <div class="row row--line">
            <p part=${view.risk ? 'message risk' : 'message'} class="message ${view.risk ? 'message--risk' : ''}">
              ${view.line}
            </p>
          </div>
        </div>
      </div>
    `;
  }

  #renderBar(view: TierView): TemplateResult {
    return html`<div
      part="track"
      class="track"
      role="progressbar"
      aria-label=${view.barLabel}
      aria-valuemin="0"
      aria-valuemax=${view.valueMax}
      aria-valuenow=${view.valueNow}
      aria-valuetext=${view.valueText}
    >
      <div part="indicator" class="indicator" ${ref(fillTo(view.percent))}></div>
    </div>`;
  }

  #renderBenefitList(heading: string, benefits: string[], s: TierProgressStrings): TemplateResult {
    return html`<div class="benefit-group">
      <p part="benefits-heading" class="benefits-heading" role="heading" aria-level=${this.level + 1}>${heading}</p>
      ${
        benefits.length
          ? html`<ul part="benefit-list" class="benefit-list">
              ${benefits.map((benefit) => html`<li part="benefit">${benefit}</li>`)}
            </ul>`
          : html`<p class="message">${s.noBenefits}</p>`
      }
    </div>`;
  }
}

/**
 * Sets the bar's fill through the CSSOM: a page whose Content-Security-Policy has no
 * `'unsafe-inline'` styles refuses `style="…"` attributes, but not `element.style`.
 */
function fillTo(percent: number): (element: Element | undefined) => void {
  return (element) => (element as HTMLElement | undefined)?.style.setProperty('inline-size', `${percent}%`);
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-tier-progress': LoyaltyTierProgress;
  }
}
