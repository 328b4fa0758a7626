import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { BirthdayStatus, LoyaltyClient, Program, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement } from '../base/loyalty-data-element.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import type { BirthdayContext } from './birthday-context.ts';
import { BirthdayClaim } from './birthday-claim.ts';
import { formatIsoDate, formatIsoDateWithYear, lunarAside } from './birthday-dates.ts';
import { BirthdayForm } from './birthday-form.ts';
import { birthdayGreetingStrings, type BirthdayGreetingStrings } from './birthday-greeting.strings.ts';
import { birthdayGreetingStyles } from './birthday-greeting.styles.ts';

export { formatIsoDate, formatIsoDateWithYear } from './birthday-dates.ts';

/** What the element is showing: loading, ready (see `view`), guest or error. */
export type BirthdayGreetingState = CustomerDataState;

/**
 * What the ready state shows:
 * - `invitation`: the birthday is unknown; a form to add it;
 * - `saved-offline`: the birthday is saved on this device and will be sent when it is back online;
 * - `greeting`: inside the birthday window, with a claim button when the reward can be claimed (or, for a
 *   birthday set too recently to pay this time, the date the first gift comes);
 * - `claimed`: this year's reward was claimed;
 * - `outside`: outside the window, a quiet "see you on your birthday" (and when the first gift comes, if
 *   that birthday will not pay);
 * - `hidden`: outside the window with `outside-window="hidden"`: the host is `hidden`.
 */
export type BirthdayGreetingView = 'invitation' | 'saved-offline' | 'greeting' | 'claimed' | 'outside' | 'hidden';

/** Whether the element shows anything outside the birthday window. */
export type OutsideWindowMode = 'shown' | 'hidden';

interface BirthdayData {
  summary: Summary;
  program: Program;
}

/**
 * A birthday greeting for the signed-in shopper. While their birthday is unknown it invites them
 * to add it (Gregorian or 农历, the Chinese lunar calendar, with their consent), saving it through
 * the client's outbox so that an entry made offline is kept on the device and sent later. Inside
 * the birthday window (computed by the API in the shopper's time zone) it wishes them a happy
 * birthday by name and lets them claim the program's reward once, with a small celebration that
 * stays still under `prefers-reduced-motion`. Outside the window it quietly says when the next
 * birthday is, or shows nothing with `outside-window="hidden"`. Like every loyalty element it has a
 * loading skeleton, a guest sign-in invitation and an error state with a retry button, speaks
 * English and Simplified Chinese, and follows writes made by other widgets on the page. The title of
 * every view is a heading of the level `heading-level` sets (2 by default).
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Invites the shopper to add their birthday, greets them on it and lets them claim the reward.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The summary arrived and is shown. `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Loading failed (once per failure; not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" and there is no `sign-in-url`.
 * @fires {LoyaltyBirthdaySavedEvent} loyalty-birthday-saved - The shopper saved their birthday. `detail`: `{ birthday, queued, status }`; `queued` is true when it was kept on the device to be sent later.
 * @fires {LoyaltyBirthdayClaimedEvent} loyalty-birthday-claimed - The birthday reward was claimed. `detail` is the `BirthdayClaimResult`.
 *
 * @csspart base - The card around every state.
 * @csspart pitch - The join pitch, when this widget holds the page's one (a guest page without `<loyalty-join-pitch>`).
 * @csspart pitch-title - The pitch's heading.
 * @csspart pitch-intro - The line under it.
 * @csspart pitch-benefits - The list of what members get.
 * @csspart pitch-benefit - One thing members get.
 * @csspart join-link - The pitch's "Join now" (`join-url`).
 * @csspart title - The first line: the invitation, the greeting, "200 points added", "See you on your birthday".
 * @csspart message - The line under the title (the gift waiting, or when the first gift comes), or the guest or error message.
 * @csspart icon - The decorative gift (greeting) or check mark (claimed) before the title; drawn in `currentColor`.
 * @csspart note - Extra lines: the lunar date, the 29 February rule, the birthday saved on the device, when the first gift comes.
 * @csspart form - The invitation form.
 * @csspart fieldset - The group of the birthday's calendar, month and day.
 * @csspart legend - Its caption ("Your birthday").
 * @csspart calendar - The Gregorian / 农历 radio group.
 * @csspart radio - Each calendar radio button.
 * @csspart label - The "Month" and "Day" labels.
 * @csspart select - The month and the day pickers.
 * @csspart month-select - The month picker.
 * @csspart day-select - The day picker.
 * @csspart hint - The leap-month hint under lunar pickers.
 * @csspart consent - The consent line (checkbox and its text).
 * @csspart checkbox - The consent checkbox.
 * @csspart error - What stopped a save or a claim, in plain words.
 * @csspart button - The main button: save, claim, send now, retry, or a guest's sign-in button without `sign-in-url`.
 * @csspart secondary-button - The "Change" button of a birthday saved on the device.
 * @csspart link - A guest's sign-in link.
 * @csspart confetti - The celebration after a claim (decorative; none under reduced motion).
 * @csspart skeleton - Each placeholder bar while loading.
 *
 * @cssprop [--loyalty-birthday-greeting-background=var(--loyalty-color-surface)] - Card background.
 * @cssprop [--loyalty-birthday-greeting-border-color=var(--loyalty-color-border)] - Card border colour.
 * @cssprop [--loyalty-birthday-greeting-padding=var(--loyalty-space)] - Card padding.
 * @cssprop [--loyalty-birthday-greeting-gap=calc(var(--loyalty-space) * 0.5)] - Space between the lines.
 * @cssprop [--loyalty-birthday-greeting-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title.
 * @cssprop [--loyalty-birthday-greeting-title-color=var(--loyalty-color-text)] - Colour of the title.
 * @cssprop [--loyalty-birthday-greeting-title-weight=700] - Font weight of the title.
 * @cssprop [--loyalty-birthday-greeting-message-color=var(--loyalty-color-text-muted)] - Colour of the message, notes and labels.
 * @cssprop [--loyalty-birthday-greeting-accent-color=var(--loyalty-color-primary-text)] - The claimed title, radio and checkbox colour.
 * @cssprop [--loyalty-birthday-greeting-field-background=var(--loyalty-color-surface)] - Background of the pickers.
 * @cssprop [--loyalty-birthday-greeting-field-border-color=var(--loyalty-color-text-muted)] - Border of the pickers.
 * @cssprop [--loyalty-birthday-greeting-confetti-color=var(--loyalty-color-primary)] - The confetti's base colour (the others are derived from it).
 * @cssprop [--loyalty-birthday-greeting-confetti-duration=2.4s] - How long the confetti falls.
 */
