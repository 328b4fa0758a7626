import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.ts';

/** Where a page's (or a section's) data stands: loading, ready with it, or failed. */
export type LoadState<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error' };

/** Loads `fetch` into a ready or error state. */
export async function loadInto<T>(fetch: () => Promise<T>): Promise<LoadState<T>> {
  try {
    return { kind: 'ready', data: await fetch() };
  } catch {
    return { kind: 'error' };
  }
}

/** The loading status, the error with its retry button, or what `ready` renders of the data. */
export function renderLoadState<T>(
  state: LoadState<T>,
  strings: Strings,
  retry: () => void,
  ready: (data: T) => TemplateResult,
): TemplateResult {
  if (state.kind === 'loading') return html`<p role="status" class="card">${strings.loading}</p>`;
  if (state.kind === 'error') {
    return html`<div role="alert" class="card error">
      <p>${strings.errorLoading}</p>
      <button type="button" @click=${retry}>${strings.retry}</button>
    </div>`;
  }
  return ready(state.data);
}
