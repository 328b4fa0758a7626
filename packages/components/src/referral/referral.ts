import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { LoyaltyClient, Referral, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement, type NoticeStrings } from '../base/loyalty-data-element.ts';
import { referralStrings, type ReferralStrings } from './referral.strings.ts';
import { referralStyles } from './referral.styles.ts';

/** What the element is showing: `disabled` is a program without referrals (the element renders nothing). */
export type ReferralState = 'loading' | 'ready' | 'disabled' | 'guest' | 'error';

interface ReferralData {
  summary: Summary;
  referral: Referral;
}

/** How long "Copied" stays on the button. */
const COPIED_MS = 4000;

/**
 * Invite a friend (邀请好友): the shopper's referral link and code, each with a **Copy** button (the clipboard, or the
 * text selected for the shopper to copy when the browser refuses) and a **Share** button where the browser has the
 * Web Share API; what a friend gets and what the shopper gets, in the program's points name; and how many friends
 * joined and the points earned from them. "Copied" is shown on the button and said by a polite live region.
 * A program without a referral program (`enabled: false`) renders nothing and hides the host. A guest sees one
 * compact sign-in line. Like every loyalty element it has a loading skeleton of its final size, an error state with a
 * retry button, and speaks English and Simplified Chinese.
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary The shopper's referral link and code, to copy or share.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The referral arrived and is shown. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Loading failed (once per failure; not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 *
 * @csspart base - The card around every state.
 * @csspart title - The heading ("Invite a friend").
 * @csspart offer - What a friend gets and what the shopper gets.
 * @csspart field - The link, or the code, with its label and buttons.
 * @csspart field-link - The link's field, beside `field`.
 * @csspart field-code - The code's field, beside `field`.
 * @csspart copy - The Copy button, beside `button`.
 * @csspart share - The Share button, beside `button` (only where the browser can share).
 * @csspart input - The read-only text of the link or the code.
 * @csspart button - The Copy and Share buttons, the retry button, or a guest's sign-in button.
 * @csspart status - "Copied", or how to copy by hand.
 * @csspart stats - Friends joined and points earned.
 * @csspart message - The guest or error message.
 * @csspart link - A guest's sign-in link.
 * @csspart skeleton - Each placeholder while loading.
 * @csspart pitch - The join pitch, when this widget holds the page's one (a guest page without `<loyalty-join-pitch>`).
 * @csspart pitch-title - The pitch's heading.
 * @csspart pitch-intro - The line under it.
 * @csspart pitch-benefits - The list of what members get.
 * @csspart pitch-benefit - One thing members get.
 * @csspart join-link - The pitch's "Join now" (`join-url`).
 *
 * @cssprop [--loyalty-referral-background=var(--loyalty-color-surface)] - Background of the widget.
 * @cssprop [--loyalty-referral-border-color=var(--loyalty-color-border)] - Border of the widget and of its fields.
 * @cssprop [--loyalty-referral-padding=var(--loyalty-space)] - Padding of the widget.
 * @cssprop [--loyalty-referral-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title.
 * @cssprop [--loyalty-referral-field-background=var(--loyalty-color-surface)] - Background of the link and code.
 */
export class LoyaltyReferral extends LoyaltyDataElement<ReferralData> {
  static override tagName = 'loyalty-referral';
  static override styles = referralStyles;

  /** Which text was last copied, and whether the clipboard took it (false: selected for the shopper to copy). */
  @state()
  private copied: { what: 'link' | 'code'; ok: boolean } | undefined;

  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  /** What the element shows right now. */
  get state(): ReferralState {
    const state = this.dataState;
    if (state !== 'ready') return state;
    return this.data.value?.referral.enabled ? 'ready' : 'disabled';
  }

  protected async load(client: LoyaltyClient): Promise<ReferralData> {
    const [summary, referral] = await Promise.all([client.getSummary(), client.getReferral()]);
    return { summary, referral };
  }