export class LoyaltyBirthdayGreeting extends LoyaltyDataElement<BirthdayData> {
  static override tagName = 'loyalty-birthday-greeting';
  static override styles = birthdayGreetingStyles;

  /** `hidden`: outside the birthday window the element shows nothing and takes no room. */
  @property({ attribute: 'outside-window' })
  outsideWindow: OutsideWindowMode = 'shown';

  readonly #context: BirthdayContext = {
    host: this,
    i18n: this.i18n,
    client: () => this.data.client,
    // The data on show, not the last customer's: after a sign-out there is none.
    customerId: () => this.data.value?.summary.customer.id,
    customerName: () => this.data.value?.summary.customer.name ?? '',
    reward: (points) => this.#reward(points),
    firstGift: (status) => this.#firstGift(status),
    announce: (text) => this.announce(text),
    focusNext: (target) => (this.#focusNext = target),
    emit: (name, detail) => void this.emit(name, detail),
  };
  readonly #form = new BirthdayForm(this.#context);
  readonly #claim = new BirthdayClaim(this.#context);

  /** Whose entry, saves and claims the form and the claim hold. */
  #customerId: string | undefined;
  #view: BirthdayGreetingView | undefined;
  #focusWithin = false;
  /** Where focus goes after the next render: the main button of the new view, or the card. */
  #focusNext: 'action' | 'base' | undefined;

  /** What the element shows right now. */
  get state(): BirthdayGreetingState {
    return this.dataState;
  }

  /** What the ready state shows (undefined in the other states). */
  get view(): BirthdayGreetingView | undefined {
    return this.state === 'ready' ? this.#view : undefined;
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.data.value?.summary;
  }

  protected async load(client: LoyaltyClient): Promise<BirthdayData> {
    const [summary, program] = await Promise.all([client.getSummary(), client.getProgram()]);
    return { summary, program };
  }

