import { css } from 'lit';

/** Forms of the Customers page: fields stacked, each label above its control. */
export const stackedFormStyles = css`
  form {
    display: grid;
    gap: 0.75em;
  }
  label {
    display: grid;
    gap: 0.25em;
  }
`;
