import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoyaltyClient, Summary } from '@loyalty-elements/sdk';
import { LoyaltyElement } from './loyalty-element.ts';
import { errorMessage, focusFirstAction, renderAnnouncement, renderErrorNotice, renderGuestNotice } from './notices.ts';
import { CustomerDataController, type CustomerDataState } from '../controllers/customer-data-controller.ts';
import { GuestPitchController, type PitchRole } from '../controllers/guest-pitch-controller.ts';
import { renderJoinPitch, renderJoinPitchLoading } from './join-pitch-view.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { Translation } from '../locales/en.ts';

/**
 * The base of every widget that shows the signed-in shopper's data. It owns what they all share:
 * the `client`, `sign-in-url`, `join-url` and `heading-level` properties, the locale, the data task (which
 * reloads when the client, the customer or the summary changes, and hands `load` an `AbortSignal`
 * that fires when a newer load supersedes it), the guest state (the page's one join pitch when this widget holds
 * it, else a compact sign-in line) and the error card, retry with focus put back,
 * the `loyalty-sign-in-requested` event, hiding the host, and one polite live region.
 *
 * A widget gives `load`, `summaryOf`, `renderLoading` and `renderReady`; it may give `noticeStrings` (its own words
 * for the guest and error cards), or override `renderGuest`, `renderError`, `errorText`, `noClientText` and
 * `focusTargets`.
 */
/** A widget's own words for the shared cards: the guest invitation, a failed load, a page with no client. */
export interface NoticeStrings {
  guestMessage: string;
  errorOther: string;
  errorNoClient: string;
}

export abstract class LoyaltyDataElement<T> extends LoyaltyElement {
  /** @internal The widget's part in the page's one join pitch: by default it holds it when it is the first guest widget. */
  static pitchRole: PitchRole = 'holder';

  /** The client to ask; without it the element uses a provider's client, then the page's shared one. */
  @property({ attribute: false })
  client: LoyaltyClient | null | undefined;

  /** Where a guest signs in. Without it, "Sign in" is a button firing `loyalty-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' })
  signInUrl: string | undefined;

  /**
   * Where a guest joins the program: the "Join now" link of the join pitch, shown by this widget when it is the
   * page's first guest widget and the page has no `<loyalty-join-pitch>`. Without it the pitch offers "Sign in" only.
   */
  @property({ attribute: 'join-url' })
  joinUrl: string | undefined;

  /** The level (1–5) of the element's title as a heading; its subheadings are one level below. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  protected readonly i18n = new LocaleController(this);
  protected readonly data = new CustomerDataController<T>(this, {
    client: () => this.client,
    load: (client, signal) => this.load(client, signal),
    summaryOf: (value) => this.summaryOf(value),
  });

  protected readonly pitch = new GuestPitchController(this, {
    client: () => this.data.client,
    isGuest: () => this.dataState === 'guest',
    role: () => (this.constructor as typeof LoyaltyDataElement).pitchRole,
  });

  /** What a retry puts focus on once the new state is shown (the first match, else the card). */
  protected focusTargets = '[part~="button"], [part~="link"]';

  #refocus = false;
  #announcement = '';
  /** The element set its own `hidden` attribute (and may remove it again). */
  #hiddenByUs = false;

  /** Reads what the widget shows. A load whose `signal` has aborted is no longer wanted. */
  protected abstract load(client: LoyaltyClient, signal: AbortSignal): Promise<T>;

  /** The summary inside the loaded data: the `detail` of `loyalty-ready`. */
  protected abstract summaryOf(value: T): Summary;

  protected abstract renderLoading(): TemplateResult;

  protected abstract renderReady(value: T): TemplateResult;

  /** The data state: `loading`, `ready`, `guest` or `error`. */
  protected get dataState(): CustomerDataState {
    return this.data.state;
  }

  /** Loads again (what the retry button does). Resolves when it has settled. */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  /** The title's heading level, 1–5 (2 when `heading-level` is anything else). */
  protected get level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 5 ? level : 2;
  }

  protected override render(): TemplateResult {
    const content = this.data.render({
      loading: () => this.renderLoading(),
      ready: (value) => this.renderReady(value),
      guest: () => this.renderGuest(),
      error: (error) => this.renderError(error),
    });
    return html`${content}${renderAnnouncement(this.i18n.locale, this.#announcement)}`;
  }

  /** The widget's own words for the guest and error cards, in the current locale; the shared ones without them. */
  protected noticeStrings(): NoticeStrings | undefined {
    return undefined;
  }

  /**
   * A guest's view: the join pitch when this widget shows it (its skeleton while the program is read), else the
   * compact sign-in line, where `message` replaces the widget's (or the shared) invitation.
   */
  protected renderGuest(message = this.noticeStrings()?.guestMessage): TemplateResult {
    if (this.pitch.shown && !this.pitch.failed) return this.renderPitch();
    return renderGuestNotice({
      t: this.i18n.t,
      locale: this.i18n.locale,
      signInUrl: this.signInUrl,
      onSignIn: this.requestSignIn,
      message,
    });
  }

  /** The join pitch, from the program; `heading` and `intro` replace its own words. */
  protected renderPitch(heading?: string, intro?: string): TemplateResult {
    const program = this.pitch.program;
    if (!program) return renderJoinPitchLoading(this.i18n);
    return renderJoinPitch(program, {
      i18n: this.i18n,
      level: this.level,
      heading,
      intro,
      joinUrl: this.joinUrl,
      signInUrl: this.signInUrl,
      onSignIn: this.requestSignIn,
    });
  }

  /** The error card, with a retry button when there is a client to ask again. */
  protected renderError(error: unknown): TemplateResult {
    const t = this.i18n.t;
    return renderErrorNotice({
      t,
      locale: this.i18n.locale,
      message: this.data.client ? this.errorText(t, error) : this.noClientText(t),
      onRetry: this.data.client ? this.retry : undefined,
    });
  }

  /** Plain words for a failed load. */
  protected errorText(t: Translation, error: unknown): string {
    return errorMessage(t, error, this.noticeStrings()?.errorOther);
  }

  /** Plain words for a page with no client to ask (no provider, no shared client). */
  protected noClientText(t: Translation): string {
    return this.noticeStrings()?.errorNoClient ?? t.errorNoClient;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#refocus && this.data.state !== 'loading') {
      // The retry button went away while loading: put focus back somewhere sensible.
      this.#refocus = false;
      focusFirstAction(this.renderRoot, this.focusTargets);
    }
  }

  /** Says `text` in the live region; the same words again are still a new announcement. */
  protected announce(text: string): void {
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
    this.requestUpdate();
  }

  /** Hides the host (`hidden`) or shows it again; never unhides what the page itself hid. */
  protected hideHost(hide: boolean): void {
    if (hide !== this.hasAttribute('hidden') && (hide || this.#hiddenByUs)) {
      this.toggleAttribute('hidden', hide);
      this.#hiddenByUs = hide;
    }
  }

  protected retry = (): void => {
    this.#refocus = this.matches(':focus-within');
    void this.refresh();
  };

  protected requestSignIn = (): void => {
    this.emit('loyalty-sign-in-requested', null);
  };
}
