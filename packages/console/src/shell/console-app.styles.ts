import { css } from 'lit';

export const consoleAppStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--_color-surface);
    color: var(--_color-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75) var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: var(--_border-width) solid var(--_color-border);
  }
  .brand {
    font-weight: 700;
    margin: 0;
    font-size: 1.125em;
  }
  .program {
    color: var(--_color-text-muted);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    color: var(--_color-primary-text);
    padding: 0.25em 0.5em;
    border-radius: calc(var(--_radius) * 0.5);
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 2px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    margin-inline-start: auto;
  }
  label {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  main {
    padding: var(--_space);
    max-width: 80rem;
    margin: 0 auto;
  }
  .status {
    padding: var(--_space);
  }
  .notice {
    border-inline-start: 4px solid var(--_color-danger);
    padding-inline-start: 0.75em;
  }
  @media (max-width: 40rem) {
    .tools {
      margin-inline-start: 0;
      width: 100%;
    }
  }
`;
