import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

/**
 * In a narrow survey with large text the 0–10 scale takes four boxes a row, three in a narrower one (so "10" fits in
 * its box), and the words under a scale's two ends go one under the other, the high end's kept at the end.
 */
export const satisfactionSurveyStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-satisfaction-survey-*) resolved into private --_* ones. */
    :host {
      --_background: var(--loyalty-satisfaction-survey-background, var(--_color-surface));
      --_border-color: var(--loyalty-satisfaction-survey-border-color, var(--_color-border));
      --_padding: var(--loyalty-satisfaction-survey-padding, var(--_space));
      --_gap: var(--loyalty-satisfaction-survey-gap, var(--_space));
      --_title-size: var(--loyalty-satisfaction-survey-title-size, calc(var(--_font-size) * 1.125));
      --_title-color: var(--loyalty-satisfaction-survey-title-color, var(--_color-text));
      --_muted-color: var(--loyalty-satisfaction-survey-muted-color, var(--_color-text-muted));
      --_accent-color: var(--loyalty-satisfaction-survey-accent-color, var(--_color-primary-text));
      --_option-size: var(--loyalty-satisfaction-survey-option-size, 2.75em);
      --_option-background: var(--loyalty-satisfaction-survey-option-background, var(--_color-surface));
      --_option-border-color: var(--loyalty-satisfaction-survey-option-border-color, var(--_color-text-muted));
      --_star-color: var(--loyalty-satisfaction-survey-star-color, var(--_color-primary-text));
    }

    .base {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_padding);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
      container-type: inline-size;
    }
    .base:focus {
      outline: none;
    }
    .base:focus-visible {
      outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
    }
    :host([placement='card']) .base {
      box-shadow: 0 0.25em 1.25em color-mix(in srgb, var(--_color-text) 14%, transparent);
    }

    .header {
      display: flex;
      align-items: flex-start;
      gap: calc(var(--_space) * 0.5);
    }
    .heading {
      flex: 1 1 auto;
      display: grid;
      gap: 0.25em;
      min-inline-size: 0;
    }
    .title,
    .intro,
    .progress,
    .note,
    .error,
    .description,
    .reward,
    .thanks {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .title {
      font-size: var(--_title-size);
      font-weight: 700;
      line-height: 1.4;
      color: var(--_title-color);
    }
    .intro,
    .progress,
    .description,
    .note,
    .counter,
    .scale-labels {
      font-size: calc(var(--_font-size) * 0.875);
      line-height: 1.5;
      color: var(--_muted-color);
    }
    .close {
      flex: none;
      display: inline-grid;
      place-items: center;
      inline-size: 2.5em;
      block-size: 2.5em;
      margin-block: -0.5em;
      margin-inline-end: -0.5em;
      padding: 0;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: var(--_muted-color);
      font: inherit;
      cursor: pointer;
    }
    .close:hover {
      background: color-mix(in srgb, var(--_color-text) 8%, transparent);
      color: var(--_color-text);
    }
    .close svg {
      inline-size: 1.25em;
      block-size: 1.25em;
    }

    .form,
    .questions {
      display: grid;
      gap: var(--_gap);
      min-inline-size: 0;
    }
    fieldset {
      min-inline-size: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .question {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    .question:focus {
      outline: none;
    }
    .legend {
      padding: 0;
      margin-block-end: calc(var(--_space) * 0.5);
      font-weight: 600;
      line-height: 1.5;
    }
    .sub-legend {
      padding: 0;
      margin-block-end: 0.25em;
      line-height: 1.5;
    }
    .required-mark {
      color: var(--_muted-color);
      font-weight: 400;
    }

    /* A rating scale: native radios drawn as boxes; wraps, never becomes a dropdown. */
    .scale {
      display: grid;
      grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
      gap: 0.375em;
      --_columns: 5;
    }
    .scale--nps {
      --_columns: 11;
    }
    .scale--ces {
      --_columns: 7;
    }
    @container (max-width: 30em) {
      .scale--nps {
        --_columns: 6;
      }
    }
    @container (max-width: 12em) {
      .scale--nps {
        --_columns: 4;
      }
    }
    @container (max-width: 8em) {
      .scale--nps {
        --_columns: 3;
      }
    }
    @container (max-width: 17em) {
      .scale--ces {
        --_columns: 4;
      }
    }
    .scale-option {
      position: relative;
      display: grid;
      place-items: center;
      min-block-size: var(--_option-size);
      border: var(--_control-border-width) solid var(--_option-border-color);
      border-radius: calc(var(--_radius) * 0.5);
      background: var(--_option-background);
      color: var(--_color-text);
      font-weight: 600;
      cursor: pointer;
      user-select: none;
    }
    .scale-option input {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }
    .scale-option:hover {
      border-color: var(--_accent-color);
    }
    /* Selected: a thick border and an inverted box, never colour alone. */
    .scale-option:has(input:checked) {
      border-width: 3px;
      border-color: var(--_accent-color);
      background: var(--_color-primary);
      color: var(--_color-on-primary);
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .scale-option:has(input:focus-visible) {
      outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
      outline-offset: var(--_focus-ring-width);
    }
    .scale--stars .scale-option,
    .scale--faces .scale-option {
      font-size: 1.5em;
      font-weight: 400;
      min-block-size: calc(var(--_option-size) / 1.5 * 1.2);
    }
    .scale--stars .scale-option {
      color: var(--_star-color);
    }
    .face {
      display: block;
      inline-size: 1.1em;
      block-size: 1.1em;
    }
    @media (forced-colors: active) {
      .scale-option {
        border: 1px solid;
      }
      .scale-option:has(input:checked) {
        border-width: 3px;
        border-color: Highlight;
      }
    }
    .scale--stars .scale-option:has(input:checked) {
      background: var(--_option-background);
      color: var(--_star-color);
    }
    .scale-labels {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1em;
    }
    .scale-labels span:last-child {
      margin-inline-start: auto;
      text-align: end;
    }

    /* Choices. */
    .choices {
      display: grid;
      gap: 0.25em;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.6em;
      min-block-size: 2.5em;
      line-height: 1.4;
      cursor: pointer;
    }
    .choice input {
      flex: none;
      inline-size: 1.25em;
      block-size: 1.25em;
      margin: 0;
      accent-color: var(--_accent-color);
      cursor: pointer;
    }
    .choice input:disabled,
    .choice:has(input:disabled) {
      cursor: not-allowed;
    }
    .field {
      inline-size: 100%;
      padding: 0.5em 0.65em;
      border: var(--_control-border-width) solid var(--_option-border-color);
      border-radius: calc(var(--_radius) * 0.5);
      background: var(--_option-background);
      color: var(--_color-text);
      font: inherit;
      line-height: 1.5;
    }
    textarea.field {
      min-block-size: 6em;
      resize: vertical;
    }
    .counter {
      margin: 0;
      text-align: end;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
    .button--secondary {
      border: var(--_control-border-width) solid var(--_accent-color);
      background: transparent;
      color: var(--_accent-color);
    }
    .button--secondary:hover {
      background: color-mix(in srgb, var(--_accent-color) 10%, transparent);
    }
    .error {
      padding-inline-start: 0.6em;
      border-inline-start: 0.25em solid var(--_color-danger);
      font-weight: 600;
      line-height: 1.5;
    }
    .error:empty,
    .note:empty {
      display: none;
    }
    .thanks {
      font-size: var(--_title-size);
      font-weight: 700;
      line-height: 1.4;
      color: var(--_title-color);
    }
    .reward {
      font-weight: 600;
      line-height: 1.5;
      color: var(--_title-color);
    }
  `,
];
