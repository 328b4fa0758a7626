import { css } from 'lit';

/** Labels, hints, alerts and the status badges shared by the queue, the detail and the resolve form. */
export const recoveryStyles = css`
  label {
    font-weight: 600;
  }
  .hint {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_color-text-muted);
    margin: 0;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  p.error {
    margin: 0.5em 0 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    border: var(--_border-width) solid currentColor;
    white-space: nowrap;
  }
  .badge.overdue {
    color: var(--_color-danger);
    font-weight: 700;
  }
  .badge.closed {
    color: var(--_color-success);
  }
  .badge .icon {
    font-weight: 700;
  }
`;