  protected summaryOf(data: BirthdayData): Summary {
    return data.summary;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // willUpdate runs under Lit SSR too, where elements have no `matches`.
    this.#focusWithin = !isServer && this.matches(':focus-within');
    const data = this.data.value;
    if (!data) {
      this.#view = undefined;
      return;
    }
    if (data.summary.customer.id !== this.#customerId) this.#forgetCustomer(data.summary.customer.id);
    const previous = this.#view;
    this.#view = this.#viewOf(data);
    if (previous === 'saved-offline' && this.#view !== 'saved-offline' && this.#view !== 'invitation') {
      this.#form.delivered();
      this.announce(this.#strings.saved);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Outside the window with outside-window="hidden": no box at all.
    this.hideHost(this.view === 'hidden');
    if (this.dataState === 'loading') return;
    const root = this.renderRoot;
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    if (this.#focusNext) {
      const action =
        this.#focusNext === 'action' ? root.querySelector<HTMLElement>('.actions [part~="button"]') : undefined;
      (action ?? base)?.focus();
      this.#focusNext = undefined;
    } else if (this.#focusWithin && !this.matches(':focus-within')) {
      // What had focus went away with the view (a write made elsewhere, a save sent later).
      base?.focus();
    }
  }

  get #strings(): BirthdayGreetingStrings {
    return this.i18n.strings(birthdayGreetingStrings);
  }

  #forgetCustomer(customerId: string): void {
    this.#customerId = customerId;
    this.#form.reset();
    this.#claim.reset();
    this.#view = undefined;
  }

  #statusOf(data: BirthdayData): BirthdayStatus | null {
    return data.summary.birthday ?? this.#form.saved ?? null;
  }

  #viewOf(data: BirthdayData): BirthdayGreetingView {
    const status = this.#statusOf(data);
    if (!status) return this.#form.queued ? 'saved-offline' : 'invitation';
    if (status.inWindow) return status.claimedThisYear || this.#claim.claimed ? 'claimed' : 'greeting';
    return this.outsideWindow === 'hidden' ? 'hidden' : 'outside';
  }

  /** The program's reward as text, e.g. "200 points" / "200积分"; null without a reward. */
  #reward(points = this.data.value?.program.birthday?.points): string | null {
    const data = this.data.value;
    if (points === undefined || !data) return null;
    return this.#strings.reward(
      this.i18n.formatNumber(points),
      points,
      this.i18n.pick(data.summary.program.pointsName),
    );
  }

  /** When a birthday set too recently holds the reward back: "Your first birthday gift comes … on March 15, 2027." */
  #firstGift(status: BirthdayStatus): string | null {
    if (!status.firstRewardBirthday) return null;
    return this.#strings.firstGift(formatIsoDateWithYear(status.firstRewardBirthday, this.i18n.locale));
  }

  protected renderLoading(): TemplateResult {
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${this.#strings.loading}</span>
        <div class="rows" aria-hidden="true">
          <span class="row row--title"><span part="skeleton" class="bone bone--title"></span></span>
          <span class="row row--message"
            ><span part="skeleton" class="bone bone--message"></span
            ><span part="skeleton" class="bone bone--message"></span
          ></span>
          <span class="row row--action"><span part="skeleton" class="bone bone--action"></span></span>
        </div>
      </div>
    `;
  }

  protected override renderGuest(): TemplateResult {
    return super.renderGuest(this.#strings.guestMessage);
  }

  protected renderReady(data: BirthdayData): TemplateResult {
    const name = data.summary.customer.name;
    switch (this.#view) {
      case 'saved-offline':
        return this.#form.renderQueued(this.level);
      case 'greeting':
        return this.#claim.renderGreeting(this.level, name, this.#statusOf(data)!);
      case 'claimed':
        return this.#claim.renderClaimed(this.level, name);
      case 'outside':
        return this.#renderOutside(this.#strings, this.#statusOf(data)!);
      case 'hidden':
        return html``;
      default:
        return this.#form.renderInvitation(this.level);
    }
  }

  #renderOutside(s: BirthdayGreetingStrings, status: BirthdayStatus): TemplateResult {
    const leapDay = status.calendar === 'gregorian' && status.month === 2 && status.day === 29;
    const celebratedOn28 = leapDay && status.nextBirthday.endsWith('-02-28');
    const firstGift = this.#firstGift(status);
    return html`
      <div part="base" class="base base--quiet" tabindex="-1" lang=${this.i18n.locale}>
        <p part="title" class="title" role="heading" aria-level=${this.level}>
          ${s.outsideTitle(formatIsoDate(status.nextBirthday, this.i18n.locale))}
        </p>
        ${
          status.calendar === 'chinese-lunar'
            ? html`<p part="note" class="note">
                ${s.lunarNote(s.lunarDate(status.month, status.day))}${lunarAside(s, status)}
              </p>`
            : nothing
        }
        ${celebratedOn28 ? html`<p part="note" class="note">${s.leapDayNote}</p>` : nothing}
        ${status.claimedThisYear ? html`<p part="note" class="note">${s.alreadyClaimedNote}</p>` : nothing}
        ${firstGift ? html`<p part="note" class="note">${firstGift}</p>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-birthday-greeting': LoyaltyBirthdayGreeting;
  }
}
