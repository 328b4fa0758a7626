import { css } from 'lit';

/** What every page of the console shares: its heading, cards, buttons and focus ring. */
export const pageStyles = css`
  :host {
    display: block;
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
  button,
  input {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: var(--_control-border-width) solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.4em 0.75em;
    min-height: 2.25rem;
  }
  button.primary {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    border-color: var(--_color-primary);
  }
  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
    outline-offset: var(--_focus-ring-width);
  }
  .muted {
    color: var(--_color-text-muted);
  }
  .error {
    border-inline-start: 4px solid var(--_color-danger);
    padding-inline-start: 0.75em;
  }
`;