  protected summaryOf(data: ReferralData): Summary {
    return data.summary;
  }

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.hideHost(this.state === 'disabled');
  }

  protected renderLoading(): TemplateResult {
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${this.#strings.loading}</span>
        <div class="title-row" aria-hidden="true"><span part="skeleton" class="bone bone--title"></span></div>
        <div class="offer" aria-hidden="true">
          <div><span part="skeleton" class="bone bone--line"></span></div>
          <div><span part="skeleton" class="bone bone--line"></span></div>
        </div>
        ${[0, 1].map(
          () =>
            html`<div class="field" aria-hidden="true">
              <span class="field-label"><span part="skeleton" class="bone bone--line"></span></span>
              <span part="skeleton" class="bone bone--field"></span>
            </div>`,
        )}
        <p class="status"></p>
        <div class="stats" aria-hidden="true"><span part="skeleton" class="bone bone--line"></span></div>
      </div>
    `;
  }

  protected renderReady({ summary, referral }: ReferralData): TemplateResult {
    if (!referral.enabled || referral.code === null) return html``;
    const s = this.#strings;
    const pointsName = this.i18n.pick(summary.program.pointsName);
    const points = (count: number) => [this.i18n.formatNumber(count), count, pointsName] as const;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.i18n.locale}>
        <div part="title" class="title" role="heading" aria-level=${this.level}>${s.title}</div>
        <ul part="offer" class="offer">
          <li>${s.friendGets(...points(referral.friendPoints))}</li>
          <li>${s.youGet(...points(referral.referrerPoints))}</li>
        </ul>
        ${referral.link === null ? nothing : this.#renderField('link', s.linkLabel, referral.link, referral)}
        ${this.#renderField('code', s.codeLabel, referral.code, referral)}
        <p part="status" class="status" role="status">${this.#statusText(s)}</p>
        <ul part="stats" class="stats">
          <li>${s.friendsJoined(this.i18n.formatNumber(referral.friendsJoined), referral.friendsJoined)}</li>
          <li>${s.pointsEarned(...points(referral.pointsEarned))}</li>
        </ul>
      </div>
    `;
  }

  protected override renderGuest(): TemplateResult {
    return html`<div class="compact">${super.renderGuest(this.#strings.guestMessage)}</div>`;
  }

  #renderField(what: 'link' | 'code', label: string, value: string, referral: Referral): TemplateResult {
    const s = this.#strings;
    const copied = this.copied?.what === what && this.copied.ok;
    const canShare = what === 'link' && typeof navigator !== 'undefined' && typeof navigator.share === 'function';
    return html`<div part="field field-${what}" class="field">
      <label for="${what}-text">${label}</label>
      <input part="input" id="${what}-text" type="text" readonly .value=${value} @focus=${selectAll} />
      <span class="actions">
        <button
          part="button copy"
          class="button"
          type="button"
          aria-label=${what === 'link' ? s.copyLink : s.copyCode}
          @click=${() => this.#copy(what, value)}
        >
          ${copied ? s.copied : s.copy}
        </button>
        ${
          canShare
            ? html`<button
                part="button share"
                class="button"
                type="button"
                @click=${() => this.#share(value, referral)}
              >
                ${s.share}
              </button>`
            : nothing
        }
      </span>
    </div>`;
  }

  #statusText(s: ReferralStrings): string {
    if (this.copied === undefined) return '';
    return this.copied.ok ? s.copied : s.copyFailed;
  }

  async #copy(what: 'link' | 'code', value: string): Promise<void> {
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      // No clipboard (an insecure page, a refused permission): the text is selected for the shopper to copy.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${what}-text`);
      input?.focus();
      input?.select();
    }
    this.copied = { what, ok };
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = undefined), COPIED_MS);
  }

  async #share(link: string, referral: Referral): Promise<void> {
    const s = this.#strings;
    const pointsName = this.i18n.pick(this.data.value?.summary.program.pointsName);
    const text = s.shareText(this.i18n.formatNumber(referral.friendPoints), referral.friendPoints, pointsName);
    try {
      await navigator.share({ title: s.shareTitle, text, url: link });
    } catch {
      // The shopper closed the share sheet: nothing to say.
    }
  }

  get #strings(): ReferralStrings {
    return this.i18n.strings(referralStrings);
  }
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-referral': LoyaltyReferral;
  }
}
