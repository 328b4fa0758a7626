import { unsafeCSS } from 'lit';

/** How many confetti pieces the celebration drops (the template renders as many). */
export const CONFETTI_PIECES = 14;

/**
 * Where each piece starts, how long it waits, how far it drifts and which colour it takes: fixed
 * values (no randomness, so every render and every screenshot is the same), written as
 * `:nth-child` rules because inline styles would need `unsafe-inline` under a strict CSP.
 */
export const confettiPieceStyles = unsafeCSS(
  Array.from({ length: CONFETTI_PIECES }, (_, index) => {
    const start = 4 + ((index * 37) % 92);
    const delay = (index % 5) * 0.12;
    const drift = ((index * 23) % 7) - 3;
    const turns = 1 + (index % 3);
    return `.piece:nth-child(${index + 1}) {
      inset-inline-start: ${start}%;
      animation-delay: ${delay.toFixed(2)}s;
      --_piece-drift: ${drift}em;
      --_piece-turns: ${turns}turn;
    }`;
  }).join('\n'),
);
