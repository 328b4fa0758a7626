import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoyaltyClient, Program, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement, type NoticeStrings } from '../base/loyalty-data-element.ts';
import { renderSignIn, safeUrl } from '../base/notices.ts';
import { isSignedOut, type CustomerDataState } from '../controllers/customer-data-controller.ts';
import { waysToEarn, type Way } from './ways-to-earn-list.ts';
import { waysToEarnStrings, type WaysToEarnStrings } from './ways-to-earn.strings.ts';
import { waysToEarnStyles } from './ways-to-earn.styles.ts';

/** What the element is showing: `empty` is a program that rewards none of the ways it lists. */
export type WaysToEarnState = CustomerDataState | 'empty';

/** The skeleton's rows: what a member of a program with a birthday gift, a survey reward and referrals sees. */
const SKELETON_ROWS = 4;

interface WaysData {
  program: Program;
  summary: Summary;
}

/**
 * How the shopper earns points (赚取积分): the program's ways to earn, built from its settings — points per unit of
 * the currency spent (at the signed-in shopper's tier multiplier: "Gold members earn 1.5×: 1.5 points per ¥1"), the
 * welcome bonus (for a guest), the birthday gift (and, for a member, whether their birthday is on file, with a link
 * to `birthday-url` when it is not), the highest survey reward and what referring a friend brings both sides. Each way
 * is one sentence in a list under a heading. A guest sees the same list, compact, with a sign-in invitation: the program needs only the publishable
 * key. A program that rewards none of them says so in a sentence.
 * Like every loyalty element it has a loading skeleton, an error state with a retry button, and speaks English and
 * Simplified Chinese.
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Lists the program's ways to earn points.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - A member's ways to earn arrived and are shown. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Loading failed (once per failure; not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 *
 * @csspart base - The card around every state.
 * @csspart title - The heading ("Ways to earn points").
 * @csspart list - The list of ways to earn.
 * @csspart way - One way to earn, with one of the five parts below.
 * @csspart way-shop - Points per unit of the currency spent, beside `way`.
 * @csspart way-welcome - The welcome bonus for joining (guests only), beside `way`.
 * @csspart way-birthday - The birthday gift, beside `way`.
 * @csspart way-survey - The survey reward, beside `way`.
 * @csspart way-referral - What referring a friend brings both sides, beside `way`.
 * @csspart birthday-link - "Add your birthday", for a member without one when `birthday-url` is set (also `link`).
 * @csspart message - The empty, guest or error message.
 * @csspart button - The retry button, or a guest's sign-in button without `sign-in-url`.
 * @csspart link - A guest's sign-in link, and `birthday-link`.
 * @csspart skeleton - Each placeholder while loading.
 *
 * @cssprop [--loyalty-ways-to-earn-background=var(--loyalty-color-surface)] - Background of the widget.
 * @cssprop [--loyalty-ways-to-earn-border-color=var(--loyalty-color-border)] - Border of the widget and between ways.
 * @cssprop [--loyalty-ways-to-earn-padding=var(--loyalty-space)] - Padding of the widget.
 * @cssprop [--loyalty-ways-to-earn-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title.
 * @cssprop [--loyalty-ways-to-earn-marker-color=var(--loyalty-color-primary)] - Colour of the marker before each way.
 */
export class LoyaltyWaysToEarn extends LoyaltyDataElement<WaysData> {
  static override tagName = 'loyalty-ways-to-earn';
  static override styles = waysToEarnStyles;

  /** Where a member adds their birthday; without it, a member without one is told, with no link. */
  @property({ attribute: 'birthday-url' })
  birthdayUrl: string | undefined;

  /** The program a guest is shown, read with the publishable key alone. */
  @state()
  private guestProgram: Program | undefined;

  /** What the element shows right now. */
  get state(): WaysToEarnState {
    const state = this.dataState;
    if (state !== 'ready') return state;
    return this.ways.length === 0 ? 'empty' : 'ready';
  }

  /** The ways to earn on show (a member's, or a guest's), in order. */
  get ways(): readonly Way[] {
    const data = this.data.value;
    const program = data?.program ?? (this.dataState === 'guest' ? this.guestProgram : undefined);
    return program ? waysToEarn(program, data?.summary, this.i18n, this.#strings) : [];
  }

  protected async load(client: LoyaltyClient, signal: AbortSignal): Promise<WaysData> {
    const summaryOrSignedOut = client.getSummary().catch((error: unknown) => {
      if (isSignedOut(error)) return error;
      throw error;
    });
    const [program, summary] = await Promise.all([client.getProgram(), summaryOrSignedOut]);
    if (isSignedOut(summary)) {
      if (!signal.aborted) this.guestProgram = program;
      throw summary;
    }
    return { program, summary };
  }

  protected summaryOf(data: WaysData): Summary {
    return data.summary;
  }

  /** @internal A guest's list of ways to earn is this widget's own content, never replaced by the join pitch. */
  static override pitchRole = 'none' as const;

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  protected renderLoading(): TemplateResult {
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${this.#strings.loading}</span>
        <div class="title-row" aria-hidden="true"><span part="skeleton" class="bone bone--title"></span></div>
        <div class="list" aria-hidden="true">
          ${Array.from(
            { length: SKELETON_ROWS },
            () => html`<div class="way"><span part="skeleton" class="bone bone--way"></span></div>`,
          )}
        </div>
      </div>
    `;
  }

  protected renderReady(data: WaysData): TemplateResult {
    return this.#renderCard(data.program, false, nothing);
  }

  protected override renderGuest(): TemplateResult {
    if (!this.guestProgram) return super.renderGuest();
    const invitation = html`<div class="notice-row">
      <p part="message" class="message">${this.#strings.guestMessage}</p>
      ${renderSignIn({ t: this.i18n.t, signInUrl: this.signInUrl, onSignIn: this.requestSignIn })}
    </div>`;
    return this.#renderCard(this.guestProgram, true, invitation);
  }

  #renderCard(program: Program, compact: boolean, footer: TemplateResult | typeof nothing): TemplateResult {
    const s = this.#strings;
    const { i18n } = this;
    const pointsName = i18n.pick(program.pointsName);
    const ways = this.ways;
    return html`
      <div part="base" class=${compact ? 'base base--compact' : 'base'} tabindex="-1" lang=${i18n.locale}>
        <div part="title" class="title" id="title" role="heading" aria-level=${this.level}>${s.title(pointsName)}</div>
        ${
          ways.length === 0
            ? html`<p part="message" class="message empty">${s.empty(pointsName)}</p>`
            : html`<ul part="list" class="list" aria-labelledby="title">
                ${ways.map((way) => this.#renderWay(way, s))}
              </ul>`
        }
        ${footer}
      </div>
    `;
  }

  #renderWay(way: Way, s: WaysToEarnStrings): TemplateResult {
    const href = way.addBirthday ? safeUrl(this.birthdayUrl) : undefined;
    return html`<li part="way way-${way.kind}" class="way">
      <span class="way-text">${way.text}</span>
      ${href ? html`<a part="birthday-link link" class="link" href=${href}>${s.addBirthday}</a>` : nothing}
    </li>`;
  }

  get #strings(): WaysToEarnStrings {
    return this.i18n.strings(waysToEarnStrings);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-ways-to-earn': LoyaltyWaysToEarn;
  }
}
