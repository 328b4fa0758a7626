import { html, nothing, type TemplateResult } from 'lit';
import type { BirthdayRequest, BirthdayStatus } from '@loyalty-elements/sdk';
import { ClientChangesController } from '../client/client-changes-controller.ts';
import type { BirthdayContext } from './birthday-context.ts';
import { MONTHS, birthdayText, daysIn, gregorianMonthName, lunarAside, type Calendar } from './birthday-dates.ts';
import { saveErrorMessage } from './birthday-problems.ts';
import { birthdayGreetingStrings, type BirthdayGreetingStrings } from './birthday-greeting.strings.ts';

interface Draft {
  calendar: Calendar;
  month: number | null;
  day: number | null;
  consent: boolean;
}

type Invalid = 'month' | 'day' | 'consent';

const emptyDraft = (): Draft => ({ calendar: 'gregorian', month: null, day: null, consent: false });

/**
 * The birthday form of `<loyalty-birthday-greeting>`: the invitation (calendar, month and day pickers,
 * consent, save) and the card of a birthday saved on the device until it can be sent.
 */
export class BirthdayForm {
  readonly #context: BirthdayContext;
  #draft: Draft = emptyDraft();
  #invalid: Invalid | undefined;
  #saving = false;
  #saveError: unknown;
  /** The birthday kept on this device by the outbox, not yet sent. */
  #queued: BirthdayRequest | undefined;
  /** The API's answer to a save, shown until the summary carries the birthday. */
  #saved: BirthdayStatus | undefined;
  #flushing = false;

  constructor(context: BirthdayContext) {
    this.#context = context;
    // A birthday that waited on the device and was then refused for good goes back to the form.
    new ClientChangesController(context.host, context.client, (change) => {
      if (change.type !== 'write_failed' || change.write.kind !== 'birthday' || !this.#queued) return;
      this.#queued = undefined;
      this.#saveError = change.error;
      context.host.requestUpdate();
    });
  }

  /** Whether a birthday waits on this device to be sent. */
  get queued(): boolean {
    return this.#queued !== undefined;
  }

  /** The API's answer to the last save. */
  get saved(): BirthdayStatus | undefined {
    return this.#saved;
  }

  /** Forgets what the previous customer entered. */
  reset(): void {
    this.#draft = emptyDraft();
    this.#invalid = undefined;
    this.#saveError = undefined;
    this.#queued = undefined;
    this.#saved = undefined;
  }

  /** The birthday kept on the device reached the API. */
  delivered(): void {
    this.#queued = undefined;
  }

  get #strings(): BirthdayGreetingStrings {
    return this.#context.i18n.strings(birthdayGreetingStrings);
  }

