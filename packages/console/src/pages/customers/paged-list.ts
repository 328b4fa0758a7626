import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Strings } from '../../i18n/en.ts';

/** A page of a cursor-paged list, as the API answers one. */
export interface ListPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

export type PagedState<Item> =
  | { kind: 'loading' }
  | { kind: 'error' }
  | { kind: 'ready'; items: Item[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

/**
 * A list read a page at a time: the first page, then "Show more" appending the next. An answer that arrives after
 * the list was read again is dropped, so a slow old search never replaces a newer one.
 */
export class PagedList<Item> implements ReactiveController {
  state: PagedState<Item> = { kind: 'loading' };
  #reads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | null) => Promise<ListPage<Item>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads the first page; the items shown stay until it arrives unless `fresh`. */
  async reload(fresh = true): Promise<void> {
    const read = ++this.#reads;
    if (fresh || this.state.kind !== 'ready') this.set({ kind: 'loading' });
    try {
      const page = await this.fetchPage(null);
      if (read === this.#reads) this.set({ kind: 'ready', ...page, more: 'idle' });
    } catch {
      if (read === this.#reads) this.set({ kind: 'error' });
    }
  }

  async showMore(): Promise<void> {
    const shown = this.state;
    if (shown.kind !== 'ready' || shown.nextCursor === null) return;
    const read = this.#reads;
    this.set({ ...shown, more: 'loading' });
    try {
      const page = await this.fetchPage(shown.nextCursor);
      if (read === this.#reads)
        this.set({ kind: 'ready', items: [...shown.items, ...page.items], nextCursor: page.nextCursor, more: 'idle' });
    } catch {
      if (read === this.#reads) this.set({ ...shown, more: 'error' });
    }
  }

  /** The loading line or the error with its retry, for a list that has no items to show yet. */
  renderPending(strings: Strings, loadingText: string) {
    if (this.state.kind === 'loading') return html`<p role="status">${loadingText}</p>`;
    return html`<div role="alert" class="error">
      <p>${strings.errorLoading}</p>
      <button type="button" @click=${() => void this.reload()}>${strings.retry}</button>
    </div>`;
  }

  /** Below the items: the error of the last "Show more", and the button while there is more. */
  renderMore(strings: Strings) {
    const shown = this.state;
    if (shown.kind !== 'ready') return nothing;
    return html`${shown.more === 'error' ? html`<p role="alert" class="error">${strings.errorLoading}</p>` : nothing}
    ${
      shown.nextCursor === null
        ? nothing
        : html`<button
            type="button"
            class="more"
            ?disabled=${shown.more === 'loading'}
            @click=${() => void this.showMore()}
          >
            ${shown.more === 'loading' ? strings.loading : strings.customers.showMore}
          </button>`
    }`;
  }

  private set(state: PagedState<Item>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
