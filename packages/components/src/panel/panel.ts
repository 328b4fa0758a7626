import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Summary } from '@loyalty-elements/sdk';
import type { NoticeStrings } from '../base/loyalty-data-element.ts';
import { LoyaltySummaryElement } from '../base/loyalty-summary-element.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import { definePanelWidgets, renderPanelWidgets } from './panel-widgets.ts';
import { panelStrings, type PanelStrings } from './panel.strings.ts';
import { panelStyles } from './panel.styles.ts';

/** Which bottom corner the launcher sits in, and which side the sheet opens from (logical: follows `dir`). */
export type PanelPosition = 'bottom-end' | 'bottom-start';

/** What the launcher knows: the shopper's points (`ready`), or not (`loading`, `guest`, `error`). */
export type PanelState = CustomerDataState;

/** Narrower than this, the panel is a full-screen modal dialog; wider, a side sheet. */
const PHONE_QUERY = '(max-width: 40rem)';

/**
 * The hosted-style rewards experience in one tag: a launcher button in a bottom corner (the shopper's points on it once
 * signed in, "Rewards" for a guest) that opens a panel composing `<loyalty-points-balance>`, `<loyalty-tier-progress>`,
 * `<loyalty-ways-to-earn>`, `<loyalty-rewards>`, `<loyalty-referral>` and `<loyalty-points-history>`, with a slot
 * (`extra`) for more.
 * On a phone the panel is a modal `<dialog>` (focus stays inside, Escape closes); on a wide screen a side sheet that
 * Escape closes too. Closing puts focus back on the launcher. The widgets inside are defined (if the page has not
 * already) the first time the panel opens, and use the panel's client (the page's one), so they ask the API for nothing the page has not read already.
 * Speaks English and Simplified Chinese.
 *
 * @summary A launcher and a panel with the shopper's points, tier, ways to earn, rewards, referral and history.
 *
 * @slot extra - More content at the end of the panel (a referral widget, a link to the full rewards page).
 *
 * @fires {LoyaltyPanelOpenEvent} loyalty-panel-open - The panel opened.
 * @fires {LoyaltyPanelCloseEvent} loyalty-panel-close - The panel closed; focus is back on the launcher.
 * @fires {LoyaltyReadyEvent} loyalty-ready - The shopper's summary arrived (the points on the launcher). `detail` is the `Summary`.
 * @fires {LoyaltyErrorEvent} loyalty-error - Reading the summary failed (not for guests). `detail` is the `LoyaltyError`.
 * @fires {LoyaltySignInRequestedEvent} loyalty-sign-in-requested - A guest pressed "Sign in" inside, and there is no `sign-in-url`.
 *
 * @csspart launcher - The launcher button.
 * @csspart launcher-label - Its label ("Rewards", or `label`).
 * @csspart launcher-points - The shopper's points on it, once signed in.
 * @csspart panel - The `<dialog>`: a full-screen modal on a phone, a side sheet on a wide screen.
 * @csspart header - The row with the title and the close button.
 * @csspart title - The panel's heading.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling area with the widgets and the `extra` slot.
 *
 * @cssprop [--loyalty-panel-launcher-background=var(--loyalty-color-primary)] - Background of the launcher.
 * @cssprop [--loyalty-panel-launcher-color=var(--loyalty-color-on-primary)] - Text colour of the launcher.
 * @cssprop [--loyalty-panel-background=var(--loyalty-color-surface)] - Background of the panel.
 * @cssprop [--loyalty-panel-width=26rem] - Width of the side sheet on a wide screen.
 * @cssprop [--loyalty-panel-offset=1rem] - Distance of the launcher from the corner of the window.
 * @cssprop [--loyalty-panel-gap=var(--loyalty-space)] - Space between the widgets inside.
 */
export class LoyaltyPanel extends LoyaltySummaryElement {
  static override tagName = 'loyalty-panel';
  static override styles = panelStyles;
  /** @internal The panel pitches nothing itself: the widgets inside it do. */
  static override pitchRole = 'none' as const;

