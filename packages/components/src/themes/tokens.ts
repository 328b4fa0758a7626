import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The global design tokens: the one place their defaults live. A page themes every loyalty
 * element at once by setting `--loyalty-<token>` (e.g. `--loyalty-color-primary`) on any ancestor.
 * Inside a shadow root each token resolves into a private `--_<token>` that components read.
 */
export const lightTokens = {
  'color-primary': '#1d4ed8',
  'color-on-primary': '#ffffff',
  'color-surface': '#ffffff',
  'color-text': '#1b1f27',
  'color-text-muted': '#586071',
  'color-border': '#d9dde5',
  'color-skeleton': '#e4e7ee',
  'color-skeleton-highlight': '#f3f5f9',
  'color-focus-ring': 'var(--_color-primary)',
  'font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  'font-size': '1rem',
  radius: '0.75rem',
  space: '1rem',
  'border-width': '1px',
  'focus-ring-width': '2px',
  'skeleton-duration': '1.4s',
} as const;

export type LoyaltyToken = keyof typeof lightTokens;

/**
 * What each global token is for, in a designer's words: shown on the Storybook "Design tokens"
 * page and in every element's custom-elements.json entry. (Tree-shaken out of the widget bundles.)
 */
export const tokenDescriptions: Record<LoyaltyToken, string> = {
  'color-primary': 'Brand colour: the balance, buttons, links and (by default) the focus ring.',
  'color-on-primary': 'Text and icons drawn on the brand colour (button labels).',
  'color-surface': 'Card background.',
  'color-text': 'Body text.',
  'color-text-muted': 'Secondary text: greetings, labels, the points name.',
  'color-border': 'Card borders and dividers.',
  'color-skeleton': 'Loading placeholders.',
  'color-skeleton-highlight': 'The shimmer that moves across loading placeholders.',
  'color-focus-ring': 'Keyboard focus outline. Defaults to the brand colour.',
  'font-family': 'Font stack for every widget (with Chinese fallbacks).',
  'font-size': 'Base font size; every text size is a multiple of it.',
  radius: 'Corner radius of cards; buttons use three quarters of it.',
  space: 'Base spacing unit: card padding and the gaps derived from it.',
  'border-width': 'Card border width.',
  'focus-ring-width': 'Keyboard focus outline width (and its offset).',
  'skeleton-duration': 'One sweep of the loading shimmer (no motion under prefers-reduced-motion).',
};

/** Dark defaults: only the tokens that change. */
export const darkTokens: Partial<Record<LoyaltyToken, string>> = {
  'color-primary': '#93b4ff',
  'color-on-primary': '#0b1530',
  'color-surface': '#161a22',
  'color-text': '#eef1f6',
  'color-text-muted': '#aeb6c4',
  'color-border': '#343b48',
  'color-skeleton': '#272d38',
  'color-skeleton-highlight': '#343b48',
};

/** Every public global custom property, e.g. `--loyalty-color-primary`. */
export const tokenNames = Object.keys(lightTokens).map((token) => `--loyalty-${token}`);

function declarations(tokens: Partial<Record<LoyaltyToken, string>>): CSSResult {
  const lines = Object.entries(tokens).map(([token, value]) => `--_${token}: var(--loyalty-${token}, ${value});`);
  return unsafeCSS(lines.join('\n'));
}

/**
 * Resolves the global tokens on `:host`, light by default, dark under `prefers-color-scheme: dark`
 * (unless `color-scheme="light"`) or with `color-scheme="dark"` on the element.
 */
export const tokenStyles = css`
  :host {
    ${declarations(lightTokens)}
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([color-scheme='light'])) {
      ${declarations(darkTokens)}
      color-scheme: dark;
    }
  }
  :host([color-scheme='dark']) {
    ${declarations(darkTokens)}
    color-scheme: dark;
  }
`;
