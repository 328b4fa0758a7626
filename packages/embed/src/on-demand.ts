import { WIDGET_TAGS, type WidgetTag } from './widget-tags.ts';

/**
 * Loads a widget's code the first time its tag is in the document, whether the tag is in the HTML or added
 * later (a single-page app's next view). A page pays only for the widgets it shows. A module that fails to
 * load (the network dropped, a missing file) is tried again when the page changes, but not before a wait that
 * doubles with each failure of that tag (1 s, 2 s, 4 s … at most 60 s): however often the page changed while the
 * module loaded or waited, it is tried once when the wait ends, so a page that changes all the time does not
 * download it again and again. When the browser is back online it is tried at once. `attempt` counts those tries
 * (0 first), so a retry can use a URL the browser has not marked as failed.
 */
export function defineWidgetsOnDemand(
  load: (tag: WidgetTag, attempt: number) => Promise<unknown>,
  root: Document = document,
): void {
  const waiting = new Set<WidgetTag>(WIDGET_TAGS);
  /** The tags being loaded, and those waiting after a failure. */
  const busy = new Set<WidgetTag>();
  const attempts = new Map<WidgetTag, number>();
  /** The busy tags whose page changed since their last try began: tried again once their wait ends. */
  const changed = new Set<WidgetTag>();
  /** What ends each wait after a failure. */
  const waits = new Set<() => void>();
  // Back online, the tags that wait are tried again at once: their failures were most likely the network's.
  const online = () => {
    check();
    waits.forEach((end) => end());
  };

  const check = () => {
    for (const tag of waiting) {
      if (!root.querySelector(tag)) continue;
      if (busy.has(tag)) {
        changed.add(tag);
        continue;
      }
      const attempt = attempts.get(tag) ?? 0;
      attempts.set(tag, attempt + 1);
      busy.add(tag);
      load(tag, attempt).then(
        () => {
          waiting.delete(tag);
          if (waiting.size === 0) {
            observer.disconnect();
            removeEventListener('online', online);
          }
        },
        (error: unknown) => {
          console.error(`loyalty-elements.js: could not load <${tag}>; it is tried again when the page changes`, error);
          // Ended once: by its timer, or earlier when the browser is back online.
          const end = () => {
            if (!waits.delete(end)) return;
            busy.delete(tag);
            if (changed.delete(tag)) check();
          };
          waits.add(end);
          setTimeout(end, Math.min(1000 * 2 ** attempt, 60_000));
        },
      );
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  addEventListener('online', online);
  check();
}
