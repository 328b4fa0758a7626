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
