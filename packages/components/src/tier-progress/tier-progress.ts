import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type { LocalizedText, LoyaltyClient, Program, Summary } from '@loyalty-elements/sdk';
import { LoyaltyElement } from '../base/loyalty-element.ts';
import { errorMessage, renderErrorNotice, renderGuestNotice, focusFirstAction } from '../base/notices.ts';
import { CustomerDataController, type CustomerDataState } from '../controllers/customer-data-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { formatDate as formatDateIn, formatNumber } from '../locales/locales.ts';
import { tierProgressStyles } from './tier-progress.styles.ts';
import { tierProgressStrings, type TierProgressStrings } from './tier-progress.strings.ts';

/** What the element is showing: `empty` is a member with nothing qualifying yet. */
export type TierProgressState = CustomerDataState | 'empty';

/** `full`: tiers, bar, amounts, message and benefits. `compact`: the bar and one line. */
export type TierProgressVariant = 'full' | 'compact';

/** What the element loads: the customer's tier standing and the program's tiers (benefits, currency). */
export interface TierProgressData {
  summary: Summary;
  program: Program;
}

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
 * customer's time zone.
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
 * @cssprop [--loyalty-tier-progress-padding=var(--loyalty-space)] - Card padding.
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
export class LoyaltyTierProgress extends LoyaltyElement {
  static override tagName = 'loyalty-tier-progress';
  static override styles = tierProgressStyles;

  /** The client to ask; without it the element uses a provider's client, then the page's shared one. */
  @property({ attribute: false })
  client: LoyaltyClient | null | undefined;

  /** Where a guest signs in. Without it, "Sign in" is a button firing `loyalty-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' })
  signInUrl: string | undefined;

  /** `compact`: only the bar and one line, for headers and drawers. */
  @property({ reflect: true })
  variant: TierProgressVariant = 'full';

  /** Whether the benefits are shown (the shopper toggles them; set it to start open). */
  @property({ type: Boolean, attribute: 'benefits-open', reflect: true })
  benefitsOpen = false;

