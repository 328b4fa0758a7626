import { css } from 'lit';
import { listCardStyles } from '../themes/card.styles.ts';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';
import { guestStyles } from '../themes/guest.styles.ts';

/** An entry's points go under its description when the description would have less than 8em beside them. */
export const pointsHistoryStyles = [
  tokenStyles,
  sharedStyles,
  listCardStyles,
  css`
    /* Public hooks (--loyalty-points-history-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-points-history-background, var(--_color-surface));
      --_border-color: var(--loyalty-points-history-border-color, var(--_color-border));
      --_padding: var(--loyalty-points-history-padding, var(--_space));
      --_gap: calc(var(--_space) * 0.5);
      --_title-size: var(--loyalty-points-history-title-size, calc(var(--_font-size) * 1.125));
      --_credit-color: var(--loyalty-points-history-credit-color, var(--_color-success));
      --_debit-color: var(--loyalty-points-history-debit-color, var(--_color-text));
      --_marker-background: var(
        --loyalty-points-history-marker-background,
        color-mix(in srgb, var(--_color-primary) 10%, var(--_color-surface))
      );
      /* Fixed row heights, so the skeleton and the ready state have the same box. */
      --_title-row: calc(var(--_title-size) * 1.4);
      --_entry-row: calc(var(--_font-size) * 3.5);
    }

    .entry {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
      min-block-size: var(--_entry-row);
      padding-block: 0.5em;
      border-block-start: var(--_border-width) solid var(--_border-color);
      line-height: 1.4;
      overflow-wrap: anywhere;
    }
    .entry:focus-visible {
      outline-offset: calc(var(--_focus-ring-width) * -1);
    }
    .entry-main {
      display: grid;
      flex: 1 1 8em;
      gap: 0.25em;
      min-inline-size: 0;
    }
    .description {
      font-weight: 600;
    }
    .details {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.5em;
      font-size: calc(var(--_font-size) * 0.8125);
      color: var(--_color-text-muted);
    }
    .marker {
      padding: 0.0625em 0.5em;
      border-radius: 1em;
      background: var(--_marker-background);
      color: var(--_color-text);
      font-weight: 600;
    }
    .marker--pending {
      border: var(--_border-width) dashed var(--_color-text-muted);
    }
    .shortfall {
      font-size: calc(var(--_font-size) * 0.8125);
      color: var(--_color-text-muted);
    }
    .points {
      flex: none;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .points--credit {
      color: var(--_credit-color);
    }
    .points--debit,
    .points--unchanged {
      color: var(--_debit-color);
    }

    .more {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      padding-block-start: calc(var(--_space) * 0.25);
    }
    .page-error {
      flex: 1 1 100%;
      padding-inline-start: 0.6em;
      border-inline-start: 0.25em solid var(--_color-danger);
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }

    /* Skeleton. */
    .bone--title {
      inline-size: min(9em, 60%);
      block-size: 0.9em;
    }
    .bone--description {
      inline-size: min(12em, 80%);
      block-size: 0.9em;
    }
    .bone--date {
      inline-size: min(6em, 50%);
      block-size: 0.7em;
    }
    .bone--points {
      inline-size: 3em;
      block-size: 0.9em;
    }
  `,
  guestStyles,
];
