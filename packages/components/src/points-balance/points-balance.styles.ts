import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

export const pointsBalanceStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-points-balance-*) resolved into private --_* ones. */
    :host {
      --_value-size: var(--loyalty-points-balance-value-size, calc(var(--_font-size) * 2.25));
      --_value-color: var(--loyalty-points-balance-value-color, var(--_color-primary));
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
      /* Row heights are fixed, so the skeleton and the ready state have the same box. */
      --_label-row: calc(var(--_label-size) * 1.5);
      --_value-row: calc(var(--_value-size) * 1.2);
      --_tier-row: calc(var(--_tier-size) * 2);
      --_content-block-size: calc(var(--_label-row) + var(--_value-row) + var(--_tier-row) + 2 * var(--_gap));
    }

    .base {
      position: relative;
      box-sizing: content-box;
      min-block-size: var(--_content-block-size);
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
      align-items: center;
      gap: 0.375em;
      min-inline-size: 0;
      overflow: hidden;
      white-space: nowrap;
    }
    .row--label {
      block-size: var(--_label-row);
      font-size: var(--_label-size);
      line-height: 1.5;
      color: var(--_label-color);
    }
    .row--value {
      align-items: baseline;
      block-size: var(--_value-row);
      font-size: var(--_value-size);
      line-height: 1.2;
    }
    .row--tier {
      block-size: var(--_tier-row);
      font-size: var(--_tier-size);
    }
    .label,
    .tier {
      overflow: hidden;
      text-overflow: ellipsis;
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
      border-radius: 999px;
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
];
