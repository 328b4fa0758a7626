import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';
import { guestStyles } from '../themes/guest.styles.ts';

/**
 * The card's padding gives way on a small phone with large text (at most 5vw, as a button's does), so inside a
 * storefront's own card the amounts under the bar keep their numbers whole.
 */
export const tierProgressStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-tier-progress-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-tier-progress-background, var(--_color-surface));
      --_border-color: var(--loyalty-tier-progress-border-color, var(--_color-border));
      --_padding: var(--loyalty-tier-progress-padding, var(--_space));
      --_gap: var(--loyalty-tier-progress-gap, calc(var(--_space) * 0.5));
      --_label-size: var(--loyalty-tier-progress-label-size, calc(var(--_font-size) * 0.875));
      --_label-color: var(--loyalty-tier-progress-label-color, var(--_color-text-muted));
      --_tier-size: var(--loyalty-tier-progress-tier-size, calc(var(--_font-size) * 0.875));
      --_tier-color: var(--loyalty-tier-progress-tier-color, var(--_color-text));
      --_tier-background: var(
        --loyalty-tier-progress-tier-background,
        color-mix(in srgb, var(--_color-primary) 12%, var(--_color-surface))
      );
      --_track-height: var(--loyalty-tier-progress-track-height, calc(var(--_font-size) * 0.625));
      --_track-color: var(--loyalty-tier-progress-track-color, var(--_color-border));
      --_track-radius: var(--loyalty-tier-progress-track-radius, 999px);
      --_indicator-color: var(--loyalty-tier-progress-indicator-color, var(--_color-primary-text));
      --_value-size: var(--loyalty-tier-progress-value-size, calc(var(--_font-size) * 0.875));
      --_value-color: var(--loyalty-tier-progress-value-color, var(--_color-text));
      --_message-size: var(--loyalty-tier-progress-message-size, calc(var(--_font-size) * 0.9375));
      --_risk-color: var(--loyalty-tier-progress-risk-color, var(--_color-warning));
      --_duration: var(--loyalty-tier-progress-duration, 600ms);

      /* Minimum row heights, so the skeleton and the ready state have the same box; text wraps, never cut. */
      --_heading-row: calc(var(--_tier-size) * 2);
      --_value-row: calc(var(--_value-size) * 1.5);
      --_message-row: calc(var(--_message-size) * 1.5 * 2);
      --_toggle-row: calc(var(--_message-size) * 2.25);
      /* Two lines: an at-risk deadline wraps on a phone. */
      --_line-row: calc(var(--_message-size) * 1.5 * 2);
      --_content-block-size: calc(
        var(--_heading-row) + var(--_track-height) + var(--_value-row) + var(--_message-row) + var(--_toggle-row) + 4 *
          var(--_gap)
      );
    }
    :host([variant='compact']) {
      --_content-block-size: max(
        calc(var(--_track-height) + var(--_line-row) + var(--_gap)),
        calc(var(--_font-size) * 2.5)
      );
    }

    .base {
      position: relative;
      box-sizing: content-box;
      min-block-size: var(--_content-block-size);
      padding: min(var(--_padding), 5vw);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
    }
    .base--compact {
      display: grid;
      align-content: center;
    }

    .rows {
      display: grid;
      gap: var(--_gap);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      min-inline-size: 0;
    }
    .row--heading {
      min-block-size: var(--_heading-row);
      font-size: var(--_tier-size);
    }
    .row--track {
      block-size: var(--_track-height);
    }
    .row--value {
      min-block-size: var(--_value-row);
      font-size: var(--_value-size);
      line-height: 1.5;
    }
    .row--message {
      min-block-size: var(--_message-row);
      font-size: var(--_message-size);
      line-height: 1.5;
    }
    .row--line {
      min-block-size: var(--_line-row);
      font-size: var(--_message-size);
      line-height: 1.5;
    }
    .row--toggle {
      min-block-size: var(--_toggle-row);
      font-size: var(--_message-size);
    }

    .label {
      flex: none;
      color: var(--_label-color);
      font-size: var(--_label-size);
    }
    .tier {
      min-inline-size: 0;
      padding: 0.25em 0.75em;
      border-radius: 1em;
      background: var(--_tier-background);
      color: var(--_tier-color);
      font-weight: 600;
      line-height: 1.5;
    }
    .next-tier {
      min-inline-size: 0;
      margin-inline-start: auto;
      color: var(--_label-color);
    }

    /* The bar fills from the inline start: the left in ltr, the right in rtl. */
    .track {
      position: relative;
      flex: 1;
      block-size: var(--_track-height);
      border-radius: var(--_track-radius);
      background: var(--_track-color);
      overflow: hidden;
    }
    .indicator {
      block-size: 100%;
      max-inline-size: 100%;
      border-radius: inherit;
      background: var(--_indicator-color);
      transition: inline-size var(--_duration) ease-out;
    }
    @media (prefers-reduced-motion: reduce) {
      .indicator {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      .track {
        border: 1px solid CanvasText;
      }
      .indicator {
        background: Highlight;
      }
    }

    .value {
      color: var(--_value-color);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .message {
      margin: 0;
      line-height: 1.5;
    }
    .message--risk {
      color: var(--_risk-color);
      font-weight: 600;
    }

    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-block-size: max(24px, 2.25em);
      margin-inline-start: -0.5em;
      padding: 0 0.5em;
      border: 0;
      border-radius: calc(var(--_radius) * 0.5);
      background: none;
      color: var(--_color-primary-text);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .toggle:hover {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    /* A down (open: up) chevron; physical borders, so it points the same way in rtl. */
    .chevron {
      inline-size: 0.5em;
      block-size: 0.5em;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: translateY(-0.15em) rotate(45deg);
      transition: transform calc(var(--_duration) / 3) ease-out;
    }
    .toggle[aria-expanded='true'] .chevron {
      transform: translateY(0.15em) rotate(225deg);
    }
    @media (prefers-reduced-motion: reduce) {
      .chevron {
        transition: none;
      }
    }

    .benefits {
      display: grid;
      gap: calc(var(--_gap) * 1.5);
      margin-block-start: var(--_gap);
      padding-block-start: var(--_gap);
      border-block-start: var(--_border-width) solid var(--_border-color);
      font-size: var(--_message-size);
      line-height: 1.5;
    }
    .benefits[hidden] {
      display: none;
    }
    .benefits-heading {
      margin: 0;
      color: var(--_label-color);
      font-size: var(--_label-size);
      font-weight: 600;
    }
    .benefit-list {
      display: grid;
      gap: 0.25em;
      margin: 0.25em 0 0;
      padding-inline-start: 1.25em;
    }

    .bone--tier {
      inline-size: min(9em, 55%);
      block-size: 2em;
      border-radius: 999px;
    }
    .bone--track {
      inline-size: 100%;
      block-size: 100%;
      border-radius: var(--_track-radius);
    }
    .bone--value {
      inline-size: min(8em, 45%);
      block-size: 0.9em;
    }
    .bone--message {
      inline-size: min(18em, 90%);
      block-size: 0.9em;
    }
    .bone--line {
      inline-size: min(14em, 75%);
      block-size: 0.9em;
    }
    .bone--toggle {
      inline-size: min(7em, 40%);
      block-size: 0.9em;
    }

    /*
     * The layout follows the page's direction (the bar fills from the inline start), while each
     * piece of text takes its own direction from its content: English or Chinese text on a
     * right-to-left page keeps its word order, and right-to-left tier names keep theirs.
     */
    .label,
    .tier,
    .next-tier,
    .value,
    .message,
    .toggle > span,
    .benefits-heading,
    .benefit-list > li {
      unicode-bidi: plaintext;
    }
    /* …aligned like the rest of the card, whatever the text's own direction. */
    :host(:dir(rtl)) :is(.message, .benefits-heading, .benefit-list > li) {
      text-align: right;
    }

    .base--notice {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      justify-content: center;
      gap: calc(var(--_space) * 0.75);
    }
    :host([variant='compact']) .base--notice {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-start;
      column-gap: var(--_space);
      row-gap: calc(var(--_space) * 0.5);
    }
  `,
  guestStyles,
];
