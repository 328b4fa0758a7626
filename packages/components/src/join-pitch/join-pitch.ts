import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { NoticeStrings } from '../base/loyalty-data-element.ts';
import { LoyaltySummaryElement } from '../base/loyalty-summary-element.ts';
import { joinPitchStrings, type JoinPitchStrings } from '../base/join-pitch.strings.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import { joinPitchStyles } from './join-pitch.styles.ts';

/** What the element is showing: `hidden` is a signed-in shopper, who is never pitched. */
export type JoinPitchState = Exclude<CustomerDataState, 'ready'> | 'hidden';

/**
 * The page's one invitation to join (加入会员): for a guest, the program's name and what members get — points per unit
 * of the currency spent, the welcome bonus, the birthday gift, survey rewards and the tiers — built from
 * `GET /v1/program` (the publishable key is enough), with "Join now" (`join-url`) and "Sign in" (`sign-in-url`, or a
 * button firing `loyalty-sign-in-requested`). A region named by its heading. A signed-in shopper sees nothing: the
 * element hides itself and takes no space.
 *
 * With this element on the page every other widget shows a guest one compact line; without it, the page's first
 * guest widget shows this pitch in its place. When the program cannot be read, the pitch is a compact sign-in line.
 * Speaks English and Simplified Chinese.
 *
 * @summary Invites a guest to join the program, once per page.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The shopper is signed in, so the pitch hides. `detail` is the `Summary`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Reading the shopper failed (not for guests). `detail` is the `LoyaltyError`.
 *
 * @csspart base - The pitch, the compact line or the error card.
 * @csspart pitch - The pitch (a region), beside `base`.
 * @csspart pitch-title - Its heading ("Join Demo Tea House").
 * @csspart pitch-intro - The line under the heading.
 * @csspart pitch-benefits - The list of what members get.
 * @csspart pitch-benefit - One thing members get.
 * @csspart join-link - "Join now" (`join-url`).
 * @csspart link - "Sign in" as a link (`sign-in-url`).
 * @csspart button - "Sign in" as a button (no `sign-in-url`), or retry.
 * @csspart message - The compact sign-in line or the error message.
 * @csspart skeleton - Each placeholder while the program is read.
 *
 * @cssprop [--loyalty-join-pitch-background=var(--loyalty-color-surface)] - Background of the pitch.
 * @cssprop [--loyalty-join-pitch-border-color=var(--loyalty-color-border)] - Border of the pitch.
 * @cssprop [--loyalty-join-pitch-padding=var(--loyalty-space)] - Padding of the pitch.
 * @cssprop [--loyalty-join-pitch-title-size=calc(var(--loyalty-font-size) * 1.25)] - Font size of the heading.
 * @cssprop [--loyalty-join-pitch-marker-color=var(--loyalty-color-primary-text)] - Colour of the mark before each benefit.
 */
export class LoyaltyJoinPitch extends LoyaltySummaryElement {
  static override tagName = 'loyalty-join-pitch';
  static override styles = joinPitchStyles;
  /** @internal */
  static override pitchRole = 'pitch' as const;

  /** Replaces the heading ("Join Demo Tea House"). */
  @property()
  heading: string | undefined;

  /** Replaces the line under the heading ("Members earn points on every order…"). */
  @property()
  intro: string | undefined;

  /** What the element shows right now. */
  get state(): JoinPitchState {
    const state = this.dataState;
    return state === 'ready' ? 'hidden' : state;
  }

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  get #strings(): JoinPitchStrings {
    return this.i18n.strings(joinPitchStrings);
  }

  /** Nothing to see while it is not known whether the shopper is a guest: a member is never shown a pitch. */
  protected renderLoading(): TemplateResult {
    return html`<span class="visually-hidden" aria-busy="true">${this.#strings.loading}</span>`;
  }

  protected renderReady(): TemplateResult {
    return html``;
  }

  protected override renderGuest(): TemplateResult {
    return this.pitch.failed ? super.renderGuest() : this.renderPitch(this.heading, this.intro);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.hideHost(this.dataState === 'ready');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-join-pitch': LoyaltyJoinPitch;
  }
}
