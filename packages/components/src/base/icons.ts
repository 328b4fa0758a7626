import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A decorative line icon on a 24-unit grid, drawn in the text colour (so forced colours keep it).
 * Hidden from assistive technology: the control or text beside it carries the meaning.
 * Its shapes come behind a function, and each icon below is a pure call, so a bundle keeps only the icons it uses.
 */
function icon(shapes: () => SVGTemplateResult, strokeWidth = 1.8, part: string | null = 'icon'): TemplateResult {
  return html`<svg
    part=${ifDefined(part ?? undefined)}
    class=${ifDefined(part === null ? undefined : 'icon')}
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width=${strokeWidth}
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${shapes()}
  </svg>`;
}

/** A padlock: a reward the shopper cannot redeem yet. */
export const lockIcon = /* @__PURE__ */ icon(
  () => svg`<rect x="5" y="11" width="14" height="10" rx="2" /><path d="M8 11V8a4 4 0 0 1 8 0v3" />`,
  2,
);

/** A ticket with a check: a redeemed reward's code. */
export const codeIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z" /><path d="M9.5 12.2l1.8 1.8 3.6-3.8" />`,
);

/** A gift box: the birthday gift. */
export const giftIcon = /* @__PURE__ */ icon(
  () =>
    svg`<rect x="4" y="11" width="16" height="10" rx="1.5" /><rect x="3" y="7" width="18" height="4" rx="1" /><path d="M12 7v14" /><path d="M12 7C10.5 3.5 6.5 3.2 6.8 5.6 7 7 9.5 7 12 7zM12 7c1.5-3.5 5.5-3.8 5.2-1.4C17 7 14.5 7 12 7z" />`,
);

/** A cross: closing a card (the button is named by its label). */
export const closeIcon = /* @__PURE__ */ icon(() => svg`<path d="M6 6l12 12M18 6L6 18" />`, 2, null);

/** A check mark in a circle: a gift already claimed. */
export const claimedIcon = /* @__PURE__ */ icon(
  () => svg`<circle cx="12" cy="12" r="9" /><path d="M8 12.5l2.7 2.7L16.2 9.6" />`,
  2,
);
