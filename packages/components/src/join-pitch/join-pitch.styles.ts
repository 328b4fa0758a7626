import { css } from 'lit';
import { guestStyles } from '../themes/guest.styles.ts';
import { sharedStyles } from '../themes/shared.styles.ts';
import { tokenStyles } from '../themes/tokens.ts';

export const joinPitchStyles = [
  tokenStyles,
  sharedStyles,
  guestStyles,
  css`
    /* Public hooks (--loyalty-join-pitch-*) resolved into the private --_pitch-* ones the pitch reads. */
    :host {
      --_pitch-background: var(--loyalty-join-pitch-background, var(--_color-surface));
      --_pitch-border-color: var(--loyalty-join-pitch-border-color, var(--_color-border));
      --_pitch-padding: var(--loyalty-join-pitch-padding, var(--_space));
      --_pitch-title-size: var(--loyalty-join-pitch-title-size, calc(var(--_font-size) * 1.25));
      --_pitch-marker-color: var(--loyalty-join-pitch-marker-color, var(--_color-primary-text));
      --_background: var(--_pitch-background);
      --_border-color: var(--_pitch-border-color);
    }
    .base--notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_space) * 0.5) var(--_space);
      padding: var(--_pitch-padding);
      border: var(--_border-width) solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
    }
    .base--notice p {
      flex: 1 1 14em;
      margin: 0;
      line-height: 1.5;
    }
  `,
];
