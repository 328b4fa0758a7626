// Merchant-like themes for the Storybook theme picker, made only of the global `--loyalty-*`
// tokens (typed against the token list, so a typo or a removed token fails the type check).
// Each is what a merchant would put in their own stylesheet; `themeCss()` prints it that way.
import type { LoyaltyToken } from '@loyalty-elements/components';

export type ThemeTokens = Partial<Record<LoyaltyToken, string>>;

export interface Theme {
  title: string;
  /** Who might use it, and what it exercises. */
  description: string;
  light: ThemeTokens;
  /** Set under `prefers-color-scheme: dark` (the toolbar's colour scheme). */
  dark: ThemeTokens;
}

export const themes = {
  default: {
    title: 'Default',
    description: 'The kit’s own defaults: no tokens set.',
    light: {},
    dark: {},
  },
  'brand-only': {
    title: 'Brand colour only',
    description:
      'A merchant who sets one light brand colour and nothing else, in light and dark alike: the labels on it, brand-coloured text and the dark variant are derived.',
    light: {
      'color-primary': '#ffd60a',
    },
    dark: {},
  },
  'tea-house': {
    title: 'Tea house',
    description: 'A tea shop: deep green on warm paper, a serif face, nearly square corners.',
    light: {
      'color-primary': '#1f6f5c',
      'color-on-primary': '#ffffff',
      'color-surface': '#fbf8f1',
      'color-text': '#23302b',
      'color-text-muted': '#55675f',
      'color-border': '#d9d2c0',
      'color-skeleton': '#ece6d7',
      'color-skeleton-highlight': '#f7f3ea',
      'font-family': '"Iowan Old Style", Georgia, "Songti SC", "Noto Serif CJK SC", serif',
      radius: '0.25rem',
    },
    dark: {
      'color-primary': '#7fcfb5',
      'color-on-primary': '#0b2a21',
      'color-surface': '#13201b',
      'color-text': '#e9f1ec',
      'color-text-muted': '#a7bdb3',
      'color-border': '#2d4239',
      'color-skeleton': '#22332c',
      'color-skeleton-highlight': '#2d4239',
    },
  },
  'night-market': {
    title: 'Night market',
    description: 'A luxury boutique: black and gold, square corners, a thin gold focus ring, airy spacing.',
    light: {
      'color-primary': '#7d5c10',
      'color-on-primary': '#ffffff',
      'color-surface': '#fffdf7',
      'color-text': '#1a1712',
      'color-text-muted': '#5e574a',
      'color-border': '#e6dcc4',
      'color-skeleton': '#f1ead8',
      'color-skeleton-highlight': '#faf6ec',
      'color-focus-ring': '#1a1712',
      'font-family': '"Avenir Next", Avenir, "Helvetica Neue", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      radius: '0',
      space: '1.5rem',
      'focus-ring-width': '1px',
    },
    dark: {
      'color-primary': '#e0b85a',
      'color-on-primary': '#1a1405',
      'color-surface': '#0f0e0b',
      'color-text': '#f3ede0',
      'color-text-muted': '#b9ae98',
      'color-border': '#3a3326',
      'color-skeleton': '#1f1c16',
      'color-skeleton-highlight': '#2c281f',
      'color-focus-ring': '#e0b85a',
    },
  },
  sport: {
    title: 'Sport',
    description: 'A sportswear store: loud orange, thick borders, pill corners, a larger base size, a quick shimmer.',
    light: {
      'color-primary': '#c2410c',
      'color-on-primary': '#ffffff',
      'color-surface': '#ffffff',
      'color-text': '#111827',
      'color-text-muted': '#4b5563',
      'color-border': '#111827',
      'font-family': '"Avenir Next Condensed", "Arial Narrow", Arial, "PingFang SC", "Noto Sans CJK SC", sans-serif',
      'font-size': '1.0625rem',
      radius: '1.75rem',
      space: '1.25rem',
      'border-width': '2px',
      'focus-ring-width': '3px',
      'skeleton-duration': '0.8s',
    },
    dark: {
      'color-primary': '#fb923c',
      'color-on-primary': '#1c0a02',
      'color-surface': '#111111',
      'color-text': '#f9fafb',
      'color-text-muted': '#c4c8cf',
      'color-border': '#f9fafb',
      'color-skeleton': '#262626',
      'color-skeleton-highlight': '#3a3a3a',
    },
  },
} satisfies Record<string, Theme>;

export type ThemeName = keyof typeof themes;

export const themeNames = Object.keys(themes) as ThemeName[];

/** Tokens as the custom properties that set them: `{ radius: '0' }` → `{ '--loyalty-radius': '0' }`. */
export function tokenProperties(tokens: ThemeTokens): Record<string, string> {
  return Object.fromEntries(Object.entries(tokens).map(([token, value]) => [`--loyalty-${token}`, value]));
}

/** The custom properties a theme sets in one colour scheme (dark falls back to the light values). */
export function themeProperties(name: ThemeName, scheme: 'light' | 'dark'): Record<string, string> {
  const theme: Theme = themes[name] ?? themes.default;
  return tokenProperties(scheme === 'dark' ? { ...theme.light, ...theme.dark } : theme.light);
}

/** The theme as a merchant would write it in their stylesheet. */
export function themeCss(name: ThemeName): string {
  const theme: Theme = themes[name];
  const block = (tokens: ThemeTokens, indent: string) =>
    Object.entries(tokens)
      .map(([token, value]) => `${indent}--loyalty-${token}: ${value};`)
      .join('\n');
  if (Object.keys(theme.light).length === 0) return '/* No tokens: the defaults. */';
  const light = `:root {\n${block(theme.light, '  ')}\n}`;
  if (Object.keys(theme.dark).length === 0) return light;
  return [light, `@media (prefers-color-scheme: dark) {\n  :root {\n${block(theme.dark, '    ')}\n  }\n}`].join('\n');
}
