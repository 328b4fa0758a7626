import { css } from 'lit';
import { listCardStyles } from '../themes/card.styles.ts';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

export const waysToEarnStyles = [
  tokenStyles,
  sharedStyles,
  listCardStyles,
  css`
    /* Public hooks (--loyalty-ways-to-earn-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-ways-to-earn-background, var(--_color-surface));
      --_border-color: var(--loyalty-ways-to-earn-border-color, var(--_color-border));
      --_padding: var(--loyalty-ways-to-earn-padding, var(--_space));
      --_gap: calc(var(--_space) * 0.5);
      --_title-size: var(--loyalty-ways-to-earn-title-size, calc(var(--_font-size) * 1.125));
      --_marker-color: var(--loyalty-ways-to-earn-marker-color, var(--_color-primary));
      /* Fixed row heights, so the skeleton and the ready state have the same box. */
      --_title-row: calc(var(--_title-size) * 1.4);
      --_way-row: calc(var(--_font-size) * 2.75);
    }

    /* A guest reads the ways to earn in a smaller card. */
    .base--compact {
      --_way-row: calc(var(--_font-size) * 2.25);
      gap: calc(var(--_space) * 0.375);
      padding: calc(var(--_padding) * 0.75);
      font-size: calc(var(--_font-size) * 0.9375);
    }
    .way {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
      min-block-size: var(--_way-row);
      padding-block: 0.375em;
      padding-inline-start: 1.125em;
      border-block-start: var(--_border-width) solid var(--_border-color);
      line-height: 1.4;
      overflow-wrap: anywhere;
      position: relative;
    }
    /* The marker before each way: decorative, in the brand colour (a border, so forced colours keep it). */
    .way::before {
      content: '';
      position: absolute;
      inset-inline-start: 0.25em;
      inset-block-start: calc(50% - 0.25em);
      inline-size: 0.5em;
      block-size: 0.5em;
      border: 0.25em solid var(--_marker-color);
      border-radius: 50%;
    }
    .way-text {
      flex: 1 1 12em;
    }

    /* Skeleton. */
    .bone--title {
      inline-size: min(10em, 60%);
      block-size: 0.9em;
    }
    .bone--way {
      inline-size: min(16em, 85%);
      block-size: 0.9em;
    }
  `,
];
