import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The global design tokens: the one place their defaults live. A page themes every loyalty
 * element at once by setting `--loyalty-<token>` (e.g. `--loyalty-color-primary`) on any ancestor.
 * Inside a shadow root each token resolves into a private `--_<token>` that components read.
 *
 * Contrast from one brand colour: the colours derived from `color-primary` are computed in CSS from
 * its relative luminance Y (the y of CIE XYZ, as WCAG defines it), so any brand colour meets AA on
 * the default cards:
 * - `color-on-primary` is black when Y > 0.179 and white otherwise: at least 4.58:1 either way;
 * - `color-primary-text` (light) scales the colour in linear light to Y ≤ 0.15: at least 5.25:1 on
 *   white, and inside sRGB; a darker colour is kept as it is;
 * - under dark, `color-primary` itself is lifted to Y ≥ 0.3 (see `brandColour`), and
 *   `color-primary-text` follows it.
 * A merchant who sets `--loyalty-color-on-primary` or `--loyalty-color-primary-text` gets exactly that.
 */
export const lightTokens = {
  'color-primary': '#1d4ed8',
  'color-on-primary':
    'color(from var(--_color-primary) xyz-d65 calc(.9505*clamp(0,(.179 - y)*1e6,1)) clamp(0,(.179 - y)*1e6,1) calc(1.0891*clamp(0,(.179 - y)*1e6,1)))',
  'color-primary-text':
    'color(from var(--_color-primary) xyz-d65 calc(x*min(1,.15/max(y,1e-4))) calc(y*min(1,.15/max(y,1e-4))) calc(z*min(1,.15/max(y,1e-4))))',
  'color-surface': '#ffffff',
  'color-text': '#1b1f27',
  'color-text-muted': '#586071',
  'color-border': '#d9dde5',
  'color-skeleton': '#e4e7ee',
  'color-skeleton-highlight': '#f3f5f9',
  'color-danger': '#b3261e',
  'color-success': '#1e7b34',
  'color-warning': '#8a5300',
  'color-focus-ring': 'var(--_color-primary-text)',
  'font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  'font-size': '1rem',
  radius: '0.75rem',
  space: '1rem',
  'border-width': '1px',
  'control-border-width': '1px',
  'focus-ring-width': '2px',
  'skeleton-duration': '1.4s',
} as const;

export type LoyaltyToken = keyof typeof lightTokens;

/**
 * What each global token is for, in a designer's words: shown on the Storybook "Design tokens"
 * page and in every element's custom-elements.json entry. (Tree-shaken out of the widget bundles.)
 */
export const tokenDescriptions: Record<LoyaltyToken, string> = {
  'color-primary':
    'Brand colour: button and selection fills. Under dark it is lightened, when needed, until it reads at 4.5:1 on the dark card.',
  'color-on-primary':
    'Text and icons drawn on the brand colour (button labels). Defaults to black or white, whichever reads on the brand colour.',
  'color-primary-text':
    'The brand colour as text and lines on the card: the balance, links, secondary buttons, the progress bar. Defaults to the brand colour, darkened (light) or kept lightened (dark) until it reads at 4.5:1 on the card.',
  'color-surface': 'Card background.',
  'color-text': 'Body text.',
  'color-text-muted': 'Secondary text: greetings, labels, the points name.',
  'color-border': 'Card borders and dividers.',
  'color-skeleton': 'Loading placeholders.',
  'color-skeleton-highlight': 'The shimmer that moves across loading placeholders.',
  'color-danger': 'Errors: the bar beside an error message. Never the brand colour.',
  'color-success': 'Success: an issued reward, a saved answer.',
  'color-warning': 'Warnings: a tier at risk of downgrade.',
  'color-focus-ring': 'Keyboard focus outline. Defaults to the brand colour as text (color-primary-text).',
  'font-family': 'Font stack for every widget (with Chinese fallbacks).',
  'font-size': 'Base font size; every text size is a multiple of it.',
  radius: 'Corner radius of cards; buttons use three quarters of it.',
  space: 'Base spacing unit: card padding and the gaps derived from it.',
  'border-width': 'Card border width (0 removes the card border only).',
  'control-border-width':
    'Border width of controls: selects, scale options, the text box, secondary buttons. Under forced colours every control keeps a 1px border.',
  'focus-ring-width': 'Keyboard focus outline width (and its offset).',
  'skeleton-duration': 'One sweep of the loading shimmer (no motion under prefers-reduced-motion).',
};

/** Dark defaults: only the tokens that change. */
export const darkTokens: Partial<Record<LoyaltyToken, string>> = {
  'color-primary': '#93b4ff',
  'color-primary-text': 'var(--_color-primary)',
  'color-danger': '#ffb4ab',
  'color-success': '#7dd99a',
  'color-warning': '#f5c26b',
  'color-surface': '#161a22',
  'color-text': '#eef1f6',
  'color-text-muted': '#aeb6c4',
  'color-border': '#343b48',
  'color-skeleton': '#272d38',
  'color-skeleton-highlight': '#343b48',
};

/** Every public global custom property, e.g. `--loyalty-color-primary`. */
export const tokenNames = Object.keys(lightTokens).map((token) => `--loyalty-${token}`);

/**
 * The brand colour as used: `--_brand` (the merchant's, or the scheme's default) mixed with white in
 * linear light just enough that its relative luminance reaches `--_lift` (0 in light: unchanged;
 * 0.3 in dark: at least 5.8:1 on the default dark card). In CIE XYZ, y is that luminance and a mix
 * with white is linear, so the result stays inside sRGB and its luminance is exactly max(y, lift).
 */
const brandColour = unsafeCSS(
  '--_mix:max(0,(var(--_lift) - y)/max(1 - y,1e-4));--_color-primary:color(from var(--_brand) xyz-d65 calc(x + (.9505 - x)*var(--_mix)) calc(y + (1 - y)*var(--_mix)) calc(z + (1.0891 - z)*var(--_mix)));',
);

function declarations(tokens: Partial<Record<LoyaltyToken, string>>): CSSResult {
  const lines = Object.entries(tokens).map(([token, value]) =>
    token === 'color-primary'
      ? `--_brand: var(--loyalty-color-primary, ${value});`
      : `--_${token}: var(--loyalty-${token}, ${value});`,
  );
  return unsafeCSS(lines.join('\n'));
}

/**
 * Resolves the global tokens on `:host`, light by default, dark under `prefers-color-scheme: dark`
 * (unless `color-scheme="light"`) or with `color-scheme="dark"` on the element.
 */
export const tokenStyles = css`
  :host {
    ${declarations(lightTokens)}
    ${brandColour}
    --_lift: 0;
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([color-scheme='light'])) {
      ${declarations(darkTokens)}
      --_lift: 0.3;
      color-scheme: dark;
    }
  }
  :host([color-scheme='dark']) {
    ${declarations(darkTokens)}
    --_lift: 0.3;
    color-scheme: dark;
  }
`;
