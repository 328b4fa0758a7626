import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  isLoyaltyError,
  type BirthdayClaimResult,
  type BirthdayRequest,
  type BirthdayStatus,
  type LoyaltyClient,
  type Program,
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
import { ClientChangesController } from '../client/client-changes-controller.ts';
import { CustomerDataController, type CustomerDataState } from '../controllers/customer-data-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { Translation } from '../locales/en.ts';
import {
  birthdayGreetingStrings,
  chineseLunarDate,
  type BirthdayGreetingStrings,
} from './birthday-greeting.strings.ts';
import { CONFETTI_PIECES, birthdayGreetingStyles } from './birthday-greeting.styles.ts';

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

type Calendar = BirthdayRequest['calendar'];

interface BirthdayData {
  summary: Summary;
  program: Program;
}

interface Draft {
  calendar: Calendar;
  month: number | null;
  day: number | null;
  consent: boolean;
}

type Invalid = 'month' | 'day' | 'consent';

/** Longest day of each Gregorian month (29 February is a birthday too). */
const GREGORIAN_MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Lunar months have 29 or 30 days; a 30th in a short month is celebrated on the 29th. */
const LUNAR_MAX_DAY = 30;
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

const emptyDraft = (): Draft => ({ calendar: 'gregorian', month: null, day: null, consent: false });

