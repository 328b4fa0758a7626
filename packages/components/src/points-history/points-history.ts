import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { POINTS_HISTORY_MAX_LIMIT } from '@loyalty-elements/contract/plain';
import type { LedgerEntry } from '@loyalty-elements/contract';
import type { LoyaltyClient, PointsHistory, Summary } from '@loyalty-elements/sdk';
import { LoyaltyDataElement, type NoticeStrings } from '../base/loyalty-data-element.ts';
import { errorMessage } from '../base/notices.ts';
import type { CustomerDataState } from '../controllers/customer-data-controller.ts';
import { renderEntry, type PointsHistoryView } from './points-history-entry.ts';
import { pointsHistoryStrings, type PointsHistoryStrings } from './points-history.strings.ts';
import { pointsHistoryStyles } from './points-history.styles.ts';

/** What the element is showing: `empty` is a shopper with no ledger entry yet. */
export type PointsHistoryState = CustomerDataState | 'empty';

const DEFAULT_PAGE_SIZE = 10;
/** The skeleton shows at most this many rows, whatever the page size. */
const MAX_SKELETON_ROWS = 10;

interface HistoryData {
  summary: Summary;
  history: PointsHistory;
}

/** Older pages the shopper asked for, over the first page they continue. */
interface OlderPages {
  over: HistoryData;
  entries: LedgerEntry[];
  nextCursor: string | null;
}

/** A "show more" request in flight, or the failure of the last one. */
interface PageRequest {
  over: HistoryData;
  error?: unknown;
}

/**
 * The signed-in shopper's points history (积分记录): every ledger entry, newest first, as a list. Each row shows what
 * the entry is ("Order 1001", "Refund of order 1001", "Redeemed: Free tea"), its date in the shopper's time zone and
 * its signed points ("+120", "−50"), with a marker while the points are pending (and until when), when they expire,
 * and what a refund could not take back. A screen reader hears each row as one sentence. "Show more" reads older
 * entries with the API's cursor and puts focus on the first new row; a failed page keeps what is shown and offers a
 * retry. The history is read again when another widget on the page changes the points.
 * Like every loyalty element it has a loading skeleton, an empty state that says how points are earned, a guest
 * sign-in invitation and an error state with a retry button, and speaks English and Simplified Chinese.
 *
 * Global `--loyalty-*` tokens (see `src/themes/tokens.ts`) theme every loyalty element at once;
 * the properties below theme this one alone.
 *
 * @summary Lists the shopper's points activity, newest first, page by page.
 *
 * @fires {LoyaltyReadyEvent} loyalty-ready - The history arrived and is shown. `detail` is the `Summary`.
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
 * @csspart title - The heading ("Points history").
 * @csspart list - The list of entries.
 * @csspart entry - One ledger entry.
 * @csspart description - What the entry is ("Order 1001").
 * @csspart date - The entry's date.
 * @csspart points - The entry's signed points, with one of the three parts below.
 * @csspart points-credit - Points added ("+120"), beside `points`.
 * @csspart points-debit - Points taken ("−50"), beside `points`.
 * @csspart points-unchanged - An entry that moved no points ("0"), beside `points`.
 * @csspart pending - "Pending until …" on points not yet spendable.
 * @csspart expiring - "Expires …" on points with an expiry date still to come.
 * @csspart shortfall - What a refund or reversal could not take back.
 * @csspart more-button - "Show more" (also `button`), or its retry after a failed page.
 * @csspart page-error - Why an older page could not be shown.
 * @csspart message - The empty, guest or error message.
 * @csspart button - The show-more and retry buttons, or a guest's sign-in button without `sign-in-url`.
 * @csspart link - A guest's sign-in link.
 * @csspart skeleton - Each placeholder while loading.
 *
 * @cssprop [--loyalty-points-history-background=var(--loyalty-color-surface)] - Background of the widget.
 * @cssprop [--loyalty-points-history-border-color=var(--loyalty-color-border)] - Border of the widget and between rows.
 * @cssprop [--loyalty-points-history-padding=var(--loyalty-space)] - Padding of the widget.
 * @cssprop [--loyalty-points-history-title-size=calc(var(--loyalty-font-size) * 1.125)] - Font size of the title.
 * @cssprop [--loyalty-points-history-credit-color=var(--loyalty-color-success)] - Colour of points earned.
 * @cssprop [--loyalty-points-history-debit-color=var(--loyalty-color-text)] - Colour of points spent or taken back.
 * @cssprop [--loyalty-points-history-marker-background=color-mix(in srgb, var(--loyalty-color-primary) 10%, var(--loyalty-color-surface))] - Background of the pending and expiring markers.
 */
export class LoyaltyPointsHistory extends LoyaltyDataElement<HistoryData> {
  static override tagName = 'loyalty-points-history';
  static override styles = pointsHistoryStyles;

  /** Entries per page, 1–100 (default 10): the first page, and each "Show more". */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = DEFAULT_PAGE_SIZE;

  @state()
  private older: OlderPages | undefined;

  @state()
  private pageRequest: PageRequest | undefined;

  /** After the first load, a load means the points may have changed: the cached page is read afresh. */
  #loadedOnce = false;

  /** What the element shows right now. */
  get state(): PointsHistoryState {
    const state = this.dataState;
    if (state !== 'ready') return state;
    return this.entries.length === 0 ? 'empty' : 'ready';
  }

  /** The summary on show, if any. */
  get summary(): Summary | undefined {
    return this.data.value?.summary;
  }

