import { css } from 'lit';

/** Buttons, selects and text boxes on the design tokens, with the keyboard focus ring; shared by shell and pages. */
export const controlStyles = css`
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: var(--_control-border-width) solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.35em 0.7em;
    min-height: 2.25rem;
  }
  button[aria-pressed='true'],
  button.primary {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    border-color: var(--_color-primary);
  }
  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus-ring);
    outline-offset: var(--_focus-ring-width);
  }
`;
