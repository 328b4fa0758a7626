import { css } from 'lit';
import { listCardStyles } from '../themes/card.styles.ts';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

/** Friends joined and points earned sit side by side, one under the other when they do not fit. */
export const referralStyles = [
  tokenStyles,
  sharedStyles,
  listCardStyles,
  css`
    /* Public hooks (--loyalty-referral-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-referral-background, var(--_color-surface));
      --_border-color: var(--loyalty-referral-border-color, var(--_color-border));
      --_padding: var(--loyalty-referral-padding, var(--_space));
      --_gap: calc(var(--_space) * 0.5);
      --_title-size: var(--loyalty-referral-title-size, calc(var(--_font-size) * 1.125));
      --_field-background: var(--loyalty-referral-field-background, var(--_color-surface));
      --_title-row: calc(var(--_title-size) * 1.4);
      /* Fixed row heights, so the skeleton and the ready state have the same box. */
      --_line-row: calc(var(--_font-size) * 1.5);
      --_field-row: calc(var(--_font-size) * 2.75);
    }
    .offer,
    .stats {
      display: grid;
      gap: 0.25em;
      margin: 0;
      padding: 0;
      list-style: none;
      line-height: 1.5;
    }
    .offer > *,
    .stats > * {
      min-block-size: var(--_line-row);
      overflow-wrap: anywhere;
    }
    .stats {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1.5em;
      color: var(--_color-text-muted);
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      min-block-size: var(--_field-row);
    }
    .field label,
    .field-label {
      display: flex;
      flex: 1 0 100%;
      align-items: center;
      min-block-size: 1.5em;
      font-size: 0.875em;
      line-height: 1.5;
    }
    .field input {
      flex: 1 1 12em;
      box-sizing: border-box;
      block-size: 2.5em;
      min-inline-size: 0;
      padding: 0.375em 0.5em;
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_field-background);
      color: inherit;
      font: inherit;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .status {
      min-block-size: var(--_line-row);
      margin: 0;
    }

    /* Skeleton. */
    .bone--title {
      inline-size: min(10em, 60%);
      block-size: 0.9em;
    }
    .bone--line {
      inline-size: min(18em, 85%);
      block-size: 0.9em;
    }
    .bone--field {
      flex: 1 1 12em;
      block-size: 2.5em;
    }
  `,
];
