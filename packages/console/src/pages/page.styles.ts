import { css } from 'lit';
import { controlStyles } from '../shared/control.styles.ts';

/** What every page of the console shares: its headings, cards and controls. */
export const pageStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    /* Headings may hold a shopper's name, which can be one long word (an e-mail used as the name). */
    h1,
    h2 {
      overflow-wrap: anywhere;
    }
    h1 {
      font-size: 1.5em;
      margin: 0 0 var(--_space);
    }
    h2 {
      font-size: 1.125em;
      margin: 0 0 0.5em;
    }
    .card {
      border: var(--_border-width) solid var(--_color-border);
      border-radius: var(--_radius);
      padding: var(--_space);
      background: var(--_color-surface);
    }
    .muted {
      color: var(--_color-text-muted);
    }
    .error {
      border-inline-start: 4px solid var(--_color-danger);
      padding-inline-start: 0.75em;
    }
  `,
];