  readonly #i18n = new LocaleController(this);
  readonly #data = new CustomerDataController<TierProgressData>(this, {
    client: () => this.client,
    // Both are cached by the client: the summary is shared with every widget on the page, the
    // program is public and kept for minutes.
    load: async (client) => {
      const [summary, program] = await Promise.all([client.getSummary(), client.getProgram()]);
      return { summary, program };
    },
    summaryOf: (data) => data.summary,
  });
  #refocus = false;

  /** What the element shows right now. */
  get state(): TierProgressState {
    const state = this.#data.state;
    if (state !== 'ready') return state;
    const { tier } = this.#data.value!.summary;
    return tier.next !== null && tier.progress.qualified === 0 ? 'empty' : 'ready';
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.#data.value?.summary;
  }

  /** The program on show, if any. */
  get program(): Program | undefined {
    return this.#data.value?.program;
  }

  /** Loads the summary and the program again (what the retry button does). Resolves when it has settled. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  protected override render(): TemplateResult {
    const t = this.#i18n.t;
    const s = this.#i18n.strings(tierProgressStrings);
    return this.#data.render({
      loading: () => this.#renderLoading(s),
      ready: (data) => (this.variant === 'compact' ? this.#renderCompact(s, data) : this.#renderFull(s, data)),
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
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#refocus && this.#data.state !== 'loading') {
      // The retry button went away while loading: put focus back somewhere sensible.
      this.#refocus = false;
      focusFirstAction(this.renderRoot, '[part~="button"], [part~="link"], [part~="benefits-toggle"]');
    }
  }

  #retry = (): void => {
    this.#refocus = this.matches(':focus-within');
    void this.refresh();
  };

  #requestSignIn = (): void => {
    this.emit('loyalty-sign-in-requested', null);
  };

  #toggleBenefits = (): void => {
    this.benefitsOpen = !this.benefitsOpen;
  };

  #renderLoading(s: TierProgressStrings): TemplateResult {
    const compact = this.variant === 'compact';
    return html`
      <div part="base" class="base ${compact ? 'base--compact' : ''}" aria-busy="true" lang=${this.#i18n.locale}>
        <span class="visually-hidden">${s.loading}</span>
        ${
          compact
            ? html`<div class="rows" aria-hidden="true">
                <div class="row row--track"><span part="skeleton" class="bone bone--track"></span></div>
                <div class="row row--line"><span part="skeleton" class="bone bone--line"></span></div>
              </div>`
            : html`<div class="rows" aria-hidden="true">
                <div class="row row--heading"><span part="skeleton" class="bone bone--tier"></span></div>
                <div class="row row--track"><span part="skeleton" class="bone bone--track"></span></div>
                <div class="row row--value"><span part="skeleton" class="bone bone--value"></span></div>
                <div class="row row--message"><span part="skeleton" class="bone bone--message"></span></div>
                <div class="row row--toggle"><span part="skeleton" class="bone bone--toggle"></span></div>
              </div>`
        }
      </div>
    `;
  }

  #renderFull(s: TierProgressStrings, data: TierProgressData): TemplateResult {
    const view = this.#view(s, data);
    const open = this.benefitsOpen;
    // Text bindings only: whatever the API sends is never parsed as HTML.
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.#i18n.locale}>
        <div class="rows">
          <div class="row row--heading">
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

  #renderCompact(s: TierProgressStrings, data: TierProgressData): TemplateResult {
    const view = this.#view(s, data);
    return html`
      <div part="base" class="base base--compact" tabindex="-1" lang=${this.#i18n.locale}>
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
      <p part="benefits-heading" class="benefits-heading">${heading}</p>
      ${
        benefits.length
          ? html`<ul part="benefit-list" class="benefit-list">
              ${benefits.map((benefit) => html`<li part="benefit">${benefit}</li>`)}
            </ul>`
          : html`<p class="message">${s.noBenefits}</p>`
      }
    </div>`;
  }

  /** Everything the ready state says, formatted for the element's locale and the customer's time zone. */
  #view(s: TierProgressStrings, { summary, program }: TierProgressData): TierView {
    const locale = this.#i18n.locale;
    const pick = (text: LocalizedText) => this.#i18n.pick(text);
    const { current, next, progress, windowEndsAt, atRisk } = summary.tier;
    const spend = progress.metric === 'spend';
    const amount = (value: number) =>
      spend ? formatMoney(value, program.currency, locale) : this.#i18n.formatNumber(value);
    const pointsName = pick(summary.program.pointsName);
    const tier = pick(current.name);
    const nextName = next ? pick(next.name) : undefined;
    const date = windowEndsAt ? formatDate(windowEndsAt, locale, summary.customer.timezone) : undefined;
    const qualified = amount(progress.qualified);

    let view: Omit<TierView, 'message' | 'line' | 'risk' | 'benefits'>;
    if (nextName !== undefined && progress.nextThreshold !== null && progress.nextThreshold > 0) {
      const threshold = amount(progress.nextThreshold);
      view = {
        tier,
        next: nextName,
        amounts: spend
          ? s.spendOf(qualified, threshold)
          : s.pointsOf(qualified, threshold, progress.nextThreshold, pointsName),
        barLabel: s.progressLabel(nextName),
        valueMax: progress.nextThreshold,
        valueNow: progress.qualified,
        valueText: spend
          ? s.spendToward(qualified, threshold, nextName)
          : s.pointsToward(qualified, threshold, progress.nextThreshold, pointsName, nextName),
        percent: Math.min(100, (progress.qualified / progress.nextThreshold) * 100),
      };
    } else {
      // The top tier: a full bar, read as a finished one.
      view = {
        tier,
        next: undefined,
        amounts: spend ? s.spendQualified(qualified) : s.pointsQualified(qualified, progress.qualified, pointsName),
        barLabel: s.topProgressLabel,
        valueMax: 100,
        valueNow: 100,
        valueText: s.topValueText(tier),
        percent: 100,
      };
    }

    const remaining = amount(progress.remaining);
    let message: string;
    let line: string;
    if (atRisk) {
      const keep = amount(atRisk.remaining);
      message = spend ? s.keepSpend(keep, tier, date) : s.keepPoints(keep, atRisk.remaining, pointsName, tier, date);
      line = spend
        ? s.compactKeepSpend(keep, tier, date)
        : s.compactKeepPoints(keep, atRisk.remaining, pointsName, tier, date);
    } else if (view.next === undefined) {
      message = s.topReached;
      line = s.compactTop(tier);
    } else if (progress.qualified === 0) {
      message = spend
        ? s.startSpend(remaining, view.next)
        : s.startPoints(remaining, progress.remaining, pointsName, view.next);
      line = spend
        ? s.compactNextSpend(tier, remaining, view.next)
        : s.compactNextPoints(tier, remaining, progress.remaining, pointsName, view.next);
    } else {
      message = spend
        ? s.reachSpend(remaining, view.next, date)
        : s.reachPoints(remaining, progress.remaining, pointsName, view.next, date);
      line = spend
        ? s.compactNextSpend(tier, remaining, view.next)
        : s.compactNextPoints(tier, remaining, progress.remaining, pointsName, view.next);
    }

    const benefitsOf = (id: string) => (program.tiers.find((entry) => entry.id === id)?.benefits ?? []).map(pick);
    const currentBenefits = benefitsOf(current.id);
    const nextBenefits = next ? benefitsOf(next.id) : [];
    // What the next tier adds; all of its benefits when the program lists each tier's on their own.
    const added = nextBenefits.filter((benefit) => !currentBenefits.includes(benefit));

    return {
      ...view,
      message,
      line,
      risk: atRisk !== null,
      benefits: { current: currentBenefits, next: added.length ? added : nextBenefits },
    };
  }
}

interface TierView {
  tier: string;
  /** The next tier's name; undefined at the top tier. */
  next: string | undefined;
  amounts: string;
  barLabel: string;
  valueMax: number;
  valueNow: number;
  valueText: string;
  /** How much of the bar is filled, 0–100. */
  percent: number;
  message: string;
  line: string;
  risk: boolean;
  benefits: { current: string[]; next: string[] };
}

const currencyDigits = new Map<string, number>();

/**
 * Money in integer minor units (fen, cents) for a locale: `38000` CNY → "¥380" (whole amounts
 * without decimals), `38050` → "¥380.50"; the currency's own number of decimals from Intl
 * (`JPY` has none).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let digits = currencyDigits.get(key);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    currencyDigits.set(key, digits);
  }
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  return formatNumber(minor / scale, locale, {
    style: 'currency',
    currency,
    ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  });
}

/** A date for a locale, in a time zone: "Jun 3, 2027", "2027年6月3日". */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return formatDateIn(iso, locale, { dateStyle: 'medium', timeZone });
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
