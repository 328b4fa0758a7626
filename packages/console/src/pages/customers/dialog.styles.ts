import { css } from 'lit';

/** The Customers page's dialogs: a native modal dialog with its fields stacked, sized for a phone too. */
export const dialogStyles = css`
  dialog {
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    padding: var(--_space);
    width: min(32rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }
  form {
    display: grid;
    gap: 0.75em;
  }
  label {
    display: grid;
    gap: 0.25em;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: var(--_control-border-width) solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.35em 0.7em;
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  .problem:empty {
    display: none;
  }
  .problem {
    margin: 0;
    border-inline-start: 4px solid var(--_color-danger);
    padding-inline-start: 0.75em;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
  }
  p {
    margin: 0;
  }
`;
