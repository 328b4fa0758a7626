import { css } from 'lit';

/**
 * Pieces every element shares: host defaults, visually hidden text, focus rings, skeleton bones.
 * Text wraps, even inside a long word or name, rather than being cut (WCAG 1.4.10 reflow). Every link stands on
 * its own (none sits inside a sentence), so each is at least 24 × 24 CSS px (WCAG 2.5.8).
 * A button's side padding gives way on a small phone with large text (at most 5vw), so its label keeps whole words.
 * A button's hover moves its fill away from its label colour, so the label never loses contrast;
 * under forced colours (which drop backgrounds) every control keeps a border whatever the tokens say.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    overflow-wrap: anywhere;
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
    outline-offset: var(--_focus-ring-width);
  }

  .bone {
    display: block;
    border-radius: 0.25em;
    background-color: var(--_color-skeleton);
    background-image: linear-gradient(
      90deg,
      var(--_color-skeleton) 0%,
      var(--_color-skeleton-highlight) 50%,
      var(--_color-skeleton) 100%
    );
    background-size: 200% 100%;
    animation: loyalty-shimmer var(--_skeleton-duration) ease-in-out infinite;
  }
  @keyframes loyalty-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
      background-image: none;
    }
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.5em;
    padding: 0.5em min(1.125em, 5vw);
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
  }
  .button:hover {
    background: color-mix(
      in srgb,
      var(--_color-primary) 85%,
      color(from var(--_color-on-primary) srgb calc(1 - r) calc(1 - g) calc(1 - b))
    );
  }
  a[href],
  .link {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: max(24px, 1.5em);
    min-inline-size: 24px;
    color: var(--_color-primary-text);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    border-radius: 0.125em;
  }
  @media (forced-colors: active) {
    :host button,
    :host select,
    :host textarea {
      border: 1px solid ButtonText;
    }
  }
`;
