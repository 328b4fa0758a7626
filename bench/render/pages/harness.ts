// Shared by every page the render bench loads: what the page was given, and the moment its widget
// first shows ready data, which the bench reads back through `window.benchReady`.

export interface ReadyReport {
  /** performance.now() when the page's bundle started running (set by the bundle's first line). */
  scriptStartMs: number;
  /** performance.now() when the widget first showed ready data. */
  readyMs: number;
}

declare global {
  interface Window {
    benchScriptStart?: number;
    benchReady?: Promise<ReadyReport>;
  }
}

/** What the bench puts in the page's query string: the API and the shopper's token. */
export function pageParams(): { apiBase: string; customerToken: string; publishableKey: string } {
  const params = new URLSearchParams(location.search);
  return {
    apiBase: params.get('api') ?? '',
    customerToken: params.get('token') ?? '',
    publishableKey: params.get('key') ?? '',
  };
}

/**
 * Resolves `window.benchReady` the first time `event` reaches `target` and `isReady()` holds (the
 * time is taken in the listener, before anything else runs); rejects on a `loyalty-error`.
 */
export function reportReadyOn(target: EventTarget, event: string, isReady: () => boolean): void {
  window.benchReady = new Promise<ReadyReport>((resolve, reject) => {
    const onEvent = () => {
      const readyMs = performance.now();
      if (!isReady()) return;
      target.removeEventListener(event, onEvent);
      resolve({ scriptStartMs: window.benchScriptStart ?? Number.NaN, readyMs });
    };
    target.addEventListener(event, onEvent);
    target.addEventListener('loyalty-error', (error) =>
      reject(new Error(`loyalty-error: ${JSON.stringify((error as CustomEvent).detail)}`)),
    );
  });
}

/** Resolves `window.benchReady` once `isReady()` holds after a change under `root`. */
export function reportReadyOnMutation(root: Node, isReady: () => boolean): void {
  window.benchReady = new Promise<ReadyReport>((resolve) => {
    const observer = new MutationObserver(() => {
      const readyMs = performance.now();
      if (!isReady()) return;
      observer.disconnect();
      resolve({ scriptStartMs: window.benchScriptStart ?? Number.NaN, readyMs });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}