  /** The entries on show, newest first: the first page and every older page the shopper asked for. */
  get entries(): readonly LedgerEntry[] {
    const data = this.data.value;
    if (!data) return [];
    const older = this.#olderOf(data);
    return older ? [...data.history.entries, ...older.entries] : data.history.entries;
  }

  /** The page size the API is asked for: `page-size` within 1–100. */
  protected get limit(): number {
    const size = Math.trunc(this.pageSize);
    return Number.isFinite(size) ? Math.max(1, Math.min(POINTS_HISTORY_MAX_LIMIT, size)) : DEFAULT_PAGE_SIZE;
  }

  protected async load(client: LoyaltyClient, signal: AbortSignal): Promise<HistoryData> {
    const revalidate = this.#loadedOnce;
    // Read again, the list keeps as many rows as the shopper had opened (up to one page of the API).
    const limit = Math.min(POINTS_HISTORY_MAX_LIMIT, Math.max(this.limit, this.entries.length));
    const [summary, history] = await Promise.all([
      client.getSummary(),
      client.getPointsHistory({ limit }, { revalidate }),
    ]);
    if (!signal.aborted) this.#loadedOnce = true;
    return { summary, history };
  }

  protected summaryOf(data: HistoryData): Summary {
    return data.summary;
  }

  protected override noticeStrings(): NoticeStrings {
    return this.#strings;
  }

  protected renderLoading(): TemplateResult {
    const rows = Math.min(this.limit, MAX_SKELETON_ROWS);
    return html`
      <div part="base" class="base" aria-busy="true" lang=${this.i18n.locale}>
        <span class="visually-hidden">${this.#strings.loading}</span>
        <div class="title-row" aria-hidden="true"><span part="skeleton" class="bone bone--title"></span></div>
        <div class="list" aria-hidden="true">
          ${Array.from(
            { length: rows },
            () =>
              html`<div class="entry entry--placeholder">
                <span class="entry-main">
                  <span part="skeleton" class="bone bone--description"></span>
                  <span part="skeleton" class="bone bone--date"></span>
                </span>
                <span part="skeleton" class="bone bone--points"></span>
              </div>`,
          )}
        </div>
      </div>
    `;
  }

  protected renderReady(data: HistoryData): TemplateResult {
    const s = this.#strings;
    const { i18n } = this;
    const entries = this.entries;
    const view: PointsHistoryView = {
      i18n,
      s,
      pointsName: data.summary.program.pointsName,
      timeZone: data.summary.customer.timezone,
      now: Date.now(),
    };
    return html`
      <div part="base" class="base" tabindex="-1" lang=${i18n.locale}>
        <div part="title" class="title" id="title" role="heading" aria-level=${this.level}>${s.title}</div>
        ${
          entries.length === 0
            ? html`<p part="message" class="message empty">${s.empty(i18n.pick(data.summary.program.pointsName))}</p>`
            : html`<ol part="list" class="list" aria-labelledby="title">
                ${repeat(
                  entries,
                  (entry) => entry.id,
                  (entry) => renderEntry(entry, view),
                )}
              </ol>`
        }
        ${this.#renderMore(data, s)}
      </div>
    `;
  }

  #renderMore(data: HistoryData, s: PointsHistoryStrings): TemplateResult | typeof nothing {
    const older = this.#olderOf(data);
    const cursor = older ? older.nextCursor : data.history.nextCursor;
    if (cursor === null) return nothing;
    const request = this.pageRequest?.over === data ? this.pageRequest : undefined;
    const busy = request !== undefined && !('error' in request);
    const failed = request !== undefined && 'error' in request;
    return html`<div class="more">
      ${
        failed
          ? html`<p part="page-error" class="page-error" role="alert">
              ${errorMessage(this.i18n.t, request.error, s.pageFailed)}
            </p>`
          : nothing
      }
      <button
        part="more-button button"
        class="button more-button"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${this.#showMore}
      >
        ${busy ? s.loadingMore : failed ? this.i18n.t.retry : s.showMore}
      </button>
    </div>`;
  }

  get #strings(): PointsHistoryStrings {
    return this.i18n.strings(pointsHistoryStrings);
  }

  #olderOf(data: HistoryData): OlderPages | undefined {
    return this.older?.over === data ? this.older : undefined;
  }

  #showMore = async (): Promise<void> => {
    const data = this.data.value;
    const client = this.data.client;
    if (!data || !client || (this.pageRequest?.over === data && !('error' in this.pageRequest))) return;
    const older = this.#olderOf(data);
    const cursor = older ? older.nextCursor : data.history.nextCursor;
    if (cursor === null) return;
    this.pageRequest = { over: data };
    let page: PointsHistory;
    try {
      page = await client.getPointsHistory({ cursor, limit: this.limit });
    } catch (error) {
      if (this.pageRequest?.over === data) this.pageRequest = { over: data, error };
      return;
    }
    // The list was read again meanwhile (the points changed, another shopper signed in): this page no longer follows.
    if (this.data.value !== data) return;
    const shown = new Set(this.entries.map(({ id }) => id));
    const added = page.entries.filter(({ id }) => !shown.has(id));
    this.older = { over: data, entries: [...(older?.entries ?? []), ...added], nextCursor: page.nextCursor };
    this.pageRequest = undefined;
    this.announce(this.#strings.shown(this.i18n.formatNumber(this.entries.length), this.entries.length));
    await this.updateComplete;
    const first = added[0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(first.id)}"]`)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-points-history': LoyaltyPointsHistory;
  }
}