  renderInvitation(level: number): TemplateResult {
    const { i18n } = this.#context;
    const s = this.#strings;
    const draft = this.#draft;
    const reward = this.#context.reward();
    const lunar = draft.calendar === 'chinese-lunar';
    const days = Array.from({ length: daysIn(draft.calendar, draft.month) }, (_, index) => index + 1);
    const invalid = this.#invalid;
    const problem = invalid
      ? invalidMessage(s, invalid)
      : this.#saveError
        ? saveErrorMessage(i18n.t, s, this.#saveError)
        : '';
    const busy = this.#saving;
    const monthName = (month: number) =>
      lunar ? s.lunarMonthName(month) : gregorianMonthName(month, i18n.locale, s.gregorianMonthStyle);
    const dayName = (day: number) => (lunar ? s.lunarDayName(day) : s.gregorianDayName(day));
    return html`
      <div part="base" class="base" tabindex="-1" lang=${i18n.locale}>
        <p part="title" class="title" role="heading" aria-level=${level}>${s.inviteTitle}</p>
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
              ${this.#renderPicker('month', s.month, MONTHS, monthName, this.#pickMonth)}
              ${this.#renderPicker('day', s.day, days, dayName, this.#pickDay)}
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

  /** The month or the day picker: "Choose…", then `values` named by `name`. */
  #renderPicker(
    field: 'month' | 'day',
    label: string,
    values: number[],
    name: (value: number) => string,
    onChange: (event: Event) => void,
  ): TemplateResult {
    const s = this.#strings;
    const selected = this.#draft[field];
    const invalid = this.#invalid === field;
    return html`<div class="field">
      <label part="label" class="label" for=${field}>${label}</label>
      <select
        id=${field}
        part="select ${field}-select"
        class="select"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'problem' : nothing}
        @change=${onChange}
      >
        <option value="" .selected=${selected === null}>${s.choose}</option>
        ${values.map((value) => html`<option value=${value} .selected=${selected === value}>${name(value)}</option>`)}
      </select>
    </div>`;
  }

  renderQueued(level: number): TemplateResult {
    const { locale } = this.#context.i18n;
    const s = this.#strings;
    const birthday = this.#queued!;
    const busy = this.#flushing;
    return html`
      <div part="base" class="base" tabindex="-1" lang=${locale}>
        <p part="title" class="title" role="heading" aria-level=${level}>${s.queuedHeading}</p>
        <p part="message" class="message">${s.queuedMessage}</p>
        <p part="note" class="note">${s.birthdayLine(birthdayText(s, locale, birthday))}${lunarAside(s, birthday)}</p>
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
    if (draft.day !== null && draft.day > daysIn(draft.calendar, draft.month ?? 1)) draft.day = null;
    this.#draft = draft;
    // The marker goes once its field is fixed; the next problem is reported at the next save.
    if (this.#invalid && problemOf(draft) !== this.#invalid) this.#invalid = undefined;
    this.#context.host.requestUpdate();
  }

  #save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    const context = this.#context;
    const { host } = context;
    const client = context.client();
    const draft = this.#draft;
    const invalid = problemOf(draft);
    this.#invalid = invalid;
    this.#saveError = undefined;
    if (invalid) {
      host.requestUpdate();
      await host.updateComplete;
      const field = invalid === 'consent' ? '[part~="checkbox"]' : `#${invalid}`;
      host.shadowRoot?.querySelector<HTMLElement>(field)?.focus();
      return;
    }
    if (!client) return;
    const birthday: BirthdayRequest = { month: draft.month!, day: draft.day!, calendar: draft.calendar };
    const customerId = context.customerId();
    const hadFocus = host.matches(':focus-within');
    this.#saving = true;
    host.requestUpdate();
    try {
      const outcome = await client.setBirthday(birthday);
      if (customerId !== context.customerId()) return;
      const s = this.#strings;
      if (outcome.status === 'sent') {
        this.#saved = outcome.result;
        const firstGift = context.firstGift(outcome.result);
        context.announce(firstGift ? `${s.saved} ${firstGift}` : s.saved);
      } else {
        this.#queued = birthday;
        context.announce(s.queuedTitle);
      }
      // Sent: on to the claim button (or the card); kept on the device: the card that says so.
      if (hadFocus) context.focusNext(outcome.status === 'sent' ? 'action' : 'base');
      context.emit('loyalty-birthday-saved', {
        birthday,
        queued: outcome.status === 'queued',
        status: outcome.status === 'sent' ? outcome.result : null,
      });
    } catch (error) {
      if (customerId === context.customerId()) this.#saveError = error;
    } finally {
      this.#saving = false;
      host.requestUpdate();
    }
  };

  #sendNow = async (): Promise<void> => {
    const client = this.#context.client();
    if (this.#flushing || !client) return;
    this.#flushing = true;
    this.#context.host.requestUpdate();
    try {
      await client.flush();
      if (this.#queued && (await client.pendingWrites()) > 0) this.#context.announce(this.#strings.queuedTitle);
    } finally {
      this.#flushing = false;
      this.#context.host.requestUpdate();
    }
  };

  #change = (): void => {
    // Back to the form with the entry kept; saving again replaces what waits on the device.
    this.#queued = undefined;
    this.#context.focusNext('base');
    this.#context.host.requestUpdate();
  };
}

function problemOf(draft: Draft): Invalid | undefined {
  if (draft.month === null) return 'month';
  if (draft.day === null) return 'day';
  if (!draft.consent) return 'consent';
  return undefined;
}

function invalidMessage(s: BirthdayGreetingStrings, invalid: Invalid): string {
  switch (invalid) {
    case 'month':
      return s.missingMonth;
    case 'day':
      return s.missingDay;
    default:
      return s.missingConsent;
  }
}
