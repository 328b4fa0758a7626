import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Decorator } from '@storybook/web-components-vite';
import { themeProperties, themeNames, tokenProperties, type ThemeName } from '../stories/themes/themes.ts';
import { forcedColorTokens } from './forced-colors.ts';
import { elementStyleSheets, emulateMediaFeatures, type MediaPreferences } from './media-emulation.ts';
import { loyaltyTagNames } from './manifest.ts';

export type LoyaltyGlobals = {
  locale: 'en' | 'zh-CN';
  scheme: 'light' | 'dark';
  direction: 'ltr' | 'rtl';
  motion: MediaPreferences['prefers-reduced-motion'];
  theme: ThemeName;
  forcedColors: MediaPreferences['forced-colors'];
  /** The root font size: `double` is a phone set to 200 % text. */
  textSize: 'normal' | 'double';
  /** `narrow`: the story's widgets stand in a 320 px wide column. */
  container: 'default' | 'narrow';
};

export const initialLoyaltyGlobals: LoyaltyGlobals = {
  locale: 'en',
  scheme: 'light',
  direction: 'ltr',
  motion: 'no-preference',
  theme: 'default',
  forcedColors: 'none',
  textSize: 'normal',
  container: 'default',
};

/** How wide a story's stage is: a card column (the default), or the whole canvas. */
export type StoryStage = 'card' | 'wide';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Puts every story in a root that carries the toolbar's choices the way a merchant page would:
 * `lang` and `dir` on an ancestor (the components resolve their language from the closest `lang`),
 * the theme's `--loyalty-*` tokens as inline custom properties, the colour scheme, reduced motion
 * and forced colours emulated for the components' own media queries (forced colours also sets every
 * colour token to a system colour: see forced-colors.ts), the root font size, and the width of the
 * column the widgets stand in.
 */
export const withLoyaltyGlobals: Decorator = (story, context) => {
  const globals: LoyaltyGlobals = {
    locale: pick(context.globals.locale, ['en', 'zh-CN'], 'en'),
    scheme: pick(context.globals.scheme, ['light', 'dark'], 'light'),
    direction: pick(context.globals.direction, ['ltr', 'rtl'], 'ltr'),
    motion: pick(context.globals.motion, ['no-preference', 'reduce'], 'no-preference'),
    theme: pick(context.globals.theme, themeNames, 'default'),
    forcedColors: pick(context.globals.forcedColors, ['none', 'active'], 'none'),
    textSize: pick(context.globals.textSize, ['normal', 'double'], 'normal'),
    container: pick(context.globals.container, ['default', 'narrow'], 'default'),
  };
  const forced = globals.forcedColors === 'active';
  emulateMediaFeatures(elementStyleSheets(loyaltyTagNames), {
    'prefers-color-scheme': globals.scheme,
    'prefers-reduced-motion': globals.motion,
    'forced-colors': globals.forcedColors,
  });
  // Text size is the page's root font size, as a phone's text setting is: it is set on <html>.
  document.documentElement.style.fontSize = globals.textSize === 'double' ? '200%' : '';
  const stage: StoryStage = context.parameters.stage === 'wide' ? 'wide' : 'card';
  const tokens = {
    ...themeProperties(globals.theme, globals.scheme),
    ...(forced ? tokenProperties(forcedColorTokens) : {}),
  };
  return html`
    <div
      class="loyalty-story"
      lang=${globals.locale}
      dir=${globals.direction}
      data-scheme=${globals.scheme}
      data-forced-colors=${globals.forcedColors}
      data-view-mode=${context.viewMode}
      style=${styleMap(tokens)}
    >
      <div class="loyalty-story__stage" data-stage=${stage} data-container=${globals.container}>${story()}</div>
    </div>
  `;
};