  /** Which bottom corner the launcher sits in: `bottom-end` (default) or `bottom-start`. */
  @property({ reflect: true })
  position: PanelPosition = 'bottom-end';

  /** The launcher's label and the panel's title; "Rewards" / "奖励" without it. */
  @property()
  label: string | undefined;

  /** Whether the panel is open; set it to open or close the panel from the page. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** The widgets are on the page: from the first opening on, so a page that never opens the panel asks nothing more. */
  private opened = false;

  @query('dialog')
  private dialog!: HTMLDialogElement | null;

  @query('[part~="launcher"]')
  private launcher!: HTMLButtonElement | null;

  /** What the launcher shows: `ready` with the shopper's points, or `loading`, `guest`, `error`. */
  get state(): PanelState {
    return this.dataState;
  }

  /** Whether the open panel is a modal dialog (a phone) rather than a side sheet. */
  get modal(): boolean {
    return this.dialog?.matches(':modal') ?? false;
  }

  /** Opens the panel. */
  show(): void {
    this.open = true;
  }

  /** Closes the panel; focus goes back to the launcher. */
  close(): void {
    this.open = false;
  }

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  protected renderLoading(): TemplateResult {
    return this.#renderShell(undefined);
  }

  protected renderReady(summary: Summary): TemplateResult {
    return this.#renderShell(summary);
  }

  protected override renderGuest(): TemplateResult {
    return this.#renderShell(undefined);
  }

  protected override renderError(): TemplateResult {
    return this.#renderShell(undefined);
  }

  #renderShell(summary: Summary | undefined): TemplateResult {
    const s = this.#strings;
    const label = this.label?.trim() || s.label;
    const points = summary
      ? s.points(
          this.i18n.formatNumber(summary.points.balance),
          summary.points.balance,
          this.i18n.pick(summary.program.pointsName),
        )
      : undefined;
    return html`
      <div class="launcher-bar">
        <button
          part="launcher"
          class="launcher"
          type="button"
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          lang=${this.i18n.locale}
          @click=${this.show}
        >
          <span class="launcher-line">
            <span part="launcher-label" class="launcher-label">${label}</span>
            ${points ? html`<span part="launcher-points" class="launcher-points">${points}</span>` : nothing}
          </span>
        </button>
      </div>
      <dialog
        part="panel"
        class="panel"
        aria-labelledby="title"
        lang=${this.i18n.locale}
        @close=${this.#onClosed}
        @keydown=${this.#onKeydown}
      >
        <div part="header" class="header">
          <div part="title" class="title" id="title" role="heading" aria-level=${this.level}>${label}</div>
          <button part="close-button" class="close-button" type="button" @click=${this.close}>${s.close}</button>
        </div>
        <div part="body" class="body">
          ${
            this.opened
              ? renderPanelWidgets({
                  client: this.data.client,
                  signInUrl: this.signInUrl,
                  joinUrl: this.joinUrl,
                  headingLevel: Math.min(this.level + 1, 5),
                  lang: this.i18n.locale,
                })
              : nothing
          }
          <slot name="extra"></slot>
        </div>
      </dialog>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The widgets are rendered in the update that opens the panel, and defined before it.
    if (changed.has('open') && this.open && !this.opened) {
      definePanelWidgets();
      this.opened = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      if (matchMedia(PHONE_QUERY).matches) dialog.showModal();
      else dialog.show();
      dialog.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
      this.emit('loyalty-panel-open', null);
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** The dialog closed (close button, Escape, `open` unset): focus back on the launcher, and say so. */
  #onClosed = (): void => {
    this.open = false;
    this.launcher?.focus();
    this.emit('loyalty-panel-close', null);
  };

  /** A modal dialog closes on Escape by itself; the side sheet is not modal, so it is closed here. */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !this.modal) {
      event.preventDefault();
      this.close();
    }
  };

  get #strings(): PanelStrings {
    return this.i18n.strings(panelStrings);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-panel': LoyaltyPanel;
  }
}
