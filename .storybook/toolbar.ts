// The toolbar's buttons (Storybook globals). Each description is the button's tooltip and the
// "What it does" column of the "Start here" page, so it says plainly what the button changes.
import type { Preview } from '@storybook/web-components-vite';
import { themeNames, themes } from '../stories/themes/themes.ts';

type GlobalType = NonNullable<Preview['globalTypes']>[string];
type ToolbarConfig = NonNullable<GlobalType['toolbar']>;

/** One toolbar button: its tooltip, title, icon and choices, its title following the choice. */
const button = (description: string, title: string, icon: ToolbarConfig['icon'], items: ToolbarConfig['items']) =>
  ({ description, toolbar: { title, icon, items, dynamicTitle: true } }) satisfies GlobalType;

/** Choices that need only a title: `{ value: title }`. */
const choices = (titles: Record<string, string>) => Object.entries(titles).map(([value, title]) => ({ value, title }));

export const toolbar = {
  locale: button('Language: the lang attribute on the story root, which the widgets resolve', 'Language', 'globe', [
    { value: 'en', title: 'English', right: 'en' },
    { value: 'zh-CN', title: '简体中文', right: 'zh-CN' },
  ]),
  scheme: button('Colour scheme: emulates prefers-color-scheme for the widgets', 'Colour scheme', 'contrast', [
    { value: 'light', title: 'Light', icon: 'sun' },
    { value: 'dark', title: 'Dark', icon: 'moon' },
  ]),
  direction: button('Text direction: the dir attribute on the story root', 'Direction', 'transfer', [
    { value: 'ltr', title: 'Left to right', right: 'ltr' },
    { value: 'rtl', title: 'Right to left', right: 'rtl' },
  ]),
  motion: button('Motion: emulates prefers-reduced-motion for the widgets', 'Motion', 'lightning', [
    { value: 'no-preference', title: 'Full motion', icon: 'lightning' },
    { value: 'reduce', title: 'Reduced motion', icon: 'lightningoff' },
  ]),
  theme: button(
    'Merchant theme: only --loyalty-* tokens (stories/themes/themes.ts)',
    'Theme',
    'paintbrush',
    themeNames.map((name) => ({ value: name, title: themes[name].title })),
  ),
  forcedColors: button(
    'Forced colours, approximated (a story cannot switch the real mode on): the widgets’ own ' +
      '(forced-colors: active) rules apply, every colour token becomes a system colour (Canvas, CanvasText, ' +
      'LinkText, Highlight; button fills match the page, as in Windows’ contrast themes) and shadows are dropped. ' +
      'Confirm in a browser with a contrast theme on.',
    'Forced colours',
    'eye',
    choices({ none: 'Forced colours off', active: 'Forced colours (emulated)' }),
  ),
  textSize: button(
    'Text size: doubles the root font size (a phone set to 200 % text); the widgets size text in rem',
    'Text size',
    'type',
    choices({ normal: 'Text 100 %', double: 'Text 200 %' }),
  ),
  container: button(
    'Container: the width the story’s widgets get, a card column or a 320 px wide column (a narrow phone)',
    'Container',
    'mobile',
    choices({ default: 'Default width', narrow: 'Narrow (320 px)' }),
  ),
} satisfies NonNullable<Preview['globalTypes']>;
