import { css } from 'lit';
import { cardStyles } from '../themes/card.styles.ts';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';
import { guestStyles } from '../themes/guest.styles.ts';

export const rewardsStyles = [
  tokenStyles,
  sharedStyles,
  cardStyles,
  css`
    /* Public hooks (--loyalty-rewards-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-rewards-background, var(--_color-surface));
      --_border-color: var(--loyalty-rewards-border-color, var(--_color-border));
      --_padding: var(--loyalty-rewards-padding, var(--_space));
      --_gap: var(--loyalty-rewards-gap, calc(var(--_space) * 0.75));
      --_title-size: var(--loyalty-rewards-title-size, calc(var(--_font-size) * 1.125));
      --_card-background: var(--loyalty-rewards-card-background, var(--_color-surface));
      --_card-min-width: var(--loyalty-rewards-card-min-width, 14em);
      --_cost-color: var(--loyalty-rewards-cost-color, var(--_color-primary-text));
      --_lock-color: var(--loyalty-rewards-lock-color, var(--_color-text-muted));
      --_accent-color: var(--loyalty-rewards-accent-color, var(--_color-success));
      --_code-background: var(
        --loyalty-rewards-code-background,
        color-mix(in srgb, var(--_color-primary) 8%, var(--_color-surface))
      );
      --_code-font-family: var(
        --loyalty-rewards-code-font-family,
        ui-monospace,
        SFMono-Regular,
        Menlo,
        Consolas,
        monospace
      );
      /* Fixed row and card sizes, so the skeleton and the ready state have the same box. */
      --_title-row: calc(var(--_title-size) * 1.4);
      --_balance-row: calc(var(--_font-size) * 1.5);
      --_history-row: calc(var(--_font-size) * 2.75);
      --_card-block-size: calc(var(--_font-size) * 14);
    }

    .base--notice {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      justify-content: center;
      gap: calc(var(--_space) * 0.75);
    }
    .message {
      line-height: 1.5;
    }

    .header {
      display: grid;
    }
    .balance,
    .balance-row {
      display: flex;
      align-items: center;
      min-block-size: var(--_balance-row);
      color: var(--_color-text-muted);
      line-height: 1.5;
    }

    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min-width)), 1fr));
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 0.375em;
      min-inline-size: 0;
      min-block-size: var(--_card-block-size);
      padding: calc(var(--_space) * 0.75);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_card-background);
      overflow-wrap: anywhere;
    }
    .card--locked {
      border-style: dashed;
    }
    .name {
      font-weight: 600;
      line-height: 1.4;
    }
    .description {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
      color: var(--_color-text-muted);
    }
    .description--expanded {
      display: block;
      -webkit-line-clamp: unset;
      line-clamp: unset;
      overflow: visible;
    }
    .cost-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 0.5em;
    }
    /* A text button in the price's row, its room kept while hidden, so showing it shifts nothing. */
    .more {
      padding: 0;
      border: 0;
      background: none;
      font: inherit;
      font-size: calc(var(--_font-size) * 0.8125);
      font-weight: 600;
      line-height: 1.5;
      cursor: pointer;
    }
    .more[hidden] {
      visibility: hidden;
    }
    .cost {
      color: var(--_cost-color);
      font-weight: 700;
    }
    .cost-value {
      font-variant-numeric: tabular-nums;
    }
    .points-name {
      font-weight: 500;
    }
    .meta,
    .lock {
      font-size: calc(var(--_font-size) * 0.8125);
      line-height: 1.5;
      color: var(--_color-text-muted);
    }
    .lock {
      display: flex;
      align-items: center;
      gap: 0.375em;
      color: var(--_lock-color);
      font-weight: 600;
    }
    .icon {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
    }
    /* What a shopper can do, or what stops them, sits at the foot of every card. */
    .card > .actions,
    .card > .lock,
    .confirm {
      margin-block-start: auto;
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
    .button--secondary {
      border: var(--_control-border-width) solid var(--_color-primary-text);
      background: transparent;
      color: var(--_color-primary-text);
    }
    .button--secondary:hover {
      background: color-mix(in srgb, var(--_color-primary-text) 10%, transparent);
    }

    .confirm {
      display: grid;
      gap: 0.5em;
      padding-block-start: 0.5em;
      border-block-start: var(--_border-width) solid var(--_border-color);
    }
    .question {
      display: grid;
      gap: 0.25em;
      font-weight: 600;
      line-height: 1.4;
      border-radius: 0.25em;
    }
    .validity {
      font-size: calc(var(--_font-size) * 0.8125);
      font-weight: 400;
      color: var(--_color-text-muted);
    }
    .error {
      padding-inline-start: 0.6em;
      border-inline-start: 0.25em solid var(--_color-danger);
      font-size: calc(var(--_font-size) * 0.875);
      font-weight: 600;
      line-height: 1.5;
    }

    .issued {
      display: grid;
      gap: 0.5em;
      padding: calc(var(--_space) * 0.75);
      border: var(--_border-width) solid var(--_border-color);
      border-inline-start: 0.25em solid var(--_accent-color);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_card-background);
      animation: loyalty-rewards-issued 240ms ease-out;
    }
    .issued-head {
      display: flex;
      align-items: center;
      gap: 0.4em;
      color: var(--_accent-color);
    }
    .issued-title {
      font-weight: 700;
      line-height: 1.4;
      color: var(--_color-text);
    }
    .code-label,
    .expiry,
    .copy-hint {
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
      color: var(--_color-text-muted);
    }
    .code-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }
    .code {
      padding: 0.125em 0.375em;
      border-radius: 0.25em;
      background: var(--_code-background);
      font-family: var(--_code-font-family);
      letter-spacing: 0.04em;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .code--issued {
      padding: 0.25em 0.5em;
      font-size: calc(var(--_font-size) * 1.25);
      font-weight: 700;
    }
    .copy-status {
      font-size: calc(var(--_font-size) * 0.875);
      font-weight: 600;
      color: var(--_color-text);
    }
    /* Movement only: text fading in would be read by contrast checkers at half its contrast. */
    @keyframes loyalty-rewards-issued {
      from {
        transform: translateY(-0.375em);
      }
      to {
        transform: none;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .issued {
        animation: none;
      }
    }

    .history-row {
      display: flex;
      align-items: center;
      min-block-size: var(--_history-row);
      font-size: calc(var(--_font-size) * 0.875);
      color: var(--_color-text-muted);
    }
    .history-toggle {
      min-block-size: 2.5em;
      padding: 0 0.25em;
      margin-inline-start: -0.25em;
      border: 0;
      background: none;
      color: var(--_color-primary-text);
      font: inherit;
      font-weight: 600;
      text-decoration: underline;
      text-underline-offset: 0.2em;
      cursor: pointer;
    }
    .history {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: calc(var(--_font-size) * 0.875);
    }
    .history[hidden] {
      display: none;
    }
    .redemption {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 0.75em;
      row-gap: 0.25em;
      padding-block: 0.5em;
      border-block-start: var(--_border-width) solid var(--_border-color);
      line-height: 1.5;
    }
    .redemption-name {
      flex: 1 1 12em;
      font-weight: 600;
    }
    .redemption-date,
    .redemption-expiry {
      color: var(--_color-text-muted);
    }
    .redemption--expired .code {
      text-decoration: line-through;
    }

    /* Skeleton. */
    .card--placeholder {
      justify-content: flex-start;
    }
    .bone--title {
      inline-size: min(8em, 60%);
      block-size: 0.9em;
    }
    .bone--balance {
      inline-size: min(11em, 70%);
      block-size: 0.8em;
    }
    .bone--name {
      inline-size: 75%;
      block-size: 1em;
      margin-block: 0.2em;
    }
    .bone--line {
      inline-size: 95%;
      block-size: 0.8em;
    }
    .bone--short {
      inline-size: 55%;
    }
    .bone--action {
      inline-size: 6em;
      block-size: 2.5em;
      margin-block-start: auto;
      border-radius: calc(var(--_radius) * 0.75);
    }
    .bone--history {
      inline-size: min(12em, 70%);
      block-size: 0.8em;
    }
  `,
  guestStyles,
];
