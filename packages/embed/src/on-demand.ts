import { WIDGET_TAGS, type WidgetTag } from './widget-tags.ts';

/**
 * Loads a widget's code the first time its tag is in the document, whether the tag is in the HTML or added
 * later (a single-page app's next view). A page pays only for the widgets it shows. A module that fails to
 * load (the network dropped) is tried again when the page changes or the browser is back online; `attempt`
 * counts those tries (0 first), so a retry can use a URL the browser has not marked as failed.
 */
export function defineWidgetsOnDemand(
  load: (tag: WidgetTag, attempt: number) => Promise<unknown>,
  root: Document = document,
): void {
  const waiting = new Set<WidgetTag>(WIDGET_TAGS);
  const loading = new Set<WidgetTag>();
  const attempts = new Map<WidgetTag, number>();

  const check = () => {
    for (const tag of waiting) {
      if (loading.has(tag) || !root.querySelector(tag)) continue;
      const attempt = attempts.get(tag) ?? 0;
      attempts.set(tag, attempt + 1);
      loading.add(tag);
      load(tag, attempt).then(
        () => {
          waiting.delete(tag);
          loading.delete(tag);
          if (waiting.size === 0) {
            observer.disconnect();
            removeEventListener('online', check);
          }
        },
        (error: unknown) => {
          loading.delete(tag);
          console.error(`loyalty-elements.js: could not load <${tag}>; it is tried again when the page changes`, error);
        },
      );
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  addEventListener('online', check);
  check();
}
