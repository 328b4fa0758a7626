import { css } from 'lit';

/**
 * What a guest sees in a widget: the compact sign-in line (`.base--guest`: one line, minimal padding, beating the
 * widget's own card padding) and the join pitch (`.pitch`) when the widget holds the page's one pitch.
 * `<loyalty-join-pitch>` sets the `--_pitch-*` properties from its own public hooks; in a widget they follow the
 * global tokens.
 */
export const guestStyles = css`
  :host {
    --_pitch-background: var(--_color-surface);
    --_pitch-border-color: var(--_color-border);
    --_pitch-padding: var(--_space);
    --_pitch-title-size: calc(var(--_font-size) * 1.25);
    --_pitch-marker-color: var(--_color-primary-text);
  }

  .base.base--guest {
    display: flex;
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
    min-block-size: 0;
    padding: calc(var(--_space) * 0.375) calc(var(--_space) * 0.75);
  }
  .base--guest .message {
    flex: 1 1 12em;
    margin: 0;
    line-height: 1.4;
  }

  .base.pitch {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: calc(var(--_space) * 0.5);
    min-block-size: 0;
    padding: var(--_pitch-padding);
    border: var(--_border-width) solid var(--_pitch-border-color);
    border-radius: var(--_radius);
    background: var(--_pitch-background);
  }
  .pitch-title {
    margin: 0;
    font-size: var(--_pitch-title-size);
    font-weight: 700;
    line-height: 1.3;
  }
  .pitch-intro {
    margin: 0;
    color: var(--_color-text-muted);
    line-height: 1.5;
  }
  .pitch-benefits {
    display: grid;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
    line-height: 1.4;
  }
  .pitch-benefit {
    position: relative;
    padding-inline-start: 1.25em;
  }
  /* A check-like marker in the brand colour (a border, so forced colours keep it). */
  .pitch-benefit::before {
    content: '';
    position: absolute;
    inset-inline-start: 0.2em;
    inset-block-start: 0.35em;
    inline-size: 0.35em;
    block-size: 0.6em;
    border: solid var(--_pitch-marker-color);
    border-width: 0 0.15em 0.15em 0;
    transform: rotate(45deg);
  }
  .pitch-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-start: calc(var(--_space) * 0.25);
  }
  /* Above the plain link's colour (a[href]): the join link is a button, its text the colour on the brand. */
  a.join-link[href],
  a.join-link[href]:hover {
    color: var(--_color-on-primary);
    text-decoration: none;
  }
  .pitch-bone {
    inline-size: min(18em, 90%);
    block-size: 0.9em;
  }
  .pitch-bone--title {
    inline-size: min(10em, 60%);
    block-size: 1.2em;
  }
  .pitch-bone--action {
    inline-size: 6em;
    block-size: 2.25em;
  }
`;
