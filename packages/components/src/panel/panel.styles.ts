import { css } from 'lit';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

/**
 * With large text on a phone the launcher stays one line (its points, still in its name, leave the view rather than
 * wrap under the label) and the header's close button wraps to a line of its own.
 */
export const panelStyles = [
  tokenStyles,
  sharedStyles,
  css`
    /* Public hooks (--loyalty-panel-*) resolved into private --_* ones. */
    :host {
      --_launcher-background: var(--loyalty-panel-launcher-background, var(--_color-primary));
      --_launcher-color: var(--loyalty-panel-launcher-color, var(--_color-on-primary));
      --_panel-background: var(--loyalty-panel-background, var(--_color-surface));
      --_panel-width: var(--loyalty-panel-width, 26rem);
      --_offset: var(--loyalty-panel-offset, 1rem);
      --_gap: var(--loyalty-panel-gap, var(--_space));
      display: contents;
    }

    /* The window's width, measured in the launcher's text: on a phone with large text its points leave the view. */
    .launcher-bar {
      position: fixed;
      z-index: 2147483000;
      inset-inline: 0;
      inset-block-end: 0;
      container: launcher-bar / inline-size;
    }
    .launcher {
      position: absolute;
      inset-block-end: var(--_offset);
      inset-inline-end: var(--_offset);
      display: inline-flex;
      align-items: center;
      max-inline-size: calc(100vw - 2 * var(--_offset));
      min-block-size: 3em;
      padding: 0.625em 1.25em;
      border: 0;
      border-radius: 999px;
      background: var(--_launcher-background);
      color: var(--_launcher-color);
      font: inherit;
      font-weight: 600;
      box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.2);
      cursor: pointer;
    }
    :host([position='bottom-start']) .launcher {
      inset-inline-end: auto;
      inset-inline-start: var(--_offset);
    }
    /* One line high: what wraps past it is out of sight. */
    .launcher-line {
      display: flex;
      flex-wrap: wrap;
      column-gap: 0.5em;
      min-inline-size: 0;
      max-block-size: 1.5em;
      overflow: hidden;
      line-height: 1.5;
    }
    .launcher-label {
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .launcher-points {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      opacity: 0.9;
    }
    /* Too narrow for the label and the points side by side: the points stay in the launcher's name only. */
    @container launcher-bar (max-width: 17em) {
      .launcher-points {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    }

    /* A side sheet on a wide screen: the full height, on the launcher's side. */
    .panel {
      position: fixed;
      z-index: 2147483001;
      inset-block: 0;
      inset-inline-start: auto;
      inset-inline-end: 0;
      inline-size: min(var(--_panel-width), 100vw);
      max-inline-size: 100vw;
      block-size: 100dvh;
      max-block-size: 100dvh;
      margin: 0;
      padding: 0;
      border: 0;
      border-inline-start: var(--_border-width) solid var(--_color-border);
      background: var(--_panel-background);
      color: var(--_color-text);
      box-shadow: 0 0 2em rgb(0 0 0 / 0.25);
      overflow: hidden;
    }
    .panel[open] {
      display: flex;
      flex-direction: column;
    }
    :host([position='bottom-start']) .panel {
      inset-inline-start: 0;
      inset-inline-end: auto;
      border-inline-start: 0;
      border-inline-end: var(--_border-width) solid var(--_color-border);
    }
    /* A phone: the whole screen, modal. */
    @media (max-width: 40rem) {
      .panel,
      :host([position='bottom-start']) .panel {
        inset: 0;
        inline-size: 100vw;
        border: 0;
      }
    }
    .panel::backdrop {
      background: rgb(0 0 0 / 0.4);
    }

    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
      padding: calc(var(--_space) * 0.75) var(--_space);
      border-block-end: var(--_border-width) solid var(--_color-border);
    }
    .title {
      font-size: calc(var(--_font-size) * 1.25);
      font-weight: 700;
    }
    .close-button {
      min-block-size: 2.5em;
      padding: 0.5em 1em;
      border: var(--_control-border-width) solid var(--_color-border);
      border-radius: calc(var(--_radius) * 0.75);
      background: transparent;
      color: var(--_color-primary-text);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .body {
      display: grid;
      align-content: start;
      gap: var(--_gap);
      padding: var(--_space);
      overflow-y: auto;
      overscroll-behavior: contain;
    }
  `,
];
