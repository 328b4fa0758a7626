import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';
import { guestStyles } from '../themes/guest.styles.ts';

/**
 * Words and numbers stay whole with large text on a phone: the "Expiry dates" button goes under the pending and
 * expiry lines when they would have less than 6em beside it, and a batch's points never shrink.
 */
export const pointsBalanceStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-points-balance-*) resolved into private --_* ones. */
    :host {
      /* On a narrow phone with large text the figure gives way to the screen (12vw), never below 1.5 × the text. */
      --_value-size: var(
        --loyalty-points-balance-value-size,
        min(calc(var(--_font-size) * 2.25), max(calc(var(--_font-size) * 1.5), 12vw))
      );
      --_value-color: var(--loyalty-points-balance-value-color, var(--_color-primary-text));
      --_value-weight: var(--loyalty-points-balance-value-weight, 700);
      --_label-size: var(--loyalty-points-balance-label-size, calc(var(--_font-size) * 0.875));
      --_label-color: var(--loyalty-points-balance-label-color, var(--_color-text-muted));
      --_points-name-size: var(--loyalty-points-balance-points-name-size, var(--_font-size));
      --_tier-size: var(--loyalty-points-balance-tier-size, calc(var(--_font-size) * 0.8125));
      --_tier-color: var(--loyalty-points-balance-tier-color, var(--_color-text));
      --_tier-background: var(
        --loyalty-points-balance-tier-background,
        color-mix(in srgb, var(--_color-primary) 12%, var(--_color-surface))
      );
      --_background: var(--loyalty-points-balance-background, var(--_color-surface));
      --_border-color: var(--loyalty-points-balance-border-color, var(--_color-border));
      --_padding: var(--loyalty-points-balance-padding, var(--_space));
      --_gap: var(--loyalty-points-balance-gap, calc(var(--_space) * 0.25));
      /* Minimum row heights, so the skeleton and the ready state have the same box; text wraps, never cut. */
      --_label-row: calc(var(--_label-size) * 1.5);
      --_value-row: calc(var(--_value-size) * 1.2);
      --_tier-row: calc(var(--_tier-size) * 2);
      --_meta-size: var(--loyalty-points-balance-meta-size, calc(var(--_font-size) * 0.8125));
      /* Tall enough for the schedule button's touch target. */
      --_meta-row: calc(var(--_meta-size) * 2.75);
      --_content-block-size: calc(
        var(--_label-row) + var(--_value-row) + var(--_tier-row) + var(--_meta-row) + 3 * var(--_gap)
      );
      /* With a rewards link, one more row: set from the attribute, so the skeleton reserves it too. */
      --_rewards-row: 0px;
    }
    :host([rewards-url]) {
      --_rewards-row: var(--_meta-row);
    }

    .base {
      position: relative;
      box-sizing: content-box;
      min-block-size: calc(var(--_content-block-size) + var(--_rewards-row));
      padding: var(--_padding);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
    }

    .rows {
      display: grid;
      gap: var(--_gap);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375em;
      min-inline-size: 0;
    }
    .row--label {
      min-block-size: var(--_label-row);
      font-size: var(--_label-size);
      line-height: 1.5;
      color: var(--_label-color);
    }
    .row--value {
      align-items: baseline;
      min-block-size: var(--_value-row);
      font-size: var(--_value-size);
      line-height: 1.2;
    }
    .row--tier {
      min-block-size: var(--_tier-row);
      font-size: var(--_tier-size);
    }
    .value {
      color: var(--_value-color);
      font-weight: var(--_value-weight);
      font-variant-numeric: tabular-nums;
    }
    .points-name {
      font-size: var(--_points-name-size);
      font-weight: 500;
      color: var(--_color-text-muted);
    }
    .tier {
      padding: 0.25em 0.75em;
      border-radius: 1em;
      background: var(--_tier-background);
      color: var(--_tier-color);
      font-weight: 600;
      line-height: 1.5;
    }

    .bone--label {
      inline-size: min(10em, 70%);
      block-size: 0.9em;
    }
    .bone--value {
      inline-size: min(4.5em, 60%);
      block-size: 0.8em;
      align-self: center;
    }
    .bone--tier {
      inline-size: min(7em, 50%);
      block-size: 2em;
      border-radius: 999px;
    }

    .row--meta {
      min-block-size: var(--_meta-row);
      margin-block-start: var(--_gap);
      justify-content: space-between;
      font-size: var(--_meta-size);
      color: var(--_color-text-muted);
    }
    .rows > .row--meta {
      margin-block-start: 0;
    }
    .meta {
      display: flex;
      flex: 1 1 6em;
      flex-flow: wrap;
      gap: 0 0.75em;
      min-inline-size: 0;
    }
    .schedule-toggle {
      flex: none;
      min-block-size: 2.5em;
      padding: 0 0.25em;
      border: 0;
      background: none;
      color: var(--_color-primary-text);
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.2em;
      cursor: pointer;
    }
    .schedule {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: var(--_meta-size);
    }
    .schedule li {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      padding-block: 0.25em;
      border-block-start: var(--_border-width) solid var(--_border-color);
    }
    .schedule-points {
      flex: none;
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .row--rewards {
      min-block-size: var(--_meta-row);
      font-size: var(--_meta-size);
    }
    .bone--meta {
      inline-size: min(12em, 80%);
      block-size: 0.8em;
    }

    /*
     * On a phone the pending and expiry lines stack, and the expiry may take two lines, instead of being cut short;
     * the skeleton's row is as tall (three lines).
     */
    @media (max-width: 30em) {
      :host {
        --_meta-row: calc(var(--_meta-size) * 4.25);
      }
      .meta {
        flex-direction: column;
        gap: 0.125em;
      }
    }

    .base--notice {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      justify-content: center;
      gap: calc(var(--_space) * 0.75);
    }
    .message {
      margin: 0;
      line-height: 1.5;
    }
  `,
  guestStyles,
];
