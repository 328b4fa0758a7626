/** What can take focus from the keyboard (checked further by `focusable`). */
const TABBABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable="true"]';

/** The focused element, looking inside shadow roots; null when nothing (or the body) has focus. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

function focusable(element: HTMLElement): boolean {
  return (
    element.isConnected &&
    element.tabIndex >= 0 &&
    !element.matches(':disabled') &&
    element.closest('[inert]') === null &&
    element.checkVisibility()
  );
}

function tryFocus(element: HTMLElement): boolean {
  element.focus();
  return element.matches(':focus, :focus-within');
}

/**
 * After `host` closed with focus inside it: focuses `before` (what had focus before it opened) when it
 * is still on the page, else the first focusable element after `host`. Returns false when there is
 * none, and focus stays on the document body.
 */
export function returnFocus(host: HTMLElement, before: HTMLElement | null): boolean {
  if (before && !host.contains(before) && focusable(before) && tryFocus(before)) return true;
  for (const candidate of document.querySelectorAll<HTMLElement>(TABBABLE)) {
    const after = host.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (after && !host.contains(candidate) && focusable(candidate) && tryFocus(candidate)) return true;
  }
  return false;
}

/**
 * Where focus goes when `host` closes with focus inside it: back to what had focus when it appeared, or to where focus
 * last came into it from the page (relatedTarget outside it), else on along the page.
 */
export class FocusReturn {
  #before: HTMLElement | null = null;
  #pending = false;

  constructor(private readonly host: HTMLElement) {
    host.addEventListener('focusin', (event) => {
      const from = event.relatedTarget;
      if (from instanceof HTMLElement && from !== host && !host.contains(from)) this.#before = from;
    });
  }

  /** The host appeared: what has focus now is where focus goes back. */
  appeared(): void {
    this.#before = deepActiveElement();
  }

  /** The host is about to close: focus is given back on {@link closed} if it is inside the host now. */
  closing(): void {
    this.#pending = this.host.matches(':focus-within');
  }

  /** The host closed: focus goes back, if it was inside when it began closing. */
  closed(): void {
    if (!this.#pending) return;
    this.#pending = false;
    returnFocus(this.host, this.#before);
  }
}
