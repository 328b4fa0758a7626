import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Decorator } from '@storybook/web-components-vite';
import { themeProperties, themeNames, type ThemeName } from '../stories/themes/themes.ts';
import { elementStyleSheets, emulateMediaFeatures, type MediaPreferences } from './media-emulation.ts';
import { loyaltyTagNames } from './manifest.ts';

export type LoyaltyGlobals = {
  locale: 'en' | 'zh-CN';
  scheme: 'light' | 'dark';
  direction: 'ltr' | 'rtl';
  motion: MediaPreferences['prefers-reduced-motion'];
  theme: ThemeName;
};

export const initialLoyaltyGlobals: LoyaltyGlobals = {
  locale: 'en',
  scheme: 'light',
  direction: 'ltr',
  motion: 'no-preference',
  theme: 'default',
};

/** How wide a story's stage is: a card column (the default), or the whole canvas. */
export type StoryStage = 'card' | 'wide';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Puts every story in a root that carries the toolbar's choices the way a merchant page would:
 * `lang` and `dir` on an ancestor (the components resolve their language from the closest `lang`),
 * the theme's `--loyalty-*` tokens as inline custom properties, and the colour scheme and reduced
 * motion emulated for the components' own media queries.
 */
export const withLoyaltyGlobals: Decorator = (story, context) => {
  const globals: LoyaltyGlobals = {
    locale: pick(context.globals.locale, ['en', 'zh-CN'], 'en'),
    scheme: pick(context.globals.scheme, ['light', 'dark'], 'light'),
    direction: pick(context.globals.direction, ['ltr', 'rtl'], 'ltr'),
    motion: pick(context.globals.motion, ['no-preference', 'reduce'], 'no-preference'),
    theme: pick(context.globals.theme, themeNames, 'default'),
  };
  emulateMediaFeatures(elementStyleSheets(loyaltyTagNames), {
    'prefers-color-scheme': globals.scheme,
    'prefers-reduced-motion': globals.motion,
  });
  const stage: StoryStage = context.parameters.stage === 'wide' ? 'wide' : 'card';
  return html`
    <div
      class="loyalty-story"
      lang=${globals.locale}
      dir=${globals.direction}
      data-scheme=${globals.scheme}
      data-view-mode=${context.viewMode}
      style=${styleMap(themeProperties(globals.theme, globals.scheme))}
    >
      <div class="loyalty-story__stage" data-stage=${stage}>${story()}</div>
    </div>
  `;
};
