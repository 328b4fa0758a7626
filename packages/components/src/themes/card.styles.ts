import { css } from 'lit';

/**
 * The card of a widget with a title: its box in every state and a title row of a fixed height, so the skeleton and
 * the ready state have the same box. A widget sets `--_background`, `--_border-color`, `--_padding`, `--_gap`,
 * `--_title-size` and `--_title-row` on `:host`. Its padding gives way on a small phone with large text (at most 5vw,
 * as a button's does), so a widget inside a storefront's own card keeps room for whole words.
 */
export const cardStyles = css`
  .base {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    padding: min(var(--_padding), 5vw);
    border: var(--_border-width) solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  p {
    margin: 0;
  }
  .title,
  .title-row {
    display: flex;
    align-items: center;
    min-block-size: var(--_title-row);
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.4;
  }
`;

/**
 * A card listing rows (`.list`), whose guest and error cards (`.base--notice`), or a notice inside the card
 * (`.notice-row`), put the message and its action on one line when they fit.
 */
export const listCardStyles = [
  cardStyles,
  css`
    .base--notice,
    .notice-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) * 0.5) var(--_space);
    }
    .message {
      flex: 1 1 14em;
      line-height: 1.5;
    }
    .list {
      display: grid;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
];
