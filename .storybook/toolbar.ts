// The toolbar's buttons (Storybook globals). Each description is the button's tooltip and the
// "What it does" column of the "Start here" page, so it says plainly what the button changes.
import type { Preview } from '@storybook/web-components-vite';
import { themeNames, themes } from '../stories/themes/themes.ts';

export const toolbar = {
  locale: {
    description: 'Language: the lang attribute on the story root, which the widgets resolve',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English', right: 'en' },
        { value: 'zh-CN', title: '简体中文', right: 'zh-CN' },
      ],
      dynamicTitle: true,
    },
  },
  scheme: {
    description: 'Colour scheme: emulates prefers-color-scheme for the widgets',
    toolbar: {
      title: 'Colour scheme',
      icon: 'contrast',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
  direction: {
    description: 'Text direction: the dir attribute on the story root',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        { value: 'ltr', title: 'Left to right', right: 'ltr' },
        { value: 'rtl', title: 'Right to left', right: 'rtl' },
      ],
      dynamicTitle: true,
    },
  },
  motion: {
    description: 'Motion: emulates prefers-reduced-motion for the widgets',
    toolbar: {
      title: 'Motion',
      icon: 'lightning',
      items: [
        { value: 'no-preference', title: 'Full motion', icon: 'lightning' },
        { value: 'reduce', title: 'Reduced motion', icon: 'lightningoff' },
      ],
      dynamicTitle: true,
    },
  },
  theme: {
    description: 'Merchant theme: only --loyalty-* tokens (stories/themes/themes.ts)',
    toolbar: {
      title: 'Theme',
      icon: 'paintbrush',
      items: themeNames.map((name) => ({ value: name, title: themes[name].title })),
      dynamicTitle: true,
    },
  },
  forcedColors: {
    description:
      'Forced colours, approximated (a story cannot switch the real mode on): the widgets’ own ' +
      '(forced-colors: active) rules apply, every colour token becomes a system colour (Canvas, CanvasText, ' +
      'LinkText, Highlight; button fills match the page, as in Windows’ contrast themes) and shadows are dropped. ' +
      'Confirm in a browser with a contrast theme on.',
    toolbar: {
      title: 'Forced colours',
      icon: 'eye',
      items: [
        { value: 'none', title: 'Forced colours off' },
        { value: 'active', title: 'Forced colours (emulated)' },
      ],
      dynamicTitle: true,
    },
  },
  textSize: {
    description: 'Text size: doubles the root font size (a phone set to 200 % text); the widgets size text in rem',
    toolbar: {
      title: 'Text size',
      icon: 'type',
      items: [
        { value: 'normal', title: 'Text 100 %' },
        { value: 'double', title: 'Text 200 %' },
      ],
      dynamicTitle: true,
    },
  },
  container: {
    description: 'Container: the width the story’s widgets get, a card column or a 320 px wide column (a narrow phone)',
    toolbar: {
      title: 'Container',
      icon: 'mobile',
      items: [
        { value: 'default', title: 'Default width' },
        { value: 'narrow', title: 'Narrow (320 px)' },
      ],
      dynamicTitle: true,
    },
  },
} satisfies NonNullable<Preview['globalTypes']>;
