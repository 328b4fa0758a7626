import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';
import { guestStyles } from '../themes/guest.styles.ts';
import { confettiPieceStyles } from './confetti.styles.ts';

/** With large text in a narrow card the title goes under its icon when it would have less than 5em beside it. */
export const birthdayGreetingStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-birthday-greeting-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-birthday-greeting-background, var(--_color-surface));
      --_border-color: var(--loyalty-birthday-greeting-border-color, var(--_color-border));
      --_padding: var(--loyalty-birthday-greeting-padding, var(--_space));
      --_gap: var(--loyalty-birthday-greeting-gap, calc(var(--_space) * 0.5));
      --_title-size: var(--loyalty-birthday-greeting-title-size, calc(var(--_font-size) * 1.125));
      --_title-color: var(--loyalty-birthday-greeting-title-color, var(--_color-text));
      --_title-weight: var(--loyalty-birthday-greeting-title-weight, 700);
      --_message-color: var(--loyalty-birthday-greeting-message-color, var(--_color-text-muted));
      --_accent-color: var(--loyalty-birthday-greeting-accent-color, var(--_color-primary-text));
      --_field-background: var(--loyalty-birthday-greeting-field-background, var(--_color-surface));
      --_field-border-color: var(--loyalty-birthday-greeting-field-border-color, var(--_color-text-muted));
      --_confetti-color: var(--loyalty-birthday-greeting-confetti-color, var(--_color-primary));
      --_confetti-duration: var(--loyalty-birthday-greeting-confetti-duration, 2.4s);
      --_piece-drift: 0em;
      --_piece-turns: 1turn;
      /* Row heights are fixed (the message gets two lines), so the skeleton and the greeting have the same box. */
      --_title-row: calc(var(--_title-size) * 1.4);
      --_message-row: calc(var(--_font-size) * 3);
      --_action-row: calc(var(--_font-size) * 2.5);
      --_content-block-size: calc(var(--_title-row) + var(--_message-row) + var(--_action-row) + 2 * var(--_gap));
    }

    .base {
      position: relative;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_gap);
      box-sizing: content-box;
      min-block-size: var(--_content-block-size);
      padding: var(--_padding);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
      overflow: hidden;
    }
    /* The card's min-block-size is its content's; everything inside sizes by its border box. */
    .base > * {
      box-sizing: border-box;
    }
    .base--quiet,
    .base--notice {
      justify-content: center;
    }

    .title,
    .message,
    .note,
    .hint,
    .error {
      margin: 0;
      max-inline-size: 100%;
      overflow-wrap: anywhere;
    }
    .headline {
      display: flex;
      flex-flow: wrap;
      align-items: center;
      gap: 0.4em;
      max-inline-size: 100%;
      min-block-size: var(--_title-row);
      font-size: var(--_title-size);
    }
    .title {
      min-block-size: var(--_title-row);
      font-size: var(--_title-size);
      font-weight: var(--_title-weight);
      line-height: 1.4;
      color: var(--_title-color);
    }
    .headline .title {
      flex: 1 1 5em;
    }
    .base--claimed .title {
      color: var(--_accent-color);
    }
    .icon {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      color: var(--_accent-color);
    }
    .message {
      line-height: 1.5;
      color: var(--_message-color);
    }
    .note,
    .hint {
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
      color: var(--_message-color);
    }
    .error {
      padding-inline-start: 0.6em;
      border-inline-start: 0.25em solid var(--_color-danger);
      font-weight: 600;
      line-height: 1.5;
      color: var(--_color-text);
    }
    .error:empty {
      display: none;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      min-block-size: var(--_action-row);
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

    /* The invitation form. */
    .form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.75);
      inline-size: 100%;
    }
    fieldset {
      min-inline-size: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .fieldset {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.5);
    }
    .legend {
      padding: 0;
      margin-block-end: calc(var(--_space) * 0.25);
      font-weight: 600;
    }
    .calendar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      column-gap: calc(var(--_space) * 1.25);
    }
    .calendar-legend,
    .label {
      padding: 0;
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
      color: var(--_message-color);
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-block-size: 2.75em;
      cursor: pointer;
      line-height: 1.4;
    }
    .choice input {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      margin: 0;
      accent-color: var(--_accent-color);
      cursor: pointer;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.75);
    }
    .field {
      display: grid;
      align-content: start;
      gap: 0.25em;
      flex: 1 1 8em;
      min-inline-size: 0;
    }
    .select {
      block-size: 2.75em;
      inline-size: 100%;
      padding-block: 0.4em;
      padding-inline: 0.6em;
      border: var(--_control-border-width) solid var(--_field-border-color);
      border-radius: calc(var(--_radius) * 0.5);
      background-color: var(--_field-background);
      color: var(--_color-text);
      font: inherit;
    }
    .select[aria-invalid='true'],
    .consent input[aria-invalid='true'] {
      outline: 2px solid var(--_accent-color);
      outline-offset: 1px;
    }
    .select:focus-visible,
    .choice input:focus-visible {
      outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
      outline-offset: var(--_focus-ring-width);
    }

    /* Skeleton. */
    .rows {
      display: grid;
      gap: var(--_gap);
      inline-size: 100%;
    }
    .row {
      display: flex;
      align-items: center;
    }
    .row--title {
      block-size: var(--_title-row);
      font-size: var(--_title-size);
    }
    .row--message {
      flex-direction: column;
      align-items: flex-start;
      justify-content: space-evenly;
      block-size: var(--_message-row);
    }
    .row--action {
      block-size: var(--_action-row);
    }
    .bone--title {
      inline-size: min(14em, 80%);
      block-size: 0.9em;
    }
    .bone--message {
      inline-size: min(18em, 90%);
      block-size: 0.8em;
    }
    .bone--message + .bone--message {
      inline-size: min(10em, 55%);
    }
    .bone--action {
      inline-size: min(11em, 60%);
      block-size: 100%;
      border-radius: calc(var(--_radius) * 0.75);
    }

    /* The celebration: decorative confetti, gone under prefers-reduced-motion. */
    .confetti {
      position: absolute;
      inset: 0;
      overflow: hidden;
      pointer-events: none;
    }
    .piece {
      position: absolute;
      inset-block-start: -1.5em;
      inline-size: 0.45em;
      block-size: 0.8em;
      border-radius: 0.1em;
      background: var(--_confetti-color);
      opacity: 0;
      animation: loyalty-confetti var(--_confetti-duration) cubic-bezier(0.25, 0.6, 0.45, 1) forwards;
    }
    .piece:nth-child(3n + 2) {
      background: color-mix(in srgb, var(--_confetti-color) 45%, var(--_background));
      border-radius: 50%;
      inline-size: 0.55em;
      block-size: 0.55em;
    }
    .piece:nth-child(3n) {
      background: color-mix(in srgb, var(--_confetti-color) 60%, var(--_color-text));
    }
    @supports (color: oklch(from red l c h)) {
      .piece:nth-child(4n + 1) {
        background: oklch(from var(--_confetti-color) max(l, 0.7) max(c, 0.12) calc(h + 120));
      }
      .piece:nth-child(4n + 3) {
        background: oklch(from var(--_confetti-color) max(l, 0.72) max(c, 0.12) calc(h + 240));
      }
    }
  `,
  confettiPieceStyles,
  css`
    @keyframes loyalty-confetti {
      0% {
        opacity: 0;
        transform: translate(0, 0) rotate(0);
      }
      10% {
        opacity: 1;
      }
      80% {
        opacity: 1;
      }
      100% {
        opacity: 0;
        transform: translate(var(--_piece-drift), calc(var(--_content-block-size) + 4em)) rotate(var(--_piece-turns));
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .confetti {
        display: none;
      }
    }
  `,
  guestStyles,
];