/**
 * A birthday greeting for the signed-in shopper. While their birthday is unknown it invites them
 * to add it (Gregorian or 农历, the Chinese lunar calendar, with their consent), saving it through
 * the client's outbox so that an entry made offline is kept on the device and sent later. Inside
 * the birthday window (computed by the API in the shopper's time zone) it wishes them a happy
 * birthday by name and lets them claim the program's reward once, with a small celebration that
 * stays still under `prefers-reduced-motion`. Outside the window it quietly says when the next
 * birthday is, or shows nothing with `outside-window="hidden"`. Like every loyalty element it has a
 * loading skeleton, a guest sign-in invitation and an error state with a retry button, speaks
 * English and Simplified Chinese, and follows writes made by other widgets on the page.
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
export class LoyaltyBirthdayGreeting extends LoyaltyElement {
  static override tagName = 'loyalty-birthday-greeting';
  static override styles = birthdayGreetingStyles;

  /** The client to ask; without it the element uses a provider's client, then the page's shared one. */
  @property({ attribute: false })
  client: LoyaltyClient | null | undefined;

  /** Where a guest signs in. Without it, "Sign in" is a button firing `loyalty-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' })
  signInUrl: string | undefined;

  /** `hidden`: outside the birthday window the element shows nothing and takes no room. */
  @property({ attribute: 'outside-window' })
  outsideWindow: OutsideWindowMode = 'shown';

  readonly #i18n = new LocaleController(this);
  readonly #data = new CustomerDataController<BirthdayData>(this, {
    client: () => this.client,
    load: async (client) => {
      const [summary, program] = await Promise.all([client.getSummary(), client.getProgram()]);
      return { summary, program };
    },
    summaryOf: (data) => data.summary,
  });

  /** Whose entry, saves and claims the fields below hold. */
  #customerId: string | undefined;
  #draft: Draft = emptyDraft();
  #invalid: Invalid | undefined;
  #saving = false;
  #saveError: unknown;
  /** The birthday kept on this device by the outbox, not yet sent. */
  #queued: BirthdayRequest | undefined;
  /** The API's answer to a save, shown until the summary carries the birthday. */
  #saved: BirthdayStatus | undefined;
  #flushing = false;
  #claiming = false;
  #claimError: unknown;
  #claimed: BirthdayClaimResult | undefined;
  /** The reward was claimed in this page: the celebration plays. */
  #celebrate = false;

  #view: BirthdayGreetingView | undefined;
  #announcement = '';
  #focusWithin = false;
  /** Where focus goes after the next render: the main button of the new view, or the card. */
  #focusNext: 'action' | 'base' | undefined;
  #refocus = false;
  /** The element set its own `hidden` attribute (and may remove it again). */
  #hiddenByUs = false;

  constructor() {
    super();
    // A birthday that waited on the device and was then refused for good goes back to the form.
    new ClientChangesController(
      this,
      () => this.#data.client,
      (change) => {
        if (change.type !== 'write_failed' || change.write.kind !== 'birthday' || !this.#queued) return;
        this.#queued = undefined;
        this.#saveError = change.error;
        this.requestUpdate();
      },
    );
  }

  /** What the element shows right now. */
  get state(): BirthdayGreetingState {
    return this.#data.state;
  }

  /** What the ready state shows (undefined in the other states). */
  get view(): BirthdayGreetingView | undefined {
    return this.state === 'ready' ? this.#view : undefined;
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.#data.value?.summary;
  }

  /** Loads the summary again (what the retry button does). Resolves when it has settled. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // willUpdate runs under Lit SSR too, where elements have no `matches`.
    this.#focusWithin = !isServer && this.matches(':focus-within');
    const data = this.#data.value;
    if (!data) {
      this.#view = undefined;
      return;
    }
    if (data.summary.customer.id !== this.#customerId) this.#forgetCustomer(data.summary.customer.id);
    const previous = this.#view;
    this.#view = this.#viewOf(data);
    if (previous === 'saved-offline' && this.#view !== 'saved-offline' && this.#view !== 'invitation') {
      // The birthday kept on the device reached the API.
      this.#queued = undefined;
      this.#announce(this.#strings.saved);
    }
  }

  protected override render(): TemplateResult {
    const t = this.#i18n.t;
    const s = this.#strings;
    const content = this.#data.render({
      loading: () => this.#renderLoading(s),
      ready: (data) => this.#renderReady(t, s, data),
      guest: () =>
        renderGuestNotice({ t, locale: this.#i18n.locale, signInUrl: this.signInUrl, onSignIn: this.#requestSignIn }),
      error: (error) =>
        renderErrorNotice({
          t,
          locale: this.#i18n.locale,
          message: this.#data.client ? errorMessage(t, error) : t.errorNoClient,
          onRetry: this.#data.client ? this.#retry : undefined,
        }),
    });
    return html`${content}${renderAnnouncement(this.#i18n.locale, this.#announcement)}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Outside the window with outside-window="hidden": no box at all.
    const hide = this.view === 'hidden';
    if (hide !== this.hasAttribute('hidden') && (hide || this.#hiddenByUs)) {
      this.toggleAttribute('hidden', hide);
      this.#hiddenByUs = hide;
    }
    const { state } = this.#data;
    if (state === 'loading') return;
    const root = this.renderRoot;
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    if (this.#focusNext) {
      const action =
        this.#focusNext === 'action' ? root.querySelector<HTMLElement>('.actions [part~="button"]') : undefined;
      (action ?? base)?.focus();
      this.#focusNext = undefined;
    } else if (this.#refocus) {
      // The retry button went away while loading: put focus back somewhere sensible.
      this.#refocus = false;
      (root.querySelector<HTMLElement>('[part~="button"], [part~="link"]') ?? base)?.focus();
    } else if (this.#focusWithin && !this.matches(':focus-within')) {
      // What had focus went away with the view (a write made elsewhere, a save sent later).
      base?.focus();
    }
  }

  get #strings(): BirthdayGreetingStrings {
    return this.#i18n.strings(birthdayGreetingStrings);
  }

  #forgetCustomer(customerId: string): void {
    this.#customerId = customerId;
    this.#draft = emptyDraft();
    this.#invalid = undefined;
    this.#saveError = undefined;
    this.#queued = undefined;
    this.#saved = undefined;
    this.#claimError = undefined;
    this.#claimed = undefined;
    this.#celebrate = false;
    this.#view = undefined;
  }

  #statusOf(data: BirthdayData): BirthdayStatus | null {
    return data.summary.birthday ?? this.#saved ?? null;
  }

  #viewOf(data: BirthdayData): BirthdayGreetingView {
    const status = this.#statusOf(data);
    if (!status) return this.#queued ? 'saved-offline' : 'invitation';
    if (status.inWindow) return status.claimedThisYear || this.#claimed ? 'claimed' : 'greeting';
    return this.outsideWindow === 'hidden' ? 'hidden' : 'outside';
  }

  #announce(text: string): void {
    this.#announcement = text;
  }

  /** The program's reward as text, e.g. "200 points" / "200积分"; null without a reward. */
  #reward(data: BirthdayData, points = data.program.birthday?.points): string | null {
    if (points === undefined) return null;
    return this.#strings.reward(this.#i18n.formatNumber(points), this.#i18n.pick(data.summary.program.pointsName));
  }

  /** When a birthday set too recently holds the reward back: "Your first birthday gift comes … on March 15, 2027." */
  #firstGift(status: BirthdayStatus): string | null {
    if (!status.firstRewardBirthday) return null;
    return this.#strings.firstGift(formatIsoDateWithYear(status.firstRewardBirthday, this.#i18n.locale));
  }

  // Rendering

  #renderLoading(s: BirthdayGreetingStrings): TemplateResult {
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.#i18n.locale}>
        <span class="visually-hidden">${s.loading}</span>
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

  #renderReady(t: Translation, s: BirthdayGreetingStrings, data: BirthdayData): TemplateResult {
    switch (this.#view) {
      case 'saved-offline':
        return this.#renderQueued(s);
      case 'greeting':
        return this.#renderGreeting(t, s, data, this.#statusOf(data)!);
      case 'claimed':
        return this.#renderClaimed(s, data);
      case 'outside':
        return this.#renderOutside(s, this.#statusOf(data)!);
      case 'hidden':
        return html``;
      default:
        return this.#renderInvitation(t, s, data);
    }
  }

  #renderInvitation(t: Translation, s: BirthdayGreetingStrings, data: BirthdayData): TemplateResult {
    const draft = this.#draft;
    const reward = this.#reward(data);
    const lunar = draft.calendar === 'chinese-lunar';
    const maxDay = lunar ? LUNAR_MAX_DAY : draft.month ? (GREGORIAN_MAX_DAY[draft.month - 1] ?? 31) : 31;
    const days = Array.from({ length: maxDay }, (_, index) => index + 1);
    const invalid = this.#invalid;
    const problem = invalid
      ? this.#invalidMessage(s, invalid)
      : this.#saveError
        ? saveErrorMessage(t, s, this.#saveError)
        : '';
    const busy = this.#saving;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.#i18n.locale}>
        <p part="title" class="title">${s.inviteTitle}</p>
        <p part="message" class="message">${reward ? s.inviteMessage(reward) : s.inviteMessageNoReward}</p>
        <form part="form" class="form" novalidate @submit=${this.#save}>
          <fieldset part="fieldset" class="fieldset">
            <legend part="legend" class="legend">${s.birthdayLegend}</legend>
            <fieldset part="calendar" class="calendar">
              <legend class="calendar-legend">${s.calendarLegend}</legend>
              <label class="choice">
                <input
                  part="radio"
                  type="radio"
                  name="calendar"
                  value="gregorian"
                  .checked=${!lunar}
                  @change=${this.#pickCalendar}
                />
                <span>${s.gregorian}</span>
              </label>
              <label class="choice">
                <input
                  part="radio"
                  type="radio"
                  name="calendar"
                  value="chinese-lunar"
                  .checked=${lunar}
                  @change=${this.#pickCalendar}
                />
                <span><span lang="zh-CN">农历</span>${s.explainLunar ? ` ${s.lunarExplained}` : nothing}</span>
              </label>
            </fieldset>
            <div class="fields">
              <div class="field">
                <label part="label" class="label" for="month">${s.month}</label>
                <select
                  id="month"
                  part="select month-select"
                  class="select"
                  aria-invalid=${invalid === 'month' ? 'true' : 'false'}
                  aria-describedby=${invalid === 'month' ? 'problem' : nothing}
                  @change=${this.#pickMonth}
                >
                  <option value="" .selected=${draft.month === null}>${s.choose}</option>
                  ${MONTHS.map(
                    (month) =>
                      html`<option value=${month} .selected=${draft.month === month}>
                        ${lunar ? s.lunarMonthName(month) : this.#gregorianMonthName(month)}
                      </option>`,
                  )}
                </select>
              </div>
              <div class="field">
                <label part="label" class="label" for="day">${s.day}</label>
                <select
                  id="day"
                  part="select day-select"
                  class="select"
                  aria-invalid=${invalid === 'day' ? 'true' : 'false'}
                  aria-describedby=${invalid === 'day' ? 'problem' : nothing}
                  @change=${this.#pickDay}
                >
                  <option value="" .selected=${draft.day === null}>${s.choose}</option>
                  ${days.map(
                    (day) =>
                      html`<option value=${day} .selected=${draft.day === day}>
                        ${lunar ? s.lunarDayName(day) : s.gregorianDayName(day)}
                      </option>`,
                  )}
                </select>
              </div>
            </div>
            ${lunar ? html`<p part="hint" class="hint">${s.lunarHint}</p>` : nothing}
          </fieldset>
          <label part="consent" class="choice consent">
            <input
              part="checkbox"
              type="checkbox"
              .checked=${draft.consent}
              aria-invalid=${invalid === 'consent' ? 'true' : 'false'}
              aria-describedby=${invalid === 'consent' ? 'problem' : nothing}
              @change=${this.#pickConsent}
            />
            <span>${s.consent}</span>
          </label>
          <p part="error" class="error" id="problem" role="alert">${problem}</p>
          <div class="actions">
            <button part="button" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
              ${busy ? s.saving : s.save}
            </button>
          </div>
        </form>
      </div>
    `;
  }

  #renderQueued(s: BirthdayGreetingStrings): TemplateResult {
    const birthday = this.#queued!;
    const busy = this.#flushing;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.#i18n.locale}>
        <p part="title" class="title">${s.queuedHeading}</p>
        <p part="message" class="message">${s.queuedMessage}</p>
        <p part="note" class="note">
          ${s.birthdayLine(this.#birthdayText(s, birthday))}${this.#lunarAside(s, birthday)}
        </p>
        <div class="actions">
          <button
            part="button"
            class="button"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${this.#sendNow}
          >
            ${s.sendNow}
          </button>
          <button part="secondary-button" class="button button--secondary" type="button" @click=${this.#change}>
            ${s.change}
          </button>
        </div>
      </div>
    `;
  }

  #renderGreeting(
    t: Translation,
    s: BirthdayGreetingStrings,
    data: BirthdayData,
    status: BirthdayStatus,
  ): TemplateResult {
    const name = data.summary.customer.name;
    const firstGift = this.#firstGift(status);
    const reward = status.claimable && !firstGift ? this.#reward(data) : null;
    const busy = this.#claiming;
    // Held back: the message says when the first gift comes, which is all a refused claim has to say.
    const claimError = this.#claimError && !(firstGift && isRecentlySet(this.#claimError)) ? this.#claimError : null;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${this.#i18n.locale}>
        <div class="headline">
          ${giftIcon}
          <p part="title" class="title">${s.greetingTitle(name)}</p>
        </div>
        <p part="message" class="message">
          ${firstGift ?? (reward ? s.greetingMessage(reward) : s.greetingMessageNoReward)}
        </p>
        ${
          reward
            ? html`<div class="actions">
                <button
                  part="button"
                  class="button"
                  type="button"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${this.#claim}
                >
                  ${busy ? s.claiming : s.claim(reward)}
                </button>
              </div>`
            : nothing
        }
        ${
          claimError
            ? html`<p part="error" class="error" role="alert">${claimErrorMessage(t, s, claimError)}</p>`
            : nothing
        }
      </div>
    `;
  }

  #renderClaimed(s: BirthdayGreetingStrings, data: BirthdayData): TemplateResult {
    const reward = this.#reward(data, this.#claimed?.entry.points ?? data.program.birthday?.points);
    return html`
      <div part="base" class="base base--claimed" tabindex="-1" lang=${this.#i18n.locale}>
        ${
          this.#celebrate
            ? html`<div part="confetti" class="confetti" aria-hidden="true">
                ${Array.from({ length: CONFETTI_PIECES }, () => html`<span class="piece"></span>`)}
              </div>`
            : nothing
        }
        <div class="headline">
          ${claimedIcon}
          <p part="title" class="title">${reward ? s.claimedTitle(reward) : s.claimedTitleNoAmount}</p>
        </div>
        <p part="message" class="message">${s.claimedMessage(data.summary.customer.name)}</p>
      </div>
    `;
  }

  #renderOutside(s: BirthdayGreetingStrings, status: BirthdayStatus): TemplateResult {
    const leapDay = status.calendar === 'gregorian' && status.month === 2 && status.day === 29;
    const celebratedOn28 = leapDay && status.nextBirthday.endsWith('-02-28');
    const firstGift = this.#firstGift(status);
    return html`
      <div part="base" class="base base--quiet" tabindex="-1" lang=${this.#i18n.locale}>
        <p part="title" class="title">${s.outsideTitle(formatIsoDate(status.nextBirthday, this.#i18n.locale))}</p>
        ${
          status.calendar === 'chinese-lunar'
            ? html`<p part="note" class="note">
                ${s.lunarNote(s.lunarDate(status.month, status.day))}${this.#lunarAside(s, status)}
              </p>`
            : nothing
        }
        ${celebratedOn28 ? html`<p part="note" class="note">${s.leapDayNote}</p>` : nothing}
        ${status.claimedThisYear ? html`<p part="note" class="note">${s.alreadyClaimedNote}</p>` : nothing}
        ${firstGift ? html`<p part="note" class="note">${firstGift}</p>` : nothing}
      </div>
    `;
  }

  /** In English, a lunar date is followed by its Chinese name in its own `lang`: "(农历八月十五)". */
  #lunarAside(s: BirthdayGreetingStrings, birthday: BirthdayRequest): TemplateResult | typeof nothing {
    if (birthday.calendar !== 'chinese-lunar' || !s.explainLunar) return nothing;
    return html` (<span lang="zh-CN">${chineseLunarDate(birthday.month, birthday.day)}</span>)`;
  }

  #gregorianMonthName(month: number): string {
    return new Intl.DateTimeFormat(this.#i18n.locale, {
      month: this.#strings.gregorianMonthStyle,
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, month - 1, 1)));
  }

  /** The birthday itself in words: "September 15" / "9月15日", or "8th lunar month, day 15" / "八月十五". */
  #birthdayText(s: BirthdayGreetingStrings, birthday: BirthdayRequest): string {
    if (birthday.calendar === 'chinese-lunar') return s.lunarDate(birthday.month, birthday.day);
    // 2000 is a leap year: 29 February exists.
    return formatIsoDate(`2000-${pad(birthday.month)}-${pad(birthday.day)}`, this.#i18n.locale);
  }

  #invalidMessage(s: BirthdayGreetingStrings, invalid: Invalid): string {
    switch (invalid) {
      case 'month':
        return s.missingMonth;
      case 'day':
        return s.missingDay;
      default:
        return s.missingConsent;
    }
  }

  // Actions

  #pickCalendar = (event: Event): void => {
    const calendar = (event.target as HTMLInputElement).value === 'chinese-lunar' ? 'chinese-lunar' : 'gregorian';
    this.#edit({ calendar });
  };

  #pickMonth = (event: Event): void => {
    this.#edit({ month: Number((event.target as HTMLSelectElement).value) || null });
  };

  #pickDay = (event: Event): void => {
    this.#edit({ day: Number((event.target as HTMLSelectElement).value) || null });
  };

  #pickConsent = (event: Event): void => {
    this.#edit({ consent: (event.target as HTMLInputElement).checked });
  };

  #edit(change: Partial<Draft>): void {
    const draft = { ...this.#draft, ...change };
    // A day the month (or calendar) does not have is cleared rather than silently changed.
    const max = draft.calendar === 'chinese-lunar' ? LUNAR_MAX_DAY : GREGORIAN_MAX_DAY[(draft.month ?? 1) - 1]!;
    if (draft.day !== null && draft.day > max) draft.day = null;
    this.#draft = draft;
    // The marker goes once its field is fixed; the next problem is reported at the next save.
    if (this.#invalid && this.#problemOf(draft) !== this.#invalid) this.#invalid = undefined;
    this.requestUpdate();
  }

  #problemOf(draft: Draft): Invalid | undefined {
    if (draft.month === null) return 'month';
    if (draft.day === null) return 'day';
    if (!draft.consent) return 'consent';
    return undefined;
  }

  #save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    const client = this.#data.client;
    const draft = this.#draft;
    const invalid = this.#problemOf(draft);
    this.#invalid = invalid;
    this.#saveError = undefined;
    if (invalid) {
      this.requestUpdate();
      await this.updateComplete;
      const field = invalid === 'consent' ? '[part~="checkbox"]' : `#${invalid}`;
      this.renderRoot.querySelector<HTMLElement>(field)?.focus();
      return;
    }
    if (!client) return;
    const birthday: BirthdayRequest = { month: draft.month!, day: draft.day!, calendar: draft.calendar };
    const customerId = this.#customerId;
    const hadFocus = this.matches(':focus-within');
    this.#saving = true;
    this.requestUpdate();
    try {
      const outcome = await client.setBirthday(birthday);
      if (customerId !== this.#customerId) return;
      if (outcome.status === 'sent') {
        this.#saved = outcome.result;
        const firstGift = this.#firstGift(outcome.result);
        this.#announce(firstGift ? `${this.#strings.saved} ${firstGift}` : this.#strings.saved);
      } else {
        this.#queued = birthday;
        this.#announce(this.#strings.queuedTitle);
      }
      // Sent: on to the claim button (or the card); kept on the device: the card that says so.
      if (hadFocus) this.#focusNext = outcome.status === 'sent' ? 'action' : 'base';
      this.emit('loyalty-birthday-saved', {
        birthday,
        queued: outcome.status === 'queued',
        status: outcome.status === 'sent' ? outcome.result : null,
      });
    } catch (error) {
      if (customerId === this.#customerId) this.#saveError = error;
    } finally {
      this.#saving = false;
      this.requestUpdate();
    }
  };

  #sendNow = async (): Promise<void> => {
    const client = this.#data.client;
    if (this.#flushing || !client) return;
    this.#flushing = true;
    this.requestUpdate();
    try {
      await client.flush();
      if (this.#queued && (await client.pendingWrites()) > 0) this.#announce(this.#strings.queuedTitle);
    } finally {
      this.#flushing = false;
      this.requestUpdate();
    }
  };

  #change = (): void => {
    // Back to the form with the entry kept; saving again replaces what waits on the device.
    this.#queued = undefined;
    this.#focusNext = 'base';
    this.requestUpdate();
  };

  #claim = async (): Promise<void> => {
    const client = this.#data.client;
    if (this.#claiming || !client) return;
    const customerId = this.#customerId;
    const hadFocus = this.matches(':focus-within');
    this.#claiming = true;
    this.#claimError = undefined;
    this.requestUpdate();
    try {
      // The SDK claims once however often it is called: a double click cannot claim twice.
      const result = await client.claimBirthdayReward();
      if (customerId !== this.#customerId) return;
      this.#claimed = result;
      this.#celebrate = true;
      const data = this.#data.value;
      const reward = data ? this.#reward(data, result.entry.points) : null;
      const s = this.#strings;
      this.#announce(
        `${reward ? s.claimedTitle(reward) : s.claimedTitleNoAmount}. ${s.claimedMessage(data?.summary.customer.name ?? '')}`,
      );
      if (hadFocus) this.#focusNext = 'base';
      this.emit('loyalty-birthday-claimed', result);
    } catch (error) {
      if (customerId !== this.#customerId) return;
      const code = isLoyaltyError(error) ? error.problem?.code : undefined;
      this.#claimError = error;
      // The summary is behind (claimed elsewhere, or the window closed): read it again.
      if (code === 'birthday_already_claimed' || code === 'birthday_outside_window') {
        void client.getSummary({ revalidate: true }).catch(() => undefined);
      }
      if (code === 'birthday_recently_set') {
        // The summary says when the first gift comes: read it before saying so.
        const summary = await client.getSummary({ revalidate: true }).catch(() => undefined);
        if (customerId !== this.#customerId) return;
        const firstGift = summary?.birthday ? this.#firstGift(summary.birthday) : null;
        // Without a date, the refusal's alert says it in general words.
        if (firstGift) this.#announce(firstGift);
      }
    } finally {
      this.#claiming = false;
      this.requestUpdate();
    }
  };

  #retry = (): void => {
    this.#refocus = this.matches(':focus-within');
    void this.refresh();
  };

  #requestSignIn = (): void => {
    this.emit('loyalty-sign-in-requested', null);
  };
}

/** A gift box (decorative). */
const giftIcon = html`<svg
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
  <rect x="4" y="11" width="16" height="10" rx="1.5" />
  <rect x="3" y="7" width="18" height="4" rx="1" />
  <path d="M12 7v14" />
  <path d="M12 7C10.5 3.5 6.5 3.2 6.8 5.6 7 7 9.5 7 12 7zM12 7c1.5-3.5 5.5-3.8 5.2-1.4C17 7 14.5 7 12 7z" />
</svg>`;

/** A check mark in a circle (decorative). */
const claimedIcon = html`<svg
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
  <circle cx="12" cy="12" r="9" />
  <path d="M8 12.5l2.7 2.7L16.2 9.6" />
</svg>`;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A plain `YYYY-MM-DD` date as "September 15" / "9月15日". Read and formatted in UTC, so the day
 * never shifts with the browser's time zone.
 */
export function formatIsoDate(iso: string, locale: string): string {
  const [year = 2000, month = 1, day = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A plain `YYYY-MM-DD` date with its year, "March 15, 2027" / "2027年3月15日"; the day never shifts (UTC). */
export function formatIsoDateWithYear(iso: string, locale: string): string {
  const [year = 2000, month = 1, day = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

function isRecentlySet(error: unknown): boolean {
  return isLoyaltyError(error) && error.problem?.code === 'birthday_recently_set';
}

/** Plain words for a save the API refused or that failed. */
function saveErrorMessage(t: Translation, s: BirthdayGreetingStrings, error: unknown): string {
  if (isLoyaltyError(error)) {
    switch (error.problem?.code) {
      case 'birthday_change_limited':
        return s.changeLimited;
      case 'validation_failed':
        return s.invalidDate;
    }
    if (error.code === 'invalid_request') return s.invalidDate;
  }
  return commonErrorMessage(t, error) ?? s.saveFailed;
}

/** Plain words for a claim the API refused or that failed. */
function claimErrorMessage(t: Translation, s: BirthdayGreetingStrings, error: unknown): string {
  if (isLoyaltyError(error)) {
    switch (error.problem?.code) {
      case 'birthday_outside_window':
        return s.outsideWindow;
      case 'birthday_already_claimed':
        return s.alreadyClaimed;
      case 'birthday_reward_unavailable':
        return s.rewardUnavailable;
      case 'birthday_not_set':
        return s.notSet;
      case 'birthday_recently_set':
        return s.recentlySet;
    }
  }
  return commonErrorMessage(t, error) ?? s.claimFailed;
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-birthday-greeting': LoyaltyBirthdayGreeting;
  }
}
