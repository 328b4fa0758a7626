// Functions the bench runs inside the storefront page (page.evaluate / waitForFunction).
import type { LayoutShift } from './report.ts';

/** Runs in the page: performance.now() once every loyalty-* element has left `loading`, else false. */
export function settledInPage(widgets: boolean): number | false {
  if (widgets) {
    const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('loyalty-'));
    if (elements.length === 0) return false;
    for (const element of elements) {
      if (!customElements.get(element.localName)) return false;
      const state = (element as unknown as { state?: unknown }).state;
      if (typeof state !== 'string' || state === 'loading') return false;
    }
  }
  return performance.now();
}

/**
 * Runs in the page: the layout shifts so far (buffered), and each widget's state. It names no inner
 * functions: tsx would wrap them in a `__name` helper the page does not have.
 */
export function readPage(): Promise<{ shifts: LayoutShift[]; states: Record<string, string> }> {
  const states: Record<string, string> = {};
  for (const element of document.querySelectorAll('*')) {
    if (!element.localName.startsWith('loyalty-')) continue;
    states[element.localName] = String((element as unknown as { state?: unknown }).state);
  }
  interface ShiftEntry extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources: Array<{ node: Node | null }>;
  }
  return new Promise((resolve) => {
    const entries: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Buffered entries arrive in the observer's first callback; with none, it is never called.
    setTimeout(() => {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const shifts = (entries as ShiftEntry[])
        .filter((entry) => !entry.hadRecentInput)
        .map((entry) => ({
          value: entry.value,
          startMs: entry.startTime,
          sources: entry.sources.map(({ node }) =>
            node instanceof Element
              ? `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList].map((name) => `.${name}`).join('')}`
              : (node?.nodeName ?? 'unknown'),
          ),
        }));
      resolve({ shifts, states });
    }, 50);
  });
}
