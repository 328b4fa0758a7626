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
