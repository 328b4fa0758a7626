import { css } from 'lit';

/** The Program page's forms: fields in a grid that folds to one column on a phone, errors beside their field. */
export const sectionStyles = css`
  :host([hidden]) {
    display: none;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: var(--_border-width) solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  .field.check {
    grid-template-columns: auto 1fr;
    align-items: center;
  }
  .field.check .field-error {
    grid-column: 1 / -1;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--_color-danger);
    font-weight: 600;
  }
  .actions,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .row-actions {
    grid-column: 1 / -1;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em;
    border-bottom: var(--_border-width) solid var(--_color-border);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .table-scroll {
    overflow-x: auto;
  }
`;
