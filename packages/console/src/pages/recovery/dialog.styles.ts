import { css } from 'lit';

/** The look of the page's native dialogs: the detail panel and the resolve form. */
export const dialogStyles = css`
  dialog {
    color: var(--_color-text);
    background: var(--_color-surface);
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-sizing: border-box;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
