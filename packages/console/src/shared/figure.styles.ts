import { css } from 'lit';

/** Figure cards: a grid of <dl class="card figure">, each a label over a large number and small notes. */
export const figureStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .figure {
    margin: 0;
  }
  .figure dt {
    color: var(--_color-text-muted);
  }
  .figure dd {
    margin: 0;
    font-size: 1.75em;
    font-weight: 700;
  }
  .figure dd.small {
    font-size: 1em;
    font-weight: 400;
  }
`;
